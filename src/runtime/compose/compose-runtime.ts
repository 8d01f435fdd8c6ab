// The stack as `docker compose` runs it. Compose only starts and stops containers here;
// readiness is the engine's protocol waits plus `ps` showing the inits exited 0.
import { firstLineOf } from '../../model/errors';
import {
  isCleanExit,
  type Endpoints,
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
  type ContainerObservation,
} from './parse';

export interface ComposeRuntimeOptions {
  project: ComposeProject;
  run: RunCommand;
  /** the servers to reach: their services and container ports, from the spec */
  ports: ServerPorts;
  /** seconds compose gives a service to stop before SIGKILL */
  stopTimeoutSeconds?: number;
  /** how long `up` and `down` may run before they are killed (image pulls count) */
  lifecycleTimeoutMs?: number;
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

export class ComposeRuntime implements Runtime {
  readonly name = 'compose' as const;
  /** The stack is this runtime's own: it starts, stops and removes it. */
  get lifecycle(): Lifecycle {
    return this;
  }
  private command: ComposeCommand | undefined;
  private resolved: Endpoints | undefined;
  private readonly ports: ServerPorts;

  constructor(private readonly options: ComposeRuntimeOptions) {
    this.ports = options.ports;
  }

  /** The container ports on loopback until `up` has asked compose where they are published. */
  get endpoints(): Endpoints {
    const { zookeeper, kafka, cassandra } = this.ports;
    return (
      this.resolved ?? {
        zookeeper: zookeeper ? `127.0.0.1:${zookeeper.port}` : '',
        kafkaBrokers: kafka ? [`127.0.0.1:${kafka.port}`] : [],
        cassandraContactPoints: cassandra ? [`127.0.0.1:${cassandra.port}`] : [],
      }
    );
  }

  get projectName(): string {
    return this.options.project.name;
  }

  async up(progress: Progress, deadline?: number): Promise<void> {
    const command = await this.compose();
    // Until compose says where this project's servers listen, there is nowhere to probe: the
    // default ports may belong to another stack (the one a conflict below is about).
    this.resolved = NOWHERE;
    // The run's deadline bounds `up` itself: a stack that cannot even start uses up the same
    // timeout as one that starts and never turns ready.
    const remainingMs = () =>
      deadline === undefined ? this.lifecycleTimeoutMs : Math.max(1_000, deadline - Date.now());
    await this.refuseForeignContainers(command, remainingMs());
    // On a stack that is already up, a plain `up` runs the one-shot inits again but leaves their
    // running dependents alone, which then look started before them (verify after `infra-verify
    // up` failed services.start-order). Stopped first, as the persistence restart does, every
    // service starts in the order the run is there to check; the data is kept.
    const ps = await this.exec(psArgs(command, this.options.project), 'ps', remainingMs());
    if (parsePs(ps).some((container) => container.state === 'running')) {
      progress(`project ${this.projectName} is already up: stopping it first (data kept)`);
      await this.stopAll(command, progress, remainingMs());
    }
    progress(`docker compose ${command.versionText}: starting project ${this.projectName}`);
    const timeoutMs = remainingMs();
    try {
      await this.exec(
        upArgs(command, this.options.project),
        'up',
        timeoutMs,
        undefined,
        streamTo(progress),
      );
    } finally {
      // Even after a failed up: whatever did start must be probed where it really listens,
      // never at the default ports, where some other stack may answer.
      this.resolved = await this.resolveEndpoints();
    }
  }

  /** For a project that is already up (init inspects it): learn where its servers listen. */
  async attach(): Promise<void> {
    this.resolved = await this.resolveEndpoints();
  }

  async services(deadline?: number): Promise<ServiceObservation[]> {
    return (await this.containers(deadline)).map((container) => {
      const observation: ContainerObservation = { ...container };
      delete observation.finishedAt;
      return observation;
    });
  }

  async stop(progress: Progress): Promise<StopRecord[]> {
    const command = await this.compose();
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

  async start(progress: Progress, deadline?: number): Promise<void> {
    // `up` rather than `start`: it honours depends_on conditions and re-runs the idempotent inits.
    await this.up(progress, deadline);
  }

  async down(options: {
    removeData: boolean;
    progress?: Progress;
    deadline?: number;
  }): Promise<void> {
    const command = await this.compose();
    await this.exec(
      downArgs(command, this.options.project, options),
      'down',
      withinDeadline(Math.min(this.lifecycleTimeoutMs, DOWN_TIMEOUT_MS), options.deadline),
      undefined,
      options.progress && streamTo(options.progress),
    );
  }

  async logs(service: string, lines: number, deadline?: number): Promise<string> {
    const command = await this.compose();
    const result = await this.options.run(
      command.file,
      logsArgs(command, this.options.project, service, lines),
      {
        cwd: this.options.project.directory,
        timeoutMs: withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline),
      },
    );
    return `${result.stdout}${result.stderr}`.trimEnd();
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

  private async containers(deadline?: number): Promise<ContainerObservation[]> {
    const command = await this.compose();
    const timeoutMs = () => withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline);
    const psEntries = parsePs(
      await this.exec(psArgs(command, this.options.project), 'ps', timeoutMs()),
    );
    const ids = psEntries.map((entry) => entry.id);
    if (ids.length === 0) return [];
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

  /**
   * Where each server is published. Each is asked on its own: one service that is not running
   * (compose cannot say its port) leaves only its own endpoint empty, and its probe then says
   * that nothing answers, instead of asking a stranger on the default port.
   */
  private async resolveEndpoints(): Promise<Endpoints> {
    const command = await this.compose();
    const address = (server: { service: string; port: number } | undefined) =>
      server === undefined
        ? Promise.resolve([])
        : this.exec(portArgs(command, this.options.project, server.service, server.port), 'port')
            .then((output) => {
              const published = parsePort(output);
              return [`${published.host}:${published.port}`];
            })
            .catch((error: unknown) => {
              unresolved.push(`${server.service}: ${firstLineOf(error)}`);
              return [];
            });
    const unresolved: string[] = [];
    const [zookeeper, kafka, cassandra] = await Promise.all([
      address(this.ports.zookeeper),
      address(this.ports.kafka),
      address(this.ports.cassandra),
    ]);
    return {
      zookeeper: zookeeper[0] ?? '',
      kafkaBrokers: kafka,
      cassandraContactPoints: cassandra,
      ...(unresolved.length > 0
        ? {
            unresolved: `compose could not say where the stack's ports are published (${unresolved.join('; ')})`,
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
    const names = parseContainerNames(
      await this.exec(configArgs(command, this.options.project), 'config', quickMs),
    );
    if (names.size === 0) return;
    const owners = parseContainerOwners(
      await this.exec(containerOwnersArgs(), 'ps', quickMs, 'docker'),
    );
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

  private async compose(): Promise<ComposeCommand> {
    this.command ??= await detectCompose(this.options.run);
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
    const command = await this.compose();
    const executable = file ?? command.file;
    const result = await this.options.run(executable, args, {
      cwd: this.options.project.directory,
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
