// The checks over what the round-trip probes did: Kafka produce and consume, Cassandra write,
// read, TTL and expiry. Each section calls its own here, so they stay in the checklist's order.
import type { CassandraRoundTrip, KafkaRoundTrip, ObservedState } from '../model/observed';
import type { CheckResult } from '../model/report';
import type { Spec } from '../spec/types';
import type { YamlPath } from '../spec/yaml-locations';
import {
  combine,
  mismatch,
  needs,
  pass,
  ProbeGate,
  skip,
  toResult,
  type Locate,
  type Outcome,
} from './outcome';
import { roundTripSkipReason, ttlExpirySkipReason } from './skip-reasons';

/** The checks a probe on a table depends on: it exists and its columns are as declared. */
export interface TableChecks {
  exists: CheckResult;
  columns: CheckResult[];
  defaultTtl: CheckResult;
}

/** Produce and consume across the declared topics that exist. */
export function kafkaRoundTripChecks(
  spec: Spec,
  observed: ObservedState,
  existing: string[],
  locate: Locate,
): CheckResult[] {
  const path = ['probes', 'roundTrip'];
  const reason = roundTripSkipReason(spec, observed);
  const probes = observed.roundTrip?.kafka ?? {};
  const roundTrips = new Map<string, KafkaRoundTrip>();
  const produce = reason
    ? skip(reason)
    : combine(
        existing.map((name): Outcome => {
          const probe = probes[name];
          if (!probe)
            return { status: 'error', message: `${name}: no round-trip result was recorded` };
          if (!probe.ok) {
            return {
              status: 'error',
              message: `${name}: the round-trip probe failed: ${probe.error}`,
              durationMs: probe.ms,
            };
          }
          roundTrips.set(name, probe.value);
          return { ...pass(`${name}: produced a record`), durationMs: probe.ms };
        }),
        'no declared topic exists to produce to',
      );
  const consume = reason
    ? skip(reason)
    : combine(
        [...roundTrips].map(([name, { produced, consumed }]) => {
          return consumed === produced
            ? pass(`${name}: consumed the produced record`)
            : mismatch(
                name,
                'consumed record',
                JSON.stringify(produced),
                consumed === null ? 'nothing' : JSON.stringify(consumed),
              );
        }),
        'nothing was produced to consume',
      );
  return [
    toResult(
      locate,
      {
        id: 'kafka.produce',
        section: 'Kafka Topics',
        title: 'Can produce messages to topics',
        path,
      },
      produce,
    ),
    toResult(
      locate,
      {
        id: 'kafka.consume',
        section: 'Kafka Topics',
        title: 'Can consume messages from topics',
        path,
      },
      consume,
    ),
  ];
}

/** Write, read back, TTL and expiry of a probe row in the first table of the first keyspace. */
export function cassandraProbeChecks(
  spec: Spec,
  observed: ObservedState,
  table: TableChecks | undefined,
  locate: Locate,
): CheckResult[] {
  const keyspace = spec.cassandra.keyspaces[0];
  const target = keyspace?.tables[0];
  if (!table || !target) return [];
  const object = `${keyspace.name}.${target.name}`;
  const roundTripReason = roundTripSkipReason(spec, observed);
  const probe = observed.roundTrip?.cassandra;
  const gate = probe && new ProbeGate('Cassandra round-trip', probe);
  const judged = (
    reason: string | undefined,
    prerequisites: CheckResult[],
    judge: (value: CassandraRoundTrip) => Outcome,
  ): Outcome => {
    if (reason) return skip(reason);
    if (!gate) return skip('the round-trip probes did not run');
    return needs(prerequisites, () => gate.use(judge));
  };
  const probeCheck = (id: string, title: string, path: YamlPath, outcome: Outcome) =>
    toResult(locate, { id: `cassandra.${id}`, section: 'Cassandra Schema', title, path }, outcome);

  const write = probeCheck(
    'write',
    'Can write data to table',
    ['probes', 'roundTrip'],
    judged(roundTripReason, [table.exists, ...table.columns], (value) =>
      value.written
        ? pass(`${object}: probe row written`)
        : mismatch(object, 'probe write', 'written', 'not written'),
    ),
  );
  const read = probeCheck(
    'read',
    'Can read data from table',
    ['probes', 'roundTrip'],
    judged(roundTripReason, [write], (value) =>
      value.readBack
        ? pass(`${object}: probe row read back`)
        : mismatch(object, 'probe row', 'read back', 'not found'),
    ),
  );
  const ttl = target.defaultTtl;
  const tolerance = spec.probes.ttl.toleranceSeconds;
  const ttlWorks = probeCheck(
    'ttl',
    `TTL works (TTL(message) about ${ttl} s after insert)`,
    ['probes', 'ttl', 'toleranceSeconds'],
    judged(roundTripReason, [write, table.defaultTtl], (value) => {
      const expected = `${ttl - tolerance}..${ttl}`;
      const actual = value.ttlAfterInsert;
      return actual !== null && actual >= ttl - tolerance && actual <= ttl
        ? pass(`${object}: TTL(message) after insert ${actual}`, expected, String(actual))
        : mismatch(
            object,
            'TTL(message) after insert',
            expected,
            actual === null ? 'no TTL' : String(actual),
          );
    }),
  );
  const expiry = probeCheck(
    'ttl-expiry',
    'TTL expiration works',
    ['probes', 'ttl', 'expiry'],
    judged(roundTripReason ?? ttlExpirySkipReason(spec, observed), [write], (value) => {
      if (value.expiredAfterSeconds === null) {
        return mismatch(object, 'row with a short TTL', 'expired', 'still present at the deadline');
      }
      const actual = `expired after ${value.expiredAfterSeconds} s`;
      return pass(`${object}: a row with a short TTL ${actual}`, 'expired', actual);
    }),
  );
  return [write, read, ttlWorks, expiry];
}
