// Checklist section "Data Persistence": markers written before a stop/start are read back after,
// and every declared volume is mounted on its data path.
import type { Observed, ObservedKeyspace, ObservedState } from '../model/observed';
import type { ServiceObservation } from '../model/runtime';
import type { Spec } from '../spec/types';
import type { Gates } from './gates';
import {
  combine,
  mismatch,
  pass,
  ProbeGate,
  skip,
  toResult,
  type Locate,
  type Outcome,
} from './outcome';
import { sameResourceName } from './normalise';
import { persistenceSkipReason } from './skip-reasons';
import type { CheckResult } from '../model/report';

const SECTION = 'Data Persistence';

export function persistenceChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  locate: Locate,
): CheckResult[] {
  const reason = persistenceSkipReason(spec, observed);
  const afterRestart = observed.persistence?.afterRestart;
  const kafkaMissing = (topics: Record<string, unknown>) =>
    (spec.kafka?.topics ?? []).map((topic) => topic.name).filter((name) => !(name in topics));
  const cassandraMissing = (keyspaces: Record<string, ObservedKeyspace>) =>
    (spec.cassandra?.keyspaces ?? []).flatMap((keyspace) => {
      const found = keyspaces[keyspace.name];
      if (!found) return [keyspace.name];
      return keyspace.tables
        .filter((t) => !(t.name in found.tables))
        .map((t) => `${keyspace.name}.${t.name}`);
    });
  const kafka = marker(
    reason,
    'Kafka',
    observed.persistence?.kafkaMarker,
    afterRestart && stillThere('Kafka', 'topics', afterRestart.kafka, kafkaMissing),
  );
  const cassandra = marker(
    reason,
    'Cassandra',
    observed.persistence?.cassandraMarker,
    afterRestart &&
      stillThere('Cassandra', 'keyspaces and tables', afterRestart.cassandra, cassandraMissing),
  );
  const check = (id: string, title: string, outcome: Outcome, path = ['persistence', 'enabled']) =>
    toResult(locate, { id: `persistence.${id}`, section: SECTION, title, path }, outcome);
  return [
    // Only the stores the stack has: a Kafka-only stack has no Cassandra marker to look for.
    ...(spec.kafka ? [check('kafka', 'Kafka data persists after restart', kafka)] : []),
    ...(spec.cassandra
      ? [check('cassandra', 'Cassandra data persists after restart', cassandra)]
      : []),
    check(
      'volumes',
      'Volumes are properly mounted',
      observed.notRun?.containers
        ? skip(observed.notRun.containers)
        : gates.services.use((observations) => volumesOutcome(spec, observations)),
      ['compose', 'services'],
    ),
  ];
}

/** The marker read back after the restart, and (when observed) the declared objects still there. */
function marker(
  reason: string | undefined,
  store: string,
  probe: Observed<{ found: boolean }> | undefined,
  objectsAfterRestart: Outcome | undefined,
): Outcome {
  if (reason || !probe) return skip(reason ?? 'the persistence phase did not run');
  return new ProbeGate(`${store} persistence marker`, probe).use(({ found }) => {
    if (!found) {
      return {
        ...mismatch(store, 'marker written before the restart', 'present', 'missing'),
        durationMs: probe.ms,
      };
    }
    if (objectsAfterRestart && objectsAfterRestart.status !== 'pass') return objectsAfterRestart;
    return {
      ...pass(`${store}: the marker written before the restart was read back`),
      durationMs: probe.ms,
    };
  });
}

function stillThere<T>(
  store: string,
  what: string,
  observed: Observed<T>,
  missing: (value: T) => string[],
): Outcome {
  return new ProbeGate(`${store} after-restart`, observed).use((value) => {
    const gone = missing(value);
    return gone.length === 0
      ? pass(`${store}: declared ${what} still there after the restart`)
      : mismatch(
          store,
          `${what} after the restart`,
          'all declared present',
          `missing ${gone.join(', ')}`,
        );
  });
}

function volumesOutcome(spec: Spec, observations: ServiceObservation[]): Outcome {
  const declared = Object.entries(spec.compose.services).flatMap(([service, { volumes }]) =>
    Object.entries(volumes).map(([volume, path]) => ({ service, volume, path })),
  );
  const outcomes = declared.map(({ service, volume, path }): Outcome => {
    const observation = observations.find((candidate) => candidate.service === service);
    if (!observation || observation.state === 'missing') return skip(`${service} is not running`);
    if (!observation.mounts) {
      return skip('this runtime does not report volume mounts (the local twin has no containers)');
    }
    const mounted = Object.entries(observation.mounts).find(([name]) =>
      sameResourceName(name, volume),
    );
    return mounted?.[1] === path
      ? pass(`${service}: ${volume} on ${path}`)
      : mismatch(
          service,
          `volume ${volume}`,
          `mounted on ${path}`,
          mounted ? `mounted on ${mounted[1]}` : 'not mounted',
        );
  });
  return combine(outcomes, 'no volumes are declared');
}
