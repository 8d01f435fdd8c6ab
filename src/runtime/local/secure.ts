// What the secure twin (`--profile secure`) has that the others do not: a throwaway CA and server
// keystores made with openssl when it starts, random passwords, two principals (an admin and a
// read-only one) on Kafka and Cassandra, and the INFRA_VERIFY_* env files that clients load.
// Every secret stays in files of mode 0600 under the twin's home: never in a process argument.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionSettings } from '../../model/connection';
import { runChild } from '../child';
import { type TwinConfig, TwinConfigError } from './config';

export interface Principal {
  username: string;
  password: string;
}

/** Made with the twin's data and forgotten with it (`down --reset`). */
export interface TwinSecrets {
  /** of both server keystores */
  keystorePassword: string;
  /** the broker's own login on its KRaft controller listener (SASL PLAIN, loopback only) */
  controllerPassword: string;
  admin: Principal;
  readonly: Principal;
  /** true once the Cassandra admin role exists and the default superuser is retired */
  cassandraRolesMade: boolean;
}

export interface SecureFiles {
  tls: string;
  caFile: string;
  kafkaKeystore: string;
  cassandraKeystore: string;
  secrets: string;
  /** the admin's Kafka client settings, for Kafka's own tools (--command-config) */
  adminClientProperties: string;
  clientEnv: string;
  readonlyEnv: string;
}

export const secureFiles = (home: string): SecureFiles => ({
  tls: join(home, 'tls'),
  caFile: join(home, 'tls', 'ca.pem'),
  kafkaKeystore: join(home, 'tls', 'kafka.p12'),
  cassandraKeystore: join(home, 'tls', 'cassandra.p12'),
  secrets: join(home, 'run', 'secrets.json'),
  adminClientProperties: join(home, 'run', 'admin-client.properties'),
  clientEnv: join(home, 'client.env'),
  readonlyEnv: join(home, 'readonly.env'),
});

/** Hex: safe inside JAAS quotes, CQL quotes, kafka-storage's SCRAM syntax and env files. */
const secret = () => randomBytes(18).toString('hex');

/** Writes a file only its owner can read, whatever the umask. */
export function writePrivate(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** New passwords for a twin whose data is new; the kept ones for a twin that has data. */
export function twinSecrets(files: SecureFiles, fresh: boolean): TwinSecrets {
  if (!fresh) {
    if (!existsSync(files.secrets)) {
      throw new TwinConfigError(
        `the secure twin has data but no passwords (${files.secrets} is gone); ` +
          'start it anew with: infra-verify down --runtime local --profile secure --reset',
      );
    }
    return keptSecrets(files) as TwinSecrets;
  }
  const secrets: TwinSecrets = {
    keystorePassword: secret(),
    controllerPassword: secret(),
    admin: { username: 'admin', password: secret() },
    readonly: { username: 'readonly', password: secret() },
    cassandraRolesMade: false,
  };
  saveSecrets(files, secrets);
  return secrets;
}

export function saveSecrets(files: SecureFiles, secrets: TwinSecrets): void {
  mkdirSync(join(files.secrets, '..'), { recursive: true, mode: 0o700 });
  writePrivate(files.secrets, JSON.stringify(secrets, null, 2));
}

const OPENSSL_TIMEOUT_MS = 30_000;

async function openssl(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const result = await runChild('openssl', args, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    timeoutMs: OPENSSL_TIMEOUT_MS,
  });
  if (result.exitCode !== 0) {
    throw new Error(
      `openssl ${args[0]} failed (exit ${result.exitCode}) making the secure twin's certificates; ` +
        `check that openssl is installed:\n${`${result.stdout}${result.stderr}`.trim()}`,
    );
  }
}

/**
 * A CA that lives for one twin, and a certificate it signs for each server (SAN 127.0.0.1 and
 * localhost), packed with its key into a PKCS12 keystore. The CA's key is deleted once it has
 * signed: nothing can be issued under it afterwards. Made again whenever the keystores are missing.
 */
export async function ensureCertificates(
  files: SecureFiles,
  keystorePassword: string,
): Promise<void> {
  if ([files.caFile, files.kafkaKeystore, files.cassandraKeystore].every((f) => existsSync(f)))
    return;
  rmSync(files.tls, { recursive: true, force: true });
  mkdirSync(files.tls, { recursive: true, mode: 0o700 });
  const dir = files.tls;
  const days = ['-days', '30'];
  await openssl(
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'],
      ...[...days, '-subj', '/CN=infra-verify secure twin CA'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE'],
      ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ],
    dir,
  );
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' +
      'keyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  for (const server of ['kafka', 'cassandra']) {
    await openssl(
      [
        ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${server}.key`],
        ...['-out', `${server}.csr`, '-subj', `/CN=${server}.infra-verify-twin`],
      ],
      dir,
    );
    await openssl(
      [
        ...['x509', '-req', '-in', `${server}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key'],
        ...['-CAcreateserial', '-out', `${server}.pem`, ...days, '-extfile', 'server.ext'],
      ],
      dir,
    );
    await openssl(
      [
        ...['pkcs12', '-export', '-in', `${server}.pem`, '-inkey', `${server}.key`],
        ...['-certfile', 'ca.pem', '-name', server, '-out', `${server}.p12`],
        ...['-passout', 'env:TWIN_KEYSTORE_PASSWORD'],
      ],
      dir,
      { TWIN_KEYSTORE_PASSWORD: keystorePassword },
    );
    chmodSync(join(dir, `${server}.p12`), 0o600);
    for (const leftover of [`${server}.key`, `${server}.csr`]) rmSync(join(dir, leftover));
  }
  for (const leftover of ['ca.key', 'ca.srl', 'server.ext'])
    rmSync(join(dir, leftover), { force: true });
}

/** The passwords a twin keeps in its run directory, if it has any yet. */
export function keptSecrets(files: SecureFiles): TwinSecrets | undefined {
  return existsSync(files.secrets)
    ? (JSON.parse(readFileSync(files.secrets, 'utf8')) as TwinSecrets)
    : undefined;
}

/** How a principal reaches the secure twin: SASL_SSL SCRAM-SHA-512, CQL over TLS, the twin's CA. */
export function connectionFor(
  files: SecureFiles,
  principal: Principal,
  datacenter: string,
): ConnectionSettings {
  const tls = { ca: { path: files.caFile } };
  return {
    kafka: {
      securityProtocol: 'SASL_SSL',
      tls,
      sasl: { mechanism: 'SCRAM-SHA-512', ...principal },
    },
    cassandra: { tls, credentials: principal, localDc: datacenter },
  };
}

/** kafka-storage's --add-scram values: KRaft keeps SCRAM credentials in its metadata (KIP-900). */
export const scramArguments = (secrets: TwinSecrets): string[] =>
  [secrets.admin, secrets.readonly].flatMap(({ username, password }) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${username},password=${password}]`,
  ]);

/** The broker's listeners, TLS, SASL and ACL settings for server.properties. */
export function secureBrokerSettings(
  config: TwinConfig,
  files: SecureFiles,
  secrets: TwinSecrets,
  port: number,
  controllerPort: number,
): Record<string, string | number> {
  const { host } = config;
  const scram = (p: Principal) =>
    `org.apache.kafka.common.security.scram.ScramLoginModule required username="${p.username}" password="${p.password}";`;
  const controller = secrets.controllerPassword;
  return {
    listeners: `SASL_SSL://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `SASL_SSL://${host}:${port}`,
    // The controller listener is loopback-only and speaks SASL PLAIN with a login of its own:
    // KRaft cannot check SCRAM there, its credentials live in the metadata it serves.
    'listener.security.protocol.map': 'SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT',
    'inter.broker.listener.name': 'SASL_SSL',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': scram(secrets.admin),
    'sasl.mechanism.controller.protocol': 'PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
    'listener.name.controller.plain.sasl.jaas.config':
      'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
      `username="controller" password="${controller}" user_controller="${controller}";`,
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': files.kafkaKeystore,
    'ssl.keystore.password': secrets.keystorePassword,
    'ssl.key.password': secrets.keystorePassword,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': files.caFile,
    'ssl.client.auth': 'none',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:${secrets.admin.username};User:controller`,
    'allow.everyone.if.no.acl.found': 'false',
  };
}

/** cassandra.yaml lines: TLS required on the native port, passwords, roles and grants. */
export function secureNodeYaml(files: SecureFiles, secrets: TwinSecrets): string[] {
  return [
    'authenticator: PasswordAuthenticator',
    'authorizer: CassandraAuthorizer',
    'role_manager: CassandraRoleManager',
    'client_encryption_options:',
    '  enabled: true',
    '  optional: false',
    `  keystore: ${files.cassandraKeystore}`,
    `  keystore_password: ${secrets.keystorePassword}`,
    '  store_type: PKCS12',
    '  require_client_auth: false',
  ];
}

/** The admin's settings for Kafka's own tools (kafka-topics --command-config). */
export function adminClientProperties(files: SecureFiles, secrets: TwinSecrets): string {
  const { username, password } = secrets.admin;
  return [
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${files.caFile}`,
    '',
  ].join('\n');
}

/** INFRA_VERIFY_* lines for one principal: what `set -a; . FILE; set +a` hands infra-verify. */
export function clientEnv(
  endpoints: { kafkaBrokers: string[]; cassandraContactPoints: string[] },
  files: SecureFiles,
  principal: Principal,
): string {
  const lines = {
    INFRA_VERIFY_KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    INFRA_VERIFY_CASSANDRA_CONTACT_POINTS: endpoints.cassandraContactPoints.join(','),
    INFRA_VERIFY_KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    INFRA_VERIFY_KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    INFRA_VERIFY_KAFKA_USERNAME: principal.username,
    INFRA_VERIFY_KAFKA_PASSWORD: principal.password,
    INFRA_VERIFY_KAFKA_CA_FILE: files.caFile,
    INFRA_VERIFY_CASSANDRA_TLS: 'true',
    INFRA_VERIFY_CASSANDRA_CA_FILE: files.caFile,
    INFRA_VERIFY_CASSANDRA_USERNAME: principal.username,
    INFRA_VERIFY_CASSANDRA_PASSWORD: principal.password,
  };
  return `${Object.entries(lines)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}
