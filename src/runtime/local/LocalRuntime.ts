// The local twin: the ChatBattle stack as real JVM processes on 127.0.0.1, for machines
// without a Docker engine. Same servers, same init scripts, same ports as docker-compose.yml.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
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
import { INIT_STEPS } from './inits';
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
import {
  INIT_NAMES,
  TWIN_SERVICES,
  type InitName,
  type TwinService,
  type TwinState,
  TwinStateFile,
  stackReadySentinel,
} from './state';
import { tailOfFile } from './tail';

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

export class LocalRuntime implements Runtime {
  readonly name = 'local' as const;
  readonly hasLifecycle = true;
  readonly endpoints: Endpoints;
  private readonly paths;
  private readonly timeouts: TwinTimeouts;
  private readonly state: TwinStateFile;

  constructor(
    private readonly config: TwinConfig = twinConfig(),
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
    this.state = new TwinStateFile(this.paths.run);
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
      await this.runInit('kafka-init', progress);
    };
    const cassandraChain = async () => {
      await this.startServer(launches.cassandra, progress);
      await this.awaitReady('cassandra', this.timeouts.cassandraMs, progress, () =>
        cassandraReady(this.endpoints.cassandraContactPoints),
      );
      await this.runInit('cassandra-init', progress);
    };
    const outcomes = await Promise.allSettled([kafkaChain(), cassandraChain()]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('\n\n'));
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
    const state = this.state.read();
    const observed = TWIN_SERVICES.map((service) => this.observe(service, state));
    return [...observed, stackReadySentinel(observed, state)];
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
  private isFullyUp(): boolean {
    const servers: ServerName[] = ['zookeeper', 'kafka', 'cassandra'];
    return (
      servers.every((name) => runningPid(this.managed(name)) !== undefined) &&
      INIT_NAMES.every((name) => lastExitCode(this.managed(name)) === 0)
    );
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
    this.state.update((state) => {
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
    this.state.update((state) => {
      state.readyAt[name] = new Date().toISOString();
    });
    return value;
  }

  /** Runs a one-shot step with its output in its own log, and records its exit code like a container's. */
  private async runInit(name: InitName, progress: Progress): Promise<void> {
    rmSync(join(this.paths.run, `${name}.exit`), { force: true });
    this.state.update((state) => {
      state.startedAt[name] = new Date().toISOString();
    });
    progress(`running ${name} (log: ${this.logFile(name)})`);
    const log = openSync(this.logFile(name), 'a');
    let exitCode: number;
    try {
      exitCode = await INIT_STEPS[name](
        { config: this.config, endpoints: this.endpoints, timeoutMs: this.timeouts.initMs },
        log,
      );
    } finally {
      closeSync(log);
    }
    writeFileSync(join(this.paths.run, `${name}.exit`), `${exitCode}\n`);
    this.state.update((state) => {
      state.finishedAt = { ...state.finishedAt, [name]: new Date().toISOString() };
    });
    if (exitCode !== 0) {
      throw new Error(
        `${name} exited with code ${exitCode}; last lines of its log:\n${await this.logs(name, LOG_TAIL_LINES)}`,
      );
    }
    progress(`${name} exited 0`);
  }
}
