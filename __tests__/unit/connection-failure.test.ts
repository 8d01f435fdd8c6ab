// TLS, SASL and protocol failures as one line naming the cause and the setting to change, from
// the errors the real drivers raise.
import { errors as cassandraErrors } from 'cassandra-driver';
import {
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import {
  parseConnectionSettings,
  type ConnectionSettingName,
  type ConnectionSettings,
} from '../../src/model/connection';
import {
  classifyCassandraFailure,
  classifyKafkaFailure,
  droppedLikeTls,
} from '../../src/protocol/connection-failure';

const settings = (values: Partial<Record<ConnectionSettingName, string>>): ConnectionSettings =>
  parseConnectionSettings((name) => values[name]);
const scram = settings({
  'kafka-security-protocol': 'SASL_SSL',
  'kafka-sasl-mechanism': 'SCRAM-SHA-512',
  'kafka-username': 'verifier',
  'kafka-password': 'not-shown',
}).kafka;
// kafkajs's typings give this error no constructor arguments; its code passes a message.
const SaslError = KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error;
const tlsError = (code: string, message = 'tls') =>
  new KafkaJSConnectionError(`Connection error: ${message}`, { broker: 'b:9093', code });

describe('Kafka failures', () => {
  it('a refused password names the mechanism and the user, never the password', () => {
    const error = new SaslError(
      'SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    );
    const failure = classifyKafkaFailure(error, scram);
    expect(failure?.message).toBe('SASL SCRAM-SHA-512 authentication failed for user verifier');
    expect(failure?.kind).toBe('auth');
    expect(failure?.message).not.toContain('not-shown');
  });

  it('a mechanism the listener does not offer names the setting', () => {
    const error = new SaslError('SASL SCRAM-SHA-512 mechanism is not supported by the server');
    expect(classifyKafkaFailure(error, scram)).toMatchObject({
      kind: 'setting',
      message: expect.stringMatching(/^the broker does not offer SASL SCRAM-SHA-512/),
    });
  });

  it('finds the cause under kafkajs retries', () => {
    const wrapped = new KafkaJSNumberOfRetriesExceeded(
      tlsError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      { retryCount: 0, retryTime: 0 },
    );
    expect(classifyKafkaFailure(wrapped, scram)?.message).toBe(
      'certificate signed by an unknown authority: pass kafka-ca-file',
    );
  });

  it('an unknown authority with a CA given points at that CA', () => {
    const withCa = settings({ 'kafka-security-protocol': 'SSL', 'kafka-ca-file': 'ca.pem' }).kafka;
    expect(classifyKafkaFailure(tlsError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), withCa)?.message).toBe(
      "certificate signed by an unknown authority: the broker's certificate is not signed by the CA in kafka-ca-file",
    );
  });

  it('a name mismatch says which names the certificate carries and which setting helps', () => {
    const error = tlsError(
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames: Host: 10.0.0.5. is not in the cert's altnames: DNS:broker.internal",
    );
    expect(classifyKafkaFailure(error, scram)?.message).toBe(
      "the broker's certificate does not name the address dialled (DNS:broker.internal): set kafka-tls-servername to a name it carries",
    );
  });

  it('a TLS client dropped by a plaintext listener is told to match the listener', () => {
    const error = tlsError(
      'ECONNRESET',
      'Client network socket disconnected before secure TLS connection was established',
    );
    expect(classifyKafkaFailure(error, scram)).toMatchObject({
      kind: 'protocol',
      message: expect.stringMatching(/^the server does not speak TLS/),
    });
  });

  it('a plaintext client on a TLS port: told only once the port was seen to speak TLS', () => {
    const plain = settings({}).kafka;
    const dropped = new KafkaJSConnectionError('Connection closed by the server');
    expect(droppedLikeTls(dropped)).toBe(true);
    expect(classifyKafkaFailure(dropped, plain)).toBeUndefined();
    expect(classifyKafkaFailure(dropped, plain, true)?.message).toBe(
      'the server speaks TLS: set kafka-security-protocol (SSL or SASL_SSL; it is PLAINTEXT)',
    );
    expect(droppedLikeTls(new Error('connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
  });

  it('leaves an ordinary failure as it is', () => {
    expect(classifyKafkaFailure(new Error('connect ECONNREFUSED'), scram)).toBeUndefined();
  });
});

describe('Cassandra failures', () => {
  const auth = settings({
    'cassandra-tls': 'true',
    'cassandra-username': 'admin',
    'cassandra-password': 'not-shown',
  }).cassandra;

  it('refused credentials name the user, never the password', () => {
    const error = new cassandraErrors.NoHostAvailableError({
      '127.0.0.1:9042': new cassandraErrors.AuthenticationError(
        'Provided username admin and/or password are incorrect',
      ),
    });
    expect(classifyCassandraFailure(error, auth)).toMatchObject({
      kind: 'auth',
      message: 'Cassandra authentication failed for user admin',
    });
  });

  it('a node that requires authentication asks for the settings', () => {
    const error = new cassandraErrors.AuthenticationError(
      'Host 127.0.0.1:9042 requires authentication, but no authenticator found in the options',
    );
    expect(classifyCassandraFailure(error, settings({}).cassandra)?.message).toBe(
      'Cassandra requires authentication: set cassandra-username and cassandra-password',
    );
  });

  it('an unknown authority in one host error of many', () => {
    const unknown = Object.assign(new Error('self-signed certificate in certificate chain'), {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    const error = new cassandraErrors.NoHostAvailableError({ '127.0.0.1:9042': unknown });
    expect(classifyCassandraFailure(error, auth)?.message).toBe(
      'certificate signed by an unknown authority: pass cassandra-ca-file',
    );
  });

  it('a datacenter that does not exist names the ones that do', () => {
    const error = new cassandraErrors.ArgumentError(
      "localDataCenter was configured as 'datacenter1', but only found hosts in data centers: [eu-west-1]",
    );
    expect(classifyCassandraFailure(error, auth)).toMatchObject({
      kind: 'setting',
      message:
        'cassandra-local-dc "datacenter1" is not a datacenter of this cluster; it has: eu-west-1',
    });
  });

  it('a plain client on a TLS port, once the port was seen to speak TLS', () => {
    const closed = new Error('127.0.0.1:9042: closed before a CQL answer');
    expect(classifyCassandraFailure(closed, settings({}).cassandra, true)?.message).toBe(
      'the server speaks TLS: set cassandra-tls true',
    );
  });
});
