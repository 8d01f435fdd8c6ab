// The twin's long-running servers: their config files and JVM command lines. Settings mirror
// docker-compose.yml (no auto-created topics, same ports); a topology says how many of each.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type TwinConfig, twinPaths } from './config';
import { type JarSet, jarFolder } from './jars';
import {
  type SecureFiles,
  type TwinSecrets,
  scramArguments,
  secureBrokerSettings,
  secureNodeYaml,
} from './secure';
import { type NodeLocation, type TwinTopology, twinLayout } from './topology';

export interface ServerLaunch<Name extends string = string> {
  name: Name;
  /** files to write before starting: path -> content */
  files: Record<string, string>;
  /** arguments after the java launcher */
  javaArgs: string[];
}

/** How long SIGTERM may take before SIGKILL: ZooKeeper is quick, brokers and nodes flush. */
export const stopDeadlineMs = (name: string) => (name === 'zookeeper' ? 10_000 : 30_000);

// C1 only and a small serial collector: these servers handle test traffic, and on a shared
// 2-core machine startup time and RSS matter more than peak throughput.
const LEAN_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Djava.awt.headless=true'];

/** log4j 1 for Kafka 3.9 and ZooKeeper, log4j2 for Kafka 4: each reads only its own. */
const kafkaLogging = (config: TwinConfig, kind: 'server' | 'tools') => {
  const conf = twinPaths(config).staticConf;
  const prefix = kind === 'server' ? '' : 'tools-';
  return [
    `-Dlog4j.configuration=file:${join(conf, `${prefix}log4j.properties`)}`,
    `-Dlog4j2.configurationFile=${join(conf, `${prefix}log4j2.properties`)}`,
  ];
};

const properties = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n') + '\n';

/** The marker that lets the twin tell its own JVMs from anything else with the same pid. */
export const processMarker = (config: TwinConfig, name: string) =>
  `-Dinfra-verify.twin=${config.home}#${name}`;

export function zookeeperLaunch(config: TwinConfig): ServerLaunch<'zookeeper'> {
  const paths = twinPaths(config);
  const file = join(paths.conf, 'zookeeper.properties');
  return {
    name: 'zookeeper',
    files: {
      [file]: properties({
        dataDir: join(paths.data, 'zookeeper', 'data'),
        dataLogDir: join(paths.data, 'zookeeper', 'log'),
        clientPort: config.ports.zookeeper,
        clientPortAddress: config.host,
        tickTime: 2000,
        maxClientCnxns: 0,
        '4lw.commands.whitelist': 'srvr,ruok',
        'admin.enableServer': 'false',
      }),
    },
    javaArgs: [
      processMarker(config, 'zookeeper'),
      '-Xms64m',
      '-Xmx128m',
      ...LEAN_JVM,
      ...kafkaLogging(config, 'server'),
      '-cp',
      join(jarFolder(config, 'kafka'), '*'),
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
      file,
    ],
  };
}

/** One broker: its id, port, heap and settings from the topology. */
export interface BrokerOptions<Name extends string> {
  name: Name;
  release: JarSet;
  brokerId: number;
  port: number;
  heap: { initial: string; max: string };
  /** settings that differ from the single broker's (replication factors of internal topics...) */
  overrides: Record<string, string | number>;
  /** KRaft: the broker is its own controller, voting alone on this port; no ZooKeeper */
  kraft?: { controllerPort: number };
}

export function kafkaLaunch<Name extends string>(
  config: TwinConfig,
  broker: BrokerOptions<Name>,
): ServerLaunch<Name> {
  const paths = twinPaths(config);
  const single = broker.name === 'kafka';
  const file = join(paths.conf, single ? 'server.properties' : `${broker.name}.properties`);
  const listener = `PLAINTEXT://${config.host}:${broker.port}`;
  const coordination: Record<string, string | number> = broker.kraft
    ? {
        'process.roles': 'broker,controller',
        'node.id': broker.brokerId,
        'controller.quorum.voters': `${broker.brokerId}@${config.host}:${broker.kraft.controllerPort}`,
        'controller.listener.names': 'CONTROLLER',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name': 'PLAINTEXT',
        listeners: `${listener},CONTROLLER://${config.host}:${broker.kraft.controllerPort}`,
      }
    : {
        'broker.id': broker.brokerId,
        listeners: listener,
        'zookeeper.connect': `${config.host}:${config.ports.zookeeper}`,
        'controlled.shutdown.enable': 'true',
      };
  return {
    name: broker.name,
    files: {
      [file]: properties({
        ...coordination,
        'advertised.listeners': listener,
        'log.dirs': join(paths.data, broker.name),
        'num.partitions': 1,
        'offsets.topic.replication.factor': 1,
        'offsets.topic.num.partitions': 3,
        'transaction.state.log.replication.factor': 1,
        'transaction.state.log.min.isr': 1,
        'group.initial.rebalance.delay.ms': 0,
        'auto.create.topics.enable': 'false',
        ...broker.overrides,
      }),
    },
    javaArgs: [
      processMarker(config, broker.name),
      `-Xms${broker.heap.initial}`,
      `-Xmx${broker.heap.max}`,
      ...LEAN_JVM,
      ...kafkaLogging(config, 'server'),
      `-Dkafka.logs.dir=${paths.logs}`,
      '-cp',
      join(jarFolder(config, broker.release), '*'),
      'kafka.Kafka',
      file,
    ],
  };
}

/** One Cassandra node: its address, token, seeds and heap from the topology. */
export interface CassandraNodeOptions<Name extends string> {
  name: Name;
  clusterName: string;
  address: string;
  initialToken: string;
  seeds: string[];
  heap: string;
  directMemory: string;
  /** SimpleSnitch (datacenter1/rack1), or GossipingPropertyFileSnitch with a rackdc file */
  location?: NodeLocation;
  /** yaml lines beyond the single node's (auto_bootstrap ...) */
  extraYaml: string[];
  /** JVM system properties beyond the single node's */
  extraProperties: string[];
}

function cassandraYaml<Name extends string>(
  config: TwinConfig,
  node: CassandraNodeOptions<Name>,
): string {
  const dir = join(twinPaths(config).data, node.name);
  // Unknown keys abort Cassandra's startup, so this stays minimal and uses 5.0's key names.
  return [
    `cluster_name: ${node.clusterName}`,
    'num_tokens: 1',
    `initial_token: ${node.initialToken}`,
    'partitioner: org.apache.cassandra.dht.Murmur3Partitioner',
    `endpoint_snitch: ${node.location ? 'GossipingPropertyFileSnitch' : 'SimpleSnitch'}`,
    'seed_provider:',
    '  - class_name: org.apache.cassandra.locator.SimpleSeedProvider',
    '    parameters:',
    `      - seeds: "${node.seeds.join(',')}"`,
    `listen_address: ${node.address}`,
    `storage_port: ${config.ports.cassandraStorage}`,
    `rpc_address: ${node.address}`,
    `native_transport_port: ${config.ports.cassandra}`,
    'start_native_transport: true',
    'commitlog_sync: periodic',
    'commitlog_sync_period: 10000ms',
    `commitlog_directory: ${join(dir, 'commitlog')}`,
    'data_file_directories:',
    `  - ${join(dir, 'data')}`,
    `hints_directory: ${join(dir, 'hints')}`,
    `saved_caches_directory: ${join(dir, 'saved_caches')}`,
    `cdc_raw_directory: ${join(dir, 'cdc_raw')}`,
    // Tests drop and recreate tables; a snapshot per drop would only fill the disk.
    'auto_snapshot: false',
    ...node.extraYaml,
    '',
  ].join('\n');
}

// From Cassandra's conf/jvm17-server.options (JPMS section): without these, 5.0 dies at startup on JDK 17.
const CASSANDRA_JPMS = [
  '-Djdk.attach.allowAttachSelf=true',
  ...[
    'java.base/jdk.internal.misc',
    'java.management.rmi/com.sun.jmx.remote.internal.rmi',
    'java.rmi/sun.rmi.registry',
    'java.rmi/sun.rmi.server',
    'java.sql/java.sql',
    'java.base/java.lang.ref',
    'jdk.unsupported/sun.misc',
    'jdk.compiler/com.sun.tools.javac.file',
    'jdk.attach/sun.tools.attach',
  ].map((target) => `--add-exports=${target}=ALL-UNNAMED`),
  ...[
    'java.base/java.lang.module',
    'java.base/jdk.internal.loader',
    'java.base/jdk.internal.ref',
    'java.base/jdk.internal.reflect',
    'java.base/jdk.internal.math',
    'java.base/jdk.internal.module',
    'java.base/jdk.internal.util.jar',
    'jdk.management/com.sun.management.internal',
    'java.base/sun.nio.ch',
    'java.base/java.io',
    'java.base/java.lang.reflect',
    'jdk.compiler/com.sun.tools.javac',
    'java.base/java.lang',
    'java.base/java.util',
  ].map((target) => `--add-opens=${target}=ALL-UNNAMED`),
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export function cassandraLaunch<Name extends string>(
  config: TwinConfig,
  jammJar: string,
  node: CassandraNodeOptions<Name>,
): ServerLaunch<Name> {
  const paths = twinPaths(config);
  const single = node.name === 'cassandra';
  const file = join(paths.conf, single ? 'cassandra.yaml' : `${node.name}.yaml`);
  const rackdc = join(paths.conf, `${node.name}-rackdc.properties`);
  const location = node.location;
  return {
    name: node.name,
    files: {
      [file]: cassandraYaml(config, node),
      ...(location && { [rackdc]: properties({ dc: location.datacenter, rack: location.rack }) }),
    },
    javaArgs: [
      processMarker(config, node.name),
      `-Xms${node.heap}`,
      `-Xmx${node.heap}`,
      '-XX:+UseG1GC',
      '-XX:TieredStopAtLevel=1',
      `-XX:MaxDirectMemorySize=${node.directMemory}`,
      '-XX:+ExitOnOutOfMemoryError',
      ...CASSANDRA_JPMS,
      `-javaagent:${jammJar}`,
      `-Dcassandra.config=file://${file}`,
      `-Dlogback.configurationFile=${join(paths.staticConf, 'logback.xml')}`,
      `-Dcassandra.logdir=${paths.logs}`,
      `-Dcassandra.storagedir=${join(paths.data, node.name)}`,
      '-Dcassandra-foreground=yes',
      '-Dcassandra.skip_wait_for_gossip_to_settle=0',
      '-Dcassandra.superuser_setup_delay_ms=0',
      ...(location ? [`-Dcassandra-rackdc.properties=file://${rackdc}`] : []),
      ...node.extraProperties,
      '-cp',
      join(paths.cassandraLib, '*'),
      'org.apache.cassandra.service.CassandraDaemon',
    ],
  };
}

/** Where a node says it is, by name, when it differs from its topology's (see NodeShape). */
export type NodeLocations = Record<string, NodeLocation>;

/** A secured twin's files and passwords, which its servers' configs name. */
export interface SecureMaterial {
  files: SecureFiles;
  secrets: TwinSecrets;
}

export interface LaunchOptions {
  locations?: NodeLocations;
  /** required by a secured topology */
  secure?: SecureMaterial;
}

/**
 * Every server of a topology, in start order: ZooKeeper (unless on KRaft), the brokers, the
 * nodes. On KRaft the broker runs in combined mode, its controller on the ZooKeeper port.
 */
export function twinLaunches(
  config: TwinConfig,
  topology: TwinTopology,
  jammJar: string,
  { locations = {}, secure }: LaunchOptions = {},
): ServerLaunch<string>[] {
  const { brokers, nodes } = twinLayout(config, topology);
  if (topology.security === 'secured' && !secure)
    throw new Error('a secured twin launches only once its certificates and passwords exist');
  const seeds = nodes.map((node) => `${node.address}:${config.ports.cassandraStorage}`);
  const kraft =
    topology.controller === 'kraft' ? { kraft: { controllerPort: config.ports.zookeeper } } : {};
  return [
    ...(topology.controller === 'zookeeper' ? [zookeeperLaunch(config)] : []),
    ...brokers.map((broker) =>
      kafkaLaunch(config, {
        name: broker.name,
        release: topology.brokers.release,
        brokerId: broker.brokerId,
        port: broker.port,
        heap: topology.brokers.heap,
        overrides: {
          ...topology.brokers.overrides,
          ...(secure &&
            secureBrokerSettings(
              config,
              secure.files,
              secure.secrets,
              broker.port,
              config.ports.zookeeper,
            )),
        },
        ...kraft,
      }),
    ),
    ...nodes.map((node) => {
      const { clusterName, heap, directMemory, extraYaml, extraProperties } = topology.nodes;
      const where = locations[node.name] ?? topology.nodes.location;
      const secureYaml = secure ? secureNodeYaml(secure.files, secure.secrets) : [];
      return cassandraLaunch(config, jammJar, {
        ...{ clusterName, heap, directMemory, extraProperties },
        extraYaml: [...extraYaml, ...secureYaml],
        name: node.name,
        address: node.address,
        initialToken: node.initialToken,
        seeds,
        ...(where ? { location: where } : {}),
      });
    }),
  ];
}

/**
 * KRaft log dirs must be formatted with a cluster id before the first start: kafka-storage's
 * own class from the same jars. --ignore-formatted keeps a formatted dir (and its data) as it is.
 * A secured twin's SCRAM credentials are added here too (KIP-900): the main class and its
 * arguments go into a java @argfile, so no password shows in a process listing.
 */
export function kraftFormat(
  config: TwinConfig,
  launch: ServerLaunch<string>,
  secrets?: TwinSecrets,
): { javaArgs: string[]; argfile: string[] } {
  const propertiesFile = launch.javaArgs[launch.javaArgs.length - 1] as string;
  const classpath = launch.javaArgs[launch.javaArgs.indexOf('-cp') + 1] as string;
  return {
    javaArgs: [...LEAN_JVM, ...kafkaLogging(config, 'tools'), '-cp', classpath],
    argfile: [
      'kafka.tools.StorageTool',
      'format',
      ...['--cluster-id', kafkaClusterId(), '--config', propertiesFile, '--ignore-formatted'],
      ...(secrets ? scramArguments(secrets) : []),
    ],
  };
}

/**
 * A random id as Kafka's own Uuid.randomUuid makes it: 16 bytes in base64url, never starting
 * with '-', which kafka-storage's argument parser would read as an option (1 id in 64).
 */
export function kafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
