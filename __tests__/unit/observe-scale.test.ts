// Observation at a big cluster's size makes a bounded number of requests, not one per topic or
// table: one listing, one metadata and one describeConfigs request for 5,000 topics, one read of
// each schema table (page after page) for thousands of tables. Fakes count the calls; the real
// figures on the twin are in `npm run bench:scale`.
import type { Admin } from 'kafkajs';
import { ConfigSource, KafkaJSProtocolError } from 'kafkajs';
import type { Client } from 'cassandra-driver';
import {
  deniedTopics,
  EVERY_CONFIG,
  type KafkaConnection,
  MAX_ASKED_BY_NAME,
  observeTopics,
} from '../../src/probes/kafka';
import { lookScope } from '../../src/probes/observe-stack';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { observeSchema, SCHEMA_PAGE_ROWS } from '../../src/probes/cassandra';

const TOPICS = 5000;

interface ConfigResource {
  name: string;
  configNames?: string[];
}

// kafkajs builds these from its error table: { type, code, message, retriable }.
const ProtocolError = KafkaJSProtocolError as unknown as new (e: object) => Error;

/** A connection whose admins (all one fake) count their calls; `refused` topics are denied. */
function countingConnection(
  calls: string[],
  asked: ConfigResource[] = [],
  refused = new Set<string>(),
): Pick<KafkaConnection, 'admin' | 'admins'> {
  const admin = countingAdmin(calls, asked, refused);
  return {
    admin,
    admins: async (count) => (calls.push(`admins ${count}`), Array(count).fill(admin) as Admin[]),
  };
}

function countingAdmin(calls: string[], asked: ConfigResource[], refused: Set<string>): Admin {
  const names = Array.from({ length: TOPICS }, (_, i) => `topic-${i}`);
  return {
    listTopics: async () => (calls.push('listTopics'), [...names, '__consumer_offsets']),
    // as kafkajs: no topic named is every topic
    fetchTopicMetadata: async ({ topics = [] }: { topics?: string[] } = {}) => {
      calls.push(topics.length === 0 ? 'fetchTopicMetadata' : 'fetchTopicMetadata by name');
      return {
        topics: (topics.length === 0 ? [...names, '__consumer_offsets'] : topics).map((name) => ({
          name,
          partitions: [{ partitionId: 0, leader: 1, replicas: [1], isr: [1] }],
        })),
      };
    },
    describeConfigs: async ({ resources }: { resources: ConfigResource[] }) => {
      calls.push('describeConfigs');
      asked.push(...resources);
      if (resources.some(({ name }) => refused.has(name)))
        throw new ProtocolError({ type: 'TOPIC_AUTHORIZATION_FAILED', code: 29, retriable: false });
      return {
        resources: resources.map(({ name }) => ({
          resourceName: name,
          errorCode: 0,
          configEntries: [
            {
              configName: 'retention.ms',
              configValue: '1',
              configSource: ConfigSource.TOPIC_CONFIG,
            },
          ],
        })),
      };
    },
  } as unknown as Admin;
}

describe('observing 5,000 topics', () => {
  it('asks the broker a few times in all, not once per topic', async () => {
    const calls: string[] = [];
    const asked: ConfigResource[] = [];
    const topics = await observeTopics(countingConnection(calls, asked), EVERY_CONFIG);
    expect(Object.keys(topics)).toHaveLength(TOPICS);
    expect(topics['topic-4999']?.topicConfigs).toEqual({ 'retention.ms': '1' });
    // one listing with every topic's partitions, the configs in four requests side by side,
    // each topic in one of them
    expect(calls.sort()).toEqual([
      'admins 4',
      ...Array(4).fill('describeConfigs'),
      'fetchTopicMetadata',
    ]);
    expect(new Set(asked.map(({ name }) => name)).size).toBe(TOPICS);
    expect(asked).toHaveLength(TOPICS);
  });

  it('opens the spare connections while the listing comes, where the spec says how many', async () => {
    const calls: string[] = [];
    await observeTopics(countingConnection(calls), {
      topics: Array.from({ length: TOPICS }, (_, i) => `topic-${i}`),
    });
    expect(calls.slice(0, 2)).toEqual(['admins 4', 'fetchTopicMetadata']);
  });

  it('asks for a few topics in one request', async () => {
    const calls: string[] = [];
    await observeTopics(countingConnection(calls), { topics: ['topic-1', 'topic-2'] });
    expect(calls.filter((call) => call.startsWith('describeConfigs'))).toHaveLength(1);
  });

  it('names the topics whose configs it may not read, in a few requests each', async () => {
    const calls: string[] = [];
    const refused = new Set(['topic-17', 'topic-4321']);
    await expect(
      observeTopics(countingConnection(calls, [], refused), EVERY_CONFIG),
    ).rejects.toThrow('not authorized: DescribeConfigs on topic topic-17, topic-4321');
    expect(calls.filter((call) => call === 'describeConfigs').length).toBeLessThan(60);
  });

  it('names at most ten refused topics when it may read none', async () => {
    const calls: string[] = [];
    const all = new Set(Array.from({ length: TOPICS }, (_, i) => `topic-${i}`));
    const error = await observeTopics(countingConnection(calls, [], all), EVERY_CONFIG).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /DescribeConfigs on topic (topic-\d+, ){9}topic-\d+ \(and maybe more\)$/,
    );
    expect(calls.filter((call) => call === 'describeConfigs').length).toBeLessThan(400);
  });

  it('asks only for the configs a verify reads, of the topics it declares', async () => {
    const asked: ConfigResource[] = [];
    const topics = await observeTopics(countingConnection([], asked), {
      topics: ['topic-7', 'topic-3', 'not-there'],
      names: ['cleanup.policy', 'retention.ms'],
    });
    expect(Object.keys(topics)).toHaveLength(TOPICS);
    expect(asked).toEqual([
      { type: expect.anything(), name: 'topic-3', configNames: ['cleanup.policy', 'retention.ms'] },
      { type: expect.anything(), name: 'topic-7', configNames: ['cleanup.policy', 'retention.ms'] },
    ]);
    expect(topics['topic-3']?.topicConfigs).toEqual({ 'retention.ms': '1' });
    expect(topics['topic-4']?.topicConfigs).toEqual({});
  });

  it('reads no config at all when none is wanted', async () => {
    const calls: string[] = [];
    await observeTopics(countingConnection(calls), { names: [] });
    expect(calls.filter((call) => !call.startsWith('admins'))).toEqual(['fetchTopicMetadata']);
  });

  it("reads the configs a spec declares and those the verifier judges by, of the spec's topics", () => {
    const scope = lookScope(DEFAULT_SPEC);
    const declared = (DEFAULT_SPEC.kafka?.topics ?? []).flatMap((t) => Object.keys(t.configs));
    expect(declared.length).toBeGreaterThan(0);
    expect(scope.configs.topics).toEqual(DEFAULT_SPEC.kafka?.topics.map((t) => t.name));
    expect(new Set(scope.configs.names)).toEqual(
      new Set([...declared, 'cleanup.policy', 'min.insync.replicas']),
    );
  });
});

describe('telling 5,000 unlisted topics missing from denied', () => {
  const wanted = Array.from({ length: TOPICS }, (_, i) => `wanted-${i}`);
  /** Each asked alone: the first ones denied, the others missing; counts what is in flight. */
  function askingAdmin(seen: { asked: number; most: number }, deniedNames: Set<string>): Admin {
    let inFlight = 0;
    return {
      fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
        seen.asked += 1;
        inFlight += 1;
        seen.most = Math.max(seen.most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        const type = deniedNames.has(topics[0] as string)
          ? 'TOPIC_AUTHORIZATION_FAILED'
          : 'UNKNOWN_TOPIC_OR_PARTITION';
        throw new ProtocolError({ type, code: 3, retriable: false });
      },
    } as unknown as Admin;
  }

  it('asks at most a hundred by name, a few at a time, and names the rest as not asked', async () => {
    const seen = { asked: 0, most: 0 };
    const answer = await deniedTopics(askingAdmin(seen, new Set(['wanted-3'])), wanted, {});
    expect(seen.asked).toBe(MAX_ASKED_BY_NAME);
    expect(seen.most).toBeLessThanOrEqual(8);
    expect(answer.denied).toEqual({ 'wanted-3': 'not authorized: Describe on topic wanted-3' });
    expect(answer.notAsked).toEqual(wanted.slice(MAX_ASKED_BY_NAME));
  });

  it('asks each of a few unlisted topics', async () => {
    const seen = { asked: 0, most: 0 };
    const answer = await deniedTopics(askingAdmin(seen, new Set()), wanted.slice(0, 3), {});
    expect(seen.asked).toBe(3);
    expect(answer).toEqual({ denied: {}, notAsked: [] });
  });
});

describe('observing thousands of tables', () => {
  const TABLES = 3000;
  const rowsOf = (query: string) => {
    if (query.includes('system_schema.keyspaces')) {
      return [{ keyspace_name: 'big', replication: { class: 'SimpleStrategy' } }];
    }
    const tables = Array.from({ length: TABLES }, (_, t) => `t${t}`);
    if (query.includes('system_schema.tables')) {
      return tables.map((table_name) => ({ keyspace_name: 'big', table_name, compaction: {} }));
    }
    return tables.flatMap((table_name) =>
      ['id', 'value'].map((column_name, position) => ({
        keyspace_name: 'big',
        table_name,
        column_name,
        type: 'text',
        kind: position === 0 ? 'partition_key' : 'regular',
        position: position === 0 ? 0 : -1,
      })),
    );
  };

  it('reads each schema table once, page after page, and loses no column', async () => {
    const executed: string[] = [];
    const client = {
      execute: async (
        query: string,
        _params: unknown[],
        options: { pageState?: string; fetchSize: number },
      ) => {
        const rows = rowsOf(query);
        const start = Number(options.pageState ?? 0);
        const end = start + options.fetchSize;
        executed.push(query.split(' FROM ')[1] ?? query);
        return { rows: rows.slice(start, end), pageState: end < rows.length ? String(end) : null };
      },
    } as unknown as Client;
    const schema = await observeSchema(client);
    expect(Object.keys(schema['big']?.tables ?? {})).toHaveLength(TABLES);
    expect(schema['big']?.tables['t2999']?.columns.map((column) => column.name)).toEqual([
      'id',
      'value',
    ]);
    // 6,000 column rows are two pages; each other schema table is one
    expect(SCHEMA_PAGE_ROWS).toBeLessThan(2 * TABLES);
    expect(executed.sort()).toEqual([
      'system_schema.columns',
      'system_schema.columns',
      'system_schema.keyspaces',
      'system_schema.tables',
    ]);
  });
});
