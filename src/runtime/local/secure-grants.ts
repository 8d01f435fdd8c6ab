// The secured twin's principals, made by its inits as the admin: the Cassandra admin role (the
// default `cassandra` superuser is retired once it exists), and a read-only principal with exactly
// what the verifier needs: Describe and DescribeConfigs on the topics and Describe on the cluster;
// SELECT on system_schema and on the keyspaces. Statements that carry a password never reach a log.
import type { Client } from 'cassandra-driver';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
} from 'kafkajs';
import { randomBytes } from 'node:crypto';
import type { CassandraSettings, KafkaSettings } from '../../model/connection';
import { firstLineOf } from '../../model/errors';
import { cassandraClient } from '../../protocol/cassandra';
import { kafkaClient } from '../../protocol/kafka';
import type { Principal, TwinSecrets } from './secure';

/** Cassandra's own default superuser, with the password every installation starts with. */
const DEFAULT_SUPERUSER: Principal = { username: 'cassandra', password: 'cassandra' };

/** How the twin logs in: as the default superuser until the admin role exists, then as the admin. */
export const cassandraLogin = (
  admin: CassandraSettings,
  secrets: TwinSecrets,
): CassandraSettings =>
  secrets.cassandraRolesMade ? admin : { ...admin, credentials: DEFAULT_SUPERUSER };

/** A CQL string literal: quotes doubled. The passwords are hex, this is only belt and braces. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function withClient<T>(
  contactPoints: string[],
  settings: CassandraSettings,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const datacenter = settings.localDc;
  const client = cassandraClient(contactPoints, settings, { datacenter, readTimeoutMs: 30_000 });
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

/** Runs statements, naming only `what` when one fails: a statement may carry a password. */
async function execute(client: Client, what: string, statements: string[]): Promise<void> {
  for (const statement of statements) {
    try {
      await client.execute(statement);
    } catch (error) {
      throw new Error(`${what} failed: ${firstLineOf(error)}`);
    }
  }
}

/**
 * The admin role, then the default superuser retired (no login, a random password). Once done,
 * `saveRolesMade` records it, so readiness and later inits log in as the admin.
 */
export async function makeCassandraAdmin(
  contactPoints: string[],
  admin: CassandraSettings,
  secrets: TwinSecrets,
  saveRolesMade: () => void,
): Promise<void> {
  if (secrets.cassandraRolesMade) return;
  const { username, password } = secrets.admin;
  await withClient(contactPoints, cassandraLogin(admin, secrets), (client) =>
    execute(client, `creating the Cassandra role ${username}`, [
      `CREATE ROLE IF NOT EXISTS "${username}" WITH PASSWORD = ${literal(password)} AND SUPERUSER = true AND LOGIN = true`,
    ]),
  );
  const retired = randomBytes(18).toString('hex');
  await withClient(contactPoints, admin, (client) =>
    execute(client, 'retiring the default cassandra superuser', [
      `ALTER ROLE cassandra WITH PASSWORD = ${literal(retired)} AND SUPERUSER = false AND LOGIN = false`,
    ]),
  );
  saveRolesMade();
}

/** The read-only role: SELECT on system_schema and on every keyspace that is not a system one. */
export async function grantCassandraReadOnly(
  contactPoints: string[],
  admin: CassandraSettings,
  secrets: TwinSecrets,
  print: (line: string) => void,
): Promise<void> {
  const { username, password } = secrets.readonly;
  await withClient(contactPoints, admin, async (client) => {
    const result = await client.execute('SELECT keyspace_name FROM system_schema.keyspaces');
    const keyspaces = result.rows
      .map((row) => row.get('keyspace_name') as string)
      .filter((name) => !name.startsWith('system'));
    await execute(client, `creating the Cassandra role ${username}`, [
      `CREATE ROLE IF NOT EXISTS "${username}" WITH PASSWORD = ${literal(password)} AND LOGIN = true`,
    ]);
    const grants = ['system_schema', ...keyspaces].map(
      (keyspace) => `GRANT SELECT ON KEYSPACE "${keyspace}" TO "${username}"`,
    );
    await execute(client, `granting SELECT to ${username}`, grants);
    print(`${username}: SELECT on keyspaces ${['system_schema', ...keyspaces].join(', ')}`);
  });
}

/** The read-only principal's ACLs: Describe and DescribeConfigs on each topic, Describe on the cluster. */
export async function grantKafkaReadOnly(
  brokers: string[],
  settings: KafkaSettings,
  secrets: TwinSecrets,
  print: (line: string) => void,
): Promise<void> {
  const client = kafkaClient(brokers, { clientId: 'infra-verify-twin', retries: 0, settings });
  const admin = client.admin();
  const principal = `User:${secrets.readonly.username}`;
  const allow = { principal, host: '*', permissionType: AclPermissionTypes.ALLOW };
  const literalName = { resourcePatternType: ResourcePatternTypes.LITERAL };
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    const acl: AclEntry[] = [
      ...topics.flatMap((topic) =>
        [AclOperationTypes.DESCRIBE, AclOperationTypes.DESCRIBE_CONFIGS].map((operation) => ({
          ...allow,
          ...literalName,
          operation,
          resourceType: AclResourceTypes.TOPIC,
          resourceName: topic,
        })),
      ),
      {
        ...allow,
        ...literalName,
        operation: AclOperationTypes.DESCRIBE,
        resourceType: AclResourceTypes.CLUSTER,
        resourceName: 'kafka-cluster',
      },
    ];
    await admin.createAcls({ acl });
    print(
      `${principal}: Describe, DescribeConfigs on topics ${topics.join(', ')}; Describe on the cluster`,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
