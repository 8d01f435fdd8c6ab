// Checklist section "Infrastructure Services".
import type { ObservedState } from '../model/observed';
import { CLEAN_EXIT_CODES, type ServiceObservation } from '../model/runtime';
import { roleOfService, type ServiceSpec, type Spec } from '../spec/types';
import {
  combine,
  mismatch,
  pass,
  type ProbeGate,
  skip,
  toResult,
  type CheckDef,
  type Locate,
  type Outcome,
} from './outcome';
import type { Gates } from './gates';
import { sameResourceName } from './normalise';
import { persistenceSkipReason } from './skip-reasons';
import type { CheckResult } from '../model/report';

const SECTION = 'Infrastructure Services';

export function serviceChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  locate: Locate,
): CheckResult[] {
  const services = Object.entries(spec.compose.services);
  const unseen = observed.notRun?.containers;
  const readiness = services.map(([name, declared]) =>
    toResult(
      locate,
      {
        id: `services.${name}.ready`,
        section: SECTION,
        title: readinessTitle(name, declared),
        path: ['compose', 'services', name, 'ready'],
      },
      gates.services.use((observations) => {
        const observation = find(observations, name);
        // Only the servers answer a protocol; without containers the rest cannot be seen.
        if (!observation && declared.ready !== 'healthy' && unseen) return skip(unseen);
        return readinessOutcome(spec, name, declared, observation, gates, observed);
      }),
    ),
  );
  /** A check over all containers at once, which a runtime without containers cannot see. */
  const acrossContainers = (
    def: Omit<CheckDef, 'section'>,
    outcome: (spec: Spec, observations: ServiceObservation[]) => Outcome,
  ): CheckResult =>
    toResult(
      locate,
      { ...def, section: SECTION },
      unseen ? skip(unseen) : gates.services.use((observations) => outcome(spec, observations)),
    );
  return [
    ...readiness,
    acrossContainers(
      {
        id: 'services.network',
        title: 'All services can communicate',
        path: ['compose', 'network'],
      },
      networkOutcome,
    ),
    acrossContainers(
      {
        id: 'services.start-order',
        title: 'Services start in correct order',
        path: ['compose', 'services'],
      },
      startOrderOutcome,
    ),
    toResult(
      locate,
      {
        id: 'services.stop-clean',
        section: SECTION,
        title: 'Services can be stopped cleanly',
        path: ['persistence'],
      },
      stopOutcome(spec, observed),
    ),
  ];
}

function readinessTitle(name: string, declared: ServiceSpec): string {
  switch (declared.ready) {
    case 'healthy':
      // the seed's wording: "Zookeeper running and healthy"
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} running and healthy`;
    case 'exited-0':
      return `${name} completed successfully (exit 0)`;
    case 'running':
      return `${name} running`;
  }
}

const EXPECTED_STATE = {
  healthy: 'running (healthy)',
  'exited-0': 'exited (exit 0)',
  running: 'running',
} as const;

function readinessOutcome(
  spec: Spec,
  name: string,
  declared: ServiceSpec,
  observation: ServiceObservation | undefined,
  gates: Gates,
  observed: ObservedState,
): Outcome {
  const expected = EXPECTED_STATE[declared.ready];
  if (!observation) return mismatch(name, 'state', expected, 'missing');
  const actual = describeState(observation);
  const ok =
    declared.ready === 'exited-0'
      ? observation.state === 'exited' && observation.exitCode === 0
      : observation.state === 'running' &&
        observation.health !== 'unhealthy' &&
        (declared.ready === 'running' || observation.health !== 'starting');
  if (!ok) return mismatch(name, 'state', expected, actual);
  // A container can look healthy while its port does not answer; the protocol probe decides.
  const protocol = protocolGate(spec, name, gates);
  if (!protocol) return pass(`${name}: ${actual}`, expected, actual);
  const where = roleOfService(spec, name) === 'cassandra' ? datacenterNote(observed) : '';
  return protocol.use(() =>
    pass(`${name}: ${actual}, answers its protocol${where}`, expected, actual),
  );
}

/** Which datacenter the Cassandra clients were local to, and where that name came from. */
function datacenterNote({ cassandraDatacenter: dc }: ObservedState): string {
  if (!dc) return '';
  return dc.discovered
    ? `; local datacenter ${dc.name} (discovered: cassandra-local-dc not given)`
    : `; local datacenter ${dc.name} (cassandra-local-dc)`;
}

/** The servers whose own protocol the probes speak (ZooKeeper srvr, Kafka metadata, CQL). */
function protocolGate(spec: Spec, name: string, gates: Gates): ProbeGate<unknown> | undefined {
  const role = roleOfService(spec, name);
  return role ? gates[role] : undefined;
}

function describeState(observation: ServiceObservation): string {
  if (observation.state === 'exited') return `exited (exit ${observation.exitCode ?? 'unknown'})`;
  return observation.health ? `${observation.state} (${observation.health})` : observation.state;
}

function find(observations: ServiceObservation[], name: string): ServiceObservation | undefined {
  return observations.find(
    (observation) => observation.service === name && observation.state !== 'missing',
  );
}

function networkOutcome(spec: Spec, observations: ServiceObservation[]): Outcome {
  const network = spec.compose.network;
  if (!network) return skip('the spec declares no network to be on');
  const present = Object.keys(spec.compose.services).flatMap(
    (name) => find(observations, name) ?? [],
  );
  if (present.some((observation) => observation.networks === undefined)) {
    return skip('this runtime does not report container networks (the local twin has none)');
  }
  return combine(
    present.map((observation) => {
      const networks = observation.networks ?? [];
      return networks.some((name) => sameResourceName(name, network))
        ? pass(`${observation.service}: on ${network}`, network, network)
        : mismatch(observation.service, 'network', network, networks.join(', ') || 'none');
    }),
    'no service is running to be on the network',
  );
}

function startOrderOutcome(spec: Spec, observations: ServiceObservation[]): Outcome {
  const edges = Object.entries(spec.compose.services).flatMap(([name, declared]) =>
    Object.keys(declared.dependsOn).map((dependency) => ({ name, dependency })),
  );
  const outcomes = edges.flatMap(({ name, dependency }): Outcome[] => {
    const started = find(observations, name)?.startedAt;
    const dependencyStarted = find(observations, dependency)?.startedAt;
    if (started === undefined || dependencyStarted === undefined) {
      return [skip(`no start time for ${started === undefined ? name : dependency}`)];
    }
    const leadMs = Date.parse(started) - Date.parse(dependencyStarted);
    return leadMs >= 0
      ? [pass(`${name} started after ${dependency}`)]
      : [
          mismatch(
            name,
            'start',
            `after ${dependency}`,
            `${(-leadMs / 1000).toFixed(1)} s before ${dependency}`,
          ),
        ];
  });
  return combine(outcomes, 'no dependencies declared');
}

function stopOutcome(spec: Spec, observed: ObservedState): Outcome {
  const reason = persistenceSkipReason(spec, observed);
  if (reason || !observed.persistence) return skip(reason ?? 'the persistence phase did not run');
  const clean = `exit ${CLEAN_EXIT_CODES.join(' or ')}`;
  return combine(
    observed.persistence.stops.map((stop) => {
      const actual = `exit ${stop.exitCode ?? 'none (still running)'} after ${stop.stopMs} ms`;
      return stop.clean
        ? {
            ...pass(`${stop.service}: ${actual}`, clean, actual),
            durationMs: stop.stopMs,
          }
        : { ...mismatch(stop.service, 'stop', clean, actual), durationMs: stop.stopMs };
    }),
    'no service was stopped',
  );
}
