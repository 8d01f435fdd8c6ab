// Which service is a broker, a ZooKeeper or a Cassandra node is the spec's word (kafka.service
// ...), never a guess from a service's name or image.
import type { CheckResult } from '../../src/model/report';
import { composeFacts, rolesFromCompose } from '../../src/spec/compose-facts';
import { parseSpec } from '../../src/spec/load';
import { checkCompose } from '../../src/static/compose';

// A broker, ZooKeeper and Cassandra, with a Kafka UI, Kafka Connect and a schema registry beside
// them: each of those has a healthcheck of its own kind (HTTP), which is right for it.
const COMPOSE = `
services:
  zookeeper:
    image: confluentinc/cp-zookeeper:7.9.0
    expose: [2181]
    healthcheck:
      test: ["CMD-SHELL", "echo ruok | nc localhost 2181 | grep imok"]
  broker:
    image: registry.example.com/streams:3.9.1
    ports: ["127.0.0.1:9092:9092"]
    healthcheck:
      test: ["CMD", "kafka-broker-api-versions", "--bootstrap-server", "localhost:9092"]
  kafka-ui:
    image: provectuslabs/kafka-ui:v0.7.2
    healthcheck:
      test: ["CMD-SHELL", "wget -q -O- http://localhost:8080/actuator/health"]
  kafka-connect:
    image: confluentinc/cp-kafka-connect:7.9.0
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8083/connectors"]
  schema-registry:
    image: confluentinc/cp-schema-registry:7.9.0
    healthcheck:
      test: curl -f http://localhost:8081/subjects
  cassandra:
    image: cassandra:5.0.4
    ports: ["9042:9042"]
    healthcheck:
      test: ["CMD-SHELL", "nodetool status | grep -q '^UN'"]
`;

const SPEC = `
version: 1
compose:
  services:
    zookeeper: { ready: healthy }
    broker: { ready: healthy }
    kafka-ui: { ready: healthy }
    kafka-connect: { ready: healthy }
    schema-registry: { ready: healthy }
    cassandra: { ready: healthy }
zookeeper: { service: zookeeper }
kafka: { service: broker }
cassandra: { service: cassandra }
`;

function healthchecks(compose: string, spec = SPEC): Record<string, CheckResult['status']> {
  const results = checkCompose(compose, 'compose.yaml', {}, parseSpec(spec, 'infra-spec.yml').spec);
  return Object.fromEntries(
    results.filter((r) => r.id.endsWith('.healthcheck')).map((r) => [r.id, r.status]),
  );
}

describe('roles come from the spec', () => {
  it('gives no false red to HTTP healthchecks of services beside the brokers', () => {
    expect(healthchecks(COMPOSE)).toEqual({
      'static.zookeeper.healthcheck': 'pass',
      'static.broker.healthcheck': 'pass',
      'static.kafka-ui.healthcheck': 'pass',
      'static.kafka-connect.healthcheck': 'pass',
      'static.schema-registry.healthcheck': 'pass',
      'static.cassandra.healthcheck': 'pass',
    });
  });

  it("holds the spec's broker to Kafka's protocol, whatever it is named", () => {
    const portOnly = COMPOSE.replace(
      '["CMD", "kafka-broker-api-versions", "--bootstrap-server", "localhost:9092"]',
      '["CMD", "nc", "-z", "localhost", "9092"]',
    );
    expect(healthchecks(portOnly)['static.broker.healthcheck']).toBe('fail');
  });

  it('judges a service by the role the spec gives it, not by its name', () => {
    // The same compose file under a spec whose Kafka is kafka-ui: now kafka-ui is held to it.
    const spec = SPEC.replace('kafka: { service: broker }', 'kafka: { service: kafka-ui }');
    expect(healthchecks(COMPOSE, spec)).toMatchObject({
      'static.broker.healthcheck': 'pass',
      'static.kafka-ui.healthcheck': 'fail',
    });
  });

  it('a service declared healthy with no healthcheck fails, role or not', () => {
    const none = COMPOSE.replace(
      '    healthcheck:\n      test: curl -f http://localhost:8081/subjects\n',
      '',
    );
    expect(healthchecks(none)['static.schema-registry.healthcheck']).toBe('fail');
  });

  it('drafts roles from what the healthchecks speak, never from names or images', () => {
    expect(rolesFromCompose(composeFacts(COMPOSE))).toEqual({
      zookeeper: { service: 'zookeeper', port: 2181 },
      kafka: { service: 'broker', port: 9092 },
      cassandra: { service: 'cassandra', port: 9042 },
    });
  });
});
