// What a stray fault leaves of a run. A fault that no probe handled (an uncaught exception or an
// unhandled rejection, caught by the shell's safety net) must not hang the run or end the process
// with the stack up: the observation running at that moment ends at once, it and every later one
// is an error naming the cause, and verify goes on to its checks, its report and its teardown.
import { notObserved } from '../model/observe';
import type { LiveState, RoundTripObservation } from '../model/observed';
import type { StackReadiness } from '../model/readiness';
import type { ServiceObservation } from '../model/runtime';
import { declaredRoles, type Spec } from '../spec/types';
import type { ObserverSession, StackObserver } from './observer';

/** The work's own outcome, or `instead` once the fault has come (at once if it already has). */
export function unlessFault<T>(
  fault: Promise<string>,
  work: () => Promise<T>,
  instead: (cause: string) => T | Promise<T>,
): Promise<T> {
  let cause: string | undefined;
  void fault.then((why) => (cause = why));
  // a microtask later `cause` is set if the fault came before this phase began
  return Promise.resolve().then(() =>
    cause === undefined ? Promise.race([work(), fault.then(instead)]) : instead(cause),
  );
}

/** Every server the spec declares, not ready for the fault's reason. */
function faultedReadiness(spec: Spec, cause: string): StackReadiness {
  const roles = Object.entries(declaredRoles(spec));
  return {
    ...Object.fromEntries(roles.map(([role]) => [role, notObserved<never>(cause)])),
    serviceOf: Object.fromEntries(roles.map(([role, { service }]) => [role, service])),
    others: {},
  };
}

function faultedServers(cause: string): Omit<LiveState, 'services'> {
  return {
    zookeeper: notObserved(cause),
    kafka: notObserved(cause),
    cassandra: notObserved(cause),
  };
}

function faultedRoundTrip(spec: Spec, cause: string): RoundTripObservation {
  const topics = (spec.kafka?.topics ?? []).map(({ name }) => name);
  return {
    kafka: Object.fromEntries(topics.map((topic) => [topic, notObserved(cause)])),
    cassandra: notObserved(cause),
  };
}

/** Markers can only be written and read by a working session: persistence is aborted. */
const noMarkers = (cause: string) => Promise.reject(new Error(cause));

function faultedSession<M>(cause: string): ObserverSession<M> {
  return {
    observeServers: async () => faultedServers(cause),
    roundTrip: async (spec) => faultedRoundTrip(spec, cause),
    writeMarkers: () => noMarkers(cause),
    readMarkers: () => noMarkers(cause),
    close: async () => undefined,
  };
}

function faultAwareSession<M>(session: ObserverSession<M>, fault: Promise<string>) {
  return {
    observeServers: (...args: Parameters<ObserverSession<M>['observeServers']>) =>
      unlessFault(fault, () => session.observeServers(...args), faultedServers),
    roundTrip: (...args: Parameters<ObserverSession<M>['roundTrip']>) =>
      unlessFault(
        fault,
        () => session.roundTrip(...args),
        (cause) => faultedRoundTrip(args[0], cause),
      ),
    writeMarkers: (...args: Parameters<ObserverSession<M>['writeMarkers']>) =>
      unlessFault(fault, () => session.writeMarkers(...args), noMarkers),
    readMarkers: (markers: M) => unlessFault(fault, () => session.readMarkers(markers), noMarkers),
    close: () => session.close(),
  };
}

/** The observer, each of its calls ended by the fault (see the top of this file). */
export function faultAware<M>(
  observer: StackObserver<M>,
  fault: Promise<string>,
): StackObserver<M> {
  return {
    awaitStack: (spec, runtime, deadline, progress, scope) =>
      unlessFault(
        fault,
        () => observer.awaitStack(spec, runtime, deadline, progress, scope),
        (cause) => faultedReadiness(spec, cause),
      ),
    awaitServer: (spec, runtime, role, deadline, progress) =>
      unlessFault(
        fault,
        () => observer.awaitServer(spec, runtime, role, deadline, progress),
        (cause) => Promise.reject(new Error(cause)),
      ),
    observeServices: (...args) =>
      unlessFault(
        fault,
        () => observer.observeServices(...args),
        (cause) => notObserved<ServiceObservation[]>(cause),
      ),
    connect: (endpoints, readiness) =>
      unlessFault(
        fault,
        async () => faultAwareSession(await observer.connect(endpoints, readiness), fault),
        (cause) => faultedSession<M>(cause),
      ),
  };
}
