// The local twin: the ChatBattle stack as real JVM processes on 127.0.0.1, for machines
// without a Docker engine. Same servers, same init scripts, same ports as docker-compose.yml.
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  LOG_TAIL_LINES,
  isCleanExit,
  type Endpoints,
  type Progress,
  type Runtime,
  type ServiceObservation,
  type StopRecord,
} from '../../model/runtime';
import { cassandraReady } from '../../protocol/cassandra';
import { kafkaReady } from '../../protocol/kafka';
import { waitUntil } from '../../protocol/wait';
import { zookeeperReady } from '../../protocol/zookeeper';
import { type TwinConfig, twinConfig, twinPaths } from './config';
import { runCql } from './cql';
import { ensureJars } from './jars';
import {
  type ManagedProcess,
  lastExitCode,
  portAnswers,
  runningPid,
  startDetached,
  stopProcess,
  withLock,
} from './processes';
import { type ServerLaunch, type ServerName, processMarker, serverLaunches } from './servers';
import { tailOfFile } from './tail';

export const TWIN_SERVICES = [
  'zookeeper',
  'kafka',
  'kafka-init',
  'cassandra',
  'cassandra-init',
] as const;
export type TwinService = (typeof TWIN_SERVICES)[number];
type InitName = 'kafka-init' | 'cassandra-init';

export interface TwinTimeouts {
  zookeeperMs: number;
  kafkaMs: number;
  cassandraMs: number;
  initMs: number;
}

const DEFAULT_TIMEOUTS: TwinTimeouts = {
  zookeeperMs: 60_000,
  kafkaMs: 90_000,
  cassandraMs: 180_000,
  initMs: 120_000,
};

/** what the twin remembers between commands, beside the pid/exit files */
interface TwinState {
  startedAt: Partial<Record<TwinService, string>>;
  readyAt: Partial<Record<TwinService, string>>;
  finishedAt?: Partial<Record<TwinService, string>>;
}

export class LocalRuntime implements Runtime {
  readonly name = 'local' as const;
  readonly hasLifecycle = true;
  readonly endpoints: Endpoints;
  private readonly paths;
  private readonly timeouts: TwinTimeouts;

  constructor(
    readonly config: TwinConfig = twinConfig(),
    timeouts: Partial<TwinTimeouts> = {},
  ) {
    const { host, ports } = config;
    this.endpoints = {
      kafkaBrokers: [`${host}:${ports.kafka}`],
      cassandraContactPoints: [`${host}:${ports.cassandra}`],
      zookeeper: `${host}:${ports.zookeeper}`,
    };
    this.paths = twinPaths(config);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
  }

  /**
   * Starts whatever is not running, waits for each server by its protocol, and runs the inits.
   * ZooKeeper -> Kafka -> kafka-init is one chain; Cassandra -> cassandra-init runs beside it.
   */
  async up(progress: Progress): Promise<void> {
    if (this.isFullyUp()) {
      progress(`twin already running in ${this.config.home}; nothing to do`);
      return;
    }
    for (const dir of [this.paths.logs, this.paths.data, this.paths.run, this.paths.conf])
      mkdirSync(dir, { recursive: true });
    const lockTimeoutMs = this.timeouts.cassandraMs + this.timeouts.initMs;
    await withLock(join(this.paths.run, 'up.lock'), lockTimeoutMs, async () => {
      // Whoever held the lock before may have brought everything up meanwhile.
      if (this.isFullyUp()) {
        progress(`twin already running in ${this.config.home}; nothing to do`);
        return;
      }
      await this.bringUp(progress);
    });
  }

  private async bringUp(progress: Progress): Promise<void> {
    await ensureJars(this.config, progress);
    const launches = serverLaunches(this.config, this.jammJar());
    const kafkaChain = async () => {
      await this.startServer(launches.zookeeper, progress);
      await this.awaitReady('zookeeper', this.timeouts.zookeeperMs, progress, () =>
        zookeeperReady(this.endpoints.zookeeper),
      );
      await this.startServer(launches.kafka, progress);
      await this.awaitReady('kafka', this.timeouts.kafkaMs, progress, () =>
        kafkaReady(this.endpoints.kafkaBrokers),
      );
      await this.runInit('kafka-init', progress, (log) => this.createTopics(log));
    };
    const cassandraChain = async () => {
      await this.startServer(launches.cassandra, progress);
      await this.awaitReady('cassandra', this.timeouts.cassandraMs, progress, () =>
        cassandraReady(this.endpoints.cassandraContactPoints),
      );
      await this.runInit('cassandra-init', progress, (log) => this.applySchema(log));
    };
    const outcomes = await Promise.allSettled([kafkaChain(), cassandraChain()]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('\n\n'));
  }

  /** Runs both one-shot inits again on a running twin, as `docker compose up kafka-init cassandra-init` does. */
  async rerunInits(progress: Progress): Promise<void> {
    await this.runInit('kafka-init', progress, (log) => this.createTopics(log));
    await this.runInit('cassandra-init', progress, (log) => this.applySchema(log));
  }

  /** start after stop is the same as up: inits are idempotent and run again, as in compose */
  start(progress: Progress): Promise<void> {
    return this.up(progress);
  }

  /** Kafka before ZooKeeper (a broker needs ZooKeeper for a controlled shutdown); Cassandra beside them. */
  async stop(progress: Progress): Promise<StopRecord[]> {
    const launches = serverLaunches(this.config, this.jammJar());
    const stopOne = async (name: ServerName): Promise<StopRecord[]> => {
      const outcome = await stopProcess(this.managed(name), launches[name].stopDeadlineMs);
      if (!outcome) return [];
      progress(`${name} stopped in ${outcome.stopMs} ms (exit ${outcome.exitCode ?? 'unknown'})`);
      const clean = !outcome.killed && isCleanExit(outcome.exitCode);
      return [{ service: name, exitCode: outcome.exitCode, stopMs: outcome.stopMs, clean }];
    };
    const [brokerSide, cassandraSide] = await Promise.all([
      stopOne('kafka').then(async (kafka) => [...kafka, ...(await stopOne('zookeeper'))]),
      stopOne('cassandra'),
    ]);
    return [...brokerSide, ...cassandraSide];
  }

  async down(options: { removeData: boolean }): Promise<void> {
    await this.stop(() => undefined);
    if (options.removeData) {
      rmSync(this.paths.data, { recursive: true, force: true });
      rmSync(this.paths.run, { recursive: true, force: true });
    }
  }

  async services(): Promise<ServiceObservation[]> {
    const state = this.readState();
    const observed = TWIN_SERVICES.map((service) => this.observe(service, state));
    return [...observed, stackReady(observed, state)];
  }

  private observe(service: TwinService, state: TwinState): ServiceObservation {
    const base = {
      service,
      containerName: `chatbattle-${service}`,
      startedAt: state.startedAt[service],
    };
    if (service === 'kafka-init' || service === 'cassandra-init') {
      const exitCode = lastExitCode(this.managed(service));
      if (exitCode === undefined) {
        return { ...base, state: state.startedAt[service] ? 'running' : 'missing' };
      }
      return { ...base, state: 'exited', exitCode };
    }
    if (runningPid(this.managed(service)) !== undefined) {
      return {
        ...base,
        state: 'running',
        health: state.readyAt[service] ? 'healthy' : 'starting',
      };
    }
    const exitCode = lastExitCode(this.managed(service));
    return exitCode === undefined
      ? { ...base, state: 'missing' }
      : { ...base, state: 'exited', exitCode };
  }

  async logs(service: string, lines: number): Promise<string> {
    return tailOfFile(this.logFile(service), lines);
  }

  /** true when every server runs and both inits last exited 0 */
  isFullyUp(): boolean {
    const servers: ServerName[] = ['zookeeper', 'kafka', 'cassandra'];
    const inits: InitName[] = ['kafka-init', 'cassandra-init'];
    return (
      servers.every((name) => runningPid(this.managed(name)) !== undefined) &&
      inits.every((name) => lastExitCode(this.managed(name)) === 0)
    );
  }

  /** the JVM pid of a running server, for callers that must tell one run from the next */
  servicePid(name: ServerName): number | undefined {
    return runningPid(this.managed(name));
  }

  private logFile(service: string): string {
    return join(this.paths.logs, `${service}.log`);
  }

  private managed(name: TwinService): ManagedProcess {
    const marker =
      name === 'kafka-init' || name === 'cassandra-init' ? name : processMarker(this.config, name);
    return { name, runDir: this.paths.run, marker };
  }

  private jammJar(): string {
    const jar = existsSync(this.paths.cassandraLib)
      ? readdirSync(this.paths.cassandraLib).find((file) => /^jamm-.*\.jar$/.test(file))
      : undefined;
    // Before the jars are fetched there is nothing to point at yet; up() fetches them first.
    return join(this.paths.cassandraLib, jar ?? 'jamm.jar');
  }

  private async startServer(launch: ServerLaunch, progress: Progress): Promise<void> {
    const managed = this.managed(launch.name);
    if (runningPid(managed) !== undefined) {
      progress(`${launch.name} already running`);
      return;
    }
    const { ports, host } = this.config;
    const needed = {
      zookeeper: [ports.zookeeper],
      kafka: [ports.kafka],
      cassandra: [ports.cassandra, ports.cassandraStorage],
    }[launch.name];
    for (const port of needed) {
      if (await portAnswers(host, port)) {
        throw new Error(
          `${launch.name}: port ${port} on ${host} is already taken by another process; stop it, ` +
            `or give this twin other ports (TWIN_ZOOKEEPER_PORT, TWIN_KAFKA_PORT, TWIN_CASSANDRA_PORT, TWIN_CASSANDRA_STORAGE_PORT)`,
        );
      }
    }
    for (const [file, content] of Object.entries(launch.files)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    progress(`starting ${launch.name} (log: ${this.logFile(launch.name)})`);
    await startDetached(
      managed,
      this.config.java,
      launch.javaArgs,
      this.logFile(launch.name),
      this.config.home,
    );
    this.updateState((state) => {
      state.startedAt[launch.name] = new Date().toISOString();
      delete state.readyAt[launch.name];
    });
  }

  private async awaitReady<T>(
    name: ServerName,
    timeoutMs: number,
    progress: Progress,
    attempt: () => Promise<T>,
  ): Promise<T> {
    const managed = this.managed(name);
    const value = await waitUntil({
      service: name,
      attempt,
      deadline: Date.now() + timeoutMs,
      progress,
      logTail: () => this.logs(name, LOG_TAIL_LINES),
      giveUpIf: async () =>
        runningPid(managed) === undefined
          ? `the ${name} process exited (code ${lastExitCode(managed) ?? 'unknown'})`
          : undefined,
    });
    progress(`${name} ready: ${JSON.stringify(value)}`);
    this.updateState((state) => {
      state.readyAt[name] = new Date().toISOString();
    });
    return value;
  }

  /** Runs a one-shot step with its output in its own log, and records its exit code like a container's. */
  private async runInit(
    name: InitName,
    progress: Progress,
    step: (log: number) => Promise<number>,
  ): Promise<void> {
    rmSync(join(this.paths.run, `${name}.exit`), { force: true });
    this.updateState((state) => {
      state.startedAt[name] = new Date().toISOString();
    });
    progress(`running ${name} (log: ${this.logFile(name)})`);
    const log = openSync(this.logFile(name), 'a');
    let exitCode: number;
    try {
      exitCode = await step(log);
    } finally {
      closeSync(log);
    }
    writeFileSync(join(this.paths.run, `${name}.exit`), `${exitCode}\n`);
    this.updateState((state) => {
      state.finishedAt = { ...state.finishedAt, [name]: new Date().toISOString() };
    });
    if (exitCode !== 0) {
      throw new Error(
        `${name} exited with code ${exitCode}; last lines of its log:\n${await this.logs(name, LOG_TAIL_LINES)}`,
      );
    }
    progress(`${name} exited 0`);
  }

  /** kafka-init: the very create-topics.sh that compose runs, with the twin's kafka-topics. */
  private createTopics(log: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        'bash',
        [join(this.config.repoRoot, 'infrastructure', 'kafka', 'create-topics.sh')],
        {
          env: {
            ...process.env,
            KAFKA_TOPICS: join(this.config.repoRoot, 'scripts', 'twin', 'kafka-topics'),
            BOOTSTRAP_SERVER: this.endpoints.kafkaBrokers[0],
          },
          stdio: ['ignore', log, log],
        },
      );
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeouts.initMs);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(code ?? (signal ? 128 + 9 : 1));
      });
    });
  }

  /** cassandra-init: the very schema.cql that compose runs, through cassandra-driver (no cqlsh here). */
  private async applySchema(log: number): Promise<number> {
    const write = (line: string) => writeFileSync(log, `${line}\n`);
    const file = join(this.config.repoRoot, 'infrastructure', 'cassandra', 'schema.cql');
    try {
      write(`Applying ${file}`);
      await runCql(
        { contactPoints: this.endpoints.cassandraContactPoints },
        readFileSync(file, 'utf8'),
        write,
      );
      write('Schema ready');
      return 0;
    } catch (error) {
      write((error as Error).message);
      return 1;
    }
  }

  private stateFile(): string {
    return join(this.paths.run, 'state.json');
  }

  private readState(): TwinState {
    try {
      return JSON.parse(readFileSync(this.stateFile(), 'utf8')) as TwinState;
    } catch {
      return { startedAt: {}, readyAt: {} };
    }
  }

  private updateState(change: (state: TwinState) => void): void {
    const state = this.readState();
    change(state);
    mkdirSync(this.paths.run, { recursive: true });
    writeFileSync(this.stateFile(), JSON.stringify(state, null, 2));
  }
}

/**
 * compose's stack-ready sentinel is a sleeping container that starts once both inits exited 0.
 * The twin needs no such process, so it reports the sentinel's meaning instead: running when
 * the servers run and both inits succeeded, started when the later init finished.
 */
function stackReady(observed: ServiceObservation[], state: TwinState): ServiceObservation {
  const base = { service: 'stack-ready', containerName: 'chatbattle-stack-ready' };
  const inits: InitName[] = ['kafka-init', 'cassandra-init'];
  const done = observed.every((s) =>
    inits.includes(s.service as InitName) ? s.exitCode === 0 : s.state === 'running',
  );
  if (!done) return { ...base, state: 'missing' };
  const finished = inits.map((name) => state.finishedAt?.[name] ?? '').sort();
  return { ...base, state: 'running', startedAt: finished[finished.length - 1] || undefined };
}
