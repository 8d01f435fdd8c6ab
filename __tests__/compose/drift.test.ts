// The drifts static mode used to pass 37 of 37, each now a red in seconds with no container:
// the repository's own stack, copied, changed one way, and verified with the CLI from its folder
// (`infra-verify verify --static`, compose's default file names). Each run's time is printed.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCliIn, type CliRun } from './compose-cli';

/** The repository's stack in a folder of its own: compose file, .env, inits, spec. */
function stackCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drift-'));
  for (const name of ['docker-compose.yml', '.env', 'infra-spec.yml', 'infrastructure']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  return dir;
}

function edit(file: string, find: string, replace: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(find);
  writeFileSync(file, text.replace(find, replace));
}

async function verifyStatic(dir: string, what: string): Promise<{ run: CliRun; failed: string[] }> {
  const run = await runCliIn(dir, ['verify', '--static', '--report-json', 'report.json']);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    durationMs: number;
    checks: { id: string; status: string }[];
  };
  console.log(
    `static mode, ${what}: exit ${run.code} in ${run.ms} ms (the run itself ${report.durationMs} ms, ` +
      `the rest is starting node and tsx)`,
  );
  return { run, failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id) };
}

// Each case starts the CLI (node + tsx) once or twice: seconds, more on a loaded machine.
jest.setTimeout(60_000);

describe('drifts static mode now catches', () => {
  it('passes the unchanged stack', async () => {
    const { run, failed } = await verifyStatic(stackCopy(), 'unchanged');
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('--partitions 3 changed to 6 in create-topics.sh', async () => {
    const dir = stackCopy();
    edit(join(dir, 'infrastructure/kafka/create-topics.sh'), '--partitions 3', '--partitions 6');
    const { run, failed } = await verifyStatic(dir, 'partitions 3 -> 6 in create-topics.sh');
    expect(run.code).toBe(1);
    expect(failed).toEqual([
      'static.kafka.topic.twitch-chat-messages',
      'static.kafka.topic.channel-stats',
    ]);
    expect(run.stdout).toContain('channel-stats: partitions expected 3, found 6');
  });

  it("Kafka's container port moved from 9092 to 9093", async () => {
    const dir = stackCopy();
    edit(join(dir, 'docker-compose.yml'), "'127.0.0.1:9092:9092'", "'127.0.0.1:9092:9093'");
    const { run, failed } = await verifyStatic(dir, 'Kafka container port 9092 -> 9093');
    expect(run.code).toBe(1);
    expect(failed).toEqual(['static.kafka.port']);
  });

  it('an override file that switches Kafka to :latest', async () => {
    const dir = stackCopy();
    writeFileSync(
      join(dir, 'docker-compose.override.yml'),
      'services:\n  kafka:\n    image: confluentinc/cp-kafka:latest\n',
    );
    const { run, failed } = await verifyStatic(dir, 'override switches Kafka to :latest');
    expect(run.code).toBe(1);
    expect(failed).toEqual(['static.kafka.image']);
    expect(run.stdout).toContain('at docker-compose.override.yml:3:5');
  });

  it('default_time_to_live changed in the schema.cql that cassandra-init runs', async () => {
    const dir = stackCopy();
    edit(
      join(dir, 'infrastructure/cassandra/schema.cql'),
      'default_time_to_live = 604800',
      'default_time_to_live = 86400',
    );
    const { run, failed } = await verifyStatic(dir, 'schema.cql TTL 604800 -> 86400');
    expect(run.code).toBe(1);
    expect(failed).toEqual(['static.cassandra.table.twitch_chat.raw_chat_messages']);
    expect(run.stdout).toContain('default_time_to_live expected 604800, found 86400');
  });

  it('turns the inits off with one flag, and says so instead of passing', async () => {
    const dir = stackCopy();
    edit(join(dir, 'infrastructure/kafka/create-topics.sh'), '--partitions 3', '--partitions 6');
    const run = await runCliIn(dir, ['verify', '--static', '--no-run-inits']);
    expect(run.stdout).toMatch(
      /channel-stats created by an init as declared \(skipped: .*running inits is turned off/,
    );
  });
});
