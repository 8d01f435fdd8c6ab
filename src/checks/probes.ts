// The checks over what the round-trip probes did: Kafka produce and consume, Cassandra write,
// read, TTL and expiry. Each section calls its own here, so they stay in the checklist's order.
import type { CassandraRoundTrip, KafkaRoundTrip, ObservedState } from '../model/observed';
import type { CheckResult } from '../model/report';
import { probeTarget, type ProbeTarget } from '../spec/probe-target';
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
  /** absent when the spec leaves the table's default TTL unchecked */
  defaultTtl?: CheckResult;
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

/** Write, read back, TTL and expiry of a probe row in the table probeTarget chooses. */
export function cassandraProbeChecks(
  spec: Spec,
  observed: ObservedState,
  tables: Map<string, TableChecks>,
  locate: Locate,
): CheckResult[] {
  if (tables.size === 0) return [];
  const target = probeTarget(spec);
  const object = target.ok ? `${target.keyspace}.${target.table.name}` : 'no table';
  const table = target.ok ? tables.get(object) : undefined;
  const roundTripReason = target.ok ? roundTripSkipReason(spec, observed) : target.reason;
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
    judged(roundTripReason, table ? [table.exists, ...table.columns] : [], (value) =>
      value.written
        ? pass(`${object}: probe row written${atConsistency(value)}`)
        : mismatch(object, 'probe write', 'written', 'not written'),
    ),
  );
  const read = probeCheck(
    'read',
    'Can read data from table',
    ['probes', 'roundTrip'],
    judged(roundTripReason, [write], (value) =>
      value.readBack
        ? pass(`${object}: probe row read back${atConsistency(value)}`)
        : mismatch(object, 'probe row', `read back${atConsistency(value)}`, 'not found'),
    ),
  );
  const ttlWorks = probeCheck(
    'ttl',
    ttlTitle(target),
    ['probes', 'ttl', 'toleranceSeconds'],
    ttlOutcome(spec, target, object, table, (prerequisites, judge) =>
      judged(roundTripReason, [write, ...prerequisites], judge),
    ),
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

/** The probes' consistency level, named in the report where it was recorded. */
const atConsistency = (value: CassandraRoundTrip) =>
  value.consistency ? ` at ${value.consistency}` : '';

type Judged = (
  prerequisites: CheckResult[],
  judge: (value: CassandraRoundTrip) => Outcome,
) => Outcome;

/** The title names the column the probe really writes, and what its TTL should read. */
function ttlTitle(target: ProbeTarget): string {
  if (!target.ok) return 'TTL works';
  const cell = `TTL(${target.valueColumn})`;
  const ttl = target.table.defaultTtl;
  if (ttl === undefined) return `TTL works (${cell} after insert)`;
  if (ttl === 0) return `No TTL without one (${cell} is null after insert)`;
  return `TTL works (${cell} about ${ttl} s after insert)`;
}

/** A declared default TTL must show on a fresh row; 0 means none; undefined means not checked. */
function ttlOutcome(
  spec: Spec,
  target: ProbeTarget,
  object: string,
  table: TableChecks | undefined,
  judged: Judged,
): Outcome {
  const ttl = target.ok ? target.table.defaultTtl : undefined;
  if (target.ok && ttl === undefined)
    return skip(`${object} declares no defaultTtl, so there is no TTL to expect`);
  const cell = target.ok ? `TTL(${target.valueColumn})` : 'TTL';
  const prerequisites = table?.defaultTtl ? [table.defaultTtl] : [];
  return judged(prerequisites, (value) => {
    const actual = value.ttlAfterInsert;
    if (ttl === 0) {
      return actual === null
        ? pass(`${object}: ${cell} after insert is null: no TTL`, 'no TTL', 'no TTL')
        : mismatch(object, `${cell} after insert`, 'no TTL', String(actual));
    }
    const declared = ttl ?? 0;
    const tolerance = spec.probes.ttl.toleranceSeconds;
    const expected = `${declared - tolerance}..${declared}`;
    return actual !== null && actual >= declared - tolerance && actual <= declared
      ? pass(`${object}: ${cell} after insert ${actual}`, expected, String(actual))
      : mismatch(
          object,
          `${cell} after insert`,
          expected,
          actual === null ? 'no TTL' : String(actual),
        );
  });
}
