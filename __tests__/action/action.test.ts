// The bundled action, run as the runner runs it, against a stand-in `docker` that drives a real
// twin (real ZooKeeper, Kafka, Cassandra). Each case ends with post, and nothing may be left.
//
// The real engine (__tests__/engine/, in every CI run) now proves the clean stack with its
// outputs, reports, groups and live compose lines, drift with its annotations and log groups,
// keep-up, an init that exits 1 and a server that never turns healthy; those stand-in cases are
// gone. What stays here:
// - compose v1 only: it is refused at `docker-compose version`, before any engine is touched,
//   so an engine adds nothing; the stand-in prints what the real one does (Debian bookworm's
//   docker-compose 1.29.2, which engine:up does not install: it would replace the machine's);
// - the cases that never reach an engine: shell metacharacters in inputs, no spec file, static
//   mode, runtime existing.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  dockerCalls,
  errorAnnotations,
  newJob,
  processesOf,
  readFileCommand,
  removeJob,
  runMain,
  runPost,
  type Job,
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
      // compose's refusal must end the run, not the deadline: the stand-in docker takes ~2 s a
      // call on a loaded machine, and a 5 s deadline failed this case twice at load 15-25
      timeout: '30',
    });
    expect(main.exitCode).toBe(1);
    // the first compose call that reads the files (config, before up) got the name whole
    // (resolved against the working directory, as compose resolves it)
    expect(dockerCalls(job).find((args) => args.includes('config'))).toContain(
      resolve(job.workspace, file),
    );
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

/** A call that only asks compose about the files: its version, or `config`. */
const notResolving = (call: string[]) =>
  !(call.includes('compose') && (call.includes('version') || call.includes('config')));

describe('the action in mode static', () => {
  it('checks the compose file against the spec with no engine, and annotates drift', async () => {
    const job = await newJob('static');
    const passing = await runMain(job, { mode: 'static' });
    expect(passing.exitCode).toBe(0);
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(/^## ✅ infra-verify: PASS/);
    const outputs = readFileCommand(job.files.output);
    expect(outputs.result).toBe('pass');
    expect(Number(outputs.passed)).toBeGreaterThan(20);
    // compose resolves the files (`docker compose config`, no engine); nothing is started
    expect(dockerCalls(job).filter(notResolving)).toEqual([]);

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
    expect(dockerCalls(job).filter(notResolving)).toEqual([]);
    const post = await runPost(job);
    expect(post.stdout).toContain('nothing to tear down');
    removeJob(job);
  });
});
