// infra-verify itself against the secure twin (Kafka 4 on SASL_SSL with SCRAM-SHA-512, Cassandra
// 5 with TLS, PasswordAuthenticator and roles in datacenter eu-west-1): green with each
// principal, and every way a secured connection goes wrong as one clear line within the
// deadline. No password appears in any output, report or summary.
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import { parseConnectionSettings, settingEnvName } from '../../src/model/connection';
import { kafkaClient } from '../../src/protocol/kafka';
import { waitUntil } from '../../src/protocol/wait';
import { runCli } from '../setup/run-cli';
import { SECURE_SPEC, secretsIn, secureSettings } from '../setup/secure';

jest.setTimeout(180_000);

const SPEC = SECURE_SPEC;
/** Each case's deadline (--timeout), and what a run may take past it (teardown, reports). */
const TIMEOUT_S = 30;
const MARGIN_MS = 20_000;

interface Run {
  code: number | null;
  ms: number;
  /** stdout, stderr, and every report file, as one text */
  everything: string;
  report: { checks: { id: string; status: string; message: string }[] } | undefined;
}

/** The CLI with these settings as its environment (never as flags), reports into a fresh dir. */
async function verify(settings: Record<string, string>, args: string[] = []): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'secure-verify-'));
  const reports = [
    '--report-json',
    join(dir, 'report.json'),
    '--junit',
    join(dir, 'report.xml'),
    '--summary-md',
    join(dir, 'summary.md'),
  ];
  const started = Date.now();
  const { code, stdout, stderr } = await runCli(
    [
      'verify',
      '--runtime',
      'existing',
      '--spec',
      SPEC,
      '--timeout',
      String(TIMEOUT_S),
      ...reports,
      ...args,
    ],
    { PATH: process.env.PATH, HOME: process.env.HOME, ...settings },
  );
  const ms = Date.now() - started;
  const written = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
  const json = join(dir, 'report.json');
  return {
    code,
    ms,
    everything: [stdout, stderr, ...written].join('\n'),
    report: existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined,
  };
}

/** The checks that failed or erred, with their messages: what a red green case must show. */
const notPassed = (run: Run) =>
  (run.report?.checks ?? [])
    .filter((check) => check.status === 'fail' || check.status === 'error')
    .map((check) => `${check.id}: ${check.message}`);

/** What every case holds: within the deadline plus a margin, and no secret anywhere. */
function expectBoundedAndSecret(run: Run, ...secrets: string[]): void {
  expect(run.ms).toBeLessThan(TIMEOUT_S * 1000 + MARGIN_MS);
  for (const secret of secrets) expect(run.everything).not.toContain(secret);
  expect(run.everything).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
}

const admin = () => secureSettings().admin;
const readonly = () => secureSettings().readonly;
const allSecrets = () => [...secretsIn(admin()), ...secretsIn(readonly())];
/** A kafkajs admin client as one principal, for the duration of `use`. */
async function asPrincipal<T>(
  settings: Record<string, string>,
  use: (admin: ReturnType<ReturnType<typeof kafkaClient>['admin']>) => Promise<T>,
): Promise<T> {
  const connection = parseConnectionSettings((name) => settings[settingEnvName(name)]);
  const brokers = (settings.INFRA_VERIFY_KAFKA_BROKERS ?? '').split(',');
  const admin = kafkaClient(brokers, {
    clientId: 'secure-suite',
    retries: 0,
    settings: connection.kafka,
  }).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Until the read-only principal's metadata answer for the topic is as wanted (ACLs apply in ms). */
async function untilReadonlySees(topic: string, sees: boolean): Promise<void> {
  await waitUntil({
    service: `the read-only principal's view of ${topic}`,
    deadline: Date.now() + 15_000,
    firstDelayMs: 200,
    maxDelayMs: 200,
    attempt: async () => {
      const seen = await asPrincipal(readonly(), (admin) =>
        admin.fetchTopicMetadata({ topics: [topic] }).then(
          () => true,
          () => false,
        ),
      );
      if (seen !== sees) throw new Error(`readonly still ${seen ? 'sees' : 'lacks'} ${topic}`);
    },
  });
}

const timings: string[] = [];
afterAll(() => process.stderr.write(`[secure] case times:\n${timings.join('\n')}\n`));
const timed = (name: string, run: Run) => timings.push(`  ${name}: exit ${run.code}, ${run.ms} ms`);

describe('infra-verify against the secure twin', () => {
  it("is green with the admin's settings, writes and all", async () => {
    const run = await verify(admin(), ['--allow-writes', '--no-persistence']);
    timed('admin, --allow-writes', run);
    expect(notPassed(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.everything).toContain('PASS');
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it('is green read-only with the read-only principal, in the datacenter it discovered', async () => {
    const run = await verify(readonly());
    timed('readonly', run);
    expect(notPassed(run)).toEqual([]);
    expect(run.code).toBe(0);
    const ready = run.report?.checks.find((c) => c.id === 'services.cassandra.ready');
    expect(ready?.message).toContain(
      'local datacenter eu-west-1 (discovered: cassandra-local-dc not given)',
    );
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it('names a wrong Kafka password by mechanism and user', async () => {
    const settings = { ...admin(), INFRA_VERIFY_KAFKA_PASSWORD: 'wrong-kafka-password-1' };
    const run = await verify(settings);
    timed('wrong Kafka password', run);
    expect(run.code).toBe(3);
    expect(run.everything).toContain(
      `SASL SCRAM-SHA-512 authentication failed for user ${admin().INFRA_VERIFY_KAFKA_USERNAME}`,
    );
    expectBoundedAndSecret(run, 'wrong-kafka-password-1', ...allSecrets());
  });

  it('names a wrong Cassandra password by user', async () => {
    const settings = { ...admin(), INFRA_VERIFY_CASSANDRA_PASSWORD: 'wrong-cassandra-password-1' };
    const run = await verify(settings);
    timed('wrong Cassandra password', run);
    expect(run.code).toBe(3);
    expect(run.everything).toContain(
      `Cassandra authentication failed for user ${admin().INFRA_VERIFY_CASSANDRA_USERNAME}`,
    );
    expectBoundedAndSecret(run, 'wrong-cassandra-password-1', ...allSecrets());
  });

  it('without the CA files: an unknown authority, and which setting to pass', async () => {
    const { INFRA_VERIFY_KAFKA_CA_FILE, INFRA_VERIFY_CASSANDRA_CA_FILE, ...rest } = admin();
    expect([INFRA_VERIFY_KAFKA_CA_FILE, INFRA_VERIFY_CASSANDRA_CA_FILE]).not.toContain(undefined);
    const run = await verify(rest);
    timed('no CA file', run);
    expect(run.code).toBe(3);
    expect(run.everything).toContain(
      'certificate signed by an unknown authority: pass kafka-ca-file',
    );
    expect(run.everything).toContain(
      'certificate signed by an unknown authority: pass cassandra-ca-file',
    );
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it('a PLAINTEXT Kafka client and a plain CQL client are told the servers speak TLS', async () => {
    const plain = Object.fromEntries(
      Object.entries(admin()).filter(
        ([name]) => !/SECURITY_PROTOCOL|SASL|USERNAME|PASSWORD|CA_FILE|CASSANDRA_TLS/.test(name),
      ),
    );
    const run = await verify(plain);
    timed('plaintext clients', run);
    expect(run.code).toBe(3);
    expect(run.everything).toContain('the server speaks TLS: set kafka-security-protocol');
    expect(run.everything).toContain('the server speaks TLS: set cassandra-tls true');
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it('the read-only principal with --allow-writes: the write probes name the missing permission', async () => {
    const run = await verify(readonly(), ['--allow-writes', '--no-persistence']);
    timed('readonly, --allow-writes', run);
    expect(run.code).toBe(1);
    expect(run.everything).toMatch(/not authorized: Write on topic [\w-]+/);
    expect(run.everything).toMatch(/not authorized: MODIFY on table \w+\.\w+ \(user [\w-]+\)/);
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it('a topic the read-only principal may not Describe is "not authorized", not missing', async () => {
    const topic = 'channel-stats';
    const describe = {
      principal: `User:${readonly().INFRA_VERIFY_KAFKA_USERNAME}`,
      host: '*',
      permissionType: AclPermissionTypes.ALLOW,
      operation: AclOperationTypes.DESCRIBE,
      resourceType: AclResourceTypes.TOPIC,
      resourceName: topic,
      resourcePatternType: ResourcePatternTypes.LITERAL,
    };
    await asPrincipal(admin(), (kafka) => kafka.deleteAcls({ filters: [describe] }));
    let run: Run;
    try {
      await untilReadonlySees(topic, false);
      run = await verify(readonly());
    } finally {
      await asPrincipal(admin(), (kafka) => kafka.createAcls({ acl: [describe] }));
      await untilReadonlySees(topic, true);
    }
    timed('readonly, Describe on a topic revoked', run);
    expect(run.code).toBe(1);
    const exists = run.report?.checks.find((c) => c.id === `kafka.topic.${topic}.exists`);
    expect(exists).toMatchObject({
      status: 'error',
      message: `not authorized: Describe on topic ${topic}`,
    });
    expect(run.everything).not.toContain(`${topic}: topic expected present, found missing`);
    // the other topic is still checked, and passes
    const other = run.report?.checks.find(
      (c) => c.id === 'kafka.topic.twitch-chat-messages.exists',
    );
    expect(other?.status).toBe('pass');
    expectBoundedAndSecret(run, ...allSecrets());
  });

  it("init with the admin's settings drafts a spec that then verifies green", async () => {
    // A folder of its own: no docker-compose.yml there, as beside a managed cluster.
    const dir = mkdtempSync(join(tmpdir(), 'secure-init-'));
    const drafted = join(dir, 'infra-spec.yml');
    const started = Date.now();
    // Kafka 4 on KRaft has no ZooKeeper, and none is given: init asks for none.
    const init = await runCli(
      ['init', '--runtime', 'existing', '--out', drafted, '--timeout', String(TIMEOUT_S)],
      { PATH: process.env.PATH, HOME: process.env.HOME, ...admin() },
      { cwd: dir },
    );
    const ms = Date.now() - started;
    timings.push(`  init: exit ${init.code}, ${ms} ms`);
    expect(init.code).toBe(0);
    expect(init.stdout + init.stderr).toMatch(/wrote .*: 2 topic\(s\), 1 table\(s\)/);
    expect(init.stdout + init.stderr).not.toMatch(/zookeeper/i);
    expect(ms).toBeLessThan(TIMEOUT_S * 1000 + MARGIN_MS);
    const spec = readFileSync(drafted, 'utf8');
    expect(spec).not.toMatch(/^zookeeper:/m);
    for (const secret of allSecrets()) {
      expect([init.stdout, init.stderr, spec].join('\n')).not.toContain(secret);
    }
    const run = await verify(admin(), ['--spec', drafted]);
    timed('verify the drafted spec', run);
    expect(notPassed(run)).toEqual([]);
    expect(run.code).toBe(0);
    expectBoundedAndSecret(run, ...allSecrets());
  });
});
