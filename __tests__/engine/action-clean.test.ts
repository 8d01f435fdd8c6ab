// The bundled action (dist/main, then dist/post, as the runner runs them) on the real compose
// stack: docker-compose.yml as users run it, on the private engine, with the local images.
import { readFileSync } from 'node:fs';
import {
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

  it('passes every check', () => {
    const summary = readFileSync(job.files.summary, 'utf8');
    expect(summary).toMatch(/^## ✅ infra-verify: PASS/);
    expect(summary).not.toContain('❌');
    expect(main.exitCode).toBe(0);
    const outputs = readFileCommand(job.files.output);
    expect(outputs.result).toBe('pass');
    expect(outputs.failed).toBe('0');
    expect(Number(outputs.passed)).toBeGreaterThan(30);
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
});
