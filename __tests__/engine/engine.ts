// The private Docker engine of this checkout (npm run engine:up), as the engine tests use it:
// its socket and CLI config, the override that swaps in the local images, and a look at what a
// compose project left behind. Tests only reach it through DOCKER_HOST, never another engine.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newJob, type Job } from '../action/runner';
import { runChild } from '../../src/runtime/child';

export const REPO = join(__dirname, '..', '..');
const STATE = join(REPO, '.engine');
const OVERRIDE = join(REPO, 'engine', 'compose.local-images.yml');

/** The variables that point docker and compose at the private engine. */
export function engineEnv(): NodeJS.ProcessEnv {
  return {
    DOCKER_HOST: `unix://${join(STATE, 'run', 'docker.sock')}`,
    DOCKER_CONFIG: join(STATE, 'docker-config'),
    // The real docker first: the action tests' stand-in must not answer here.
    PATH: (process.env.PATH ?? '')
      .split(':')
      .filter((dir) => !dir.includes('fake-docker'))
      .join(':'),
  };
}

/** True when this checkout's dockerd runs (its pidfile names a live process). */
export function engineIsUp(): boolean {
  const pidfile = join(STATE, 'run', 'dockerd.pid');
  if (!existsSync(pidfile)) return false;
  try {
    process.kill(Number(readFileSync(pidfile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}

export interface Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** `docker ARGS` on the private engine; never throws for a non-zero exit. */
export function docker(args: string[], timeoutMs = 120_000): Promise<Result> {
  return runChild('docker', args, {
    env: { ...process.env, ...engineEnv() },
    timeoutMs,
    maxOutputBytes: 32 * 1024 * 1024,
  }).catch((error: Error) => ({ exitCode: -1, stdout: '', stderr: error.message }));
}

/** Names of the containers, volumes and networks that carry this compose project's label. */
export async function projectLeftovers(project: string): Promise<string[]> {
  const filter = ['--filter', `label=com.docker.compose.project=${project}`];
  const listed = await Promise.all([
    docker(['ps', '--all', ...filter, '--format', 'container {{.Names}}']),
    docker(['volume', 'ls', ...filter, '--format', 'volume {{.Name}}']),
    docker(['network', 'ls', ...filter, '--format', 'network {{.Name}}']),
  ]);
  return listed.flatMap((result) => result.stdout.split('\n').filter(Boolean));
}

/** `docker ps --format FORMAT` of a project's running containers. */
export function runningContainers(project: string, format: string): Promise<Result> {
  return docker([
    'ps',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--format',
    format,
  ]);
}

/**
 * The sockets listening on the host ports that a project's containers publish, as `ss` shows
 * them ("127.0.0.1:9092", "[::]:9092", "0.0.0.0:2181"): where the stack really is reachable.
 */
export async function publishedListeners(project: string): Promise<string[]> {
  const listed = await runningContainers(project, '{{.Ports}}');
  const ports = [...new Set([...listed.stdout.matchAll(/:(\d+)->/g)].map((match) => match[1]))];
  const listeners = await Promise.all(
    ports.map(async (port) => {
      const { stdout } = await runChild('ss', ['-Hltn', `sport = :${port}`], {
        timeoutMs: 10_000,
      });
      return stdout.split('\n').flatMap((line) => line.split(/\s+/)[3] ?? []);
    }),
  );
  return listeners.flat().filter(Boolean).sort();
}

/** Every container on the engine, by name. */
export async function containerNames(): Promise<string[]> {
  const listed = await docker(['ps', '--all', '--format', '{{.Names}}']);
  return listed.stdout.split('\n').filter(Boolean).sort();
}

/** The compose file list an engine job hands the action: the user's file, then the override. */
export const ENGINE_COMPOSE_FILES = 'docker-compose.yml\ncompose.local-images.yml';

/** A runner job (see ../action/runner.ts) whose workspace also holds the override file. */
export async function newEngineJob(name: string): Promise<Job> {
  const job = await newJob(`engine-${name}`);
  copyFileSync(OVERRIDE, join(job.workspace, 'compose.local-images.yml'));
  return job;
}

/** `docker compose` for a project in a workspace, with the override, on the private engine. */
export function compose(workspace: string, project: string, args: string[], timeoutMs?: number) {
  return docker(
    [
      'compose',
      '--project-name',
      project,
      '--project-directory',
      workspace,
      '--file',
      join(workspace, 'docker-compose.yml'),
      '--file',
      join(workspace, 'compose.local-images.yml'),
      ...args,
    ],
    timeoutMs,
  );
}

/**
 * What a later step of a job would do by hand: remove the project with its volumes. Its data goes
 * too, so nothing is worth a graceful stop (`--timeout 0`, as post's own teardown does).
 */
export function removeProject(workspace: string, project: string) {
  return compose(workspace, project, ['down', '--volumes', '--timeout', '0', '--remove-orphans']);
}

/** Resolves once the running step has printed something matching; fails after timeoutMs. */
export async function printed(
  output: () => string,
  pattern: RegExp,
  timeoutMs = 15 * 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > until)
      throw new Error(`nothing matching ${pattern} was printed:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * `npm run docs:summaries` (INFRA_VERIFY_DOCS=write): a case's job summary, once its assertions
 * passed, becomes docs/NAME, so the example summaries in the docs are real runs on this engine.
 */
export function keepAsDocs(summary: string, name: 'summary-pass.md' | 'summary-fail.md'): void {
  if (process.env.INFRA_VERIFY_DOCS === 'write') writeFileSync(join(REPO, 'docs', name), summary);
}
