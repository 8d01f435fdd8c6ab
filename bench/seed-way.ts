// The seed's way of checking the same things: one CLI process per checklist item. Kafka items
// use Kafka's own tools from the twin's jars (what `docker exec ... kafka-topics` runs); each
// Cassandra query is a one-shot `infra-verify cql -e` process (standing in for `cqlsh -e`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROBE_PARTITION } from '../src/probes/cassandra';
import type { TwinConfig } from '../src/runtime/local/config';

export interface SeedCommand {
  item: string;
  command: string;
  args: string[];
  stdin?: string;
}

const TOPICS = ['twitch-chat-messages', 'channel-stats'];
const TABLE = "keyspace_name = 'twitch_chat' AND table_name = 'raw_chat_messages'";

/** A Kafka tool as kafka-run-class.sh starts it: its own JVM with the tools' default heap. */
function kafkaTool(
  config: TwinConfig,
  mainClass: string,
  args: string[],
): Pick<SeedCommand, 'command' | 'args'> {
  const twinDir = join(config.repoRoot, 'twin');
  return {
    command: config.java,
    args: [
      '-Xmx256m',
      `-Dlog4j.configuration=file:${join(twinDir, 'conf', 'tools-log4j.properties')}`,
      '-cp',
      join(twinDir, 'lib', 'kafka', '*'),
      mainClass,
      ...args,
    ],
  };
}

/** The bundled CLI when it has been built (as a user runs it), else the same CLI through tsx. */
function cqlOneShot(config: TwinConfig, statement: string): Pick<SeedCommand, 'command' | 'args'> {
  const bundled = join(config.repoRoot, 'dist', 'cli', 'index.js');
  if (existsSync(bundled)) {
    return { command: process.execPath, args: [bundled, 'cql', '-e', statement] };
  }
  return {
    command: process.execPath,
    args: [
      join(config.repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(config.repoRoot, 'src', 'cli.ts'),
      'cql',
      '-e',
      statement,
    ],
  };
}

/** The live checklist items, seed-style, in checklist order (no restart, no TTL-expiry wait). */
export function seedCommands(config: TwinConfig): SeedCommand[] {
  const bootstrap = ['--bootstrap-server', `${config.host}:${config.ports.kafka}`];
  const topicCommand = (args: string[]) =>
    kafkaTool(config, 'org.apache.kafka.tools.TopicCommand', [...bootstrap, ...args]);
  const probeKey = `${PROBE_PARTITION}', 4242, 00000000-0000-0000-0000-000000004242`;
  return [
    { item: 'topics exist', ...topicCommand(['--list']) },
    ...TOPICS.map((topic) => ({
      item: `${topic}: partitions, replication factor`,
      ...topicCommand(['--describe', '--topic', topic]),
    })),
    ...TOPICS.map((topic) => ({
      item: `${topic}: configs set on the topic`,
      ...kafkaTool(config, 'kafka.admin.ConfigCommand', [
        ...bootstrap,
        '--describe',
        '--entity-type',
        'topics',
        '--entity-name',
        topic,
      ]),
    })),
    {
      item: 'can produce',
      ...kafkaTool(config, 'kafka.tools.ConsoleProducer', [
        ...bootstrap,
        '--topic',
        TOPICS[0] as string,
      ]),
      stdin: 'seed-way benchmark record\n',
    },
    {
      item: 'can consume',
      ...kafkaTool(config, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
        ...bootstrap,
        '--topic',
        TOPICS[0] as string,
        '--from-beginning',
        '--max-messages',
        '1',
        '--timeout-ms',
        '30000',
      ]),
    },
    {
      item: 'keyspace and replication',
      ...cqlOneShot(
        config,
        "SELECT * FROM system_schema.keyspaces WHERE keyspace_name = 'twitch_chat'",
      ),
    },
    {
      item: 'table, TTL, compaction',
      ...cqlOneShot(config, `SELECT * FROM system_schema.tables WHERE ${TABLE}`),
    },
    {
      item: 'columns, keys, clustering order',
      ...cqlOneShot(config, `SELECT * FROM system_schema.columns WHERE ${TABLE}`),
    },
    {
      item: 'can write',
      ...cqlOneShot(
        config,
        `INSERT INTO twitch_chat.raw_chat_messages (channel_id, timestamp, message_id, message) VALUES ('${probeKey}, 'seed way')`,
      ),
    },
    {
      item: 'can read',
      ...cqlOneShot(
        config,
        `SELECT * FROM twitch_chat.raw_chat_messages WHERE channel_id = '${PROBE_PARTITION}'`,
      ),
    },
    {
      item: 'TTL set',
      ...cqlOneShot(
        config,
        `SELECT TTL(message) FROM twitch_chat.raw_chat_messages WHERE channel_id = '${PROBE_PARTITION}'`,
      ),
    },
  ];
}

/** Not a checklist item: removes the seed-way probe row again. */
export function seedCleanup(config: TwinConfig): SeedCommand {
  return {
    item: 'cleanup',
    ...cqlOneShot(
      config,
      `DELETE FROM twitch_chat.raw_chat_messages WHERE channel_id = '${PROBE_PARTITION}' AND timestamp = 4242`,
    ),
  };
}

/** Runs one command to completion; a non-zero exit is an error, since a failed check proves nothing. */
export function runSeedCommand(command: SeedCommand): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, command.args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(command.stdin ?? '');
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(Date.now() - started)
        : reject(new Error(`${command.item}: exit ${code}\n${stderr.slice(-2000)}`)),
    );
  });
}
