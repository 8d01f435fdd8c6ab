// Static mode's way into an init script: run the init's own command with a recording
// `kafka-topics` first on PATH, and read back each call. That reads a script as bash reads it
// (functions, variables, loops, inline `bash -c`), which no parser of ours would. What runs is
// the pull request's own script, so it runs without network (a network namespace where the
// kernel allows one), within a deadline, with nothing of the job's environment but the init's
// own `environment:`, from an empty folder that is removed afterwards.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InitRecording, RecordInit } from '../model/compose';
import { errorMessage } from '../model/errors';
import { runChild } from './child';

/** An init that creates topics is done in well under a second with the recording stand-ins. */
export const INIT_DEADLINE_MS = 10_000;
const MAX_RECORD_BYTES = 1024 * 1024;
const CALL_END = '\u0001';

/** Each call appends its name and arguments, NUL-separated, then an end mark. It answers nothing
 * else. */
const RECORDER = `#!/bin/sh
printf '%s\\0' "\${0##*/}" >>"$INFRA_VERIFY_RECORD"
for arg in "$@"; do printf '%s\\0' "$arg" >>"$INFRA_VERIFY_RECORD"; done
printf '${CALL_END}\\0' >>"$INFRA_VERIFY_RECORD"
exit 0
`;
/** What an init may call or wait on: each answers "done" at once and is recorded; cqlsh too, so
 * a schema init never reaches for a server. */
const STAND_INS = ['kafka-topics', 'kafka-topics.sh', 'kafka-broker-api-versions', 'cub', 'cqlsh'];

let networkNamespace: Promise<boolean> | undefined;
/** `unshare -n` needs root or unprivileged user namespaces, which some kernels forbid. Asked
 * once, without blocking: inits recorded side by side share the answer, and static mode asks
 * early, while compose resolves the project. */
export function canUnshareNetwork(): Promise<boolean> {
  networkNamespace ??= runChild('unshare', ['-n', 'true'], { timeoutMs: 5000 }).then(
    (result) => result.exitCode === 0,
    () => false,
  );
  return networkNamespace;
}

export function parseRecording(text: string): string[][] {
  const calls: string[][] = [];
  let call: string[] = [];
  for (const part of text.split('\0').slice(0, -1)) {
    if (part === CALL_END) {
      calls.push(call);
      call = [];
    } else {
      call.push(part);
    }
  }
  return calls;
}

export const recordInit: RecordInit = async ({ argv, env }): Promise<InitRecording> => {
  const [command, ...args] = argv;
  if (command === undefined) return { unreadable: 'it runs its image’s default command' };
  // `cqlsh -f schema.cql` as the whole command: the stand-in would only write down this call.
  if (STAND_INS.includes(command)) {
    return {
      calls: [[command, ...args]],
      exitCode: 0,
      isolation: `its command is ${command} itself, read as written`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'infra-verify-init-'));
  try {
    const bin = join(dir, 'bin');
    const record = join(dir, 'record');
    writeFileSync(record, '');
    mkdirSync(bin);
    for (const name of STAND_INS) {
      writeFileSync(join(bin, name), RECORDER);
      chmodSync(join(bin, name), 0o755);
    }
    const isolated = await canUnshareNetwork();
    const [file, fileArgs] = isolated
      ? ['unshare', ['-n', '--', command, ...args]]
      : [command, args];
    const result = await runChild(file, fileArgs, {
      cwd: dir,
      timeoutMs: INIT_DEADLINE_MS,
      maxOutputBytes: MAX_RECORD_BYTES,
      env: {
        ...env,
        PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
        HOME: dir,
        INFRA_VERIFY_RECORD: record,
      },
    });
    const text = readFileSync(record, 'utf8').slice(0, MAX_RECORD_BYTES);
    return {
      calls: parseRecording(text),
      exitCode: result.exitCode,
      isolation: isolated
        ? 'no network (its own network namespace)'
        : 'no network namespace here (unshare -n is not permitted); a clean environment and a deadline',
    };
  } catch (error) {
    return { unreadable: `running it failed: ${errorMessage(error)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
