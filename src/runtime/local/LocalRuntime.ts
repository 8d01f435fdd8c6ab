// The local twin: the ChatBattle stack as real JVM processes on 127.0.0.1, for machines
// without a Docker engine. Same servers, same init scripts, same ports as docker-compose.yml.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Endpoints,
  Progress,
  Lifecycle,
  Runtime,
  ServiceObservation,
  StopRecord,
} from '../../model/runtime';
import { cassandraReady } from '../../protocol/cassandra';
import { kafkaReady } from '../../protocol/kafka';
import { zookeeperReady } from '../../protocol/zookeeper';
import { type TwinConfig, twinConfig, twinPaths } from './config';
import { runInit } from './inits';
import { ensureJars, jammJar } from './jars';
import { type ManagedProcess, lastExitCode, runningPid, withLock } from './processes';
import {
  awaitServer,
  formatKraftStorage,
  launchServer,
  removeTwinData,
  stopServer,
} from './server-steps';
import { type ServerLaunch, type ServerName, processMarker, serverLaunches } from './servers';
import {
  INIT_NAMES,
  TWIN_SERVICES,
  type InitName,
  type TwinService,
  TwinStateFile,
  observeService,
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
  /** The stack is this runtime's own: it starts, stops and removes it. */
  get lifecycle(): Lifecycle {
    return this;
  }
  readonly endpoints: Endpoints;
  private readonly paths;
  private readonly timeouts: TwinTimeouts;
  private readonly state: TwinStateFile;

  private readonly config: TwinConfig;

  /**
   * `kraft`: Kafka in combined broker and controller mode, with no ZooKeeper, in
   * <TWIN_HOME>/kraft so that it never shares files with the ZooKeeper twin.
   */
  constructor(
    config: TwinConfig = twinConfig(),
    timeouts: Partial<TwinTimeouts> = {},
    private readonly kraft = false,
  ) {
    this.config = kraft ? { ...config, home: join(config.home, 'kraft') } : config;
    const { host, ports } = config;
    this.endpoints = {
      kafkaBrokers: [`${host}:${ports.kafka}`],
      cassandraContactPoints: [`${host}:${ports.cassandra}`],
      zookeeper: `${host}:${ports.zookeeper}`,
    };
    this.paths = twinPaths(this.config);
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
    const launches = serverLaunches(this.config, jammJar(this.config), this.kraft);
    const kafkaChain = async () => {
      if (this.kraft) {
        if (runningPid(this.managed('kafka')) === undefined)
          await formatKraftStorage(this.config, launches.kafka, this.timeouts.initMs, progress);
      } else {
        await this.startServer(launches.zookeeper, progress);
        await this.awaitReady('zookeeper', this.timeouts.zookeeperMs, progress, () =>
          zookeeperReady(this.endpoints.zookeeper),
        );
      }
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
    const launches = serverLaunches(this.config, jammJar(this.config), this.kraft);
    const stopOne = (name: ServerName) =>
      stopServer(this.managed(name), launches[name].stopDeadlineMs, progress);
    const [brokerSide, cassandraSide] = await Promise.all([
      stopOne('kafka').then(async (kafka) => [...kafka, ...(await stopOne('zookeeper'))]),
      stopOne('cassandra'),
    ]);
    return [...brokerSide, ...cassandraSide];
  }

  async down(options: { removeData: boolean }): Promise<void> {
    await this.stop(() => undefined);
    if (options.removeData) removeTwinData(this.paths);
  }

  async services(): Promise<ServiceObservation[]> {
    const state = this.state.read();
    const observed = this.serviceNames().map((service) =>
      observeService(this.managed(service), state),
    );
    return [...observed, stackReadySentinel(observed, state)];
  }

  async logs(service: string, lines: number): Promise<string> {
    return tailOfFile(this.logFile(service), lines);
  }

  /** The twin's services: all of TWIN_SERVICES, or all but ZooKeeper on KRaft. */
  private serviceNames(): TwinService[] {
    return TWIN_SERVICES.filter((service) => !(this.kraft && service === 'zookeeper'));
  }

  /** true when every server runs and both inits last exited 0 */
  private isFullyUp(): boolean {
    return this.serviceNames().every((name) =>
      INIT_NAMES.includes(name as InitName)
        ? lastExitCode(this.managed(name)) === 0
        : runningPid(this.managed(name)) !== undefined,
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

  private async startServer(launch: ServerLaunch, progress: Progress): Promise<void> {
    const managed = this.managed(launch.name);
    if (runningPid(managed) !== undefined) {
      progress(`${launch.name} already running`);
      return;
    }
    const { ports, host } = this.config;
    const listens = {
      zookeeper: [ports.zookeeper],
      // on KRaft, the controller listens on the ZooKeeper port
      kafka: this.kraft ? [ports.kafka, ports.zookeeper] : [ports.kafka],
      cassandra: [ports.cassandra, ports.cassandraStorage],
    }[launch.name].map((port) => ({ host, port }));
    await launchServer(this.config, launch, managed, listens, this.logFile(launch.name), progress);
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
    const value = await awaitServer(
      this.managed(name),
      timeoutMs,
      this.logFile(name),
      progress,
      attempt,
    );
    this.state.update((state) => {
      state.readyAt[name] = new Date().toISOString();
    });
    return value;
  }

  private runInit(name: InitName, progress: Progress): Promise<void> {
    const context = {
      config: this.config,
      endpoints: this.endpoints,
      timeoutMs: this.timeouts.initMs,
    };
    return runInit(name, context, this.state, this.logFile(name), progress);
  }
}
