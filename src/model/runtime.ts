// One interface for every way of having a stack: compose, the local twin, or endpoints that
// are already running. Runtimes do I/O; checks only see what they return.
import { OPEN_CONNECTION, type ConnectionSettings } from './connection';

/** Which compose service serves each protocol and the port it listens on in its container, as
 * the spec declares them; a server the stack does not have is absent. */
export type ServerPorts = Partial<
  Record<'zookeeper' | 'kafka' | 'cassandra', { service: string; port: number }>
>;

export interface Endpoints {
  kafkaBrokers: string[];
  cassandraContactPoints: string[];
  /** host:port */
  zookeeper: string;
  /** TLS, SASL and credentials; absent: an open stack (PLAINTEXT, plain CQL) */
  connection?: ConnectionSettings;
  /** why the addresses are not known: then nothing is dialled, and readiness says this */
  unresolved?: string;
}

/** How every client reaches these endpoints. */
export function connectionOf(endpoints: Endpoints): ConnectionSettings {
  return endpoints.connection ?? OPEN_CONNECTION;
}

export type ServiceState = 'running' | 'exited' | 'missing' | 'restarting' | 'created';

export interface ServiceObservation {
  service: string;
  containerName: string;
  state: ServiceState;
  /** docker health status where the service has a healthcheck */
  health?: 'healthy' | 'unhealthy' | 'starting';
  exitCode?: number;
  /** ISO time the service (last) started, for start-order checks */
  startedAt?: string;
  /** networks the service is attached to */
  networks?: string[];
  /** named volume -> mount path inside the container */
  mounts?: Record<string, string>;
}

export interface StopRecord {
  service: string;
  /** exit code once stopped; CLEAN_EXIT_CODES count as clean */
  exitCode: number | null;
  stopMs: number;
  clean: boolean;
}

export type Progress = (message: string) => void;

/**
 * A staged start's own check that a started service is healthy: resolves once the verifier's
 * check passes, rejects when it never will. Undefined where the verifier has no check that
 * equals the service's healthcheck (`test`, as compose resolved it): then the engine's health
 * status decides, as it would for compose.
 */
export type HealthRelease = (
  service: string,
  healthcheck: unknown,
  deadline: number,
) => Promise<void> | undefined;

/** What a runtime that owns its stack can do: start it, stop it, start it again, remove it. */
export interface Lifecycle {
  /**
   * start everything, including the init steps; does not wait for readiness. A deadline
   * (epoch ms) bounds the start itself: what has not started by then is given up on. With a
   * release, a runtime that can starts the stack in stages: each service once what it depends
   * on has passed the release (servers), exited 0 (inits) or started; others ignore it.
   */
  up(
    progress: Progress,
    deadline?: number,
    release?: HealthRelease,
    /** a staged start tells each one-shot service that exited 0 here, as it hears it */
    exited?: (service: string) => void,
  ): Promise<void>;
  /** stop every service, keeping all data */
  stop(progress: Progress): Promise<StopRecord[]>;
  /** start again after stop (data kept), within the deadline and in stages as for up */
  start(progress: Progress, deadline?: number, release?: HealthRelease): Promise<void>;
  /**
   * stop and remove; removeData wipes volumes / the twin's data. progress, where given, hears
   * the runtime's own output as it tears down; a deadline, where given, ends the teardown
   */
  down(options: { removeData: boolean; progress?: Progress; deadline?: number }): Promise<void>;
  /** what each service (container) looks like right now; the look ends by deadline, if given */
  services(deadline?: number): Promise<ServiceObservation[]>;
}

/**
 * A stack as the engine sees it. Callers ask what a runtime can do, never what it is called:
 * `lifecycle` is there only where the runtime owns the stack (and so sees its containers); a
 * stack that is somebody else's is observed by its protocols alone.
 */
export interface Runtime {
  /** for messages and reports only */
  readonly name: string;
  readonly endpoints: Endpoints;
  readonly lifecycle?: Lifecycle;
  /** finds the endpoints of a stack that already runs, without starting anything */
  attach?(): Promise<void>;
  /** the last lines of a service's log, for failure reports */
  logs(service: string, lines: number, deadline?: number): Promise<string>;
}

/** A stack that a runtime owns: compose's or the local twin's. */
export type OwnedRuntime = Runtime & { readonly lifecycle: Lifecycle };

/** Exit codes of a service that stopped when asked: a normal exit, or SIGTERM (128 + 15). */
export const CLEAN_EXIT_CODES: readonly number[] = [0, 143];

export function isCleanExit(exitCode: number | null | undefined): boolean {
  return exitCode !== null && exitCode !== undefined && CLEAN_EXIT_CODES.includes(exitCode);
}

/** How many lines of a service's log a readiness failure or a report shows. */
export const LOG_TAIL_LINES = 30;

/** Why a runtime without a lifecycle cannot judge containers: it sees servers by their protocols only. */
export const EXISTING_SEES_PROTOCOLS_ONLY =
  'runtime existing sees servers by protocol only: one-shot inits, start order, networks and mounts are not observable';
/** Why a runtime without a lifecycle cannot prove persistence. */
export const NO_LIFECYCLE_REASON =
  'runtime existing has no lifecycle: it cannot stop and start the stack';

/** Up as `compose ps` would say it: every one-shot service exited 0, every other one runs. */
export function stackIsUp(services: ServiceObservation[]): boolean {
  return (
    services.length > 0 &&
    services.every((s) => (s.exitCode !== undefined ? s.exitCode === 0 : s.state === 'running'))
  );
}
