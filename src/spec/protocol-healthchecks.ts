// What "a healthcheck that uses the server's protocol" means per role. A port that accepts
// connections is not enough. Which service plays a role is the spec's word (kafka.service ...),
// never a guess from a service's name or image: a `kafka-ui` or `cp-kafka-connect` service is
// not a broker and keeps the healthcheck its own authors chose.
import type { RoleName } from './types';

export interface ProtocolHealthcheck {
  pattern: RegExp;
  expected: string;
}

export const PROTOCOL_HEALTHCHECKS: Readonly<Record<RoleName, ProtocolHealthcheck>> = {
  zookeeper: {
    pattern: /\b(srvr|ruok|mntr)\b/,
    expected: 'a ZooKeeper four-letter word (srvr or ruok)',
  },
  cassandra: {
    // nodetool talks to the node itself (JMX) and fails while it is not up, like cqlsh does.
    pattern: /\bcqlsh\b.*\s(-e|--execute)\b|\bnodetool\b.*\b(status|statusbinary|info)\b/,
    expected: 'a CQL query or a node status (cqlsh -e ... / nodetool status)',
  },
  kafka: {
    pattern: /kafka-broker-api-versions|kafka-topics|kafka-cluster|kafka-metadata/,
    expected:
      'a Kafka broker API call (kafka-broker-api-versions / kafka-topics --bootstrap-server)',
  },
};

/** Whether a healthcheck's `test:` asks the role's protocol, as the verifier's own probe does. */
export function protocolHealthcheck(role: RoleName, test: unknown): boolean {
  const command = healthcheckCommand(test);
  return command !== undefined && PROTOCOL_HEALTHCHECKS[role].pattern.test(command);
}

/** A compose healthcheck's `test:` as the command it runs; undefined when it runs nothing. */
export function healthcheckCommand(test: unknown): string | undefined {
  const parts = (Array.isArray(test) ? test : [test]).map(String);
  if (test === undefined || test === null || parts[0] === 'NONE') return undefined;
  return (parts[0] === 'CMD' || parts[0] === 'CMD-SHELL' ? parts.slice(1) : parts).join(' ');
}
