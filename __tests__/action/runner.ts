// Runs the bundled action exactly as the GitHub runner does: `node dist/main/index.js`, then
// `node dist/post/index.js`, as child processes with INPUT_* env and the runner's file commands
// (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_STATE; the state main saved becomes STATE_* for post).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twinConfig } from '../../src/runtime/local/config';

export const REPO = join(__dirname, '..', '..');
const FAKE_DOCKER_DIR = join(__dirname, 'fake-docker');

export interface StepResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** each stdout line with the milliseconds since the step started when it arrived */
  timeline: Array<{ at: number; line: string }>;
}

export interface Job {
  /** the temp dir holding all of the below */
  root: string;
  /** the checkout: what GITHUB_WORKSPACE points at */
  workspace: string;
  /** the fake engine's home: its state, calls.jsonl and its own twin */
  dockerHome: string;
  /** the fake engine's twin ports, free when the job was made */
  ports: { zookeeper: number; kafka: number; cassandra: number; cassandraStorage: number };
  files: { summary: string; output: string; state: string };
}

/** A checkout of the repo's stack files in a temp dir, so a case can break or drift its copy. */
export async function newJob(name: string): Promise<Job> {
  const root = mkdtempSync(join(tmpdir(), `action-${name}-`));
  const workspace = join(root, 'workspace');
  mkdirSync(workspace);
  for (const entry of ['docker-compose.yml', 'infra-spec.yml', '.env', 'infrastructure']) {
    cpSync(join(REPO, entry), join(workspace, entry), {
      recursive: true,
    });
  }
  const runnerDir = join(root, 'runner');
  mkdirSync(runnerDir);
  const files = {
    summary: join(runnerDir, 'step_summary'),
    output: join(runnerDir, 'output'),
    state: join(runnerDir, 'state'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const [zookeeper = 0, kafka = 0, cassandra = 0, cassandraStorage = 0] = await freePorts(4);
  const ports = { zookeeper, kafka, cassandra, cassandraStorage };
  return { root, workspace, dockerHome: join(root, 'docker'), ports, files };
}

/** Ports the kernel just handed out, so parallel test runs (other clones) do not collide. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Inputs for runtime "existing" against the shared twin (chosen by TWIN_*), writing nothing. */
export function sharedTwinInputs(): Record<string, string> {
  const { host, ports } = twinConfig();
  return {
    runtime: 'existing',
    'kafka-brokers': `${host}:${ports.kafka}`,
    'cassandra-contact-points': `${host}:${ports.cassandra}`,
    zookeeper: `${host}:${ports.zookeeper}`,
    'read-only': 'true',
    timeout: '60',
  };
}

/** What the stand-in docker needs to find this job's project and twin. */
export function fakeDockerEnv(job: Job): NodeJS.ProcessEnv {
  return { FAKE_DOCKER_HOME: job.dockerHome, FAKE_DOCKER_PORTS: JSON.stringify(job.ports) };
}

/** The runner's env name for an input: uppercased, spaces to "_", dashes kept. */
export function inputEnvName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}

function runnerEnv(job: Job, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Only what a runner provides: no TWIN_* of the shared test twin leaks in.
  return {
    PATH: `${FAKE_DOCKER_DIR}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME,
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'verify',
    RUNNER_TEMP: tmpdir(),
    GITHUB_STEP_SUMMARY: job.files.summary,
    GITHUB_OUTPUT: job.files.output,
    GITHUB_STATE: job.files.state,
    ...fakeDockerEnv(job),
    ...extra,
  };
}

/** A step as a running process, for tests that act while it runs (a signal, a killed container). */
export interface RunningStep {
  child: ChildProcess;
  /** what it printed so far, stdout then stderr */
  output(): string;
  result: Promise<StepResult>;
}

function startNode(script: string, cwd: string, env: NodeJS.ProcessEnv): RunningStep {
  const child = spawn(process.execPath, [script], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const timeline: StepResult['timeline'] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const at = Date.now() - started;
    const complete = stdout.lastIndexOf('\n') + 1;
    stdout += chunk.toString();
    const end = stdout.lastIndexOf('\n');
    if (end >= complete) {
      for (const line of stdout.slice(complete, end).split('\n')) timeline.push({ at, line });
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<StepResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr, timeline }));
  });
  return { child, output: () => stdout + stderr, result };
}

function runNode(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<StepResult> {
  return startNode(script, cwd, env).result;
}

function bundle(step: 'main' | 'post'): string {
  const script = join(REPO, 'dist', step, 'index.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run bundle\` first`);
  return script;
}

export function startMain(
  job: Job,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): RunningStep {
  const env = runnerEnv(job, extraEnv);
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  return startNode(bundle('main'), job.workspace, env);
}

export function runMain(
  job: Job,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<StepResult> {
  return startMain(job, inputs, extraEnv).result;
}

export function runPost(job: Job, extraEnv: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const env = runnerEnv(job, extraEnv);
  for (const [name, value] of Object.entries(readFileCommand(job.files.state))) {
    env[`STATE_${name}`] = value;
  }
  return runNode(bundle('post'), job.workspace, env);
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file: `name<<DELIMITER\nvalue\nDELIMITER` or `name=value`. */
export function readFileCommand(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const values: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** Every command the stand-in engine received, in order: the binary, then its arguments. */
export function dockerCalls(job: Job): string[][] {
  const file = join(job.dockerHome, 'calls.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
}

/** Processes whose command line mentions the fake engine's home: that twin's JVMs. */
export function processesOf(job: Job): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(job.dockerHome);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** `::error file=F,line=L,...::message` workflow commands that a step printed. */
export function errorAnnotations(
  stdout: string,
): Array<{ properties: Record<string, string>; message: string }> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => {
      const match = /^::error(?: ([^:]*))?::(.*)$/.exec(line);
      const properties = Object.fromEntries(
        (match?.[1] ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      );
      return { properties, message: match?.[2] ?? '' };
    });
}

/** Removes the job's temp dir (the twin's logs with it) once post has run. */
export function removeJob(job: Job): void {
  rmSync(job.root, { recursive: true, force: true });
}
