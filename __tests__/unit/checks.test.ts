import { join } from 'node:path';
import { runChecks } from '../../src/checks';
import { resultOf } from '../../src/model/report';
import type { CheckResult } from '../../src/model/report';
import type { Observed, ObservedState } from '../../src/model/observed';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { loadSpec } from '../../src/spec/load';
import { matchingObservedState } from './fixtures/observed';

const spec = DEFAULT_SPEC;
const TABLE = 'cassandra.table.twitch_chat.raw_chat_messages';

function observe(change: (observed: ObservedState) => void = () => undefined): CheckResult[] {
  const observed = matchingObservedState(spec);
  change(observed);
  return runChecks(spec, observed);
}

function value<T>(observed: Observed<T>): T {
  if (!observed.ok) throw new Error('fixture probe is not ok');
  return observed.value;
}

const topics = (o: ObservedState) => value(o.kafka);
const table = (o: ObservedState) => value(o.cassandra).twitch_chat.tables.raw_chat_messages;
const services = (o: ObservedState) => value(o.services);
const service = (o: ObservedState, name: string) => services(o).find((s) => s.service === name)!;

/** id -> status of every check that did not pass */
function notPassing(results: CheckResult[]): Record<string, string> {
  return Object.fromEntries(
    results.filter((r) => r.status !== 'pass').map((r) => [r.id, r.status]),
  );
}

function byId(results: CheckResult[], id: string): CheckResult {
  const found = results.find((r) => r.id === id);
  if (!found) throw new Error(`no check ${id} in ${results.map((r) => r.id).join(', ')}`);
  return found;
}

describe('a stack that matches the spec', () => {
  const results = observe();

  it('passes every check', () => {
    expect(notPassing(results)).toEqual({});
    expect(resultOf(results)).toBe('pass');
  });

  it('has one check per checklist bullet, in the seed sections and order', () => {
    // the exact set, in order: a check added or lost anywhere must show up here
    expect(results.map((r) => r.id)).toEqual([
      'services.zookeeper.ready',
      'services.kafka.ready',
      'services.kafka-init.ready',
      'services.cassandra.ready',
      'services.cassandra-init.ready',
      'services.stack-ready.ready',
      'services.network',
      'services.start-order',
      'services.stop-clean',
      'kafka.topic.twitch-chat-messages.exists',
      'kafka.topic.twitch-chat-messages.partitions',
      'kafka.topic.twitch-chat-messages.replication-factor',
      'kafka.topic.twitch-chat-messages.config.retention.ms',
      'kafka.topic.channel-stats.exists',
      'kafka.topic.channel-stats.partitions',
      'kafka.topic.channel-stats.replication-factor',
      'kafka.topic.channel-stats.config.cleanup.policy',
      'kafka.produce',
      'kafka.consume',
      'cassandra.keyspace.twitch_chat.exists',
      'cassandra.keyspace.twitch_chat.strategy',
      'cassandra.keyspace.twitch_chat.replication.replication_factor',
      `${TABLE}.exists`,
      `${TABLE}.column.channel_id`,
      `${TABLE}.column.timestamp`,
      `${TABLE}.column.message_id`,
      `${TABLE}.column.user_id`,
      `${TABLE}.column.username`,
      `${TABLE}.column.message`,
      `${TABLE}.column.emotes`,
      `${TABLE}.partition-key`,
      `${TABLE}.clustering-columns`,
      `${TABLE}.default-ttl`,
      `${TABLE}.compaction`,
      `${TABLE}.clustering-order`,
      'cassandra.write',
      'cassandra.read',
      'cassandra.ttl',
      'cassandra.ttl-expiry',
      'persistence.kafka',
      'persistence.cassandra',
      'persistence.volumes',
    ]);
    const sections = results.map((r) => r.section).filter((s, i, all) => all[i - 1] !== s);
    expect(sections).toEqual([
      'Infrastructure Services',
      'Kafka Topics',
      'Cassandra Schema',
      'Data Persistence',
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it('nests sub-bullets under their parent and uses the seed wording', () => {
    expect(byId(results, 'kafka.topic.channel-stats.partitions').parent).toBe(
      'kafka.topic.channel-stats.exists',
    );
    expect(byId(results, `${TABLE}.clustering-order`).parent).toBe(`${TABLE}.exists`);
    expect(byId(results, 'services.zookeeper.ready').title).toBe('Zookeeper running and healthy');
    expect(byId(results, 'kafka.topic.channel-stats.exists').title).toBe(
      '`channel-stats` topic exists',
    );
    expect(byId(results, 'cassandra.keyspace.twitch_chat.strategy').title).toBe(
      'Replication strategy: SimpleStrategy',
    );
  });

  it('points every result at its spec entry when the spec came from a file', () => {
    const file = join(__dirname, '../../infra-spec.yml');
    const loaded = loadSpec(file);
    const located = runChecks(loaded.spec, matchingObservedState(loaded.spec), loaded.locate);
    expect(located.filter((r) => r.source === undefined).map((r) => r.id)).toEqual([]);
    const partitions = byId(located, 'kafka.topic.channel-stats.partitions').source;
    expect(partitions?.file).toBe(file);
    expect(loaded.locate(['kafka', 'topics', 1, 'partitions'])).toEqual(partitions);
  });
});

// The drifts the integration tests make on a live twin: each fails exactly its check, names
// both values, and leaves the unrelated checks passing (dependants are skipped, not failed).
describe.each([
  {
    drift: "a topic's partitions",
    change: (o: ObservedState) => {
      topics(o)['channel-stats'].partitions = 4;
      topics(o)['channel-stats'].replicationFactors.push(1);
    },
    failing: 'kafka.topic.channel-stats.partitions',
    message: 'channel-stats: partitions expected 3, found 4',
    skipped: [],
  },
  {
    drift: "a topic's cleanup policy",
    change: (o: ObservedState) => {
      topics(o)['channel-stats'].topicConfigs['cleanup.policy'] = 'delete';
    },
    failing: 'kafka.topic.channel-stats.config.cleanup.policy',
    message: 'channel-stats: cleanup.policy expected compact, found delete',
    skipped: [],
  },
  {
    drift: 'a missing retention override',
    change: (o: ObservedState) => {
      delete topics(o)['twitch-chat-messages'].topicConfigs['retention.ms'];
    },
    failing: 'kafka.topic.twitch-chat-messages.config.retention.ms',
    message:
      'twitch-chat-messages: retention.ms expected 604800000, found not set on the topic (effective 604800000)',
    skipped: [],
  },
  {
    drift: "a topic's replication factor",
    change: (o: ObservedState) => {
      topics(o)['channel-stats'].replicationFactors = [3, 3, 3];
    },
    failing: 'kafka.topic.channel-stats.replication-factor',
    message: 'channel-stats: replication factor expected 1, found 3',
    skipped: [],
  },
  {
    drift: 'a missing topic',
    change: (o: ObservedState) => {
      delete topics(o)['channel-stats'];
      o.roundTrip!.kafka['channel-stats'] = {
        ok: false,
        ms: 0,
        error: 'topic channel-stats does not exist',
      };
    },
    failing: 'kafka.topic.channel-stats.exists',
    message: 'channel-stats: topic expected present, found missing',
    skipped: [
      'kafka.topic.channel-stats.partitions',
      'kafka.topic.channel-stats.replication-factor',
      'kafka.topic.channel-stats.config.cleanup.policy',
    ],
  },
  {
    drift: 'keyspace replication',
    change: (o: ObservedState) => {
      value(o.cassandra).twitch_chat.replication.replication_factor = '2';
    },
    failing: 'cassandra.keyspace.twitch_chat.replication.replication_factor',
    message: 'twitch_chat: replication factor expected 1, found 2',
    skipped: [],
  },
  {
    drift: 'keyspace replication strategy',
    change: (o: ObservedState) => {
      value(o.cassandra).twitch_chat.replication.class =
        'org.apache.cassandra.locator.NetworkTopologyStrategy';
    },
    failing: 'cassandra.keyspace.twitch_chat.strategy',
    message:
      'twitch_chat: replication strategy expected SimpleStrategy, found NetworkTopologyStrategy',
    skipped: [],
  },
  {
    drift: "a table's partition key",
    change: (o: ObservedState) => {
      const userId = table(o).columns.find((c) => c.name === 'user_id')!;
      userId.kind = 'partition_key';
      userId.position = 1;
    },
    failing: `${TABLE}.partition-key`,
    message: 'raw_chat_messages: partition key expected (channel_id), found (channel_id, user_id)',
    skipped: [],
  },
  {
    drift: "a table's TTL",
    change: (o: ObservedState) => {
      // non-zero, as on the live twin: a compare that only asks "is a TTL set" must fail here
      table(o).defaultTtl = 86400;
      value(o.roundTrip!.cassandra).ttlAfterInsert = 86399;
    },
    failing: `${TABLE}.default-ttl`,
    message: 'raw_chat_messages: default_time_to_live expected 604800, found 86400',
    skipped: ['cassandra.ttl'],
  },
  {
    drift: 'clustering order',
    change: (o: ObservedState) => {
      table(o).columns.find((c) => c.name === 'timestamp')!.clusteringOrder = 'asc';
    },
    failing: `${TABLE}.clustering-order`,
    message:
      'raw_chat_messages: clustering order expected timestamp DESC, message_id ASC, found timestamp ASC, message_id ASC',
    skipped: [],
  },
  {
    drift: 'compaction',
    change: (o: ObservedState) => {
      table(o).compaction = {
        class: 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy',
        max_threshold: '32',
        min_threshold: '4',
      };
    },
    failing: `${TABLE}.compaction`,
    message:
      'raw_chat_messages: compaction class expected TimeWindowCompactionStrategy, found SizeTieredCompactionStrategy',
    skipped: [],
  },
  {
    drift: "a compaction window's size",
    change: (o: ObservedState) => {
      table(o).compaction.compaction_window_size = '7';
    },
    failing: `${TABLE}.compaction`,
    message: 'raw_chat_messages: compaction compaction_window_size expected 1, found 7',
    skipped: [],
  },
  {
    drift: "a column's type",
    change: (o: ObservedState) => {
      table(o).columns.find((c) => c.name === 'user_id')!.type = 'int';
    },
    failing: `${TABLE}.column.user_id`,
    message: 'raw_chat_messages: column user_id expected text, found int',
    skipped: ['cassandra.write', 'cassandra.read', 'cassandra.ttl', 'cassandra.ttl-expiry'],
  },
  {
    drift: 'a missing column',
    change: (o: ObservedState) => {
      table(o).columns = table(o).columns.filter((c) => c.name !== 'emotes');
    },
    failing: `${TABLE}.column.emotes`,
    message: 'raw_chat_messages: column emotes expected list<text>, found missing',
    skipped: ['cassandra.write', 'cassandra.read', 'cassandra.ttl', 'cassandra.ttl-expiry'],
  },
])('drift: $drift', ({ change, failing, message, skipped }) => {
  const results = observe(change);

  it('fails exactly the matching check and names both values', () => {
    const failed = byId(results, failing);
    expect(failed.status).toBe('fail');
    expect(failed.message).toBe(message);
    expect(failed.expected).toBeDefined();
    expect(failed.actual).toBeDefined();
    expect(failed.expected).not.toBe(failed.actual);
  });

  it('skips only its dependants, with the reason, and passes everything else', () => {
    expect(notPassing(results)).toEqual({
      [failing]: 'fail',
      ...Object.fromEntries(skipped.map((id) => [id, 'skip'])),
    });
    for (const id of skipped)
      expect(byId(results, id).message).toMatch(/^prerequisite ".+" \(.+\) did not pass$/);
    expect(resultOf(results)).toBe('fail');
  });
});

describe('services', () => {
  it('fails a server that exited, naming both states', () => {
    const results = observe((o) => {
      Object.assign(service(o, 'kafka'), { state: 'exited', exitCode: 1, health: undefined });
    });
    expect(byId(results, 'services.kafka.ready')).toMatchObject({
      status: 'fail',
      message: 'kafka: state expected running (healthy), found exited (exit 1)',
    });
  });

  it('fails an init that exited non-zero and a missing sentinel', () => {
    const results = observe((o) => {
      service(o, 'kafka-init').exitCode = 2;
      o.services = {
        ok: true,
        ms: 1,
        value: services(o).filter((s) => s.service !== 'stack-ready'),
      };
    });
    expect(byId(results, 'services.kafka-init.ready').message).toBe(
      'kafka-init: state expected exited (exit 0), found exited (exit 2)',
    );
    expect(byId(results, 'services.stack-ready.ready').message).toBe(
      'stack-ready: state expected running, found missing',
    );
  });

  it('fails a service that started before its dependency', () => {
    const results = observe((o) => {
      service(o, 'kafka').startedAt = '2025-12-31T23:59:58.000Z';
    });
    expect(notPassing(results)).toEqual({ 'services.start-order': 'fail' });
    expect(byId(results, 'services.start-order').message).toBe(
      'kafka: start expected after zookeeper, found 2.0 s before zookeeper',
    );
  });

  it('fails a service on another network, accepting the compose project prefix', () => {
    const results = observe((o) => {
      service(o, 'cassandra').networks = ['bridge'];
    });
    expect(notPassing(results)).toEqual({ 'services.network': 'fail' });
    expect(byId(results, 'services.network').message).toBe(
      'cassandra: network expected chatbattle-network, found bridge',
    );
  });

  it('skips network and volume checks when the runtime cannot see them (local twin)', () => {
    const results = observe((o) => {
      for (const s of services(o)) {
        delete s.networks;
        delete s.mounts;
      }
    });
    expect(notPassing(results)).toEqual({
      'services.network': 'skip',
      'persistence.volumes': 'skip',
    });
    expect(byId(results, 'services.network').message).toMatch(/does not report container networks/);
    expect(byId(results, 'persistence.volumes').message).toBe(
      'this runtime does not report volume mounts (the local twin has no containers)',
    );
  });

  it('skips what a runtime without containers cannot see (existing), but still checks the servers', () => {
    const reason = 'runtime existing sees servers by protocol only';
    const results = observe((o) => {
      o.services = {
        ok: true,
        ms: 1,
        value: services(o)
          .filter((s) => ['zookeeper', 'kafka', 'cassandra'].includes(s.service))
          .map(({ service, containerName, state, health }) => ({
            service,
            containerName,
            state,
            health,
          })),
      };
      o.notRun = { containers: reason };
    });
    const skipped = Object.fromEntries(
      results.filter((r) => r.status === 'skip').map((r) => [r.id, r.message]),
    );
    expect(skipped).toEqual({
      'services.kafka-init.ready': reason,
      'services.cassandra-init.ready': reason,
      'services.stack-ready.ready': reason,
      'services.network': reason,
      'services.start-order': reason,
      'persistence.volumes': reason,
    });
    expect(byId(results, 'services.kafka.ready').status).toBe('pass');
  });

  it('still fails a missing server when containers cannot be seen', () => {
    const results = observe((o) => {
      o.services = { ok: true, ms: 1, value: services(o).filter((s) => s.service !== 'kafka') };
      o.notRun = { containers: 'no containers' };
    });
    expect(byId(results, 'services.kafka.ready').message).toBe(
      'kafka: state expected running (healthy), found missing',
    );
  });

  it('fails a service that did not stop cleanly', () => {
    const results = observe((o) => {
      o.persistence!.stops[1] = { service: 'kafka', exitCode: 137, stopMs: 10012, clean: false };
    });
    expect(notPassing(results)).toEqual({ 'services.stop-clean': 'fail' });
    expect(byId(results, 'services.stop-clean').message).toBe(
      'kafka: stop expected exit 0 or 143, found exit 137 after 10012 ms',
    );
  });
});

describe('failed probes', () => {
  it('a failed Kafka probe is one error on its first dependant; the rest skip', () => {
    const results = observe((o) => {
      o.kafka = { ok: false, ms: 3000, error: 'connect ECONNREFUSED 127.0.0.1:9092' };
    });
    const kafka = byId(results, 'services.kafka.ready');
    expect(kafka).toMatchObject({ status: 'error', durationMs: 3000 });
    expect(kafka.message).toBe('the Kafka probe failed: connect ECONNREFUSED 127.0.0.1:9092');
    const statuses = notPassing(results);
    expect(Object.values(statuses).filter((s) => s === 'error')).toHaveLength(1);
    expect(Object.values(statuses).filter((s) => s === 'fail')).toHaveLength(0);
    expect(statuses['kafka.topic.channel-stats.exists']).toBe('skip');
    expect(statuses['kafka.produce']).toBe('skip');
    expect(statuses['cassandra.keyspace.twitch_chat.exists']).toBeUndefined();
    // an error and skips, with no plain fail among them, still fail the run
    expect(resultOf(results)).toBe('fail');
  });

  it('a topic the principal may not Describe is an error naming the permission, not missing', () => {
    const results = observe((o) => {
      delete topics(o)['channel-stats'];
      o.kafkaDenied = { 'channel-stats': 'not authorized: Describe on topic channel-stats' };
    });
    expect(byId(results, 'kafka.topic.channel-stats.exists')).toMatchObject({
      status: 'error',
      message: 'not authorized: Describe on topic channel-stats',
    });
    const statuses = notPassing(results);
    expect(statuses['kafka.topic.channel-stats.partitions']).toBe('skip');
    expect(statuses['kafka.topic.twitch-chat-messages.exists']).toBeUndefined();
    expect(Object.values(statuses)).not.toContain('fail');
    expect(resultOf(results)).toBe('fail');
  });

  it('an unlisted topic that was not asked for by name fails, saying what was not asked', () => {
    const results = observe((o) => {
      delete topics(o)['channel-stats'];
      o.kafkaNotAsked = { topics: ['channel-stats'], askedAtMost: 100 };
    });
    expect(byId(results, 'kafka.topic.channel-stats.exists')).toMatchObject({
      status: 'fail',
      actual:
        'not listed (only the first 100 unlisted topics are asked whether they are missing or hidden from this principal)',
    });
  });

  it('a run with only skips beside its passes passes', () => {
    const results = observe((o) => {
      o.roundTrip = undefined;
    });
    expect(Object.values(notPassing(results))).toContain('skip');
    expect(Object.values(notPassing(results)).every((s) => s === 'skip')).toBe(true);
    expect(resultOf(results)).toBe('pass');
  });

  it('a failed services probe errors the first service check and skips the others that need it', () => {
    const results = observe((o) => {
      o.services = { ok: false, ms: 10, error: 'docker compose ps: exit 1' };
    });
    expect(byId(results, 'services.zookeeper.ready').status).toBe('error');
    for (const id of [
      'services.kafka.ready',
      'services.network',
      'services.start-order',
      'persistence.volumes',
    ]) {
      expect(byId(results, id)).toMatchObject({
        status: 'skip',
        message: 'the services probe failed (reported above)',
      });
    }
    expect(byId(results, 'kafka.topic.channel-stats.exists').status).toBe('pass');
  });

  it('a failed Cassandra round-trip errors the write check and skips read and TTL', () => {
    const results = observe((o) => {
      o.roundTrip!.cassandra = { ok: false, ms: 5, error: 'WriteTimeout' };
    });
    expect(notPassing(results)).toEqual({
      'cassandra.write': 'error',
      'cassandra.read': 'skip',
      'cassandra.ttl': 'skip',
      'cassandra.ttl-expiry': 'skip',
    });
  });

  it('a failed Kafka round-trip on one topic is an error of the produce check', () => {
    const results = observe((o) => {
      o.roundTrip!.kafka['channel-stats'] = { ok: false, ms: 5, error: 'NOT_LEADER' };
    });
    expect(notPassing(results)).toEqual({ 'kafka.produce': 'error' });
    expect(byId(results, 'kafka.produce').message).toBe(
      'channel-stats: the round-trip probe failed: NOT_LEADER',
    );
  });
});

describe('probes', () => {
  it('fails a consumed record that differs from the produced one', () => {
    const results = observe((o) => {
      o.roundTrip!.kafka['twitch-chat-messages'] = {
        ok: true,
        ms: 1,
        value: { produced: 'a', consumed: null },
      };
    });
    expect(notPassing(results)).toEqual({ 'kafka.consume': 'fail' });
    expect(byId(results, 'kafka.consume').message).toBe(
      'twitch-chat-messages: consumed record expected "a", found nothing',
    );
  });

  it('fails a TTL outside the tolerance and accepts one inside it', () => {
    const ttl = (seconds: number) =>
      byId(
        observe((o) => (value(o.roundTrip!.cassandra).ttlAfterInsert = seconds)),
        'cassandra.ttl',
      );
    expect(ttl(604795).status).toBe('pass');
    expect(ttl(604794)).toMatchObject({
      status: 'fail',
      message:
        'twitch_chat.raw_chat_messages: TTL(message) after insert expected 604795..604800, found 604794',
    });
  });

  it('fails a row that outlived its TTL', () => {
    const results = observe((o) => {
      value(o.roundTrip!.cassandra).expiredAfterSeconds = null;
    });
    expect(notPassing(results)).toEqual({ 'cassandra.ttl-expiry': 'fail' });
  });

  it('skips what did not run, with the reason given by the run', () => {
    const results = observe((o) => {
      delete o.roundTrip;
      delete o.persistence;
      o.notRun = {
        roundTrip: '--read-only',
        ttlExpiry: '--read-only',
        persistence: 'runtime existing has no lifecycle',
      };
    });
    const skipped = results.filter((r) => r.status === 'skip');
    expect(Object.fromEntries(skipped.map((r) => [r.id, r.message]))).toEqual({
      'services.stop-clean': 'runtime existing has no lifecycle',
      'kafka.produce': '--read-only',
      'kafka.consume': '--read-only',
      'cassandra.write': '--read-only',
      'cassandra.read': '--read-only',
      'cassandra.ttl': '--read-only',
      'cassandra.ttl-expiry': '--read-only',
      'persistence.kafka': 'runtime existing has no lifecycle',
      'persistence.cassandra': 'runtime existing has no lifecycle',
    });
    expect(resultOf(results)).toBe('pass');
  });

  it('skips what the spec turns off, saying so', () => {
    const off = {
      ...spec,
      probes: { roundTrip: true, ttl: { toleranceSeconds: 5, expiry: false } },
      persistence: { enabled: false },
    };
    const results = runChecks(off, matchingObservedState(off));
    expect(byId(results, 'cassandra.ttl-expiry').message).toBe(
      'the TTL expiry probe is disabled in the spec',
    );
    expect(byId(results, 'persistence.kafka').message).toBe('persistence is disabled in the spec');
  });
});

describe('persistence', () => {
  it('fails a marker that did not survive the restart', () => {
    const results = observe((o) => {
      o.persistence!.kafkaMarker = { ok: true, ms: 2, value: { found: false } };
    });
    expect(notPassing(results)).toEqual({ 'persistence.kafka': 'fail' });
    expect(byId(results, 'persistence.kafka').message).toBe(
      'Kafka: marker written before the restart expected present, found missing',
    );
  });

  it('fails when a declared table is gone after the restart', () => {
    const results = observe((o) => {
      const keyspaces = value(o.cassandra);
      o.persistence!.afterRestart = {
        kafka: o.kafka,
        cassandra: {
          ok: true,
          ms: 1,
          value: { twitch_chat: { ...keyspaces.twitch_chat, tables: {} } },
        },
      };
    });
    expect(notPassing(results)).toEqual({ 'persistence.cassandra': 'fail' });
    expect(byId(results, 'persistence.cassandra').message).toBe(
      'Cassandra: keyspaces and tables after the restart expected all declared present, found missing twitch_chat.raw_chat_messages',
    );
  });

  it('fails a volume mounted on the wrong path', () => {
    const results = observe((o) => {
      service(o, 'kafka').mounts = {
        run42_kafka_data: '/var/lib/kafka/data',
        'run42_kafka-data': '/data',
      };
    });
    expect(notPassing(results)).toEqual({ 'persistence.volumes': 'fail' });
    expect(byId(results, 'persistence.volumes').message).toBe(
      'kafka: volume kafka-data expected mounted on /var/lib/kafka/data, found mounted on /data',
    );
  });
});
