// The port through which verify reaches the live stack. Its own file, so that verify.ts and
// fault.ts both depend on it and not on each other.
import type {
  LiveState,
  PersistenceObservation,
  RoundTripObservation,
  ServersState,
} from '../model/observed';
import type { ReadinessScope, StackReadiness } from '../model/readiness';
import type { Endpoints, Progress, Runtime } from '../model/runtime';
import type { RoleName, Spec } from '../spec/types';

/** What verify needs from the live stack; M is whatever the observer keeps about its markers. */
export interface StackObserver<M> {
  /** waits for every service (by protocol, or by state for one-shot services) until deadline */
  awaitStack(
    spec: Spec,
    runtime: Runtime,
    deadline: number,
    progress: Progress,
    scope?: ReadinessScope,
  ): Promise<StackReadiness>;
  /** waits for one server by its protocol (a staged start's release); rejects by deadline */
  awaitServer(
    spec: Spec,
    runtime: Runtime,
    role: RoleName,
    deadline: number,
    progress: Progress,
  ): Promise<void>;
  /**
   * The containers, looked at once the engine has judged the health of every service declared
   * healthy (until deadline; the look itself ends by lookDeadline). Without a lifecycle, the
   * servers as readiness saw them.
   */
  observeServices(
    spec: Spec,
    runtime: Runtime,
    readiness: StackReadiness,
    deadline: number,
    lookDeadline: number,
  ): Promise<LiveState['services']>;
  /** clients for the servers that came up; the others carry their readiness failure */
  connect(endpoints: Endpoints, readiness: StackReadiness): Promise<ObserverSession<M>>;
}

export interface ObserverSession<M> {
  /** what the servers say: ZooKeeper, topics, schema, clusters (the containers apart) */
  observeServers(spec: Spec, runtime: Runtime, readiness: StackReadiness): Promise<ServersState>;
  roundTrip(
    spec: Spec,
    live: ServersState,
    runId: string,
    expiry: boolean,
  ): Promise<RoundTripObservation>;
  /** expiring: also a row with a short TTL, whose expiry readMarkers then watches */
  writeMarkers(spec: Spec, live: ServersState, runId: string, expiring: boolean): Promise<M>;
  /** on a session opened after the restart */
  readMarkers(markers: M): Promise<Omit<PersistenceObservation, 'stops'>>;
  close(): Promise<void>;
}
