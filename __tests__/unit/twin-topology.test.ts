// The twin's profiles as topologies: addresses, ports, tokens and the server configs that one
// lifecycle derives from them and the TWIN_* settings. Nothing starts here.
import { type TwinConfig, twinConfig } from '../../src/runtime/local/config';
import { TWIN_TOPOLOGIES } from '../../src/runtime/local/profiles';
import { type TwinSecrets, clientEnv, secureFiles } from '../../src/runtime/local/secure';
import { type NodeLocations, kraftFormat, twinLaunches } from '../../src/runtime/local/servers';
import { topologyProblem, twinLayout } from '../../src/runtime/local/topology';

const config = (env: NodeJS.ProcessEnv = {}) => twinConfig({ home: '/tmp/cluster-home' }, env);
const { single, cluster, kraft } = TWIN_TOPOLOGIES;
const clusterTopology = (c: TwinConfig) => twinLayout(c, cluster);
const clusterLaunches = (c: TwinConfig, jamm: string, locations?: NodeLocations) =>
  twinLaunches(c, cluster, jamm, { locations });
const filesOf = (launches: ReturnType<typeof twinLaunches>, name: string) => {
  const launch = launches.find((l) => l.name === name);
  if (!launch) throw new Error(`no launch ${name}`);
  return Object.values(launch.files).join('\n');
};

describe('twinLayout of the cluster', () => {
  it('defaults to brokers on 9092-9094 and CQL 9042 on 127.0.0.1-3', () => {
    const topology = clusterTopology(config());
    expect(topology.brokers.map((b) => [b.name, b.brokerId, b.address])).toEqual([
      ['kafka-1', 1, '127.0.0.1:9092'],
      ['kafka-2', 2, '127.0.0.1:9093'],
      ['kafka-3', 3, '127.0.0.1:9094'],
    ]);
    expect(topology.nodes.map((n) => n.cql)).toEqual([
      '127.0.0.1:9042',
      '127.0.0.2:9042',
      '127.0.0.3:9042',
    ]);
    expect(topology.controller).toBe('127.0.0.1:2181');
  });

  it('honours the TWIN_* ports', () => {
    const topology = clusterTopology(
      config({ TWIN_KAFKA_PORT: '9692', TWIN_CASSANDRA_PORT: '9642', TWIN_ZOOKEEPER_PORT: '2781' }),
    );
    expect(topology.brokers.map((b) => b.address)).toEqual([
      '127.0.0.1:9692',
      '127.0.0.1:9693',
      '127.0.0.1:9694',
    ]);
    expect(topology.nodes.map((n) => n.cql)).toContain('127.0.0.3:9642');
    expect(topology.controller).toBe('127.0.0.1:2781');
  });

  it('spaces the three tokens evenly over the Murmur3 ring', () => {
    const tokens = clusterTopology(config()).nodes.map((n) => BigInt(n.initialToken));
    expect(tokens).toEqual([-9223372036854775808n, -3074457345618258603n, 3074457345618258602n]);
  });

  it('names a TWIN_* port that falls inside the brokers range', () => {
    expect(topologyProblem(config(), cluster)).toBeUndefined();
    expect(topologyProblem(config({ TWIN_ZOOKEEPER_PORT: '9093' }), cluster)).toMatch(
      /ports 9092, 9093, 9094, which includes the zookeeper port 9093/,
    );
  });
});

describe('twinLaunches of the cluster', () => {
  const launches = clusterLaunches(
    config({ TWIN_CASSANDRA_STORAGE_PORT: '7600' }),
    '/jars/jamm.jar',
  );
  const files = (name: string) => {
    const launch = launches.find((l) => l.name === name);
    if (!launch) throw new Error(`no launch ${name}`);
    return Object.values(launch.files).join('\n');
  };

  it('starts ZooKeeper, three brokers and three nodes, each with its own files', () => {
    expect(launches.map((l) => l.name)).toEqual([
      'zookeeper',
      'kafka-1',
      'kafka-2',
      'kafka-3',
      'cassandra-1',
      'cassandra-2',
      'cassandra-3',
    ]);
  });

  it('replicates the internal topics three times and requires two in sync', () => {
    const broker = files('kafka-2');
    expect(broker).toMatch(/^broker\.id=2$/m);
    expect(broker).toMatch(/^listeners=PLAINTEXT:\/\/127\.0\.0\.1:9093$/m);
    expect(broker).toMatch(/^offsets\.topic\.replication\.factor=3$/m);
    expect(broker).toMatch(/^min\.insync\.replicas=2$/m);
    expect(broker).toMatch(/^log\.dirs=\/tmp\/cluster-home\/data\/kafka-2$/m);
  });

  it('gives each node its address, its token, every node as seed and a rack file', () => {
    const node = files('cassandra-3');
    expect(node).toMatch(/^listen_address: 127\.0\.0\.3$/m);
    expect(node).toMatch(/^rpc_address: 127\.0\.0\.3$/m);
    expect(node).toMatch(/^initial_token: 3074457345618258602$/m);
    expect(node).toContain('seeds: "127.0.0.1:7600,127.0.0.2:7600,127.0.0.3:7600"');
    expect(node).toMatch(/^auto_bootstrap: false$/m);
    expect(node).toMatch(/^endpoint_snitch: GossipingPropertyFileSnitch$/m);
    expect(node).toMatch(/^dc=datacenter1$/m);
  });

  it('puts a node in another datacenter when asked', () => {
    const moved = clusterLaunches(config(), '/jars/jamm.jar', {
      'cassandra-3': { datacenter: 'dc-retired', rack: 'rack1' },
    });
    const node = moved.find((l) => l.name === 'cassandra-3');
    expect(Object.values(node?.files ?? {}).join('\n')).toMatch(/^dc=dc-retired$/m);
    expect(node?.javaArgs).toContain('-Dcassandra.ignore_dc=true');
  });

  it('bounds every heap', () => {
    const heaps = launches.map((l) => l.javaArgs.find((a) => a.startsWith('-Xmx')));
    expect(heaps).toEqual(['-Xmx128m', ...Array(3).fill('-Xmx256m'), ...Array(3).fill('-Xmx512m')]);
  });
});

describe('the single and KRaft profiles', () => {
  it('single: one server of each kind on the twin ports, as compose names them', () => {
    const layout = twinLayout(config(), single);
    expect(layout.brokers).toEqual([
      { name: 'kafka', brokerId: 1, port: 9092, address: '127.0.0.1:9092' },
    ]);
    expect(layout.nodes).toEqual([
      { name: 'cassandra', address: '127.0.0.1', cql: '127.0.0.1:9042', initialToken: '0' },
    ]);
    const launches = twinLaunches(config(), single, '/jars/jamm.jar');
    expect(launches.map((l) => l.name)).toEqual(['zookeeper', 'kafka', 'cassandra']);
    expect(filesOf(launches, 'kafka')).toMatch(/^zookeeper\.connect=127\.0\.0\.1:2181$/m);
    expect(filesOf(launches, 'cassandra')).toMatch(/^endpoint_snitch: SimpleSnitch$/m);
  });

  it('kraft: no ZooKeeper, the broker its own controller on the ZooKeeper port', () => {
    const launches = twinLaunches(config({ TWIN_ZOOKEEPER_PORT: '2781' }), kraft, '/jars/jamm.jar');
    expect(launches.map((l) => l.name)).toEqual(['kafka', 'cassandra']);
    const broker = filesOf(launches, 'kafka');
    expect(broker).toMatch(/^process\.roles=broker,controller$/m);
    expect(broker).toMatch(/^controller\.quorum\.voters=1@127\.0\.0\.1:2781$/m);
    expect(broker).not.toMatch(/zookeeper/);
  });

  it('refuses a KRaft topology of several brokers, naming why', () => {
    const wide = { ...kraft, brokers: { ...kraft.brokers, count: 3 } };
    expect(topologyProblem(config(), wide)).toMatch(/a KRaft twin runs one broker/);
    expect(topologyProblem(config(), kraft)).toBeUndefined();
  });
});

describe('the secure profile', () => {
  const { secure } = TWIN_TOPOLOGIES;
  const files = secureFiles('/tmp/secure-home');
  const secrets: TwinSecrets = {
    keystorePassword: 'keystore-secret',
    controllerPassword: 'controller-secret',
    admin: { username: 'admin', password: 'admin-secret' },
    readonly: { username: 'readonly', password: 'readonly-secret' },
    cassandraRolesMade: false,
  };
  const launches = twinLaunches(config(), secure, '/jars/jamm.jar', { secure: { files, secrets } });

  it('runs Kafka 4 on KRaft behind one SASL_SSL listener, its controller on the ZooKeeper port', () => {
    expect(launches.map((l) => l.name)).toEqual(['kafka', 'cassandra']);
    const broker = filesOf(launches, 'kafka');
    expect(broker).toMatch(
      /^listeners=SASL_SSL:\/\/127\.0\.0\.1:9092,CONTROLLER:\/\/127\.0\.0\.1:2181$/m,
    );
    expect(broker).toMatch(/^advertised\.listeners=SASL_SSL:\/\/127\.0\.0\.1:9092$/m);
    expect(broker).toMatch(/^sasl\.enabled\.mechanisms=SCRAM-SHA-512$/m);
    expect(broker).toMatch(
      /^authorizer\.class\.name=org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer$/m,
    );
    expect(broker).toMatch(/^super\.users=User:admin;User:controller$/m);
    expect(broker).not.toMatch(/PLAINTEXT:\/\//);
    const kafka = launches.find((l) => l.name === 'kafka');
    expect(kafka?.javaArgs.join(' ')).toContain('/twin/lib/kafka4/*');
  });

  it('requires TLS and a password on Cassandra, in datacenter eu-west-1', () => {
    const node = filesOf(launches, 'cassandra');
    expect(node).toMatch(/^authenticator: PasswordAuthenticator$/m);
    expect(node).toMatch(/^authorizer: CassandraAuthorizer$/m);
    expect(node).toMatch(/^client_encryption_options:\n {2}enabled: true\n {2}optional: false$/m);
    expect(node).toMatch(/^endpoint_snitch: GossipingPropertyFileSnitch$/m);
    expect(node).toMatch(/^dc=eu-west-1$/m);
  });

  it('keeps every password off the command lines: in config files and a java @argfile', () => {
    const kafka = launches.find((l) => l.name === 'kafka') as (typeof launches)[number];
    const format = kraftFormat(config(), kafka, secrets);
    const commandLines = [...launches.flatMap((l) => l.javaArgs), ...format.javaArgs].join(' ');
    for (const secret of [
      'keystore-secret',
      'controller-secret',
      'admin-secret',
      'readonly-secret',
    ])
      expect(commandLines).not.toContain(secret);
    expect(format.argfile).toEqual(
      expect.arrayContaining([
        'SCRAM-SHA-512=[name=admin,password=admin-secret]',
        'SCRAM-SHA-512=[name=readonly,password=readonly-secret]',
      ]),
    );
  });

  it('will not launch before its certificates and passwords exist', () => {
    expect(() => twinLaunches(config(), secure, '/jars/jamm.jar')).toThrow(
      /a secured twin launches only once its certificates and passwords exist/,
    );
  });

  it('writes INFRA_VERIFY_* lines for a principal', () => {
    const endpoints = {
      kafkaBrokers: ['127.0.0.1:9092'],
      cassandraContactPoints: ['127.0.0.1:9042'],
    };
    expect(clientEnv(endpoints, files, secrets.readonly)).toBe(
      [
        'INFRA_VERIFY_KAFKA_BROKERS=127.0.0.1:9092',
        'INFRA_VERIFY_CASSANDRA_CONTACT_POINTS=127.0.0.1:9042',
        'INFRA_VERIFY_KAFKA_SECURITY_PROTOCOL=SASL_SSL',
        'INFRA_VERIFY_KAFKA_SASL_MECHANISM=SCRAM-SHA-512',
        'INFRA_VERIFY_KAFKA_USERNAME=readonly',
        'INFRA_VERIFY_KAFKA_PASSWORD=readonly-secret',
        'INFRA_VERIFY_KAFKA_CA_FILE=/tmp/secure-home/tls/ca.pem',
        'INFRA_VERIFY_CASSANDRA_TLS=true',
        'INFRA_VERIFY_CASSANDRA_CA_FILE=/tmp/secure-home/tls/ca.pem',
        'INFRA_VERIFY_CASSANDRA_USERNAME=readonly',
        'INFRA_VERIFY_CASSANDRA_PASSWORD=readonly-secret',
        '',
      ].join('\n'),
    );
  });
});
