// `verify --runtime local --profile secure` against the secure twin the suite runs: without any
// connection setting it reaches the twin with the twin's own (its admin), and with settings given
// (the read-only principal's env file) it uses those, never the twin's in their place.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../setup/run-cli';
import { SECURE_SPEC, secretsIn, secureSettings, suiteSecureTwin } from '../setup/secure';

jest.setTimeout(180_000);

const { config } = suiteSecureTwin();
const TIMEOUT_S = 60;
const MARGIN_MS = 20_000;

/** The CLI's view of the suite's twin: its TWIN_HOME (the profile adds secure/) and its ports. */
const twinEnv = {
  TWIN_HOME: dirname(config.home),
  TWIN_ZOOKEEPER_PORT: String(config.ports.zookeeper),
  TWIN_KAFKA_PORT: String(config.ports.kafka),
  TWIN_CASSANDRA_PORT: String(config.ports.cassandra),
  TWIN_CASSANDRA_STORAGE_PORT: String(config.ports.cassandraStorage),
};

const passwords = () => {
  const { admin, readonly } = secureSettings();
  return [...secretsIn(admin), ...secretsIn(readonly)];
};

/** verify on the running twin: kept up, no restart (the other cases need it as it is). */
async function verifyLocal(settings: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'secure-local-'));
  const json = join(dir, 'report.json');
  const started = Date.now();
  const run = await runCli(
    [
      ...['verify', '--runtime', 'local', '--profile', 'secure', '--spec', SECURE_SPEC],
      ...['--keep-up', '--no-persistence', '--no-ttl-expiry', '--timeout', String(TIMEOUT_S)],
      ...['--report-json', json],
    ],
    { PATH: process.env.PATH, HOME: process.env.HOME, ...twinEnv, ...settings },
  );
  const ms = Date.now() - started;
  const report = existsSync(json) ? readFileSync(json, 'utf8') : '';
  const everything = [run.stdout, run.stderr, report].join('\n');
  process.stderr.write(
    `[secure] verify --runtime local --profile secure: exit ${run.code}, ${ms} ms\n`,
  );
  expect(ms).toBeLessThan(TIMEOUT_S * 1000 + MARGIN_MS);
  for (const password of passwords()) expect(everything).not.toContain(password);
  return { ...run, everything, report };
}

describe('runtime local, profile secure', () => {
  it('cql reaches the twin over TLS as its admin, with no setting given', async () => {
    const run = await runCli(
      [
        'cql',
        '--runtime',
        'local',
        '--profile',
        'secure',
        '-e',
        'SELECT data_center FROM system.local',
      ],
      { PATH: process.env.PATH, HOME: process.env.HOME, ...twinEnv },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('eu-west-1');
    for (const password of passwords()) expect(run.stdout + run.stderr).not.toContain(password);
  });

  it("is green with the twin's own settings when none are given", async () => {
    const run = await verifyLocal({});
    expect(run.code).toBe(0);
    // the twin's admin settings name the datacenter: nothing had to be discovered
    expect(run.report).toContain('local datacenter eu-west-1 (cassandra-local-dc)');
  });

  it("uses the settings given (the read-only principal's), not the twin's admin", async () => {
    const run = await verifyLocal(secureSettings().readonly);
    // runtime local writes its probes: the read-only principal may not, and is named for it
    expect(run.code).toBe(1);
    expect(run.everything).toMatch(/not authorized: Write on topic [\w-]+/);
    expect(run.everything).toMatch(/not authorized: MODIFY on table \w+\.\w+ \(user readonly\)/);
    // the env file's endpoints are the twin's own, and said to be unused rather than dropped unsaid
    expect(run.stderr).toContain('note: INFRA_VERIFY_KAFKA_BROKERS is not used');
  });
});
