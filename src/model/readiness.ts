// Whether the stack came up: one Observed per server and per one-shot service, and the list of
// what did not come up that every report leads with.
import type { Observed } from './observed';

export interface StackReadiness {
  zookeeper: Observed<{ mode: string }>;
  kafka: Observed<unknown>;
  cassandra: Observed<unknown>;
  /** init or sentinel service -> its exit code (0 while a sentinel runs); empty for existing */
  others: Record<string, Observed<number>>;
}

export interface NotReady {
  service: string;
  message: string;
}

/** The services that did not come up, with what was seen: empty when the stack is ready. */
export function notReadyServices(readiness: StackReadiness): NotReady[] {
  const entries: [string, Observed<unknown>][] = [
    ['zookeeper', readiness.zookeeper],
    ['kafka', readiness.kafka],
    ['cassandra', readiness.cassandra],
    ...Object.entries(readiness.others),
  ];
  const failed = entries.flatMap(([service, state]) =>
    state.ok ? [] : [{ service, message: state.error }],
  );
  const badExits = Object.entries(readiness.others).flatMap(([service, state]) =>
    state.ok && state.value !== 0 ? [{ service, message: `exited with code ${state.value}` }] : [],
  );
  return [...failed, ...badExits];
}
