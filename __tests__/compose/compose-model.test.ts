// One compose model, resolved as compose resolves it: the real compose CLI's
// `docker compose config` (no engine), with every -f file, the override file, include:,
// profiles, --env-file and the environment over .env; and the fallback reader where no compose
// CLI exists, which says what it cannot resolve. Locations point into the file a value came from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposeConfig, ComposeSelection } from '../../src/model/compose';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { loadSpec, parseSpec } from '../../src/spec/load';
import { recordInit } from '../../src/runtime/init-recorder';
import { staticReport } from '../../src/static/compose';
import { NO_COMPOSE, realComposeConfig, ROOT } from './compose-cli';

const SPEC = parseSpec(
  `version: 1
compose:
  services:
    kafka: { ready: healthy }
kafka: { service: kafka, port: 9092 }
`,
  'infra-spec.yml',
).spec;

const KAFKA = `services:
  kafka:
    image: apache/kafka:\${KAFKA_VERSION}
    healthcheck:
      test: ["CMD", "kafka-topics", "--bootstrap-server", "localhost:9092", "--list"]
    ports:
      - "127.0.0.1:9092:9092"
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'compose-model-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(
  directory: string,
  config: ComposeConfig = realComposeConfig(),
  selection: Partial<ComposeSelection> = {},
  spec = SPEC,
): Promise<VerifyReport> {
  return staticReport({ directory, files: [], profiles: [], ...selection }, { spec }, { config });
}

const byId = (report: VerifyReport, id: string): CheckResult | undefined =>
  report.checks.find((check) => check.id === id);

describe('the compose model from `docker compose config`', () => {
  it("reads compose.yaml, compose's default name, and says how it was resolved", async () => {
    const dir = project({ 'compose.yaml': KAFKA, '.env': 'KAFKA_VERSION=3.9.1\n' });
    const report = await run(dir);
    expect(report.result).toBe('pass');
    expect(byId(report, 'static.kafka.image')?.actual).toBe('apache/kafka:3.9.1');
    expect(report.notes?.[0]).toMatch(
      /^compose project read by docker compose config \(compose 2\.\d+/,
    );
    expect(report.notes?.[0]).toContain('compose.yaml');
  });

  it('sees the override file switch Kafka to :latest, and points at the override line', async () => {
    const dir = project({
      'compose.yaml': KAFKA,
      '.env': 'KAFKA_VERSION=3.9.1\n',
      'compose.override.yaml': 'services:\n  kafka:\n    image: apache/kafka:latest\n',
    });
    const image = byId(await run(dir), 'static.kafka.image');
    expect(image).toMatchObject({ status: 'fail', actual: 'apache/kafka:latest' });
    expect(image?.source?.file).toMatch(/compose\.override\.yaml$/);
    expect(image?.source?.line).toBe(3);
  });

  it('takes every -f file in order, later ones overriding', async () => {
    const dir = project({
      'base.yml': KAFKA,
      'ci.yml': 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n',
      '.env': 'KAFKA_VERSION=3.9.1\n',
    });
    const report = await run(dir, realComposeConfig(), { files: ['base.yml', 'ci.yml'] });
    expect(byId(report, 'static.kafka.image')?.actual).toBe('apache/kafka:4.0.0');
    expect(byId(report, 'static.kafka.healthcheck')?.source?.file).toMatch(/base\.yml$/);
  });

  it('sees the services of include:, located in the included file', async () => {
    const dir = project({
      'compose.yaml': 'include:\n  - kafka.yaml\nservices:\n  tools:\n    image: busybox:1.36\n',
      'kafka.yaml': KAFKA,
      '.env': 'KAFKA_VERSION=3.9.1\n',
    });
    const report = await run(dir);
    expect(byId(report, 'static.kafka.defined')?.status).toBe('pass');
    expect(byId(report, 'static.kafka.image')?.source?.file).toMatch(/kafka\.yaml$/);
  });

  it('leaves out services of profiles that are not enabled, and sees them when they are', async () => {
    const dir = project({
      'compose.yaml': `${KAFKA}  ui:\n    image: provectuslabs/kafka-ui:v0.7.2\n    profiles: [debug]\n    healthcheck:\n      test: wget -q -O- http://localhost:8080\n`,
      '.env': 'KAFKA_VERSION=3.9.1\n',
    });
    const spec = parseSpec(
      'version: 1\ncompose:\n  services:\n    kafka: { ready: healthy }\n    ui: { ready: healthy }\n',
      'infra-spec.yml',
    ).spec;
    expect(byId(await run(dir, realComposeConfig(), {}, spec), 'static.ui.defined')?.status).toBe(
      'fail',
    );
    const enabled = await run(dir, realComposeConfig(), { profiles: ['debug'] }, spec);
    expect(byId(enabled, 'static.ui.defined')?.status).toBe('pass');
    expect(enabled.result).toBe('pass');
  });

  it('lets the environment win over .env, and takes --env-file', async () => {
    const dir = project({
      'compose.yaml': KAFKA,
      '.env': 'KAFKA_VERSION=3.9.1\n',
      'ci.env': 'KAFKA_VERSION=3.8.0\n',
    });
    const shell = await run(dir, realComposeConfig({ KAFKA_VERSION: 'latest' }));
    expect(byId(shell, 'static.kafka.image')).toMatchObject({
      status: 'fail',
      actual: 'apache/kafka:latest',
    });
    const envFile = await run(dir, realComposeConfig(), { envFile: 'ci.env' });
    expect(byId(envFile, 'static.kafka.image')?.actual).toBe('apache/kafka:3.8.0');
  });

  it('names a variable that nothing sets', async () => {
    const dir = project({ 'compose.yaml': KAFKA });
    expect(byId(await run(dir), 'static.kafka.image')?.message).toBe(
      'kafka: image expected every variable set, found apache/kafka:${KAFKA_VERSION} with KAFKA_VERSION not set (environment or env file) and no default',
    );
  });

  it("refuses a project compose refuses, with compose's words (exit 2)", async () => {
    const dir = project({ 'compose.yaml': '' });
    await expect(run(dir)).rejects.toThrow(
      /docker compose config refused the project.*empty compose file/s,
    );
  });

  it('judges the repository stack the same way on every path, its topics read from its init', async () => {
    const loaded = loadSpec(join(ROOT, 'infra-spec.yml'));
    const paths = [realComposeConfig(), realComposeConfig({}, 'binary'), NO_COMPOSE];
    const reports = [];
    for (const config of paths) {
      const report = await staticReport({ directory: ROOT, files: [], profiles: [] }, loaded, {
        config,
        recordInit,
      });
      expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
      expect(report.checks.map((check) => check.id)).toContain('static.kafka.topic.channel-stats');
      reports.push(report);
    }
    // the plugin's binary run directly answers what `docker compose` answers
    const [viaDocker, viaBinary] = reports;
    expect(viaBinary?.checks).toEqual(viaDocker?.checks);
    expect(viaBinary?.notes?.[0]).toBe(viaDocker?.notes?.[0]);
  });
});

describe('the fallback reader, where no compose CLI exists', () => {
  it('merges the override file and the environment over .env', async () => {
    const dir = project({
      'compose.yaml': KAFKA,
      '.env': 'KAFKA_VERSION=3.9.1\n',
      'compose.override.yaml': 'services:\n  kafka:\n    image: apache/kafka:latest\n',
    });
    const image = byId(await run(dir, NO_COMPOSE), 'static.kafka.image');
    expect(image).toMatchObject({ status: 'fail', actual: 'apache/kafka:latest' });
    expect(image?.source?.file).toMatch(/compose\.override\.yaml$/);
  });

  it('says what it cannot resolve', async () => {
    const dir = project({
      'compose.yaml': 'include:\n  - kafka.yaml\nservices:\n  tools:\n    image: busybox:1.36\n',
      'kafka.yaml': KAFKA,
    });
    const report = await run(dir, NO_COMPOSE);
    expect(report.notes).toEqual([
      expect.stringMatching(/^compose project read by infra-verify’s own compose reader from /),
      'no compose CLI answered (No Docker Compose found (a test without one)); infra-verify read the files itself',
      'include: is not resolved: the services of included files are not seen',
    ]);
  });
});
