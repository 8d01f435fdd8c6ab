import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resultOf } from '../../src/model/report';
import type { CheckResult } from '../../src/model/report';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { loadSpec } from '../../src/spec/load';
import { checkCompose, ComposeFileError, staticReport } from '../../src/static/compose';
import { parseDotenv } from '../../src/model/dotenv';
import { interpolate } from '../../src/static/interpolate';
import type { RecordInit } from '../../src/model/compose';
import { recordInit } from '../../src/runtime/init-recorder';

const ENV = { CONFLUENT_VERSION: '7.9.0', CASSANDRA_VERSION: '5.0.4' };

// A compose file that matches the Milestone-1 spec: each test breaks one thing in it.
const GOOD = `
services:
  zookeeper:
    image: confluentinc/cp-zookeeper:\${CONFLUENT_VERSION}
    container_name: chatbattle-zookeeper
    ports: ["127.0.0.1:2181:2181"]
    networks: [chatbattle-network]
    volumes:
      - zookeeper-data:/var/lib/zookeeper/data
      - zookeeper-log:/var/lib/zookeeper/log
    healthcheck:
      test: ["CMD-SHELL", "echo srvr | nc localhost 2181 | grep -q Mode"]
  kafka:
    image: confluentinc/cp-kafka:\${CONFLUENT_VERSION}
    container_name: chatbattle-kafka
    ports:
      - target: 9092
        published: 9092
    depends_on:
      zookeeper: { condition: service_healthy }
    networks: [chatbattle-network]
    volumes:
      - type: volume
        source: kafka-data
        target: /var/lib/kafka/data
    healthcheck:
      test: ["CMD", "kafka-broker-api-versions", "--bootstrap-server", "localhost:29092"]
  kafka-init:
    image: confluentinc/cp-kafka:\${CONFLUENT_VERSION}
    container_name: chatbattle-kafka-init
    depends_on:
      kafka: { condition: service_healthy }
    networks: [chatbattle-network]
  cassandra:
    image: cassandra:\${CASSANDRA_VERSION:-5.0.4}
    container_name: chatbattle-cassandra
    expose: ["9042"]
    networks:
      chatbattle-network: {}
    volumes:
      - cassandra-data:/var/lib/cassandra
    healthcheck:
      test: ["CMD-SHELL", "cqlsh -e 'SELECT release_version FROM system.local'"]
  cassandra-init:
    image: cassandra:\${CASSANDRA_VERSION}
    container_name: chatbattle-cassandra-init
    depends_on:
      cassandra: { condition: service_healthy }
    networks: [chatbattle-network]
  stack-ready:
    image: busybox:1.36
    container_name: chatbattle-stack-ready
    command: ["sleep", "infinity"]
    depends_on:
      kafka-init: { condition: service_completed_successfully }
      cassandra-init: { condition: service_completed_successfully }
    networks: [chatbattle-network]
networks:
  chatbattle-network:
    name: chatbattle-network
volumes:
  zookeeper-data:
  zookeeper-log:
  kafka-data:
  cassandra-data:
`;

function check(text: string, env: Record<string, string> = ENV): CheckResult[] {
  return checkCompose(text, 'docker-compose.yml', env, DEFAULT_SPEC);
}

/** GOOD with one exact piece of text replaced (the replacement must apply). */
function drift(find: string, replace: string): CheckResult[] {
  expect(GOOD).toContain(find);
  return check(GOOD.replace(find, replace));
}

function notPassing(results: CheckResult[]): Record<string, string> {
  return Object.fromEntries(
    results.filter((r) => r.status !== 'pass').map((r) => [r.id, r.message]),
  );
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('static mode on a compose file that matches the spec', () => {
  const results = check(GOOD);

  it('passes every check', () => {
    expect(notPassing(results)).toEqual({});
    expect(resultOf(results)).toBe('pass');
  });

  it('covers every declared service, healthchecks of servers and every volume', () => {
    const ids = results.map((r) => r.id);
    for (const service of Object.keys(DEFAULT_SPEC.compose.services)) {
      for (const suffix of ['defined', 'container-name', 'image', 'network', 'depends-on']) {
        expect(ids).toContain(`static.${service}.${suffix}`);
      }
    }
    expect(ids.filter((id) => id.endsWith('.healthcheck'))).toEqual([
      'static.zookeeper.healthcheck',
      'static.kafka.healthcheck',
      'static.cassandra.healthcheck',
    ]);
    expect(ids.filter((id) => id.includes('.volume.'))).toHaveLength(4);
  });

  it('points results at compose lines', () => {
    const image = results.find((r) => r.id === 'static.cassandra.image');
    expect(image?.source).toEqual({
      file: 'docker-compose.yml',
      line: lineOf(GOOD, 'image: cassandra:${CASSANDRA_VERSION:-5.0.4}'),
      column: 5,
    });
    const volume = results.find((r) => r.id === 'static.zookeeper.volume.zookeeper-log');
    expect(volume?.source?.line).toBe(lineOf(GOOD, '- zookeeper-log:/var/lib/zookeeper/log'));
  });
});

describe('static mode finds', () => {
  it('a missing service, and skips its details instead of failing them', () => {
    const results = drift(
      '  stack-ready:\n    image: busybox:1.36',
      '  other:\n    image: busybox:1.36',
    );
    expect(notPassing(results)['static.stack-ready.defined']).toBe(
      'stack-ready: service expected defined in docker-compose.yml, found missing',
    );
    expect(results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'static.stack-ready.defined',
    ]);
    expect(results.find((r) => r.id === 'static.stack-ready.image')?.status).toBe('skip');
  });

  it('a wrong container name', () => {
    expect(
      notPassing(drift('container_name: chatbattle-kafka\n', 'container_name: kafka\n')),
    ).toEqual({
      'static.kafka.container-name': 'kafka: container_name expected chatbattle-kafka, found kafka',
    });
  });

  it('an image on latest, and one with no tag', () => {
    expect(notPassing(drift('busybox:1.36', 'busybox:latest'))).toEqual({
      'static.stack-ready.image':
        'stack-ready: image expected a pinned version tag (not latest), found busybox:latest',
    });
    expect(notPassing(drift('busybox:1.36', 'library/busybox'))).toEqual({
      'static.stack-ready.image':
        'stack-ready: image expected a pinned version tag (not latest), found library/busybox (no tag, which means latest)',
    });
  });

  it('an image variable that .env does not set', () => {
    const results = check(GOOD, { CASSANDRA_VERSION: '5.0.4' });
    expect(notPassing(results)['static.kafka.image']).toBe(
      'kafka: image expected every variable set, found confluentinc/cp-kafka:${CONFLUENT_VERSION} with CONFLUENT_VERSION not set (environment or env file) and no default',
    );
    // ${VAR:-default} still resolves without .env
    expect(results.find((r) => r.id === 'static.cassandra.image')?.actual).toBe('cassandra:5.0.4');
  });

  it('a service off the network', () => {
    expect(notPassing(drift('    networks:\n      chatbattle-network: {}\n', ''))).toEqual({
      'static.cassandra.network':
        'cassandra: network expected chatbattle-network, found the default network only',
    });
  });

  it('a network key whose real name differs', () => {
    const results = drift('    name: chatbattle-network', '    name: other-net');
    expect(Object.keys(notPassing(results))).toHaveLength(6);
    expect(notPassing(results)['static.kafka.network']).toBe(
      'kafka: network expected chatbattle-network, found other-net',
    );
  });

  it('a bind mount where a named volume belongs, and an undeclared volume', () => {
    expect(
      notPassing(drift('- cassandra-data:/var/lib/cassandra', '- ./data:/var/lib/cassandra')),
    ).toEqual({
      'static.cassandra.volume.cassandra-data':
        'cassandra: mount on /var/lib/cassandra expected named volume cassandra-data, found bind mount ./data',
    });
    expect(notPassing(drift('  kafka-data:\n', ''))).toEqual({
      'static.kafka.volume.kafka-data':
        'kafka: volume kafka-data expected declared under top-level volumes:, found not declared',
    });
    expect(
      notPassing(drift('- zookeeper-log:/var/lib/zookeeper/log', '- zookeeper-log:/logs')),
    ).toEqual({
      'static.zookeeper.volume.zookeeper-log':
        'zookeeper: mount on /var/lib/zookeeper/log expected named volume zookeeper-log, found nothing mounted',
    });
  });

  it('a healthcheck that only opens a port, and a missing one', () => {
    expect(
      notPassing(
        drift(
          '["CMD", "kafka-broker-api-versions", "--bootstrap-server", "localhost:29092"]',
          '["CMD", "nc", "-z", "localhost", "29092"]',
        ),
      ),
    ).toEqual({
      'static.kafka.healthcheck':
        'kafka: healthcheck expected a Kafka broker API call (kafka-broker-api-versions / kafka-topics --bootstrap-server), found nc -z localhost 29092',
    });
    expect(
      notPassing(
        drift(
          `    healthcheck:\n      test: ["CMD-SHELL", "cqlsh -e 'SELECT release_version FROM system.local'"]\n`,
          '',
        ),
      ),
    ).toEqual({
      'static.cassandra.healthcheck':
        'cassandra: healthcheck expected a CQL query or a node status (cqlsh -e ... / nodetool status), found none',
    });
  });

  it('a dependency with the wrong condition, in list form, or undeclared', () => {
    expect(
      notPassing(
        drift('kafka: { condition: service_healthy }', 'kafka: { condition: service_started }'),
      ),
    ).toEqual({
      'static.kafka-init.depends-on':
        'kafka-init: depends_on kafka expected service_healthy, found service_started',
    });
    expect(
      notPassing(
        drift(
          '      kafka-init: { condition: service_completed_successfully }\n      cassandra-init: { condition: service_completed_successfully }',
          '      - kafka-init\n      - cassandra-init',
        ),
      ),
    ).toEqual({
      'static.stack-ready.depends-on':
        'stack-ready: depends_on kafka-init expected service_completed_successfully, found service_started; stack-ready: depends_on cassandra-init expected service_completed_successfully, found service_started',
    });
    expect(
      notPassing(
        drift(
          '      cassandra: { condition: service_healthy }',
          '      cassandra: { condition: service_healthy }\n      kafka: { condition: service_healthy }',
        ),
      ),
    ).toEqual({
      'static.cassandra-init.depends-on':
        'cassandra-init: depends_on kafka expected not declared, found service_healthy',
    });
  });
});

describe('static mode input errors', () => {
  it('names the file, line and column of invalid YAML', () => {
    expect(() => check('services:\n  kafka: [\n')).toThrow(ComposeFileError);
    expect(() => check('services:\n  kafka: [\n')).toThrow(
      /^docker-compose\.yml:\d+:\d+: compose file is not valid YAML/,
    );
  });

  it('names a compose file it cannot read and the fix', async () => {
    const request = { directory: '/nonexistent', files: ['docker-compose.yml'], profiles: [] };
    await expect(staticReport(request, { spec: DEFAULT_SPEC }, {})).rejects.toThrow(
      /compose file \/nonexistent\/docker-compose\.yml: cannot read the file \(ENOENT\)/,
    );
  });
});

describe('variable substitution', () => {
  it('reads .env like compose does', () => {
    expect(parseDotenv('# c\nA=1\nexport B="two words"\nC=3 # note\n\nbad line\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '3',
    });
  });

  it('supports ${VAR}, defaults, $VAR and $$', () => {
    const env = { SET: 'x', EMPTY: '' };
    expect(interpolate('${SET}-$SET-${NOPE:-d}-${EMPTY:-e}-${EMPTY-f}-$$SET', env)).toEqual({
      value: 'x-x-d-e--$SET',
      unresolved: [],
    });
    expect(interpolate('${NOPE}${GONE:?required}', env).unresolved).toEqual(['NOPE', 'GONE']);
  });
});

// The repository's own docker-compose.yml against its infra-spec.yml: must all pass.
describe('the repository compose file', () => {
  const root = join(__dirname, '../..');
  const compose = join(root, 'docker-compose.yml');

  it('exists', () => {
    expect(existsSync(compose)).toBe(true);
  });

  it('matches infra-spec.yml', async () => {
    const request = { directory: root, files: [], profiles: [] };
    const report = await staticReport(request, loadSpec(join(root, 'infra-spec.yml')), {});
    // Reading the init's topics runs its script: off here, so those checks say why they skipped.
    const skipped =
      "no init could be read for its topics: running inits is turned off (--no-run-inits, the Action's run-inits)";
    expect(notPassing(report.checks)).toEqual({
      'static.kafka.topic.twitch-chat-messages': skipped,
      'static.kafka.topic.channel-stats': skipped,
    });
  });

  it('records its inits side by side', async () => {
    const request = { directory: root, files: [], profiles: [] };
    const started: string[] = [];
    let startedBeforeOneEnded: string[] | undefined;
    const record: RecordInit = async ({ service }) => {
      started.push(service);
      await new Promise((resolve) => setImmediate(resolve));
      startedBeforeOneEnded ??= [...started];
      return { calls: [], exitCode: 0, isolation: 'a test' };
    };
    await staticReport(request, loadSpec(join(root, 'infra-spec.yml')), { recordInit: record });
    expect(startedBeforeOneEnded).toEqual(['kafka-init', 'cassandra-init']);
  });
});

describe('recording an init', () => {
  it('takes a command that is itself a stand-in (cqlsh -f) as written, without running it', async () => {
    const argv = ['cqlsh', 'cassandra', '9042', '-f', '/nowhere/schema.cql'];
    expect(await recordInit({ service: 'cassandra-init', argv, env: {} })).toEqual({
      calls: [argv],
      exitCode: 0,
      isolation: 'its command is cqlsh itself, read as written',
    });
  });

  it('runs a script, which calls the recording stand-in', async () => {
    const argv = ['sh', '-c', 'kafka-topics --create --topic a && cqlsh -e "SELECT 1"'];
    const recording = await recordInit({ service: 'kafka-init', argv, env: {} });
    expect(recording).toMatchObject({
      calls: [
        ['kafka-topics', '--create', '--topic', 'a'],
        ['cqlsh', '-e', 'SELECT 1'],
      ],
      exitCode: 0,
    });
  });
});
