// Every Milestone-1 checklist check, in the seed's order: a pure function of the spec and what
// the probes observed. No I/O here; the same inputs always give the same results.
import type { ObservedState } from '../model/observed';
import type { Spec } from '../spec/types';
import { cassandraChecks } from './cassandra';
import { clusterChecks } from './cluster';
import { createGates } from './gates';
import { kafkaChecks } from './kafka';
import type { Locate } from './outcome';
import { persistenceChecks } from './persistence';
import { serviceChecks } from './services';
import type { CheckResult } from '../model/report';

export type { Locate } from './outcome';

const nowhere: Locate = () => undefined;

/** locate maps a spec path to its line (LoadedSpec.locate); without it results carry no source. */
export function runChecks(
  spec: Spec,
  observed: ObservedState,
  locate: Locate = nowhere,
): CheckResult[] {
  const gates = createGates(observed);
  return [
    ...serviceChecks(spec, observed, gates, locate),
    ...kafkaChecks(spec, observed, gates, locate),
    ...cassandraChecks(spec, observed, gates, locate),
    ...persistenceChecks(spec, observed, gates, locate),
    ...clusterChecks(spec, observed, gates, locate),
  ];
}
