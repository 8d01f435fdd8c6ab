// Reading a file that a pull request controls (the spec, a compose file): a regular file inside
// the checkout, of a size a person writes, in UTF-8. Anything else is refused before a byte of
// it is parsed or quoted, so no error can print a secret that a symlink pointed at.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import * as path from 'node:path';

/**
 * The real compose file is under 6 KB. The cap also bounds the time the YAML parser may spend on
 * garbage (about a second here for a capped file). A spec has its own, larger cap (load.ts).
 */
export const MAX_TEXT_FILE_BYTES = 256 * 1024;

/** Why a file cannot be read; the caller names the file and the fix around it. */
export class TextFileProblem extends Error {}

const PSEUDO_FILESYSTEMS = ['/proc/', '/sys/', '/dev/'];

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** A symlink is followed only to a file inside the working directory: the checkout. */
function checkedTarget(file: string): string {
  let real: string;
  let cwd: string;
  try {
    real = realpathSync(file);
    cwd = realpathSync(process.cwd());
  } catch (error) {
    throw new TextFileProblem(`cannot read the file (${reason(error)})`);
  }
  if (PSEUDO_FILESYSTEMS.some((prefix) => `${real}/`.startsWith(prefix))) {
    throw new TextFileProblem(`it leads to ${real}, which is not a regular file`);
  }
  const relative = path.relative(cwd, real);
  const insideCwd = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  if (lstatSync(file).isSymbolicLink() && !insideCwd) {
    throw new TextFileProblem(
      `it is a symlink to ${real}, outside the working directory; a regular file is expected`,
    );
  }
  return real;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw new TextFileProblem(
      'it is UTF-16 (little endian, with a byte order mark); save it as UTF-8',
    );
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new TextFileProblem(
      'it is UTF-16 (big endian, with a byte order mark); save it as UTF-8',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new TextFileProblem(
      `it has a NUL byte at offset ${nul}: is it UTF-16 or binary? Save it as UTF-8 text`,
    );
  }
  try {
    // A UTF-8 byte order mark is harmless: dropped.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TextFileProblem('it is not valid UTF-8; save it as UTF-8 text');
  }
}

/** The file's text, or a TextFileProblem that says why not. Never reads past the size cap. */
export function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  const real = checkedTarget(file);
  let fd: number;
  try {
    // A FIFO would block the open itself until somebody writes to it.
    if (!statSync(real).isFile()) throw new TextFileProblem('it is not a regular file');
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof TextFileProblem) throw error;
    throw new TextFileProblem(`cannot read the file (${reason(error)})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new TextFileProblem('it is not a regular file');
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) {
        throw new TextFileProblem(
          `it is larger than ${maxBytes / 1024} KiB, far more than a real one`,
        );
      }
    }
    return decode(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
