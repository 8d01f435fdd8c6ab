import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a file, reading only its end: server logs grow large. */
export function tailOfFile(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}
