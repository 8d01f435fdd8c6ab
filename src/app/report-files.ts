// Where the CLI writes its reports, checked before anything starts: a path that cannot be
// written, two reports on one path, or a report over an input file is a usage error (exit 2)
// while nothing has run yet. A write that still fails after the run is reported, and the run
// keeps its own exit code.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError, errorMessage } from '../model/errors';

export interface ReportFile {
  flag: string;
  /** a path, or "-" for standard output */
  file: string;
  render: () => string;
}

/** Standard output, for `--report-json -`. */
export const STDOUT = '-';

function canonical(file: string): string {
  const absolute = resolve(file);
  return existsSync(absolute) ? realpathSync(absolute) : absolute;
}

/**
 * Makes a folder and its missing parents one level at a time: mkdirSync's recursive mode spins
 * forever where a parent exists but refuses children (Linux /proc).
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let dir = resolve(folder); !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) mkdirSync(dir);
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? errorMessage(error);
}

/** Opens each path for appending (creating its folder), so a bad path fails before the run. */
export function checkReportFiles(
  reports: Pick<ReportFile, 'flag' | 'file'>[],
  inputs: string[],
): void {
  const taken = new Map(inputs.map((file) => [canonical(file), 'it is an input of this run']));
  const toStdout = reports.filter(({ file }) => file === STDOUT);
  if (toStdout.length > 1) {
    throw new UserError(
      `${toStdout.map(({ flag }) => flag).join(' and ')} both write to standard output; give one of them a file`,
    );
  }
  for (const { flag, file } of reports) {
    if (file === STDOUT) continue;
    const path = canonical(file);
    const clash = taken.get(path);
    if (clash) throw new UserError(`${flag} ${file}: ${clash}; give each report its own file`);
    taken.set(path, `${flag} writes the same file`);
    const existed = existsSync(path);
    try {
      makeFolders(dirname(path));
      closeSync(openSync(path, 'a'));
    } catch (error) {
      throw new UserError(
        `${flag} ${file} cannot be written (${reason(error)}); give a writable path`,
      );
    }
    if (!existed) rmSync(path, { force: true });
  }
}

/** Writes every report; returns one message per report that could not be written. */
export function writeReportFiles(reports: ReportFile[]): string[] {
  return reports.flatMap(({ flag, file, render }) => {
    try {
      if (file === STDOUT) process.stdout.write(render());
      else writeFileSync(file, render());
      return [];
    } catch (error) {
      return [`${flag} ${file} could not be written after the run (${reason(error)})`];
    }
  });
}
