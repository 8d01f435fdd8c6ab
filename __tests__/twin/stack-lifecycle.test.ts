// The twin's lifecycle: a second up is a no-op, stop leaves no process and keeps data, and a
// Kafka record and a Cassandra row written before a stop are there after the next start.
import { types } from 'cassandra-driver';
import { sharedTwin } from '../setup/twin';
import { kafkaClient, produceOne, readAt, withCassandra } from './clients';

jest.setTimeout(300_000);

const twin = sharedTwin();
const log = () => undefined;

function runningPids(): (number | 'none')[] {
  return (['zookeeper', 'kafka', 'cassandra'] as const).map(
    (name) => twin.servicePid(name) ?? 'none',
  );
}

it('a second up while running starts nothing new', async () => {
  const before = runningPids();
  expect(before).not.toContain('none');
  await twin.up(log);
  expect(runningPids()).toEqual(before);
});

it('reports the services like compose ps: servers healthy, inits exited 0, stack-ready running', async () => {
  const services = await twin.services();
  expect(services.map((s) => [s.containerName, s.state, s.health ?? s.exitCode])).toEqual([
    ['chatbattle-zookeeper', 'running', 'healthy'],
    ['chatbattle-kafka', 'running', 'healthy'],
    ['chatbattle-kafka-init', 'exited', 0],
    ['chatbattle-cassandra', 'running', 'healthy'],
    ['chatbattle-cassandra-init', 'exited', 0],
    ['chatbattle-stack-ready', 'running', undefined],
  ]);
});

it('keeps a Kafka record and a Cassandra row across stop and start', async () => {
  const kafka = kafkaClient(twin.endpoints.kafkaBrokers);
  const marker = `persist-${Date.now()}`;
  const offset = await produceOne(kafka, 'twitch-chat-messages', marker);
  const messageId = types.Uuid.random();
  await withCassandra(twin.endpoints.cassandraContactPoints, (c) =>
    c.execute(
      'INSERT INTO twitch_chat.raw_chat_messages (channel_id, timestamp, message_id, user_id, username, message, emotes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        'persist_test',
        types.Long.fromNumber(Date.now()),
        messageId,
        'user456',
        'testuser2',
        marker,
        ['PogChamp'],
      ],
      { prepare: true },
    ),
  );

  const stops = await twin.stop(log);
  expect(stops.map((s) => s.service).sort()).toEqual(['cassandra', 'kafka', 'zookeeper']);
  for (const stop of stops) expect(stop).toMatchObject({ clean: true, exitCode: 143 });
  expect(runningPids()).toEqual(['none', 'none', 'none']);

  await twin.start(log);
  expect(await readAt(kafka, 'twitch-chat-messages', offset)).toBe(marker);
  const row = await withCassandra(twin.endpoints.cassandraContactPoints, async (c) =>
    (
      await c.execute(
        'SELECT message FROM twitch_chat.raw_chat_messages WHERE channel_id = ? AND message_id = ? ALLOW FILTERING',
        ['persist_test', messageId],
        { prepare: true },
      )
    ).first(),
  );
  expect(row?.get('message')).toBe(marker);
});
