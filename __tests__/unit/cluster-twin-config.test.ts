// The cluster twin's shape from the TWIN_* settings: addresses, ports, tokens and the server
// configs. Nothing starts here.
import {
  clusterLaunches,
  clusterPortClash,
  clusterTopology,
} from '../../src/runtime/local/cluster-servers';
import { twinConfig } from '../../src/runtime/local/config';

const config = (env: NodeJS.ProcessEnv = {}) => twinConfig({ home: '/tmp/cluster-home' }, env);

describe('clusterTopology', () => {
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
    expect(topology.zookeeper).toBe('127.0.0.1:2181');
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
    expect(topology.zookeeper).toBe('127.0.0.1:2781');
  });

  it('spaces the three tokens evenly over the Murmur3 ring', () => {
    const tokens = clusterTopology(config()).nodes.map((n) => BigInt(n.initialToken));
    expect(tokens).toEqual([-9223372036854775808n, -3074457345618258603n, 3074457345618258602n]);
  });

  it('names a TWIN_* port that falls inside the brokers range', () => {
    expect(clusterPortClash(config())).toBeUndefined();
    expect(clusterPortClash(config({ TWIN_ZOOKEEPER_PORT: '9093' }))).toMatch(
      /ports 9092, 9093, 9094, which includes the zookeeper port 9093/,
    );
  });
});

describe('clusterLaunches', () => {
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
