// kafkajs's Node 24 TimeoutNegativeWarning is dropped once a Kafka client exists; every other
// warning still reaches stderr.
import { join } from 'node:path';
import { runChild } from '../../src/runtime/child';

it('drops TimeoutNegativeWarning, and only that warning', async () => {
  const root = join(__dirname, '..', '..');
  const { exitCode, stderr } = await runChild(
    process.execPath,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(__dirname, 'fixtures', 'kafka-warning.ts'),
    ],
    { timeoutMs: 60_000 },
  );
  expect(exitCode).toBe(0);
  expect(stderr).toContain('InfraVerifyTestWarning: a real problem');
  expect(stderr).not.toContain('TimeoutNegativeWarning');
  expect(stderr).not.toContain('negative number');
});
