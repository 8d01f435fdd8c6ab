// The twin's lifecycle: a second up is a no-op, stop leaves no process and keeps data, and a
// Kafka record and a Cassandra row written before a stop are there after the next start.
import { types } from 'cassandra-driver';
import { sharedTwin } from '../setup/twin';
import { kafkaClient, produceOne, readAt, withCassandra } from './clients';

jest.setTimeout(300_000);

const twin = sharedTwin();
const log = () => undefined;

const SERVERS = ['zookeeper', 'kafka', 'cassandra'];

/** Each server's state and the time it last started, as the runtime reports them. */
async function servers(): Promise<[string, string, string | undefined][]> {
  return (await twin.services())
    .filter((s) => SERVERS.includes(s.service))
    .map((s) => [s.service, s.state, s.startedAt]);
}

it('a second up while running starts nothing new', async () => {
  const before = await servers();
  expect(before.map(([, state]) => state)).toEqual(['running', 'running', 'running']);
  await twin.up(log);
  expect(await servers()).toEqual(before);
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
  // no process left: each server reports the exit code of its stop, as a stopped container does
  expect((await servers()).map(([, state]) => state)).toEqual(['exited', 'exited', 'exited']);

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
