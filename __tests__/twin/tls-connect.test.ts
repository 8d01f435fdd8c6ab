// Every TLS failure as one line naming its cause, against the twin's real Kafka and Cassandra
// behind a TLS front (a certificate made here by openssl), and the datacenter discovered.
import {
  parseConnectionSettings,
  type ConnectionSettingName,
  type ConnectionSettings,
} from '../../src/model/connection';
import { cassandraReady } from '../../src/protocol/cassandra';
import { parseHostPort } from '../../src/protocol/host-port';
import { kafkaReady } from '../../src/protocol/kafka';
import { apiVersionGaps, brokerHello } from '../../src/protocol/kafka-api-versions';
import { tlsOptions } from '../../src/protocol/tls';
import { makeCertificates, tlsFront, type Certificates, type TlsFront } from '../setup/tls';
import { sharedTwin } from '../setup/twin';

jest.setTimeout(60_000);

const twin = sharedTwin();
const settings = (values: Partial<Record<ConnectionSettingName, string>>): ConnectionSettings =>
  parseConnectionSettings((name) => values[name]);
let certs: Certificates;
let kafkaTls: TlsFront;
let cassandraTls: TlsFront;

beforeAll(async () => {
  certs = makeCertificates();
  const port = (address: string | undefined) => parseHostPort(address ?? '').port;
  kafkaTls = await tlsFront(certs, port(twin.endpoints.kafkaBrokers[0]));
  cassandraTls = await tlsFront(certs, port(twin.endpoints.cassandraContactPoints[0]));
});
afterAll(async () => {
  await Promise.all([kafkaTls?.close(), cassandraTls?.close()]);
  certs?.remove();
});

/** The failure's message, and that it came within a bound well below any user's deadline. */
async function failure(attempt: Promise<unknown>): Promise<string> {
  const started = Date.now();
  const error = await attempt.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(15_000);
  return (error as Error).message;
}

describe('Kafka over TLS', () => {
  // Metadata sends kafkajs on to the broker's advertised (plaintext) listener, so the front
  // proves the TLS handshake and ApiVersions; whole runs over TLS are the secure suite's.
  it('reads the ApiVersions of the real broker over TLS with the CA given', async () => {
    const ssl = settings({ 'kafka-security-protocol': 'SSL', 'kafka-ca-file': certs.caFile });
    const tls = tlsOptions(ssl.kafka.tls ?? {}, 'kafka');
    const { versions } = await brokerHello('127.0.0.1', kafkaTls.port, tls, 5000);
    expect(apiVersionGaps(versions, true)).toEqual([]);
  });

  it('without the CA: an unknown authority, and which setting to pass', async () => {
    const ssl = settings({ 'kafka-security-protocol': 'SSL' });
    expect(await failure(kafkaReady([kafkaTls.address], ssl.kafka))).toBe(
      'certificate signed by an unknown authority: pass kafka-ca-file',
    );
  });

  it('with a CA that did not sign the certificate', async () => {
    const ssl = settings({ 'kafka-security-protocol': 'SSL', 'kafka-ca-file': certs.otherCaFile });
    expect(await failure(kafkaReady([kafkaTls.address], ssl.kafka))).toMatch(
      /^certificate signed by an unknown authority: the broker's certificate is not signed by the CA in kafka-ca-file/,
    );
  });

  it('a servername the certificate does not carry', async () => {
    const ssl = settings({
      'kafka-security-protocol': 'SSL',
      'kafka-ca-file': certs.caFile,
      'kafka-tls-servername': 'elsewhere.example',
    });
    expect(await failure(kafkaReady([kafkaTls.address], ssl.kafka))).toMatch(
      /^the broker's certificate does not name the address dialled \(.*DNS:localhost.*\): set kafka-tls-servername/,
    );
  });

  it('a PLAINTEXT client on the TLS port is told the server speaks TLS', async () => {
    expect(await failure(kafkaReady([kafkaTls.address], settings({}).kafka))).toBe(
      'the server speaks TLS: set kafka-security-protocol (SSL or SASL_SSL; it is PLAINTEXT)',
    );
  });

  it('an SSL client on the plaintext port is told the server does not speak TLS', async () => {
    const ssl = settings({ 'kafka-security-protocol': 'SSL', 'kafka-ca-file': certs.caFile });
    expect(await failure(kafkaReady(twin.endpoints.kafkaBrokers, ssl.kafka))).toMatch(
      /^the server does not speak TLS: its listener is PLAINTEXT or SASL_PLAINTEXT/,
    );
  });

  it('a missing CA file names the setting and the file', async () => {
    const ssl = settings({
      'kafka-security-protocol': 'SSL',
      'kafka-ca-file': '/nonexistent/ca.pem',
    });
    expect(await failure(kafkaReady([kafkaTls.address], ssl.kafka))).toMatch(
      /^kafka-ca-file: cannot use \/nonexistent\/ca\.pem: no such file$/,
    );
  });
});

describe('Cassandra over TLS', () => {
  it('answers with the CA given, in the datacenter discovered from system.local', async () => {
    const tls = settings({ 'cassandra-tls': 'true', 'cassandra-ca-file': certs.caFile });
    await expect(cassandraReady([cassandraTls.address], tls.cassandra)).resolves.toMatchObject({
      datacenter: { name: 'datacenter1', discovered: true },
    });
  });

  it('a datacenter given that does not exist names the one that does', async () => {
    const wrong = settings({ 'cassandra-local-dc': 'eu-west-1' });
    expect(
      await failure(cassandraReady(twin.endpoints.cassandraContactPoints, wrong.cassandra)),
    ).toBe(
      'cassandra-local-dc "eu-west-1" is not a datacenter of this cluster; it has: datacenter1',
    );
  });

  it('without the CA: an unknown authority, and which setting to pass', async () => {
    const tls = settings({ 'cassandra-tls': 'true' });
    expect(await failure(cassandraReady([cassandraTls.address], tls.cassandra))).toBe(
      'certificate signed by an unknown authority: pass cassandra-ca-file',
    );
  });

  it('a plain CQL client on the TLS port is told the server speaks TLS', async () => {
    expect(await failure(cassandraReady([cassandraTls.address], settings({}).cassandra))).toBe(
      'the server speaks TLS: set cassandra-tls true',
    );
  });

  it('a TLS client on the plain port is told the server does not speak TLS', async () => {
    const tls = settings({ 'cassandra-tls': 'true', 'cassandra-ca-file': certs.caFile });
    expect(
      await failure(cassandraReady(twin.endpoints.cassandraContactPoints, tls.cassandra)),
    ).toMatch(/^the server does not speak TLS: set cassandra-tls false/);
  });
});
