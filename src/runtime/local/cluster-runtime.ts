// The cluster profile of the local twin: one ZooKeeper, three brokers and three Cassandra nodes as
// real JVMs, in <TWIN_HOME>/cluster so that it never shares files with the single-node twin.
// Servers start in parallel where their protocol allows it; each one is waited for by protocol.
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
import { parseHostPort } from '../../protocol/host-port';
import { kafkaReady } from '../../protocol/kafka';
import { waitUntil } from '../../protocol/wait';
import { zookeeperReady } from '../../protocol/zookeeper';
import {
  type ClusterTopology,
  type NodeLocations,
  clusterLaunches,
  clusterPortClash,
  clusterTopology,
} from './cluster-servers';
import { type TwinConfig, TwinConfigError, twinPaths } from './config';
import { type InitContext, runInit } from './inits';
import { ensureJars, jammJar } from './jars';
import { type ManagedProcess, lastExitCode, runningPid, withLock } from './processes';
import { type Listen, awaitServer, launchServer, removeTwinData, stopServer } from './server-steps';
import { type ServerLaunch, processMarker } from './servers';
import {
  INIT_NAMES,
  type InitName,
  TwinStateFile,
  observeService,
  stackReadySentinel,
} from './state';
import { tailOfFile } from './tail';

/** Replication of the ChatBattle topics and keyspace on the cluster: three copies, two in sync. */
const CLUSTER_REPLICATION = { factor: 3, minInsyncReplicas: 2, datacenter: 'datacenter1' };

export interface ClusterTimeouts {
  zookeeperMs: number;
  brokerMs: number;
  nodeMs: number;
  initMs: number;
}

const DEFAULT_TIMEOUTS: ClusterTimeouts = {
  zookeeperMs: 60_000,
  brokerMs: 120_000,
  // Three Cassandra JVMs starting at once on two shared cores: more than the single node's 180 s.
  nodeMs: 300_000,
  initMs: 120_000,
};

/** The cluster lives beside the single twin's files, under the same TWIN_HOME. */
function clusterConfig(base: TwinConfig): TwinConfig {
  return { ...base, home: join(base.home, 'cluster') };
}

export class ClusterRuntime implements Runtime {
  readonly name = 'local' as const;
  /** The stack is this runtime's own: it starts, stops and removes it. */
  get lifecycle(): Lifecycle {
    return this;
  }
  readonly endpoints: Endpoints;
  readonly topology: ClusterTopology;
  readonly config: TwinConfig;
  private readonly paths;
  private readonly timeouts: ClusterTimeouts;
  private readonly state: TwinStateFile<string>;

  constructor(base: TwinConfig, timeouts: Partial<ClusterTimeouts> = {}) {
    this.config = clusterConfig(base);
    const clash = clusterPortClash(this.config);
    if (clash) throw new TwinConfigError(clash);
    this.topology = clusterTopology(this.config);
    this.endpoints = {
      kafkaBrokers: this.topology.brokers.map((broker) => broker.address),
      cassandraContactPoints: this.topology.nodes.map((node) => node.cql),
      zookeeper: this.topology.zookeeper,
    };
    this.paths = twinPaths(this.config);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.state = new TwinStateFile(this.paths.run);
  }

  /** Every server's name, in start order: zookeeper, kafka-1..3, cassandra-1..3. */
  get serverNames(): string[] {
    return this.launches().map((launch) => launch.name);
  }

  async up(progress: Progress): Promise<void> {
    if (this.isFullyUp()) {
      progress(`cluster twin already running in ${this.config.home}; nothing to do`);
      return;
    }
    for (const dir of [this.paths.logs, this.paths.data, this.paths.run, this.paths.conf])
      mkdirSync(dir, { recursive: true });
    await withLock(
      join(this.paths.run, 'up.lock'),
      this.timeouts.nodeMs + this.timeouts.initMs,
      async () => {
        if (!this.isFullyUp()) await this.bringUp(progress);
      },
    );
  }

  /** ZooKeeper, then the three brokers at once, then kafka-init; the three nodes at once beside them. */
  private async bringUp(progress: Progress): Promise<void> {
    await ensureJars(this.config, progress);
    const { brokers, nodes } = this.topology;
    const kafkaChain = async () => {
      await this.startServer('zookeeper', progress);
      await Promise.all(brokers.map((broker) => this.startServer(broker.name, progress)));
      await this.awaitAllBrokers(progress);
      await this.runInit('kafka-init', progress);
    };
    const cassandraChain = async () => {
      await Promise.all(nodes.map((node) => this.startServer(node.name, progress)));
      await this.runInit('cassandra-init', progress);
    };
    const outcomes = await Promise.allSettled([kafkaChain(), cassandraChain()]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    if (failures.length > 0) throw new Error(failures.map((f) => f.message).join('\n\n'));
  }

  start(progress: Progress): Promise<void> {
    return this.up(progress);
  }

  /** Brokers before ZooKeeper (a controlled shutdown needs it); the nodes beside them. */
  async stop(progress: Progress): Promise<StopRecord[]> {
    const { brokers, nodes } = this.topology;
    const stopAll = async (names: string[]) =>
      (await Promise.all(names.map((name) => this.stopServer(name, progress)))).flat();
    const [brokerSide, nodeSide] = await Promise.all([
      stopAll(brokers.map((b) => b.name)).then(async (stopped) => [
        ...stopped,
        ...(await stopAll(['zookeeper'])),
      ]),
      stopAll(nodes.map((n) => n.name)),
    ]);
    return [...brokerSide, ...nodeSide];
  }

  async down(options: { removeData: boolean }): Promise<void> {
    await this.stop(() => undefined);
    if (options.removeData) removeTwinData(this.paths);
  }

  /** Stops one server, keeping its data: how the cluster suite takes a broker or a node away. */
  stopServer(name: string, progress: Progress): Promise<StopRecord[]> {
    return stopServer(this.managed(name), this.launch(name).stopDeadlineMs, progress);
  }

  /**
   * Starts one server (if it is not running) and waits until it answers by its protocol. A node
   * may be given another datacenter than datacenter1: how the suite leaves a retired one behind.
   */
  async startServer(
    name: string,
    progress: Progress,
    location?: { datacenter: string; rack: string },
  ): Promise<void> {
    const managed = this.managed(name);
    if (runningPid(managed) === undefined) {
      const launch = this.launch(name, location);
      await launchServer(
        this.config,
        launch,
        managed,
        this.listens(name),
        this.logFile(name),
        progress,
      );
      this.state.update((state) => {
        state.startedAt[name] = new Date().toISOString();
        delete state.readyAt[name];
      });
    }
    const [timeoutMs, attempt] = this.readiness(name);
    await awaitServer(managed, timeoutMs, this.logFile(name), progress, attempt);
    this.state.update((state) => {
      state.readyAt[name] = new Date().toISOString();
    });
  }

  /** Each broker answers alone; then the first one must list all three as registered. */
  private async awaitAllBrokers(progress: Progress): Promise<void> {
    const expected = this.topology.brokers.length;
    await waitUntil({
      service: 'kafka brokers',
      deadline: Date.now() + this.timeouts.brokerMs,
      progress,
      attempt: async () => {
        const seen = await kafkaReady(this.endpoints.kafkaBrokers);
        if (seen.brokers < expected)
          throw new Error(`${seen.brokers} of ${expected} brokers registered`);
        return seen;
      },
    });
  }

  private readiness(name: string): [number, () => Promise<unknown>] {
    if (name === 'zookeeper')
      return [this.timeouts.zookeeperMs, () => zookeeperReady(this.topology.zookeeper)];
    const broker = this.topology.brokers.find((b) => b.name === name);
    if (broker) return [this.timeouts.brokerMs, () => kafkaReady([broker.address])];
    const node = this.topology.nodes.find((n) => n.name === name) as ClusterTopology['nodes'][0];
    return [this.timeouts.nodeMs, () => cassandraReady([node.cql])];
  }

  /** A broker on its own port of 127.0.0.1; a node on CQL and storage ports of its own address. */
  private listens(name: string): Listen[] {
    const { host, ports } = this.config;
    if (name === 'zookeeper') return [{ host, port: ports.zookeeper }];
    const broker = this.topology.brokers.find((b) => b.name === name);
    if (broker) return [parseHostPort(broker.address)];
    const node = this.topology.nodes.find((n) => n.name === name) as ClusterTopology['nodes'][0];
    return [ports.cassandra, ports.cassandraStorage].map((port) => ({ host: node.address, port }));
  }

  async services(): Promise<ServiceObservation[]> {
    const state = this.state.read();
    const observed = [...this.serverNames, ...INIT_NAMES].map((name) =>
      observeService(this.managed(name), state),
    );
    return [...observed, stackReadySentinel(observed, state)];
  }

  async logs(service: string, lines: number): Promise<string> {
    return tailOfFile(this.logFile(service), lines);
  }

  private isFullyUp(): boolean {
    return (
      this.serverNames.every((name) => runningPid(this.managed(name)) !== undefined) &&
      INIT_NAMES.every((name) => lastExitCode(this.managed(name)) === 0)
    );
  }

  private launches(locations: NodeLocations = {}): ServerLaunch<string>[] {
    return clusterLaunches(this.config, jammJar(this.config), locations);
  }

  private launch(
    name: string,
    location?: { datacenter: string; rack: string },
  ): ServerLaunch<string> {
    const launch = this.launches(location ? { [name]: location } : {}).find((l) => l.name === name);
    if (!launch) {
      throw new TwinConfigError(
        `the cluster twin has no server "${name}"; it has ${this.serverNames.join(', ')}`,
      );
    }
    return launch;
  }

  private managed(name: string): ManagedProcess {
    const isInit = INIT_NAMES.includes(name as InitName);
    return {
      name,
      runDir: this.paths.run,
      marker: isInit ? name : processMarker(this.config, name),
    };
  }

  private logFile(service: string): string {
    return join(this.paths.logs, `${service}.log`);
  }

  /** The single twin's inits, asked for three replicas, two in sync, and a replicated keyspace. */
  private runInit(name: InitName, progress: Progress): Promise<void> {
    const context: InitContext = {
      config: this.config,
      endpoints: this.endpoints,
      timeoutMs: this.timeouts.initMs,
      topicSettings: {
        REPLICATION_FACTOR: String(CLUSTER_REPLICATION.factor),
        MIN_INSYNC_REPLICAS: String(CLUSTER_REPLICATION.minInsyncReplicas),
      },
      extraCqlFiles: [join(this.config.repoRoot, 'twin', 'cluster', 'replication.cql')],
    };
    return runInit(name, context, this.state, this.logFile(name), progress);
  }
}
