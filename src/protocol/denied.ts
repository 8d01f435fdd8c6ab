// A call the principal may not make, as one line naming the permission an operator grants
// ("not authorized: DescribeConfigs on topic channel-stats"), instead of a driver's error code.
import { causes } from './connection-failure';

export class NotAuthorized extends Error {
  constructor(permission: string) {
    super(`not authorized: ${permission}`);
    this.name = 'NotAuthorized';
  }
}

/** kafkajs's authorization errors, by the kind of resource they are about. */
const KAFKA_DENIALS = {
  TOPIC_AUTHORIZATION_FAILED: 'topic',
  GROUP_AUTHORIZATION_FAILED: 'group',
  CLUSTER_AUTHORIZATION_FAILED: 'cluster',
} as const;
type Denied = (typeof KAFKA_DENIALS)[keyof typeof KAFKA_DENIALS];

/** Which kind of Kafka resource the error says was denied, if it is a denial. */
export function kafkaDenial(error: unknown): Denied | undefined {
  for (const cause of causes(error)) {
    const type = typeof cause.type === 'string' ? cause.type : '';
    if (type in KAFKA_DENIALS) return KAFKA_DENIALS[type as keyof typeof KAFKA_DENIALS];
  }
  return undefined;
}

/**
 * The broker names neither the operation nor the resource, so the caller says what it asked
 * for, per kind of resource: `{ topic: 'Write on topic chat' }`.
 */
export function kafkaNotAuthorized(
  error: unknown,
  asked: Partial<Record<Denied, string>>,
): unknown {
  const denied = kafkaDenial(error);
  const permission = denied && asked[denied];
  return permission ? new NotAuthorized(permission) : error;
}

/** Cassandra names all of it: "User ro has no MODIFY permission on <table ks.t> or any of its parents". */
const CASSANDRA_DENIAL = /User (\S+) has no (\w+) permission on <(\w+) ([^>]+)>/;

export function cassandraNotAuthorized(error: unknown): unknown {
  for (const cause of causes(error)) {
    const match = CASSANDRA_DENIAL.exec(typeof cause.message === 'string' ? cause.message : '');
    if (match)
      return new NotAuthorized(`${match[2]} on ${match[3]} ${match[4]} (user ${match[1]})`);
  }
  return error;
}

/** Runs a Kafka call, turning a denial into the permission it lacked. */
export async function askingKafka<T>(
  call: () => Promise<T>,
  asked: Partial<Record<Denied, string>>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw kafkaNotAuthorized(error, asked);
  }
}

/** Runs a Cassandra call, turning a denial into the permission it lacked. */
export async function askingCassandra<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw cassandraNotAuthorized(error);
  }
}
