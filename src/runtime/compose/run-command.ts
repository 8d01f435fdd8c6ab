// The only place compose commands are executed: execFile with an argument array, no shell.
import { execFile } from 'node:child_process';
import type { CommandResult, RunCommand } from './command';

export const runCommand: RunCommand = (file, args, options = {}) =>
  new Promise<CommandResult>((resolve, reject) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', shell: false },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // ENOENT and friends: the binary itself could not run
          reject(new Error(`${file}: ${error.message}`));
          return;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
