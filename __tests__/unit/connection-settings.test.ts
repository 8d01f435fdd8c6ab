// The one parser of connection settings that the CLI and the Action share.
import {
  ConnectionSettingError,
  parseConnectionSettings,
  parseGivenConnectionSettings,
  secretsOf,
  securingSettings,
  settingEnvName,
  type ConnectionSettingName,
} from '../../src/model/connection';

const parse = (values: Partial<Record<ConnectionSettingName, string>>) =>
  parseConnectionSettings((name) => values[name]);

const failure = (values: Partial<Record<ConnectionSettingName, string>>): string => {
  try {
    parse(values);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionSettingError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

describe('connection settings', () => {
  it('are PLAINTEXT, plain CQL and no credentials when nothing is given (empty counts as absent)', () => {
    expect(parse({})).toEqual({ kafka: { securityProtocol: 'PLAINTEXT' }, cassandra: {} });
    expect(parse({ 'kafka-security-protocol': '', 'cassandra-tls': ' ' })).toEqual(parse({}));
  });

  it('are none at all when not one is given, so that a stack infra-verify runs keeps its own', () => {
    expect(parseGivenConnectionSettings(() => undefined)).toBeUndefined();
    expect(parseGivenConnectionSettings(() => ' ')).toBeUndefined();
    const localDc = (name: ConnectionSettingName) =>
      name === 'cassandra-local-dc' ? 'eu-west-1' : undefined;
    expect(parseGivenConnectionSettings(localDc)).toEqual({
      kafka: { securityProtocol: 'PLAINTEXT' },
      cassandra: { localDc: 'eu-west-1' },
    });
  });

  it('name the ones that secure a connection, which an open server cannot take', () => {
    expect(securingSettings(parse({ 'cassandra-local-dc': 'dc1' }))).toEqual([]);
    expect(
      securingSettings(
        parse({
          'kafka-security-protocol': 'SSL',
          'cassandra-tls': 'true',
          'cassandra-username': 'u',
          'cassandra-password': 'p',
        }),
      ),
    ).toEqual(['kafka-security-protocol SSL', 'cassandra-tls true', 'cassandra-username']);
  });

  it('name their environment variable as the flag in upper snake case', () => {
    expect(settingEnvName('kafka-sasl-mechanism')).toBe('INFRA_VERIFY_KAFKA_SASL_MECHANISM');
    expect(settingEnvName('cassandra-contact-points')).toBe(
      'INFRA_VERIFY_CASSANDRA_CONTACT_POINTS',
    );
  });

  it('read SASL_SSL with SCRAM-SHA-512, a CA file and a servername', () => {
    expect(
      parse({
        'kafka-security-protocol': 'sasl_ssl',
        'kafka-sasl-mechanism': 'scram-sha-512',
        'kafka-username': 'verifier',
        'kafka-password': 'pw',
        'kafka-ca-file': '/etc/ca.pem',
        'kafka-tls-servername': 'broker.internal',
      }).kafka,
    ).toEqual({
      securityProtocol: 'SASL_SSL',
      tls: { ca: { path: '/etc/ca.pem' }, servername: 'broker.internal' },
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'verifier', password: 'pw' },
    });
  });

  it('take a certificate as PEM text as well as a path (an Action secret is a string)', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const kafka = parse({
      'kafka-security-protocol': 'SSL',
      'kafka-cert-file': pem,
      'kafka-key-file': 'client.key',
    }).kafka;
    expect(kafka.tls?.client).toEqual({ cert: { pem: pem.trim() }, key: { path: 'client.key' } });
  });

  it('read OAUTHBEARER with a token alone', () => {
    expect(
      parse({
        'kafka-security-protocol': 'SASL_SSL',
        'kafka-sasl-mechanism': 'OAUTHBEARER',
        'kafka-oauth-token': 't0ken',
      }).kafka.sasl,
    ).toEqual({ mechanism: 'OAUTHBEARER', token: 't0ken' });
  });

  it('read Cassandra TLS, credentials and a local datacenter', () => {
    expect(
      parse({
        'cassandra-tls': 'TRUE',
        'cassandra-ca-file': 'ca.pem',
        'cassandra-username': 'ro',
        'cassandra-password': 'pw',
        'cassandra-local-dc': 'eu-west-1',
      }).cassandra,
    ).toEqual({
      tls: { ca: { path: 'ca.pem' } },
      credentials: { username: 'ro', password: 'pw' },
      localDc: 'eu-west-1',
    });
  });

  it('refuse a value outside the allowed ones, naming the setting and the allowed values', () => {
    expect(failure({ 'kafka-security-protocol': 'TLS' })).toBe(
      'kafka-security-protocol: "TLS" is not allowed; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL.',
    );
    expect(
      failure({ 'kafka-security-protocol': 'SASL_SSL', 'kafka-sasl-mechanism': 'GSSAPI' }),
    ).toBe(
      'kafka-sasl-mechanism: "GSSAPI" is not allowed; use one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER.',
    );
    expect(failure({ 'cassandra-tls': 'yes' })).toBe(
      'cassandra-tls: "yes" is not allowed; use true or false.',
    );
  });

  it('refuse a setting that would be silently ignored', () => {
    expect(failure({ 'kafka-password': 'pw' })).toMatch(
      /^kafka-password is set, but kafka-security-protocol is PLAINTEXT: SASL needs SASL_SSL or SASL_PLAINTEXT/,
    );
    expect(
      failure({
        'kafka-security-protocol': 'SASL_PLAINTEXT',
        'kafka-ca-file': 'ca.pem',
        'kafka-sasl-mechanism': 'PLAIN',
        'kafka-username': 'u',
        'kafka-password': 'p',
      }),
    ).toMatch(
      /^kafka-ca-file is set, but kafka-security-protocol is SASL_PLAINTEXT: TLS needs SSL or SASL_SSL/,
    );
    expect(failure({ 'cassandra-ca-file': 'ca.pem' })).toMatch(
      /^cassandra-ca-file is set, but cassandra-tls is false/,
    );
    expect(
      failure({
        'kafka-security-protocol': 'SASL_SSL',
        'kafka-sasl-mechanism': 'OAUTHBEARER',
        'kafka-oauth-token': 't',
        'kafka-username': 'u',
      }),
    ).toMatch(
      /^kafka-username is set, but SASL OAUTHBEARER authenticates with kafka-oauth-token alone/,
    );
  });

  it('say where a missing secret goes: an input or the variable, never a flag', () => {
    expect(
      failure({
        'kafka-security-protocol': 'SASL_SSL',
        'kafka-sasl-mechanism': 'PLAIN',
        'kafka-username': 'u',
      }),
    ).toBe(
      'kafka-password is missing: SASL PLAIN needs kafka-username and kafka-password; set the kafka-password input or INFRA_VERIFY_KAFKA_PASSWORD (never a flag).',
    );
    expect(failure({ 'kafka-security-protocol': 'SASL_SSL' })).toMatch(
      /^kafka-sasl-mechanism is missing: kafka-security-protocol SASL_SSL needs one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER; set kafka-sasl-mechanism \(or INFRA_VERIFY_KAFKA_SASL_MECHANISM\)/,
    );
    expect(failure({ 'cassandra-username': 'u' })).toMatch(
      /^cassandra-username and cassandra-password go together/,
    );
    expect(failure({ 'kafka-security-protocol': 'SSL', 'kafka-cert-file': 'c.pem' })).toMatch(
      /^kafka-cert-file and kafka-key-file go together/,
    );
  });

  it('list every secret they hold, for masking', () => {
    const pemKey = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----';
    expect(
      secretsOf(
        parse({
          'kafka-security-protocol': 'SASL_SSL',
          'kafka-sasl-mechanism': 'SCRAM-SHA-256',
          'kafka-username': 'u',
          'kafka-password': 'kpw',
          'kafka-cert-file': 'c.pem',
          'kafka-key-file': pemKey,
          'cassandra-username': 'c',
          'cassandra-password': 'cpw',
        }),
      ),
    ).toEqual(['kpw', 'cpw', pemKey]);
  });
});
