// The CLI's stack commands against the shared twin, in-process: status and cql.
import { EXIT, main } from '../../src/cli/program';

jest.setTimeout(60_000);

let stdout: string;
let stderr: string;
const spies: jest.SpyInstance[] = [];
beforeEach(() => {
  stdout = '';
  stderr = '';
  spies.push(
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    }),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    }),
  );
});
afterEach(() => spies.splice(0).forEach((spy) => spy.mockRestore()));

it('status lists every service of the running twin and exits 0', async () => {
  expect(await main(['node', 'infra-verify', 'status'])).toBe(EXIT.ok);
  const lines = stdout.trim().split('\n');
  expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
    'chatbattle-zookeeper running',
    'chatbattle-kafka running',
    'chatbattle-kafka-init exited',
    'chatbattle-cassandra running',
    'chatbattle-cassandra-init exited',
    'chatbattle-stack-ready running',
  ]);
});

it('cql -e prints rows plainly, like cqlsh', async () => {
  const query =
    "SELECT keyspace_name, durable_writes FROM system_schema.keyspaces WHERE keyspace_name = 'twitch_chat'";
  expect(await main(['node', 'infra-verify', 'cql', '-e', query])).toBe(EXIT.ok);
  expect(stdout).toBe('keyspace_name | durable_writes\ntwitch_chat | true\n(1 rows)\n');
});

it('cql exits 1 and names the statement that failed', async () => {
  expect(
    await main(['node', 'infra-verify', 'cql', '-e', 'SELECT * FROM twitch_chat.no_such_table']),
  ).toBe(EXIT.failed);
  expect(stderr).toMatch(
    /CQL failed: .*no_such_table[\s\S]*in: SELECT \* FROM twitch_chat\.no_such_table/,
  );
});
