// How infra-verify reaches a secured cluster: TLS, SASL and credentials, one set of settings for
// every shell. Each shell only supplies a lookup (CLI: flag, else INFRA_VERIFY_<NAME>; Action:
// input, else the same variable), so names, defaults and errors are the same everywhere.
import { UserError } from './errors';

export const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type KafkaSecurityProtocol = (typeof KAFKA_SECURITY_PROTOCOLS)[number];

export const KAFKA_SASL_MECHANISMS = [
  'PLAIN',
  'SCRAM-SHA-256',
  'SCRAM-SHA-512',
  'OAUTHBEARER',
] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** Settings that hold a secret: an Action input or an environment variable, never a flag. */
export const SECRET_SETTINGS = [
  'kafka-password',
  'kafka-oauth-token',
  'cassandra-password',
] as const;

/** Every connection setting, by the name it has as an Action input and a CLI flag. */
export const CONNECTION_SETTINGS = [
  'kafka-security-protocol',
  'kafka-sasl-mechanism',
  'kafka-username',
  'kafka-ca-file',
  'kafka-cert-file',
  'kafka-key-file',
  'kafka-tls-servername',
  'cassandra-tls',
  'cassandra-ca-file',
  'cassandra-cert-file',
  'cassandra-key-file',
  'cassandra-username',
  'cassandra-local-dc',
  ...SECRET_SETTINGS,
] as const;
export type ConnectionSettingName = (typeof CONNECTION_SETTINGS)[number];

/** `--kafka-sasl-mechanism` reads `INFRA_VERIFY_KAFKA_SASL_MECHANISM` when the flag is absent. */
export function settingEnvName(setting: string): string {
  return `INFRA_VERIFY_${setting.toUpperCase().replace(/-/g, '_')}`;
}

/** A certificate or key: PEM text (an Action secret is a string), or a file to read. */
export type PemSource = { pem: string } | { path: string };

export interface TlsSettings {
  /** absent: the system's trusted authorities */
  ca?: PemSource;
  /** a client certificate and its key, always together */
  client?: { cert: PemSource; key: PemSource };
  /** the name the server's certificate must carry, when it differs from the address dialled */
  servername?: string;
}

export type KafkaSasl =
  | { mechanism: Exclude<KafkaSaslMechanism, 'OAUTHBEARER'>; username: string; password: string }
  | { mechanism: 'OAUTHBEARER'; token: string };

export interface KafkaSettings {
  securityProtocol: KafkaSecurityProtocol;
  /** present exactly when the protocol is SSL or SASL_SSL */
  tls?: TlsSettings;
  /** present exactly when the protocol is SASL_PLAINTEXT or SASL_SSL */
  sasl?: KafkaSasl;
}

export interface CassandraSettings {
  tls?: TlsSettings;
  credentials?: { username: string; password: string };
  /** absent: discovered from system.local on the first contact point that answers */
  localDc?: string;
}

/** The datacenter Cassandra clients are local to, and whether it was discovered, not given. */
export interface Datacenter {
  name: string;
  discovered: boolean;
}

export interface ConnectionSettings {
  kafka: KafkaSettings;
  cassandra: CassandraSettings;
}

/** PLAINTEXT Kafka, plain CQL, no credentials, the datacenter discovered: an open local stack. */
export const OPEN_CONNECTION: ConnectionSettings = {
  kafka: { securityProtocol: 'PLAINTEXT' },
  cassandra: {},
};

export type SettingLookup = (setting: ConnectionSettingName) => string | undefined;

/** A wrong connection setting: the message names the setting, the value and what is allowed. */
export class ConnectionSettingError extends UserError {}

/**
 * The one parser of connection settings. Empty values count as absent (an Action input that is
 * not given reads ''). A setting that would be ignored is an error rather than a surprise: a
 * password beside PLAINTEXT, a CA file with cassandra-tls false.
 */
export function parseConnectionSettings(lookup: SettingLookup): ConnectionSettings {
  const get = (setting: ConnectionSettingName): string | undefined => {
    const value = lookup(setting)?.trim();
    return value ? value : undefined;
  };
  return { kafka: kafkaSettings(get), cassandra: cassandraSettings(get) };
}

/**
 * The settings, or undefined when not one of them is given: a stack that infra-verify runs
 * itself then keeps its own (open, or a secured twin's admin).
 */
export function parseGivenConnectionSettings(
  lookup: SettingLookup,
): ConnectionSettings | undefined {
  const given = CONNECTION_SETTINGS.some((setting) => lookup(setting)?.trim());
  return given ? parseConnectionSettings(lookup) : undefined;
}

type Get = (setting: ConnectionSettingName) => string | undefined;

function oneOf<T extends string>(setting: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((option) => option === value.toUpperCase());
  if (found) return found;
  throw new ConnectionSettingError(
    `${setting}: "${value}" is not allowed; use one of ${allowed.join(', ')}.`,
  );
}

/** Names every setting given that only makes sense with another one, and says which. */
function refuseUnused(get: Get, settings: ConnectionSettingName[], because: string): void {
  const given = settings.filter((setting) => get(setting) !== undefined);
  if (given.length > 0) {
    throw new ConnectionSettingError(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set, but ${because}.`,
    );
  }
}

function kafkaSettings(get: Get): KafkaSettings {
  const given = get('kafka-security-protocol');
  const securityProtocol = given
    ? oneOf('kafka-security-protocol', given, KAFKA_SECURITY_PROTOCOLS)
    : 'PLAINTEXT';
  const usesTls = securityProtocol === 'SSL' || securityProtocol === 'SASL_SSL';
  const usesSasl = securityProtocol.startsWith('SASL_');
  if (!usesTls) {
    refuseUnused(
      get,
      ['kafka-ca-file', 'kafka-cert-file', 'kafka-key-file', 'kafka-tls-servername'],
      `kafka-security-protocol is ${securityProtocol}: TLS needs SSL or SASL_SSL`,
    );
  }
  if (!usesSasl) {
    refuseUnused(
      get,
      ['kafka-sasl-mechanism', 'kafka-username', 'kafka-password', 'kafka-oauth-token'],
      `kafka-security-protocol is ${securityProtocol}: SASL needs SASL_SSL or SASL_PLAINTEXT`,
    );
  }
  return {
    securityProtocol,
    ...(usesTls ? { tls: tlsSettings(get, 'kafka') } : {}),
    ...(usesSasl ? { sasl: kafkaSasl(get, securityProtocol) } : {}),
  };
}

function required(get: Get, setting: ConnectionSettingName, because: string): string {
  const value = get(setting);
  if (value === undefined) {
    const from = (SECRET_SETTINGS as readonly string[]).includes(setting)
      ? `the ${setting} input or ${settingEnvName(setting)} (never a flag)`
      : `${setting} (or ${settingEnvName(setting)})`;
    throw new ConnectionSettingError(`${setting} is missing: ${because}; set ${from}.`);
  }
  return value;
}

function kafkaSasl(get: Get, protocol: KafkaSecurityProtocol): KafkaSasl {
  const mechanism = oneOf(
    'kafka-sasl-mechanism',
    required(
      get,
      'kafka-sasl-mechanism',
      `kafka-security-protocol ${protocol} needs one of ${KAFKA_SASL_MECHANISMS.join(', ')}`,
    ),
    KAFKA_SASL_MECHANISMS,
  );
  if (mechanism === 'OAUTHBEARER') {
    refuseUnused(
      get,
      ['kafka-username', 'kafka-password'],
      'SASL OAUTHBEARER authenticates with kafka-oauth-token alone',
    );
    return { mechanism, token: required(get, 'kafka-oauth-token', 'SASL OAUTHBEARER needs it') };
  }
  refuseUnused(get, ['kafka-oauth-token'], `SASL ${mechanism} takes a username and password`);
  const because = `SASL ${mechanism} needs kafka-username and kafka-password`;
  return {
    mechanism,
    username: required(get, 'kafka-username', because),
    password: required(get, 'kafka-password', because),
  };
}

function pemSource(value: string): PemSource {
  return value.includes('-----BEGIN ') ? { pem: value } : { path: value };
}

function tlsSettings(get: Get, server: 'kafka' | 'cassandra'): TlsSettings {
  const ca = get(`${server}-ca-file`);
  const cert = get(`${server}-cert-file`);
  const key = get(`${server}-key-file`);
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConnectionSettingError(
      `${server}-cert-file and ${server}-key-file go together: a client certificate needs its key; set both, or neither.`,
    );
  }
  const servername = server === 'kafka' ? get('kafka-tls-servername') : undefined;
  return {
    ...(ca ? { ca: pemSource(ca) } : {}),
    ...(cert && key ? { client: { cert: pemSource(cert), key: pemSource(key) } } : {}),
    ...(servername ? { servername } : {}),
  };
}

function cassandraSettings(get: Get): CassandraSettings {
  const tlsValue = get('cassandra-tls')?.toLowerCase() ?? 'false';
  if (tlsValue !== 'true' && tlsValue !== 'false') {
    throw new ConnectionSettingError(
      `cassandra-tls: "${get('cassandra-tls')}" is not allowed; use true or false.`,
    );
  }
  const tls = tlsValue === 'true';
  if (!tls) {
    refuseUnused(
      get,
      ['cassandra-ca-file', 'cassandra-cert-file', 'cassandra-key-file'],
      'cassandra-tls is false: set cassandra-tls true to connect over TLS',
    );
  }
  const username = get('cassandra-username');
  const password = get('cassandra-password');
  if ((username === undefined) !== (password === undefined)) {
    throw new ConnectionSettingError(
      `cassandra-username and cassandra-password go together: set both, or neither (the password as the cassandra-password input or ${settingEnvName('cassandra-password')}, never a flag).`,
    );
  }
  const localDc = get('cassandra-local-dc');
  return {
    ...(tls ? { tls: tlsSettings(get, 'cassandra') } : {}),
    ...(username && password ? { credentials: { username, password } } : {}),
    ...(localDc ? { localDc } : {}),
  };
}

/** The settings that secure a connection, by their names: what an open server cannot take. */
export function securingSettings(settings: ConnectionSettings): string[] {
  const { kafka, cassandra } = settings;
  return [
    ...(kafka.securityProtocol === 'PLAINTEXT'
      ? []
      : [`kafka-security-protocol ${kafka.securityProtocol}`]),
    ...(cassandra.tls ? ['cassandra-tls true'] : []),
    ...(cassandra.credentials ? ['cassandra-username'] : []),
  ];
}

/** Every secret the settings hold, for masking (core.setSecret) and for scrubbing output. */
export function secretsOf(settings: ConnectionSettings): string[] {
  const { sasl } = settings.kafka;
  const kafka = !sasl ? [] : 'token' in sasl ? [sasl.token] : [sasl.password];
  const inlineKeys = [settings.kafka.tls, settings.cassandra.tls].flatMap((tls) => {
    const key = tls?.client?.key;
    return key && 'pem' in key ? [key.pem] : [];
  });
  return [
    ...kafka,
    ...(settings.cassandra.credentials ? [settings.cassandra.credentials.password] : []),
    ...inlineKeys,
  ];
}
