// The secure twin (`--profile secure`) proven with clients infra-verify did not write: kcat and
// kafka-python against Kafka 4's SASL_SSL (SCRAM-SHA-512) listener, the DataStax Python driver
// against Cassandra's TLS port. Its globalSetup brings the twin up on the TWIN_* ports + 3000 in
// .twin/suite/secure, and its teardown removes it with its CA and passwords.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_WORDING } from '../../src/cli/options';
import { verify } from '../../src/engine/verify';
import { parseConnectionSettings, settingEnvName } from '../../src/model/connection';
import { parseDotenv } from '../../src/model/dotenv';
import { probeObserver } from '../../src/probes/observer';
import { ExistingRuntime } from '../../src/runtime/existing';
import { loadSpec } from '../../src/spec/load';
import { runChild } from '../../src/runtime/child';
import { twinPaths } from '../../src/runtime/local/config';
import { type TwinSecrets, secureFiles } from '../../src/runtime/local/secure';
import { suiteSecureTwin } from '../setup/secure';

jest.setTimeout(90_000);

const twin = suiteSecureTwin();
const files = secureFiles(twin.config.home);
const admin = () => parseDotenv(readFileSync(files.clientEnv, 'utf8'));
const readonly = () => parseDotenv(readFileSync(files.readonlyEnv, 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'secure-suite-'));
// kcat's settings files hold a password
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// Debian's python3 (the driver packages live there), not whichever python3 comes first on PATH.
const PYTHON = '/usr/bin/python3';

/** A client script run with the settings as its environment: no secret on a command line. */
async function python(
  script: string,
  settings: Record<string, string>,
  args: string[] = [],
): Promise<Record<string, unknown>> {
  const result = await runChild(PYTHON, [join(__dirname, 'clients', script), ...args], {
    env: { PATH: process.env.PATH, ...settings },
    timeoutMs: 60_000,
  });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(
      `${script} printed no JSON (exit ${result.exitCode}):\n${result.stdout}${result.stderr}`,
    );
  }
}

/** kcat with its librdkafka settings in a file of its own (-F): a password stays off argv. */
function kcat(settings: Record<string, string>, args: string[]) {
  const file = join(scratch, `kcat-${Object.keys(settings).length}-${Date.now()}.conf`);
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return runChild(
    'kcat',
    ['-F', file, '-b', admin().INFRA_VERIFY_KAFKA_BROKERS as string, ...args],
    {
      timeoutMs: 30_000,
    },
  );
}

const SECRET_KEYS = ['INFRA_VERIFY_KAFKA_PASSWORD', 'INFRA_VERIFY_CASSANDRA_PASSWORD'];

describe('what up writes', () => {
  it('client.env and readonly.env: INFRA_VERIFY_* lines only their owner can read', () => {
    for (const file of [files.clientEnv, files.readonlyEnv]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.every((line) => /^INFRA_VERIFY_[A-Z_]+=\S+$/.test(line))).toBe(true);
    }
    const settings = admin();
    expect(settings).toMatchObject({
      INFRA_VERIFY_KAFKA_BROKERS: twin.endpoints.kafkaBrokers.join(','),
      INFRA_VERIFY_CASSANDRA_CONTACT_POINTS: twin.endpoints.cassandraContactPoints.join(','),
      INFRA_VERIFY_KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      INFRA_VERIFY_KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      INFRA_VERIFY_KAFKA_USERNAME: 'admin',
      INFRA_VERIFY_KAFKA_CA_FILE: files.caFile,
      INFRA_VERIFY_CASSANDRA_TLS: 'true',
      INFRA_VERIFY_CASSANDRA_CA_FILE: files.caFile,
      INFRA_VERIFY_CASSANDRA_USERNAME: 'admin',
    });
    expect(readonly()).toMatchObject({ INFRA_VERIFY_KAFKA_USERNAME: 'readonly' });
    // random per twin, and not the same for the two principals
    for (const key of SECRET_KEYS) {
      expect(settings[key]).toMatch(/^[0-9a-f]{36}$/);
      expect(readonly()[key]).not.toBe(settings[key]);
    }
  });

  it('keeps no private key beside the certificates: the CA key is gone once it has signed', () => {
    const kept = readdirSync(files.tls).sort();
    expect(kept).toEqual(['ca.pem', 'cassandra.p12', 'cassandra.pem', 'kafka.p12', 'kafka.pem']);
    expect(readFileSync(files.caFile, 'utf8')).not.toMatch(/PRIVATE KEY/);
    expect(statSync(files.kafkaKeystore).mode & 0o777).toBe(0o600);
  });

  it('keeps every password out of the logs and the command lines of its servers', () => {
    const secrets = JSON.parse(readFileSync(files.secrets, 'utf8')) as TwinSecrets;
    const passwords = [secrets.keystorePassword, secrets.controllerPassword]
      .concat([secrets.admin.password, secrets.readonly.password])
      .concat(SECRET_KEYS.map((key) => admin()[key] as string));
    const { logs, run } = twinPaths(twin.config);
    const texts = readdirSync(logs).map((file) => readFileSync(join(logs, file), 'utf8'));
    for (const name of twin.serverNames) {
      const pid = readFileSync(join(run, `${name}.pid`), 'utf8').trim();
      texts.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    }
    expect(texts.length).toBeGreaterThan(4);
    for (const text of texts)
      for (const password of passwords) expect(text).not.toContain(password);
  });

  it('runs no ZooKeeper: Kafka 4 is its own controller, on the ZooKeeper port', async () => {
    const services = (await twin.services()).map((s) => [s.service, s.state]);
    expect(services).toEqual([
      ['kafka', 'running'],
      ['kafka-init', 'exited'],
      ['cassandra', 'running'],
      ['cassandra-init', 'exited'],
      ['stack-ready', 'running'],
    ]);
  });
});

describe('Kafka 4 behind SASL_SSL with SCRAM-SHA-512 and ACLs', () => {
  it('kafka-python as the admin lists the topics that kafka-init made', async () => {
    const result = await python('kafka_client.py', admin());
    expect(result).toEqual({ topics: ['channel-stats', 'twitch-chat-messages'] });
  });

  it('refuses a wrong password', async () => {
    const result = await python('kafka_client.py', {
      ...admin(),
      INFRA_VERIFY_KAFKA_PASSWORD: 'not-the-password',
    });
    expect(result.error).toMatch(
      /^NoBrokersAvailable.*the broker closed the connection during the SCRAM-SHA-512 login$/,
    );
    // Not asserted here: a line in the broker's log. A clean CI run showed that the broker logs
    // no "invalid credentials" line while this test runs; the lines seen before came from other
    // logins to the same twin (the verifier suite's), so that assertion proved nothing.
  });

  it('lets the read-only principal describe the topics, and refuses its writes', async () => {
    const result = await python('kafka_client.py', readonly(), ['produce']);
    expect(result).toEqual({
      topics: ['channel-stats', 'twitch-chat-messages'],
      produce: 'TopicAuthorizationFailedError',
    });
  });

  it('kcat: a plaintext connection is refused', async () => {
    const result = await kcat({}, ['-L', '-m', '5']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/Disconnected while requesting ApiVersion/);
    expect(result.stderr).toMatch(/Failed to acquire metadata/);
  });

  it('kcat: TLS passes with the twin CA and fails against another one', async () => {
    const login = {
      'security.protocol': 'SASL_SSL',
      'sasl.mechanisms': 'SCRAM-SHA-512',
      'sasl.username': 'readonly',
      'sasl.password': 'not-the-password',
    };
    const ours = await kcat({ ...login, 'ssl.ca.location': files.caFile }, ['-L', '-m', '5']);
    // past the TLS handshake, refused at the SASL step
    expect(ours.exitCode).not.toBe(0);
    expect(ours.stderr).toMatch(/SASL authentication error: Authentication failed/);
    expect(ours.stderr).not.toMatch(/certificate verify failed/);
    const other = join(scratch, 'other-ca.pem');
    if (!existsSync(other)) {
      await runChild(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(scratch, 'other-ca.key'),
        ].concat(['-out', other, '-days', '1', '-subj', '/CN=some other CA']),
        { timeoutMs: 30_000 },
      );
    }
    const theirs = await kcat({ ...login, 'ssl.ca.location': other }, ['-L', '-m', '5']);
    expect(theirs.exitCode).not.toBe(0);
    expect(theirs.stderr).toMatch(/certificate verify failed/);
  });
});

describe('Cassandra 5 with TLS required, passwords and roles, in eu-west-1', () => {
  it('the DataStax driver over TLS as the admin reads the schema and writes', async () => {
    const result = await python('cassandra_client.py', admin());
    expect(result).toEqual({
      datacenter: 'eu-west-1',
      tables: ['twitch_chat.raw_chat_messages'],
      insert: 'ok',
    });
  });

  it('the read-only principal reads the schema and cannot INSERT', async () => {
    const result = await python('cassandra_client.py', readonly());
    expect(result).toMatchObject({
      datacenter: 'eu-west-1',
      tables: ['twitch_chat.raw_chat_messages'],
    });
    expect(result.insert).toMatch(/Unauthorized.*User readonly has no MODIFY permission/);
  });

  it('refuses a wrong password and a plaintext connection', async () => {
    const wrong = await python('cassandra_client.py', {
      ...admin(),
      INFRA_VERIFY_CASSANDRA_PASSWORD: 'not-the-password',
    });
    expect(wrong.error).toMatch(/Provided username admin and\/or password are incorrect/);
    const plain = await python('cassandra_client.py', {
      ...admin(),
      INFRA_VERIFY_CASSANDRA_TLS: 'false',
    });
    expect(plain.error).toMatch(/NoHostAvailable/);
  });

  it('the default cassandra superuser no longer logs in', async () => {
    const result = await python('cassandra_client.py', {
      ...admin(),
      INFRA_VERIFY_CASSANDRA_USERNAME: 'cassandra',
      INFRA_VERIFY_CASSANDRA_PASSWORD: 'cassandra',
    });
    expect(result.error).toMatch(
      /username cassandra and\/or password are incorrect|not allowed to log in/,
    );
  });
});

describe('twin/secure/infra-spec.yml', () => {
  /** infra-verify's engine on the twin, with the settings parsed from an env file as the shells parse them. */
  async function verifyWith(settings: Record<string, string | undefined>) {
    const { spec } = loadSpec(join(__dirname, '..', '..', 'twin', 'secure', 'infra-spec.yml'));
    const runtime = new ExistingRuntime({
      ...twin.endpoints,
      connection: parseConnectionSettings((setting) => settings[settingEnvName(setting)]),
    });
    return verify(spec, runtime, {
      timeoutSeconds: 60,
      ttlExpiry: false,
      readOnly: true,
      observer: probeObserver,
      wording: CLI_WORDING,
    });
  }

  it.each([
    ['the admin', admin],
    ['the read-only principal', readonly],
  ])('passes read-only with %s', async (_who, settings) => {
    const report = await verifyWith(settings());
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    expect(failing.map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(report.result).toBe('pass');
    expect(report.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(20);
  });
});
