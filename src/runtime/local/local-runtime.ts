// The local twin: a stack of real JVM processes on 127.0.0.1 for machines without a Docker
// engine. Same servers, same init scripts, same ports as docker-compose.yml. One lifecycle for
// every topology (profiles.ts): the single stack, the cluster, KRaft, the secured stack.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Endpoints,
  Lifecycle,
  Progress,
  Runtime,
  ServiceObservation,
  StopRecord,
} from '../../model/runtime';
import {
  OPEN_CONNECTION,
  securingSettings,
  type CassandraSettings,
  type ConnectionSettings,
} from '../../model/connection';
import { cassandraReady } from '../../protocol/cassandra';
import { kafkaReady } from '../../protocol/kafka';
import { waitUntil } from '../../protocol/wait';
import { zookeeperReady } from '../../protocol/zookeeper';
import { type TwinConfig, TwinConfigError, twinPaths } from './config';
import { type InitContext, runInit } from './inits';
import { ensureJars, jammJar } from './jars';
import {
  type SecureFiles,
  type TwinSecrets,
  adminClientProperties,
  clientEnv,
  connectionFor,
  ensureCertificates,
  keptSecrets,
  secureFiles,
  twinSecrets,
  writePrivate,
} from './secure';
import { cassandraLogin } from './secure-grants';
import { type ManagedProcess, lastExitCode, runningPid, withLock } from './processes';
import { TWIN_TOPOLOGIES } from './profiles';
import {
  type Listen,
  awaitServer,
  formatKraftStorage,
  launchServer,
  removeTwinData,
  stopServer,
} from './server-steps';
import {
  type NodeLocations,
  type ServerLaunch,
  processMarker,
  stopDeadlineMs,
  twinLaunches,
} from './servers';
import {
  INIT_NAMES,
  type InitName,
  TwinStateFile,
  observeService,
  stackReadySentinel,
} from './state';
import { tailOfFile } from './tail';
import {
  type NodeLocation,
  type TwinLayout,
  type TwinTimeouts,
  type TwinTopology,
  topologyProblem,
  twinLayout,
} from './topology';

/** How a server of the twin is started, listened for and waited for. */
interface TwinServer {
  launch: ServerLaunch;
  listens: Listen[];
  timeoutMs: number;
  ready: () => Promise<unknown>;
}

export class LocalRuntime implements Runtime {
  readonly name = 'local' as const;
  /** The stack is this runtime's own: it starts, stops and removes it. */
  get lifecycle(): Lifecycle {
    return this;
  }
  readonly endpoints: Endpoints;
  /** this topology's own config: its home is its folder under TWIN_HOME */
  readonly config: TwinConfig;
  readonly layout: TwinLayout;
  private readonly paths;
  private readonly timeouts: TwinTimeouts;
  private readonly state: TwinStateFile;
  /** a secured twin's files; its passwords once bringUp has made or read them */
  private readonly secureFiles?: SecureFiles;
  private secrets?: TwinSecrets;
  /** how the twin reaches its own servers (its admin, on a secured twin), whoever its clients are */
  private own: ConnectionSettings = OPEN_CONNECTION;

  /**
   * `given`: the connection settings the user gave, which verify's and init's clients then use
   * (a secured twin's read-only principal, say); absent: the twin's own.
   */
  constructor(
    base: TwinConfig,
    readonly topology: TwinTopology = TWIN_TOPOLOGIES.single,
    timeouts: Partial<TwinTimeouts> = {},
    private readonly given?: ConnectionSettings,
  ) {
    this.config = { ...base, home: join(base.home, topology.folder) };
    const problem = topologyProblem(this.config, topology);
    if (problem) throw new TwinConfigError(problem);
    this.layout = twinLayout(this.config, topology);
    this.endpoints = {
      kafkaBrokers: this.layout.brokers.map((broker) => broker.address),
      cassandraContactPoints: this.layout.nodes.map((node) => node.cql),
      zookeeper: this.layout.controller,
      ...(given && { connection: given }),
    };
    const securing = given && topology.security === 'plaintext' ? securingSettings(given) : [];
    if (securing.length > 0) {
      throw new TwinConfigError(
        `${securing.join(', ')} ${securing.length > 1 ? 'are' : 'is'} set (a flag or INFRA_VERIFY_* variable), ` +
          `but the ${topology.label} is open: PLAINTEXT Kafka, plain CQL, no passwords. ` +
          'Unset them for it, or use the secured twin: --profile secure',
      );
    }
    this.paths = twinPaths(this.config);
    this.timeouts = { ...topology.timeouts, ...timeouts };
    this.state = new TwinStateFile(this.paths.run);
    if (topology.security === 'secured') {
      this.secureFiles = secureFiles(this.config.home);
      // a twin that already runs: its clients need its passwords without a bring-up
      const kept = keptSecrets(this.secureFiles);
      if (kept) this.useSecrets(this.secureFiles, kept);
    }
  }

  /** Every server's name, in start order: zookeeper (unless KRaft), the brokers, the nodes. */
  get serverNames(): string[] {
    const { brokers, nodes } = this.layout;
    return [
      ...(this.topology.controller === 'zookeeper' ? ['zookeeper'] : []),
      ...brokers.map((b) => b.name),
      ...nodes.map((n) => n.name),
    ];
  }

  /**
   * Starts whatever is not running, waits for each server by its protocol, and runs the inits.
   * [ZooKeeper ->] the brokers -> kafka-init is one chain; the nodes -> cassandra-init run beside it.
   */
  async up(progress: Progress): Promise<void> {
    const { label } = this.topology;
    if (this.isFullyUp()) {
      progress(`${label} already running in ${this.config.home}; nothing to do`);
      return;
    }
    for (const dir of [this.paths.logs, this.paths.data, this.paths.run, this.paths.conf])
      mkdirSync(dir, { recursive: true });
    const lockTimeoutMs = this.timeouts.nodeMs + this.timeouts.initMs;
    await withLock(join(this.paths.run, 'up.lock'), lockTimeoutMs, async () => {
      // Whoever held the lock before may have brought everything up meanwhile.
      if (this.isFullyUp()) {
        progress(`${label} already running in ${this.config.home}; nothing to do`);
        return;
      }
      await this.bringUp(progress);
    });
  }

  private async bringUp(progress: Progress): Promise<void> {
    await ensureJars(this.config, [this.topology.brokers.release, 'cassandra'], progress);
    await this.prepareSecurity(progress);
    const { brokers, nodes } = this.layout;
    const kafkaChain = async () => {
      if (this.topology.controller === 'zookeeper') await this.startServer('zookeeper', progress);
      else await this.formatStorage(progress);
      await Promise.all(brokers.map((broker) => this.startServer(broker.name, progress)));
      if (brokers.length > 1) await this.awaitAllBrokers(progress);
      await this.runInit('kafka-init', progress);
    };
    const cassandraChain = async () => {
      await Promise.all(nodes.map((node) => this.startServer(node.name, progress)));
      await this.runInit('cassandra-init', progress);
    };
    const outcomes = await Promise.allSettled([kafkaChain(), cassandraChain()]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('\n\n'));
    this.writeClientEnvs(progress);
  }

  /**
   * A secured twin's passwords (new with new data, else the kept ones), its certificates and the
   * admin's settings for Kafka's tools, before any server starts.
   */
  private async prepareSecurity(progress: Progress): Promise<void> {
    const files = this.secureFiles;
    if (!files) return;
    // New passwords only for a twin with no data yet: Kafka keeps its SCRAM credentials and
    // Cassandra its roles in their data.
    const fresh = readdirSync(this.paths.data).length === 0;
    const secrets = twinSecrets(files, fresh);
    this.useSecrets(files, secrets);
    await ensureCertificates(files, secrets.keystorePassword);
    writePrivate(files.adminClientProperties, adminClientProperties(files, secrets));
    progress(`secure twin: CA and keystores in ${files.tls}`);
  }

  /** What a secured twin's clients load: INFRA_VERIFY_* lines for each principal. */
  private writeClientEnvs(progress: Progress): void {
    const files = this.secureFiles;
    const secrets = this.secrets;
    if (!files || !secrets) return;
    writePrivate(files.clientEnv, clientEnv(this.endpoints, files, secrets.admin));
    writePrivate(files.readonlyEnv, clientEnv(this.endpoints, files, secrets.readonly));
    progress(`secure twin: client settings in ${files.clientEnv} and ${files.readonlyEnv}`);
  }

  /**
   * Whom readiness logs in to Cassandra as: the endpoints' login, except on a secured twin whose
   * admin role does not exist yet (Cassandra's default superuser then).
   */
  private cassandraSettings(): CassandraSettings {
    const settings = this.own.cassandra;
    return this.secrets ? cassandraLogin(settings, this.secrets) : settings;
  }

  /** A secured twin reaches itself as its admin, and so do its clients unless settings were given. */
  private useSecrets(files: SecureFiles, secrets: TwinSecrets): void {
    this.secrets = secrets;
    const datacenter = this.topology.nodes.location?.datacenter ?? 'datacenter1';
    this.own = connectionFor(files, secrets.admin, datacenter);
    this.endpoints.connection = this.given ?? this.own;
  }

  /** KRaft log dirs are formatted before the first start; formatted ones are left alone. */
  private async formatStorage(progress: Progress): Promise<void> {
    for (const broker of this.layout.brokers) {
      // Kafka 4 refuses to format again with a new cluster id, even with --ignore-formatted.
      if (existsSync(join(this.paths.data, broker.name, 'meta.properties'))) continue;
      const launch = this.launch(broker.name);
      await formatKraftStorage(this.config, launch, this.timeouts.initMs, progress, this.secrets);
    }
  }

  /** start after stop is the same as up: inits are idempotent and run again, as in compose */
  start(progress: Progress): Promise<void> {
    return this.up(progress);
  }

  /** Brokers before ZooKeeper (a controlled shutdown needs it); the nodes beside them. */
  async stop(progress: Progress): Promise<StopRecord[]> {
    const { brokers, nodes } = this.layout;
    const stopAll = async (names: string[]) =>
      (await Promise.all(names.map((name) => this.stopServer(name, progress)))).flat();
    const controller = this.topology.controller === 'zookeeper' ? ['zookeeper'] : [];
    const [brokerSide, nodeSide] = await Promise.all([
      stopAll(brokers.map((b) => b.name)).then(async (stopped) => [
        ...stopped,
        ...(await stopAll(controller)),
      ]),
      stopAll(nodes.map((n) => n.name)),
    ]);
    return [...brokerSide, ...nodeSide];
  }

  /** --reset forgets a secured twin's certificates and passwords with its data. */
  async down(options: { removeData: boolean }): Promise<void> {
    await this.stop(() => undefined);
    if (!options.removeData) return;
    removeTwinData(this.paths);
    const files = this.secureFiles;
    if (files)
      for (const path of [files.tls, files.clientEnv, files.readonlyEnv])
        rmSync(path, { recursive: true, force: true });
  }

  /** Stops one server, keeping its data: how the cluster suite takes a broker or a node away. */
  stopServer(name: string, progress: Progress): Promise<StopRecord[]> {
    this.knownServer(name);
    return stopServer(this.managed(name), stopDeadlineMs(name), progress);
  }

  /**
   * Starts one server (if it is not running) and waits until it answers by its protocol. A node
   * may be given another location than its topology's: how the cluster suite retires a datacenter.
   */
  async startServer(name: string, progress: Progress, location?: NodeLocation): Promise<void> {
    const managed = this.managed(name);
    const server = this.server(name, location ? { [name]: location } : {});
    if (runningPid(managed) === undefined) {
      const { launch, listens } = server;
      await launchServer(this.config, launch, managed, listens, this.logFile(name), progress);
      this.state.update((state) => {
        state.startedAt[name] = new Date().toISOString();
        delete state.readyAt[name];
      });
    }
    await awaitServer(managed, server.timeoutMs, this.logFile(name), progress, server.ready);
    this.state.update((state) => {
      state.readyAt[name] = new Date().toISOString();
    });
  }

  async services(): Promise<ServiceObservation[]> {
    const state = this.state.read();
    const observed = this.serviceNames().map((name) => observeService(this.managed(name), state));
    return [...observed, stackReadySentinel(observed, state)];
  }

  async logs(service: string, lines: number): Promise<string> {
    return tailOfFile(this.logFile(service), lines);
  }

  /** As compose lists them: [zookeeper,] the brokers, kafka-init, the nodes, cassandra-init. */
  private serviceNames(): string[] {
    const { brokers, nodes } = this.layout;
    return [
      ...(this.topology.controller === 'zookeeper' ? ['zookeeper'] : []),
      ...brokers.map((b) => b.name),
      'kafka-init',
      ...nodes.map((n) => n.name),
      'cassandra-init',
    ];
  }

  /** true when every server runs and both inits last exited 0 */
  private isFullyUp(): boolean {
    return (
      this.serverNames.every((name) => runningPid(this.managed(name)) !== undefined) &&
      INIT_NAMES.every((name) => lastExitCode(this.managed(name)) === 0)
    );
  }

  /** Each broker answers alone; then the first one must list all of them as registered. */
  private async awaitAllBrokers(progress: Progress): Promise<void> {
    const expected = this.layout.brokers.length;
    await waitUntil({
      service: 'kafka brokers',
      deadline: Date.now() + this.timeouts.brokerMs,
      progress,
      attempt: async () => {
        const seen = await kafkaReady(this.endpoints.kafkaBrokers, this.own.kafka);
        if (seen.brokers < expected)
          throw new Error(`${seen.brokers} of ${expected} brokers registered`);
        return seen;
      },
    });
  }

  private knownServer(name: string): void {
    if (!this.serverNames.includes(name)) {
      throw new TwinConfigError(
        `the ${this.topology.label} has no server "${name}"; it has ${this.serverNames.join(', ')}`,
      );
    }
  }

  private launch(name: string, locations: NodeLocations = {}): ServerLaunch {
    this.knownServer(name);
    const files = this.secureFiles;
    const secure = files && this.secrets ? { secure: { files, secrets: this.secrets } } : {};
    const launches = twinLaunches(this.config, this.topology, jammJar(this.config), {
      locations,
      ...secure,
    });
    return launches.find((l) => l.name === name) as ServerLaunch;
  }

  /** A server's launch, the ports it must find free, and its readiness by protocol. */
  private server(name: string, locations: NodeLocations): TwinServer {
    const launch = this.launch(name, locations);
    const { host, ports } = this.config;
    const { timeouts } = this;
    if (name === 'zookeeper') {
      const ready = () => zookeeperReady(this.layout.controller);
      return {
        launch,
        listens: [{ host, port: ports.zookeeper }],
        timeoutMs: timeouts.controllerMs,
        ready,
      };
    }
    const broker = this.layout.brokers.find((b) => b.name === name);
    if (broker) {
      // on KRaft, the controller listens on the ZooKeeper port
      const controller = this.topology.controller === 'kraft' ? [ports.zookeeper] : [];
      return {
        launch,
        listens: [broker.port, ...controller].map((port) => ({ host, port })),
        timeoutMs: timeouts.brokerMs,
        ready: () => kafkaReady([broker.address], this.own.kafka),
      };
    }
    const node = this.layout.nodes.find((n) => n.name === name) as TwinLayout['nodes'][number];
    return {
      launch,
      listens: [ports.cassandra, ports.cassandraStorage].map((port) => ({
        host: node.address,
        port,
      })),
      timeoutMs: timeouts.nodeMs,
      ready: () => cassandraReady([node.cql], this.cassandraSettings()),
    };
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

  private runInit(name: InitName, progress: Progress): Promise<void> {
    const { inits } = this.topology;
    const context: InitContext = {
      config: this.config,
      endpoints: this.endpoints,
      timeoutMs: this.timeouts.initMs,
      topicSettings: inits.topicSettings,
      extraCqlFiles: inits.extraCqlFiles.map((file) => join(this.config.repoRoot, file)),
      ...(this.secureFiles &&
        this.secrets && {
          secure: {
            files: this.secureFiles,
            secrets: this.secrets,
            admin: this.own,
          },
        }),
    };
    return runInit(name, context, this.state, this.logFile(name), progress);
  }
}
