// The stack as `docker compose` runs it. Compose only starts and stops containers here;
// readiness is the engine's protocol waits plus `ps` showing the inits exited 0.
import type { ConnectionSettings } from '../../model/connection';
import { firstLineOf } from '../../model/errors';
import {
  isCleanExit,
  type Endpoints,
  type HealthRelease,
  type Progress,
  type Lifecycle,
  type Runtime,
  type ServerPorts,
  type ServiceObservation,
  type StopRecord,
} from '../../model/runtime';
import {
  configArgs,
  containerOwnersArgs,
  downArgs,
  inspectArgs,
  logsArgs,
  portArgs,
  psArgs,
  stopArgs,
  upArgs,
  type ComposeProject,
} from './args';
import { withoutControlSequences } from '../../model/plain-text';
import { detectCompose, type ComposeCommand, type RunCommand } from './command';
import { QUICK_COMMAND_TIMEOUT_MS } from './run-command';
import {
  parseContainerNames,
  parseContainerOwners,
  parseInspect,
  parsePort,
  parsePs,
  parseStartGraph,
  type ContainerObservation,
} from './parse';
import { waitUntil } from '../../protocol/wait';
import { startInStages, startLevels } from './start-graph';

export interface ComposeRuntimeOptions {
  project: ComposeProject;
  run: RunCommand;
  /** the servers to reach: their services and container ports, from the spec */
  ports: ServerPorts;
  /** how clients reach the servers (TLS, SASL, credentials); absent: an open stack */
  connection?: ConnectionSettings;
  /** seconds compose gives a service to stop before SIGKILL */
  stopTimeoutSeconds?: number;
  /** how long `up` and `down` may run before they are killed (image pulls count) */
  lifecycleTimeoutMs?: number;
  /** compose as an earlier step found it (post: main's); absent, it is asked for its version */
  command?: ComposeCommand;
}

/** `up` and `down` pull, create and remove; a run's own readiness deadline comes on top. */
const LIFECYCLE_TIMEOUT_MS = 10 * 60_000;
/**
 * `down` stops every container (10 s grace each, in parallel) and removes them: a minute is
 * ample, and a teardown that hangs must not hold the run or the post step much longer.
 */
const DOWN_TIMEOUT_MS = 60_000;
/** What `stop` may take beyond the stop timeout it hands compose. */
const STOP_MARGIN_MS = 60_000;
/** The least a command is given when its caller's deadline has passed or nearly so. */
const MIN_COMMAND_MS = 1_000;

/** A command's timeout: its own limit, cut to the time left before the caller's deadline. */
function withinDeadline(limitMs: number, deadline: number | undefined): number {
  if (deadline === undefined) return limitMs;
  return Math.min(limitMs, Math.max(MIN_COMMAND_MS, deadline - Date.now()));
}

export class ComposeCommandError extends Error {}

/** A container this project needs, by its fixed name, belongs to another compose project. */
export class ComposeConflictError extends ComposeCommandError {}

/** No endpoints: probes then say that nothing answers, instead of asking a stranger. */
const NOWHERE: Endpoints = { zookeeper: '', kafkaBrokers: [], cassandraContactPoints: [] };

type Server = keyof ServerPorts;
const SERVERS: readonly Server[] = ['zookeeper', 'kafka', 'cassandra'];

/** How often a staged start looks at a container it waits for (its exit, its health). */
const STAGE_POLL_MS = 500;

/** What a staged start saw that waiting will not change: an init that failed, a dead server. */
class StageFailure extends ComposeCommandError {}

export class ComposeRuntime implements Runtime {
  readonly name = 'compose' as const;
  /** The stack is this runtime's own: it starts, stops and removes it. */
  get lifecycle(): Lifecycle {
    return this;
  }
  /** found once: callers that start side by side share the one `version` call */
  private command: Promise<ComposeCommand> | undefined;
  private resolved: Endpoints | undefined;
  /** why compose could not say where a server is published, by server */
  private readonly unresolved = new Map<Server, string>();
  private readonly ports: ServerPorts;
  /** `compose config`'s answer: the project does not change during a run */
  private config: Promise<string> | undefined;
  /** the look at the containers under way, and when it ends at the latest */
  private look: { until: number; containers: Promise<ContainerObservation[]> } | undefined;
  /**
   * The project's container ids as the last `ps` listed them, and the generation that `ps` began
   * in: a look in that same generation is one `docker inspect` of those. Compose's own `ps`
   * reads and resolves the whole project each time, about a tenth of a second of CPU, and a
   * staged start looks dozens of times beside the servers it starts.
   */
  private listed: { ids: string[]; generation: number } | undefined;
  /**
   * Moves on whenever an `up` or a `down` ends. A listing is used only in the generation its
   * `ps` began in, so a look sees the containers of every change that ended before it began
   * (what a change still running creates, a fresh `ps` may miss too; what it removed, inspect
   * fails on, and the look lists again).
   */
  private generation = 0;

  constructor(private readonly options: ComposeRuntimeOptions) {
    this.ports = options.ports;
  }

  /** The container ports on loopback until `up` has asked compose where they are published. */
  get endpoints(): Endpoints {
    const { zookeeper, kafka, cassandra } = this.ports;
    const { connection } = this.options;
    return {
      ...(this.resolved ?? {
        zookeeper: zookeeper ? `127.0.0.1:${zookeeper.port}` : '',
        kafkaBrokers: kafka ? [`127.0.0.1:${kafka.port}`] : [],
        cassandraContactPoints: cassandra ? [`127.0.0.1:${cassandra.port}`] : [],
      }),
      ...(connection && { connection }),
    };
  }

  get projectName(): string {
    return this.options.project.name;
  }

  /** What compose is handed: the post step tears down this same project. */
  get project(): ComposeProject {
    return this.options.project;
  }

  async up(
    progress: Progress,
    deadline?: number,
    release?: HealthRelease,
    exited?: (service: string) => void,
  ): Promise<void> {
    await this.bringUp(progress, { restart: false, deadline, release, exited });
  }

  private async bringUp(
    progress: Progress,
    how: {
      restart: boolean;
      deadline: number | undefined;
      release: HealthRelease | undefined;
      exited?: ((service: string) => void) | undefined;
    },
  ): Promise<void> {
    const command = await this.composeCommand();
    // Until compose says where this project's servers listen, there is nowhere to probe: the
    // default ports may belong to another stack (the one a conflict below is about).
    this.resolved = NOWHERE;
    this.unresolved.clear();
    // The run's deadline bounds `up` itself: a stack that cannot even start uses up the same
    // timeout as one that starts and never turns ready.
    const deadline = how.deadline ?? Date.now() + this.lifecycleTimeoutMs;
    const remainingMs = () => Math.max(1_000, deadline - Date.now());
    // A restart is of the project this run has just brought up and stopped: its containers are
    // its own, and none of them runs.
    if (!how.restart) {
      // On a stack that is already up, a plain `up` runs the one-shot inits again but leaves
      // their running dependents alone, which then look started before them (verify after
      // `infra-verify up` failed services.start-order). Stopped first, as the persistence
      // restart does, every service starts in the order the run is there to check; the data
      // is kept. The look only reads, so it runs beside the check for foreign containers.
      const look = this.exec(psArgs(command, this.options.project), 'ps', remainingMs());
      look.catch(() => undefined);
      await this.refuseForeignContainers(command, remainingMs());
      const ps = await look;
      if (parsePs(ps).some((container) => container.state === 'running')) {
        progress(`project ${this.projectName} is already up: stopping it first (data kept)`);
        await this.stopAll(command, progress, remainingMs());
      }
    }
    progress(`docker compose ${command.versionText}: starting project ${this.projectName}`);
    try {
      if (how.release) {
        await this.upInStages(command, progress, deadline, how.release, how.exited);
      } else {
        await this.changing(
          upArgs(command, this.options.project),
          'up',
          remainingMs(),
          undefined,
          streamTo(progress),
        );
      }
    } finally {
      // Even after a failed up: whatever did start must be probed where it really listens,
      // never at the default ports, where some other stack may answer.
      await this.resolveEndpoints(this.unpublished());
    }
  }

  /**
   * One dependency level at a time, each service started (`up --no-deps`) as soon as what it
   * depends on is released: a server once the release passes (the verifier's protocol check,
   * where it equals the healthcheck) or else once the engine calls it healthy, an init once it
   * exited 0. Compose would wait for each server's next healthcheck tick instead.
   */
  private async upInStages(
    command: ComposeCommand,
    progress: Progress,
    deadline: number,
    release: HealthRelease,
    exited: ((service: string) => void) | undefined,
  ): Promise<void> {
    const graph = parseStartGraph(await this.configOf(command, deadline - Date.now()));
    // compose's own answer (and error) for a project without services
    if (Object.keys(graph).length === 0) {
      await this.changing(
        upArgs(command, this.options.project),
        'up',
        Math.max(MIN_COMMAND_MS, deadline - Date.now()),
        undefined,
        streamTo(progress),
      );
      return;
    }
    progress(
      `staged start: ${startLevels(graph)
        .map((level) => level.join(' + '))
        .join(' → ')}`,
    );
    const releasedByProtocol: string[] = [];
    const stages = startInStages(graph, {
      start: async (services) => {
        await this.changing(
          upArgs(command, this.options.project, services),
          'up',
          Math.max(MIN_COMMAND_MS, deadline - Date.now()),
          undefined,
          streamTo(progress),
        );
        await this.resolveEndpoints(services);
      },
      reach: (service, condition) => {
        if (condition === 'service_completed_successfully') {
          return this.settled(service, deadline, exitedZero).then(() => exited?.(service));
        }
        const own = release(service, graph[service]?.healthcheck, deadline);
        if (own) releasedByProtocol.push(service);
        return own ?? this.settled(service, deadline, healthyByEngine);
      },
    });
    try {
      await stages;
    } catch (error) {
      // Compose starts nothing after a server until the engine has called it healthy, so a
      // failed start finds those servers judged. Left as compose would leave them, the look
      // that follows reports each as the engine sees it, not as still "starting".
      await Promise.allSettled(
        releasedByProtocol.map((service) => this.settled(service, deadline, judgedByEngine)),
      );
      throw error;
    }
  }

  /** Waits until judge says the service is there (true), or throws what it saw instead. */
  private async settled(
    service: string,
    deadline: number,
    judge: (container: ContainerObservation | undefined, service: string) => boolean,
  ): Promise<void> {
    await waitUntil({
      service,
      attempt: async () => {
        const container = (await this.containers(deadline)).find((c) => c.service === service);
        if (!judge(container, service)) throw new Error(`${service} is ${describe(container)}`);
      },
      deadline,
      isFinal: (error) => error instanceof StageFailure,
      firstDelayMs: STAGE_POLL_MS,
      maxDelayMs: STAGE_POLL_MS,
    });
  }

  /** For a project that is already up (init inspects it): learn where its servers listen. */
  async attach(): Promise<void> {
    this.resolved = NOWHERE;
    this.unresolved.clear();
    await this.resolveEndpoints(this.unpublished());
  }

  async services(deadline?: number): Promise<ServiceObservation[]> {
    return (await this.containers(deadline)).map((container) => {
      const observation: ContainerObservation = { ...container };
      delete observation.finishedAt;
      return observation;
    });
  }

  async stop(progress: Progress): Promise<StopRecord[]> {
    const command = await this.composeCommand();
    const running = (await this.containers()).filter((service) => service.state === 'running');
    progress(`stopping ${running.map((service) => service.service).join(', ')}`);
    const issuedAt = Date.now();
    await this.stopAll(command, progress, Infinity);
    const after = await this.containers();
    // Each container's own FinishedAt times its stop; compose stops several at once.
    return running.map(({ service }) => {
      const stopped = after.find((container) => container.service === service);
      const exitCode = stopped?.state === 'exited' ? (stopped.exitCode ?? null) : null;
      const finishedAt = stopped?.finishedAt ? Date.parse(stopped.finishedAt) : Date.now();
      return {
        service,
        exitCode,
        stopMs: Math.max(0, finishedAt - issuedAt),
        clean: isCleanExit(exitCode),
      };
    });
  }

  async start(progress: Progress, deadline?: number, release?: HealthRelease): Promise<void> {
    // `up` rather than `start`: it honours depends_on conditions and re-runs the idempotent inits.
    await this.bringUp(progress, { restart: true, deadline, release });
  }

  async down(options: {
    removeData: boolean;
    progress?: Progress;
    deadline?: number;
  }): Promise<void> {
    const command = await this.composeCommand();
    await this.changing(
      downArgs(command, this.options.project, options),
      'down',
      withinDeadline(Math.min(this.lifecycleTimeoutMs, DOWN_TIMEOUT_MS), options.deadline),
      undefined,
      options.progress && streamTo(options.progress),
    );
  }

  async logs(service: string, lines: number, deadline?: number): Promise<string> {
    const command = await this.composeCommand();
    const result = await this.options.run(
      command.file,
      logsArgs(command, this.options.project, service, lines),
      { timeoutMs: withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline) },
    );
    return `${result.stdout}${result.stderr}`.trimEnd();
  }

  /** An `up` or a `down`: it may create or remove containers, so its end starts a generation. */
  private async changing(...args: Parameters<ComposeRuntime['exec']>): Promise<string> {
    try {
      return await this.exec(...args);
    } finally {
      this.generation += 1;
    }
  }

  /** `compose stop`, within the stop timeout and limitMs, whichever ends first. */
  private async stopAll(command: ComposeCommand, progress: Progress, limitMs: number) {
    const timeout = this.options.stopTimeoutSeconds ?? 60;
    await this.exec(
      stopArgs(command, this.options.project, timeout),
      'stop',
      Math.min(timeout * 1000 + STOP_MARGIN_MS, limitMs),
      undefined,
      streamTo(progress),
    );
  }

  /**
   * One `ps` and one `inspect` per poll: a waiter that asks while a look is under way shares
   * it, unless that look may outlast the waiter's own deadline.
   */
  private containers(deadline?: number): Promise<ContainerObservation[]> {
    const until = Date.now() + withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline);
    if (this.look && this.look.until <= until) return this.look.containers;
    const containers = this.lookAtContainers(deadline).finally(() => {
      if (this.look?.containers === containers) this.look = undefined;
    });
    this.look = { until, containers };
    return containers;
  }

  private async lookAtContainers(deadline?: number): Promise<ContainerObservation[]> {
    const command = await this.composeCommand();
    const timeoutMs = () => withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline);
    const listed = this.listed?.generation === this.generation ? this.listed.ids : undefined;
    if (listed) {
      // State, health and exit code then come from inspect alone, still from one source.
      const seen = await this.exec(inspectArgs(listed), 'inspect', timeoutMs(), 'docker').then(
        (output) => parseInspect(output, this.projectName),
        // a container that went away (removed by hand): list them again
        () => undefined,
      );
      if (seen) return seen;
      this.listed = undefined;
    }
    const { generation } = this;
    const psEntries = parsePs(
      await this.exec(psArgs(command, this.options.project), 'ps', timeoutMs()),
    );
    const ids = psEntries.map((entry) => entry.id);
    if (ids.length === 0) return [];
    this.listed = { ids, generation };
    const inspected = parseInspect(
      await this.exec(inspectArgs(ids), 'inspect', timeoutMs(), 'docker'),
      this.projectName,
    );
    // ps is compose's own view of state and health; inspect adds times, networks and mounts.
    // State, health and exit code are taken together from one source so they never disagree.
    return inspected.map((container) => {
      const entry = psEntries.find((candidate) => candidate.name === container.containerName);
      if (!entry) return container;
      const merged: ContainerObservation = { ...container, state: entry.state };
      delete merged.health;
      delete merged.exitCode;
      return {
        ...merged,
        ...(entry.health ? { health: entry.health } : {}),
        ...(entry.exitCode !== undefined ? { exitCode: entry.exitCode } : {}),
      };
    });
  }

  /** The servers whose address is not known yet. */
  private unpublished(): string[] {
    const known = this.resolved ?? NOWHERE;
    const has: Record<Server, boolean> = {
      zookeeper: known.zookeeper !== '',
      kafka: known.kafkaBrokers.length > 0,
      cassandra: known.cassandraContactPoints.length > 0,
    };
    return SERVERS.flatMap((server) => {
      const ports = this.ports[server];
      return ports && !has[server] ? [ports.service] : [];
    });
  }

  /**
   * Where each of these services' servers is published. Each is asked on its own: one service
   * that is not running (compose cannot say its port) leaves only its own endpoint empty, and
   * its probe then says that nothing answers, instead of asking a stranger on the default port.
   */
  private async resolveEndpoints(services: readonly string[]): Promise<void> {
    const command = await this.composeCommand();
    const asked = SERVERS.filter((server) => {
      const ports = this.ports[server];
      return ports !== undefined && services.includes(ports.service);
    });
    const answers = await Promise.all(
      asked.map(async (server) => {
        const { service, port } = this.ports[server] as { service: string; port: number };
        try {
          const published = parsePort(
            await this.exec(portArgs(command, this.options.project, service, port), 'port'),
          );
          this.unresolved.delete(server);
          return [server, `${published.host}:${published.port}`] as const;
        } catch (error) {
          this.unresolved.set(server, `${service}: ${firstLineOf(error)}`);
          return [server, undefined] as const;
        }
      }),
    );
    const known = { ...(this.resolved ?? NOWHERE) };
    for (const [server, address] of answers) {
      if (address === undefined) continue;
      if (server === 'zookeeper') known.zookeeper = address;
      if (server === 'kafka') known.kafkaBrokers = [address];
      if (server === 'cassandra') known.cassandraContactPoints = [address];
    }
    delete known.unresolved;
    const problems = [...this.unresolved.values()];
    this.resolved = {
      ...known,
      ...(problems.length > 0
        ? {
            unresolved: `compose could not say where the stack's ports are published (${problems.join('; ')})`,
          }
        : {}),
    };
  }

  /**
   * A compose file that fixes container names (docker-compose.yml does) can run once per
   * engine. When another project holds one of those names, `up` would fail on it, or worse,
   * a later `down` could be taken to mean that stack: refuse before touching anything.
   */
  private async refuseForeignContainers(command: ComposeCommand, limitMs: number): Promise<void> {
    const quickMs = Math.min(QUICK_COMMAND_TIMEOUT_MS, limitMs);
    // Both only read: asked side by side.
    const owned = this.exec(containerOwnersArgs(), 'ps', quickMs, 'docker');
    owned.catch(() => undefined);
    const names = parseContainerNames(await this.configOf(command, quickMs));
    if (names.size === 0) return;
    const owners = parseContainerOwners(await owned);
    for (const [name, service] of names) {
      const owner = owners.get(name);
      if (owner === undefined || owner === this.projectName) continue;
      const held = owner === '' ? 'a container outside compose' : `compose project "${owner}"`;
      throw new ComposeConflictError(
        `container "${name}" (service ${service}) already exists and belongs to ${held}. ` +
          'The compose file fixes its container_name, so one such stack can run per Docker ' +
          'engine: wait for the other run to end, or remove it' +
          (owner === '' ? ` (docker rm -f ${name}).` : ` (docker compose -p ${owner} down).`),
      );
    }
  }

  /** The project as compose resolves it, asked once: the first caller's limit bounds it. */
  private configOf(command: ComposeCommand, limitMs: number): Promise<string> {
    this.config ??= this.exec(
      configArgs(command, this.options.project),
      'config',
      Math.max(1_000, Math.min(QUICK_COMMAND_TIMEOUT_MS, limitMs)),
    );
    return this.config;
  }

  /** The compose this runtime drives: the one it was handed, else the one `version` finds. */
  composeCommand(): Promise<ComposeCommand> {
    const { command } = this.options;
    this.command ??= command ? Promise.resolve(command) : detectCompose(this.options.run);
    return this.command;
  }

  private get lifecycleTimeoutMs(): number {
    return this.options.lifecycleTimeoutMs ?? LIFECYCLE_TIMEOUT_MS;
  }

  /**
   * Runs compose (or `docker` for inspect) and returns stdout; a non-zero exit is an error.
   * Without a timeout of its own, the command gets the runner's deadline for quick commands.
   */
  private async exec(
    args: string[],
    what: string,
    timeoutMs?: number,
    file?: string,
    onLine?: (line: string) => void,
  ): Promise<string> {
    const command = await this.composeCommand();
    const executable = file ?? command.file;
    // No cwd: the project names its directory and its files itself (--project-directory,
    // absolute -f paths), and a missing first file's folder is then compose's to report.
    const result = await this.options.run(executable, args, {
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(onLine ? { onLine } : {}),
    });
    if (result.exitCode !== 0) {
      throw new ComposeCommandError(
        `docker compose ${what} failed (exit ${result.exitCode}): ` +
          `${(result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n')}`,
      );
    }
    return result.stdout;
  }
}

/** Compose's own lines, live, as progress: what it pulls, creates and starts, as it happens. */
function streamTo(progress: Progress): (line: string) => void {
  return (line) => {
    const text = withoutControlSequences(line).trim();
    if (text !== '') progress(`compose: ${text}`);
  };
}

function describe(container: ContainerObservation | undefined): string {
  if (!container) return 'not created';
  if (container.state === 'exited') return `exited (exit ${container.exitCode ?? 'unknown'})`;
  return container.health ? `${container.state} (${container.health})` : container.state;
}

/** An init's release: it exited 0; any other exit is final. */
function exitedZero(container: ContainerObservation | undefined, service: string): boolean {
  if (container?.state !== 'exited') return false;
  if (container.exitCode === 0) return true;
  throw new StageFailure(`${service} exited with code ${container.exitCode ?? 'unknown'}`);
}

/**
 * A service without a check of the verifier's own is released when the engine calls it healthy,
 * as compose would; like compose, it refuses one that has no healthcheck (in the compose file or
 * its image) to ask.
 */
function healthyByEngine(container: ContainerObservation | undefined, service: string): boolean {
  if (container?.health === 'healthy') return true;
  if (container?.state === 'exited' || container?.health === 'unhealthy') {
    throw new StageFailure(`${service} is ${describe(container)}`);
  }
  if (container?.state === 'running' && container.health === undefined) {
    throw new StageFailure(
      `${service} has no healthcheck, but a service depends on it being healthy`,
    );
  }
  return false;
}

/** The engine has judged the service's health (or it has none, or no longer runs). */
function judgedByEngine(container: ContainerObservation | undefined): boolean {
  return container?.state !== 'running' || container.health !== 'starting';
}
