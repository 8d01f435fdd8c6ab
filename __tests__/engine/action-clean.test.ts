// The bundled action (dist/main, then dist/post, as the runner runs them) on the real compose
// stack: docker-compose.yml as users run it, on the private engine, with the local images.
import { readFileSync } from 'node:fs';
import {
  errorAnnotations,
  readFileCommand,
  removeJob,
  runMain,
  runPost,
  type Job,
  type StepResult,
} from '../action/runner';
import {
  ENGINE_COMPOSE_FILES,
  engineEnv,
  keepAsDocs,
  newEngineJob,
  projectLeftovers,
  publishedListeners,
} from './engine';
import { TEST_PROJECT_PREFIX } from './globalSetup';

jest.setTimeout(20 * 60_000);

const PROJECT = `${TEST_PROJECT_PREFIX}clean`;

describe('the action on a clean stack on a real engine', () => {
  let job: Job;
  let main: StepResult;
  let leftBeforePost: string[];
  let listeners: string[];
  let post: StepResult;
  let leftAfterPost: string[];

  beforeAll(async () => {
    job = await newEngineJob('clean');
    main = await runMain(
      job,
      { 'compose-file': ENGINE_COMPOSE_FILES, 'project-name': PROJECT, timeout: '600' },
      engineEnv(),
    );
    leftBeforePost = await projectLeftovers(PROJECT);
    listeners = await publishedListeners(PROJECT);
    post = await runPost(job, engineEnv());
    leftAfterPost = await projectLeftovers(PROJECT);
  });

  afterAll(() => removeJob(job));

  it('passes every check, with every checklist section in the summary', () => {
    const summary = readFileSync(job.files.summary, 'utf8');
    expect(summary).toMatch(/^## ✅ infra-verify: PASS/);
    expect(summary).not.toContain('❌');
    expect(main.exitCode).toBe(0);
    expect(errorAnnotations(main.stdout)).toEqual([]);
    for (const section of [
      'Infrastructure Services',
      'Kafka Topics',
      'Cassandra Schema',
      'Data Persistence',
      'Timings',
    ]) {
      expect(summary).toContain(`### ${section}`);
    }
    keepAsDocs(summary, 'summary-pass.md');
  });

  it('sets the outputs and writes both reports', () => {
    const outputs = readFileCommand(job.files.output);
    expect(outputs).toMatchObject({
      result: 'pass',
      failed: '0',
      'failure-reason': '',
      'project-name': PROJECT,
      // where compose published them, as `docker compose port` said
      'kafka-brokers': '127.0.0.1:9092',
      'cassandra-contact-points': '127.0.0.1:9042',
      zookeeper: '127.0.0.1:2181',
    });
    expect(Number(outputs.passed)).toBeGreaterThan(30);
    const report = JSON.parse(readFileSync(outputs['report-json'] ?? '', 'utf8')) as {
      result: string;
      checks: unknown[];
    };
    expect(report.result).toBe('pass');
    expect(report.checks).toHaveLength(Number(outputs.passed) + Number(outputs.skipped));
    expect(readFileSync(outputs['report-junit'] ?? '', 'utf8')).toContain('<testsuites');
  });

  it("folds each phase into a group and streams compose's lines while it runs", () => {
    const groups = [...main.stdout.matchAll(/^::group::infra-verify: (.+)$/gm)].map((m) => m[1]);
    expect(groups).toEqual(['up', 'ready', 'observe', 'round trip', 'persistence', 'checks']);
    // live: ZooKeeper started seconds before cassandra-init could (it waits for Cassandra)
    const at = (pattern: RegExp) => main.timeline.find(({ line }) => pattern.test(line))?.at ?? NaN;
    expect(
      at(/^compose: Container chatbattle-cassandra-init +Started/) -
        at(/^compose: Container chatbattle-zookeeper +Started/),
    ).toBeGreaterThan(2000);
  });

  it('starts the stack in stages released by its own checks: compose never waits for a healthcheck', () => {
    expect(main.stdout).toContain(
      'staged start: cassandra + zookeeper → cassandra-init + kafka → kafka-init → stack-ready',
    );
    // `up --no-deps` per level: compose has no dependency of its own to wait for, whereas its
    // plain `up` prints "Waiting" and "Healthy" for each one (cli-unstaged.test.ts)
    expect(main.stdout).not.toMatch(/^compose: Container \S+ +(Waiting|Healthy)$/m);
    // each level after what it depends on, in the first start and in the restart alike
    const started = (service: string) =>
      main.timeline
        .filter(({ line }) =>
          new RegExp(`^compose: Container chatbattle-${service} +Started`).test(line),
        )
        .map(({ at }) => at);
    for (const [before, after] of [
      ['zookeeper', 'kafka'],
      ['kafka', 'kafka-init'],
      ['cassandra', 'cassandra-init'],
      ['kafka-init', 'stack-ready'],
      ['cassandra-init', 'stack-ready'],
    ] as const) {
      const [first, restart] = started(before);
      const [firstAfter, restartAfter] = started(after);
      expect([first, restart, firstAfter, restartAfter].every(Number.isFinite)).toBe(true);
      expect(firstAfter).toBeGreaterThan(first as number);
      expect(restartAfter).toBeGreaterThan(restart as number);
    }
  });

  it('proves persistence through a real stop and start of the containers', () => {
    const outputs = readFileCommand(job.files.output);
    const report = JSON.parse(readFileSync(outputs['report-json'] ?? '', 'utf8')) as {
      checks: Array<{ id: string; status: string; section?: string }>;
    };
    const persistence = report.checks.filter((check) => check.section === 'Data Persistence');
    expect(persistence.map((check) => [check.id, check.status])).toEqual([
      ['persistence.kafka', 'pass'],
      ['persistence.cassandra', 'pass'],
      ['persistence.volumes', 'pass'],
    ]);
    // compose stopped and started the real containers in between
    expect(main.stdout + main.stderr).toMatch(/stopping [a-z-]+, /);
  });

  it('publishes ZooKeeper, Kafka and Cassandra on loopback only', () => {
    expect(listeners.map((address) => address.replace(/^.*:/, ''))).toEqual(
      expect.arrayContaining(['2181', '9042', '9092']),
    );
    expect(listeners.filter((address) => !/^(127\.0\.0\.1|\[::1\]):\d+$/.test(address))).toEqual(
      [],
    );
  });

  it('leaves the stack to post, which removes its containers, volumes and network', () => {
    expect(leftBeforePost).toEqual(
      expect.arrayContaining([
        'container chatbattle-kafka',
        'container chatbattle-cassandra',
        `volume ${PROJECT}_kafka-data`,
        'network chatbattle-network',
      ]),
    );
    expect(post.exitCode).toBe(0);
    expect(leftAfterPost).toEqual([]);
  });

  it('hands post the compose it found, so post does not ask for its version again', () => {
    const saved = readFileCommand(job.files.state)['compose-command'] ?? '';
    expect(JSON.parse(saved)).toEqual({
      file: 'docker',
      prefix: ['compose'],
      versionText: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });
});
