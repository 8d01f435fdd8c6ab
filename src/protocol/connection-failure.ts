// Why a connection to a secured server failed, in one line that names the setting to change.
// Drivers bury the cause (kafkajs wraps it, cassandra-driver keeps one error per host), and a
// TLS or SASL refusal otherwise reads as a server that never answers until the deadline.
import type { CassandraSettings, KafkaSettings } from '../model/connection';
import { ConnectionSettingError } from '../model/connection';

/**
 * `auth`: the credentials were refused (a server that is still creating its users may accept
 * them later). The others do not change by waiting: a certificate, a protocol, a setting.
 */
export type FailureKind = 'auth' | 'tls' | 'protocol' | 'setting';

export class ConnectionFailure extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
    this.name = 'ConnectionFailure';
  }
}

export interface Nested {
  name?: unknown;
  /** kafkajs's protocol error name, e.g. TOPIC_AUTHORIZATION_FAILED */
  type?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  originalError?: unknown;
  innerErrors?: unknown;
}

/** The error and what it wraps: kafkajs's originalError and cause, the driver's innerErrors. */
export function causes(error: unknown, depth = 0): Nested[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const nested = error as Nested;
  const inner =
    typeof nested.innerErrors === 'object' && nested.innerErrors !== null
      ? Object.values(nested.innerErrors)
      : [];
  return [
    nested,
    ...[nested.cause, nested.originalError, ...inner].flatMap((e) => causes(e, depth + 1)),
  ];
}

const UNKNOWN_AUTHORITY = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** TLS causes that read the same for both servers; `prefix` is kafka or cassandra. */
function tlsFailure(
  all: Nested[],
  prefix: 'kafka' | 'cassandra',
  hasCa: boolean,
  hasClientCert: boolean,
): ConnectionFailure | undefined {
  const server = prefix === 'kafka' ? 'the broker' : 'the node';
  const codes = all.map((e) => text(e.code));
  const messages = all.map((e) => text(e.message)).join('\n');
  const fail = (message: string) => new ConnectionFailure(message, 'tls');
  if (codes.some((code) => UNKNOWN_AUTHORITY.has(code))) {
    return fail(
      hasCa
        ? `certificate signed by an unknown authority: ${server}'s certificate is not signed by the CA in ${prefix}-ca-file`
        : `certificate signed by an unknown authority: pass ${prefix}-ca-file`,
    );
  }
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    const altnames = /.*altnames: (.*)$/m.exec(messages)?.[1] ?? '';
    return fail(
      `${server}'s certificate does not name the address dialled (${altnames.trim()})` +
        (prefix === 'kafka' ? ': set kafka-tls-servername to a name it carries' : ''),
    );
  }
  if (codes.includes('CERT_HAS_EXPIRED')) return fail(`${server}'s certificate has expired`);
  if (codes.includes('CERT_NOT_YET_VALID')) return fail(`${server}'s certificate is not valid yet`);
  if (/certificate required|handshake failure/i.test(messages) && !hasClientCert) {
    return fail(
      `${server} asks for a client certificate: pass ${prefix}-cert-file and ${prefix}-key-file`,
    );
  }
  if (/bad certificate|unknown ca|certificate unknown/i.test(messages)) {
    return fail(`${server} refused the client certificate in ${prefix}-cert-file`);
  }
  if (
    codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') ||
    /disconnected before secure TLS connection/i.test(messages)
  ) {
    return new ConnectionFailure(
      prefix === 'kafka'
        ? 'the server does not speak TLS: its listener is PLAINTEXT or SASL_PLAINTEXT, set kafka-security-protocol to match'
        : 'the server does not speak TLS: set cassandra-tls false, or enable client_encryption_options on the node',
      'protocol',
    );
  }
  return undefined;
}

function settingFailure(all: Nested[]): ConnectionFailure | undefined {
  const setting = all.find((e) => e instanceof ConnectionSettingError);
  return setting ? new ConnectionFailure(text(setting.message), 'setting') : undefined;
}

/**
 * One Kafka failure, classified. `speaksTls`: what a TLS handshake on the port found, asked
 * when a plaintext client was dropped (see kafkaReady); undefined when nobody asked.
 */
export function classifyKafkaFailure(
  error: unknown,
  settings: KafkaSettings,
  speaksTls?: boolean,
): ConnectionFailure | undefined {
  const all = causes(error);
  const sasl = settings.sasl;
  if (sasl && all.some((e) => e.name === 'KafkaJSSASLAuthenticationError')) {
    if (all.some((e) => /mechanism is not supported by the server/.test(text(e.message)))) {
      return new ConnectionFailure(
        `the broker does not offer SASL ${sasl.mechanism} on this listener: set kafka-sasl-mechanism to one it offers`,
        'setting',
      );
    }
    return new ConnectionFailure(
      'token' in sasl
        ? 'SASL OAUTHBEARER authentication failed: the broker refused the token in kafka-oauth-token'
        : `SASL ${sasl.mechanism} authentication failed for user ${sasl.username}`,
      'auth',
    );
  }
  if (speaksTls && !settings.tls) {
    return new ConnectionFailure(
      `the server speaks TLS: set kafka-security-protocol (SSL or SASL_SSL; it is ${settings.securityProtocol})`,
      'protocol',
    );
  }
  return (
    settingFailure(all) ??
    (settings.tls
      ? tlsFailure(all, 'kafka', settings.tls.ca !== undefined, settings.tls.client !== undefined)
      : undefined)
  );
}

/** Whether a plaintext Kafka attempt ended the way a TLS listener ends it: dropped, or garbage. */
export function droppedLikeTls(error: unknown): boolean {
  const messages = causes(error)
    .map((e) => `${text(e.message)} ${text(e.code)}`)
    .join('\n');
  return /closed|ECONNRESET|EPIPE|not a Kafka broker|Connection timeout/i.test(messages);
}

export function classifyCassandraFailure(
  error: unknown,
  settings: CassandraSettings,
  speaksTls?: boolean,
): ConnectionFailure | undefined {
  const all = causes(error);
  const messages = all.map((e) => text(e.message)).join('\n');
  if (all.some((e) => e.name === 'AuthenticationError')) {
    if (!settings.credentials) {
      return new ConnectionFailure(
        'Cassandra requires authentication: set cassandra-username and cassandra-password',
        'setting',
      );
    }
    return new ConnectionFailure(
      `Cassandra authentication failed for user ${settings.credentials.username}`,
      'auth',
    );
  }
  const dc =
    /localDataCenter was configured as '([^']*)', but only found hosts in data centers: \[([^\]]*)\]/.exec(
      messages,
    );
  if (dc) {
    return new ConnectionFailure(
      `cassandra-local-dc "${dc[1]}" is not a datacenter of this cluster; it has: ${dc[2]}`,
      'setting',
    );
  }
  if (speaksTls && !settings.tls) {
    return new ConnectionFailure('the server speaks TLS: set cassandra-tls true', 'protocol');
  }
  return (
    settingFailure(all) ??
    (settings.tls
      ? tlsFailure(
          all,
          'cassandra',
          settings.tls.ca !== undefined,
          settings.tls.client !== undefined,
        )
      : undefined)
  );
}
