// The bundled action, run as the runner runs it, against a stand-in `docker` that drives a real
// twin (real ZooKeeper, Kafka, Cassandra). Each case ends with post, and nothing may be left.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dockerCalls,
  errorAnnotations,
  fakeDockerEnv,
  newJob,
  processesOf,
  readFileCommand,
  removeJob,
  runMain,
  runPost,
  type Job,
  type StepResult,
} from './runner';

jest.setTimeout(400_000);

/** ACTION_TEST_SUMMARY_DIR keeps each case's job summary (docs/ shows real ones). */
function keepSummary(job: Job, name: string): string {
  const summary = readFileSync(job.files.summary, 'utf8');
  const dir = process.env.ACTION_TEST_SUMMARY_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(job.files.summary, join(dir, `${name}.md`));
  }
  return summary;
}

/** post ran clean: exit 0, `down --volumes --remove-orphans` sent, no JVM of that twin left. */
async function expectTornDown(job: Job, env: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const post = await runPost(job, env);
  expect(post.exitCode).toBe(0);
  expect(post.stdout).toMatch(
    /::group::infra-verify: teardown\n[^]*removing project[^]*::endgroup::/,
  );
  const down = dockerCalls(job).find((args) => args.includes('down'));
  expect(down?.slice(-3)).toEqual(['down', '--volumes', '--remove-orphans']);
  expect(processesOf(job)).toEqual([]);
  removeJob(job);
  return post;
}

function lineOf(file: string, text: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

function editFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the action on a healthy stack', () => {
  let job: Job;
  let main: StepResult;

  beforeAll(async () => {
    job = await newJob('pass');
    main = await runMain(job, {
      'compose-file': 'docker-compose.yml',
      spec: 'infra-spec.yml',
      timeout: '240',
    });
  });

  afterAll(async () => {
    await expectTornDown(job);
  });

  it('passes, with every checklist section in the summary', () => {
    // the summary and the step's output first: a failure then shows why, as a user would see it
    const summary = keepSummary(job, 'summary-pass');
    expect(summary).toMatch(/^## ✅ infra-verify: PASS/);
    expect(main.stdout).not.toContain('::error');
    expect(main.exitCode).toBe(0);
    for (const section of [
      'Infrastructure Services',
      'Kafka Topics',
      'Cassandra Schema',
      'Data Persistence',
    ]) {
      expect(summary).toContain(`### ${section}`);
    }
    expect(summary).toContain('✅ Kafka data persists after restart');
    expect(summary).toContain('### Timings');
    expect(summary).not.toContain('❌');
    expect(errorAnnotations(main.stdout)).toEqual([]);
  });

  it('folds each phase into a group and streams compose while it runs', () => {
    const groups = [...main.stdout.matchAll(/^::group::infra-verify: (.+)$/gm)].map((m) => m[1]);
    expect(groups).toEqual(['up', 'ready', 'observe', 'round trip', 'persistence', 'checks']);
    const up = main.stdout.slice(
      main.stdout.indexOf('::group::infra-verify: up'),
      main.stdout.indexOf('::endgroup::'),
    );
    expect(up).toMatch(/^compose: starting zookeeper/m);
    expect(up).toMatch(/^compose: cassandra-init exited 0/m);
    // live: the first compose line arrived seconds before the last, not all at once at the end
    const at = (text: string) => main.timeline.find(({ line }) => line.includes(text))?.at ?? NaN;
    expect(
      at('compose: cassandra-init exited 0') - at('compose: starting zookeeper'),
    ).toBeGreaterThan(2000);
  });

  it('sets the outputs and writes both reports', () => {
    const outputs = readFileCommand(job.files.output);
    expect(outputs).toMatchObject({
      'failure-reason': '',
      'project-name': 'infra-verify-4242-1-verify',
      'kafka-brokers': `127.0.0.1:${job.ports.kafka}`,
      'cassandra-contact-points': `127.0.0.1:${job.ports.cassandra}`,
      zookeeper: `127.0.0.1:${job.ports.zookeeper}`,
    });
    expect(outputs.result).toBe('pass');
    expect(outputs.failed).toBe('0');
    expect(Number(outputs.passed)).toBeGreaterThan(30);
    const report = JSON.parse(readFileSync(outputs['report-json'] ?? '', 'utf8')) as {
      result: string;
      checks: unknown[];
    };
    expect(report.result).toBe('pass');
    expect(report.checks).toHaveLength(Number(outputs.passed) + Number(outputs.skipped));
    expect(readFileSync(outputs['report-junit'] ?? '', 'utf8')).toContain('<testsuites');
  });

  it('drives compose with a project name unique to the run, and learns ports from `port`', () => {
    const calls = dockerCalls(job);
    const up = calls.find((args) => args.includes('up'));
    expect(up).toEqual([
      'docker',
      'compose',
      '--project-name',
      'infra-verify-4242-1-verify',
      '--project-directory',
      job.workspace,
      '--file',
      'docker-compose.yml',
      'up',
      '--detach',
    ]);
    expect(calls.filter((args) => args.includes('port')).map((args) => args.slice(-2))).toEqual(
      expect.arrayContaining([
        ['kafka', '9092'],
        ['cassandra', '9042'],
        ['zookeeper', '2181'],
      ]),
    );
    // the persistence test stopped the stack once and brought it up again
    expect(calls.filter((args) => args.includes('stop'))).toHaveLength(1);
    expect(calls.filter((args) => args.includes('up'))).toHaveLength(2);
  });
});

describe('the action on a stack whose topic drifted', () => {
  let job: Job;
  let main: StepResult;

  beforeAll(async () => {
    job = await newJob('drift');
    // kafka-init creates channel-stats without compaction: the live topic drifts from the spec
    editFile(
      join(job.workspace, 'infrastructure/kafka/create-topics.sh'),
      'cleanup.policy=compact',
      'cleanup.policy=delete',
    );
    main = await runMain(job, { persistence: 'false', 'ttl-expiry': 'false' });
  });

  it('fails the step and names the drift in the summary', () => {
    expect(main.exitCode).toBe(1);
    const summary = keepSummary(job, 'summary-fail');
    expect(summary).toMatch(/^## ❌ infra-verify: FAIL/);
    expect(summary).toContain('❌ Log compaction enabled');
    expect(summary).toContain('### Failures');
    expect(summary).toMatch(/channel-stats: cleanup\.policy expected compact, found delete/);
    expect(summary).toContain('✅ `twitch-chat-messages` topic exists');
    expect(readFileCommand(job.files.output)).toMatchObject({
      result: 'fail',
      'failure-reason': 'drift',
    });
  });

  it('annotates the spec line of the drifted config', () => {
    const annotations = errorAnnotations(main.stdout);
    const drift = annotations.find((a) => a.message.includes('cleanup.policy'));
    expect(drift?.properties).toMatchObject({
      file: 'infra-spec.yml',
      line: String(lineOf(join(job.workspace, 'infra-spec.yml'), 'cleanup.policy')),
    });
    expect(annotations.filter((a) => !a.message.includes('channel-stats'))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/check\(s\) failed/) }),
    ]);
  });

  it('prints every service log in a group and tears down', async () => {
    const post = await expectTornDown(job);
    expect(post.stdout).toMatch(
      /::group::logs: kafka-init \(exited, exit 0\)\n[^]*Creating topic channel-stats/,
    );
    expect(post.stdout).toContain('::endgroup::');
  });
});

// An init that exits 1 and a server that never turns healthy are also proven on a real engine
// (__tests__/engine/action-faults.test.ts). These stand-in cases stay while CI has no engine, so
// that CI covers them.
describe('the action when an init step fails', () => {
  let job: Job;
  let main: StepResult;

  beforeAll(async () => {
    job = await newJob('init');
    writeFileSync(
      join(job.workspace, 'infrastructure/kafka/create-topics.sh'),
      // coloured, with the line clearing compose's own logs carry: none of it may reach the log
      "#!/usr/bin/env bash\nprintf '\\033[2K\\033[31mError while executing topic command : Timed out waiting for a node assignment.\\033[0m\\n' >&2\nexit 1\n",
    );
    main = await runMain(job, { persistence: 'false', 'ttl-expiry': 'false', timeout: '60' });
  });

  it('fails the step, saying kafka-init exited 1, with its log folded in the summary', () => {
    expect(main.exitCode).toBe(1);
    expect(readFileCommand(job.files.output)['failure-reason']).toBe('not-ready');
    expect(main.stdout).toMatch(
      /::group::infra-verify: logs of kafka-init\n[^]*Timed out waiting for a node assignment[^]*::endgroup::/,
    );
    if (process.env.ACTION_TEST_SUMMARY_DIR) {
      writeFileSync(join(process.env.ACTION_TEST_SUMMARY_DIR, 'failing-run.log'), main.stdout);
    }
    const summary = keepSummary(job, 'summary-init-failed');
    expect(summary).toMatch(/^## ❌ infra-verify: FAIL/);
    expect([main.stdout, summary].filter((text) => text.includes('\u001b'))).toEqual([]);
    expect(summary).toMatch(/kafka-init[^\n]*exit(ed)? (code )?1/);
    // the verifier looked at this stack, where the topics were never created
    expect(summary).toContain('❌ `twitch-chat-messages` topic exists');
    expect(summary).toContain('✅ Cassandra running and healthy');
    expect(summary).toMatch(
      /<details><summary>kafka-init<\/summary>[^]*Timed out waiting for a node assignment/,
    );
  });

  it('tears down', async () => {
    await expectTornDown(job);
  });
});

describe('the action when a service never becomes healthy', () => {
  let job: Job;
  let main: StepResult;

  beforeAll(async () => {
    job = await newJob('unhealthy');
    main = await runMain(
      job,
      // the timeout covers `up` too, which here starts the stand-in's whole twin
      { persistence: 'false', 'ttl-expiry': 'false', timeout: '180' },
      { FAKE_DOCKER_NEVER_HEALTHY: 'cassandra' },
    );
  });

  it('fails the step and says Cassandra did not come up', () => {
    expect(main.exitCode).toBe(1);
    const summary = keepSummary(job, 'summary-unhealthy');
    expect(summary).toContain('### Stack did not come up');
    expect(summary).toMatch(/\*\*cassandra\*\*/);
    expect(summary).toContain('✅ Kafka running and healthy');
    expect(summary).toContain('⚠️ `twitch_chat` keyspace exists');
    expect(main.stdout).toMatch(
      /::error title=infra-verify%3A cassandra did not come up::cassandra is not ready/,
    );
  });

  it('tears down', async () => {
    await expectTornDown(job);
  });
});

describe('the action where only docker-compose v1 is installed', () => {
  it('refuses it with one clear error and starts nothing', async () => {
    const job = await newJob('v1');
    const v1 = { FAKE_DOCKER_COMPOSE_V1: '1' };
    const main = await runMain(job, { persistence: 'false', 'ttl-expiry': 'false' }, v1);
    expect(main.exitCode).toBe(1);
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(
      /Only Docker Compose v1 \(1\.29\.2, "docker-compose"\) is installed; it reached end of life in 2023/,
    );
    const calls = dockerCalls(job);
    expect(calls.slice(0, 2)).toEqual([
      ['docker', 'compose', 'version'],
      ['docker-compose', 'version'],
    ]);
    // it only ever asked for versions: nothing was started, listed or removed
    expect(calls.filter((args) => args[args.length - 1] !== 'version')).toEqual([]);
    await runPost(job, v1);
    expect(processesOf(job)).toEqual([]);
    removeJob(job);
  });
});

describe('the action with keep-up', () => {
  it('leaves the stack running after post, for later steps to use', async () => {
    const job = await newJob('keep-up');
    const main = await runMain(job, {
      'keep-up': 'true',
      persistence: 'false',
      'ttl-expiry': 'false',
    });
    expect(main.exitCode).toBe(0);
    const post = await runPost(job);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain(
      'keep-up is set; project infra-verify-4242-1-verify keeps running',
    );
    expect(dockerCalls(job).some((args) => args.includes('down'))).toBe(false);
    expect(processesOf(job).length).toBeGreaterThan(0);
    // what a later step of the job would do by hand
    const state = readFileCommand(job.files.state);
    const down = spawnSync(
      join(__dirname, 'fake-docker', 'docker'),
      [
        'compose',
        '--project-name',
        state['project-name'] ?? '',
        '--project-directory',
        job.workspace,
        'down',
        '--volumes',
        '--remove-orphans',
      ],
      { env: { ...process.env, ...fakeDockerEnv(job) } },
    );
    expect(down.status).toBe(0);
    expect(processesOf(job)).toEqual([]);
    removeJob(job);
  });
});

describe('the action on an existing stack with credentials', () => {
  it('masks the Cassandra password before anything can print it, and not the username', async () => {
    const job = await newJob('existing-credentials');
    const secrets = { username: 'svc-user-4711', password: 'pw-s3cret-4711' };
    // nothing listens on port 1: the run fails fast, after the inputs were read
    const main = await runMain(job, {
      runtime: 'existing',
      'kafka-brokers': '127.0.0.1:1',
      'cassandra-contact-points': '127.0.0.1:1',
      zookeeper: '127.0.0.1:1',
      'cassandra-username': secrets.username,
      'cassandra-password': secrets.password,
      timeout: '2',
    });
    expect(main.exitCode).toBe(1);
    const lines = main.stdout.split('\n');
    const masked = lines.findIndex((line) => line === `::add-mask::${secrets.password}`);
    expect(masked).toBeGreaterThanOrEqual(0);
    // the runner can only hide what was masked before it was printed
    expect(lines.findIndex((line) => line.includes(secrets.password))).toBe(masked);
    // a masked username would blank every log line that names the account, for no secrecy
    expect(lines).not.toContain(`::add-mask::${secrets.username}`);
    expect(dockerCalls(job)).toEqual([]);
    const post = await runPost(job);
    expect(post.exitCode).toBe(0);
    removeJob(job);
  });
});

describe('inputs holding shell metacharacters', () => {
  const marker = `/tmp/pwned-${process.pid}`;

  it('reject a project name with a clear message and run nothing', async () => {
    const job = await newJob('meta-project');
    const main = await runMain(job, { 'project-name': `x; touch ${marker}` });
    expect(main.exitCode).toBe(2);
    expect(main.stdout).toMatch(
      /::error::project-name "x; touch \/tmp\/pwned-\d+" is not a valid compose project name/,
    );
    expect(main.stdout).not.toMatch(/\n\s+at /);
    expect(dockerCalls(job)).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    const post = await runPost(job);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('nothing to tear down');
    removeJob(job);
  });

  it('pass a compose file name as one argument that compose cannot open', async () => {
    const job = await newJob('meta-file');
    const file = `docker-compose.yml; touch ${marker}`;
    const main = await runMain(job, {
      'compose-file': file,
      persistence: 'false',
      'ttl-expiry': 'false',
      timeout: '5',
    });
    expect(main.exitCode).toBe(1);
    // the first compose call that reads the files (config, before up) got the name whole
    expect(dockerCalls(job).find((args) => args.includes('config'))).toContain(file);
    expect(dockerCalls(job).some((args) => args.includes('up'))).toBe(false);
    const summary = keepSummary(job, 'summary-meta');
    expect(summary).toMatch(/no such file or directory/);
    // nothing came up, so nothing may pass (no other stack on the default ports was asked)
    expect(summary).toMatch(/\*\*0 passed/);
    expect(existsSync(marker)).toBe(false);
    const post = await runPost(job);
    expect(post.exitCode).toBe(0);
    expect(processesOf(job)).toEqual([]);
    removeJob(job);
  });
});

describe('the action with no spec file', () => {
  it('fails with exit 2, points to init, and starts nothing', async () => {
    const job = await newJob('no-spec');
    rmSync(join(job.workspace, 'infra-spec.yml'));
    const main = await runMain(job, {});
    expect(main.exitCode).toBe(2);
    expect(main.stdout).toMatch(
      /::error::no spec: infra-spec\.yml does not exist.*infra-verify init/,
    );
    expect(main.stdout).toContain('builtin:milestone-1');
    expect(dockerCalls(job)).toEqual([]);
    const post = await runPost(job);
    expect(post.stdout).toContain('nothing to tear down');
    removeJob(job);
  });

  it('checks against the built-in spec when asked for by name', async () => {
    const job = await newJob('builtin-static');
    rmSync(join(job.workspace, 'infra-spec.yml'));
    const main = await runMain(job, { spec: 'builtin:milestone-1', mode: 'static' });
    expect(main.exitCode).toBe(0);
    expect(readFileCommand(job.files.output).result).toBe('pass');
    removeJob(job);
  });
});

describe('the action in mode static', () => {
  it('checks the compose file against the spec with no engine, and annotates drift', async () => {
    const job = await newJob('static');
    const passing = await runMain(job, { mode: 'static' });
    expect(passing.exitCode).toBe(0);
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(/^## ✅ infra-verify: PASS/);
    const outputs = readFileCommand(job.files.output);
    expect(outputs.result).toBe('pass');
    expect(Number(outputs.passed)).toBeGreaterThan(20);
    expect(dockerCalls(job)).toEqual([]);

    const compose = join(job.workspace, 'docker-compose.yml');
    editFile(compose, 'container_name: chatbattle-kafka\n', 'container_name: other-kafka\n');
    writeFileSync(job.files.summary, '');
    const drifted = await runMain(job, { mode: 'static' });
    expect(drifted.exitCode).toBe(1);
    expect(errorAnnotations(drifted.stdout)).toContainEqual({
      properties: expect.objectContaining({
        file: 'docker-compose.yml',
        line: String(lineOf(compose, 'other-kafka')),
      }),
      message: expect.stringContaining(
        'container_name expected chatbattle-kafka, found other-kafka',
      ),
    });
    expect(dockerCalls(job)).toEqual([]);
    const post = await runPost(job);
    expect(post.stdout).toContain('nothing to tear down');
    removeJob(job);
  });
});
