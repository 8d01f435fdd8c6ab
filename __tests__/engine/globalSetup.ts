// The engine suite needs the private engine: a missing one fails the run, it never skips it.
// Containers left by an earlier, interrupted run of this suite would collide with the fixed
// container names, so they are removed first (only projects this suite names: engine-test-*).
import { docker, engineIsUp } from './engine';

export const TEST_PROJECT_PREFIX = 'engine-test-';

export default async function globalSetup(): Promise<void> {
  if (!engineIsUp()) {
    throw new Error(
      'the engine tests need the private Docker engine, which is not running: start it with ' +
        '`npm run engine:up` (root, Linux), then run the tests again',
    );
  }
  const version = await docker(['version', '--format', '{{.Server.Version}}']);
  if (version.exitCode !== 0) {
    throw new Error(`the private engine does not answer: ${version.stderr.trim()}`);
  }
  // Only what this suite's projects left: a developer's own stack on the engine stays.
  for (const [kind, name] of [
    ['ps', '{{.ID}} {{.Label "com.docker.compose.project"}}'],
    ['volume', '{{.Name}} {{.Label "com.docker.compose.project"}}'],
    ['network', '{{.ID}} {{.Label "com.docker.compose.project"}}'],
  ] as const) {
    const listed = await docker(
      kind === 'ps' ? ['ps', '--all', '--format', name] : [kind, 'ls', '--format', name],
    );
    const stale = listed.stdout
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, project]) => project?.startsWith(TEST_PROJECT_PREFIX))
      .map(([id]) => id ?? '');
    if (stale.length === 0) continue;
    await docker(kind === 'ps' ? ['rm', '--force', '--volumes', ...stale] : [kind, 'rm', ...stale]);
  }
}
