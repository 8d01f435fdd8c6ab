// A stand-in for the docker CLI with its compose v2 plugin, for machines without an engine.
// It answers exactly the commands the action sends, in compose v2's own output formats, by
// driving a real local twin: ZooKeeper, Kafka and Cassandra are real; only containers are not.
//
// The compose path itself (a healthy stack, persistence, init failures, servers that never turn
// healthy, faults) is proven on a real engine by the engine suite (__tests__/engine/), which runs
// where the private engine is up. What only this stand-in can do: a machine with only compose v1
// installed. The Action-glue tests (summary, annotations, outputs, keep-up, inputs) run on it
// too, fast, and on machines where no engine can be started (not root, not Linux).
//
// It runs its OWN twin (home under FAKE_DOCKER_HOME, its own ports), so `down -v` here wipes
// nothing that other tests use. The compose file's published ports ("127.0.0.1:9092:9092") are answered
// with the twin's ports, which the action must learn from `docker compose port`.
//
// Environment:
//   FAKE_DOCKER_HOME           required: state, the twin's home, calls.jsonl (every argv)
//   FAKE_DOCKER_PORTS          the twin's ports as JSON {zookeeper,kafka,cassandra,cassandraStorage}
//                              (default DEFAULT_FAKE_PORTS); tests pick free ones, so two test
//                              runs on one machine (two clones) never fight over a port
//   FAKE_DOCKER_COMPOSE_V1     set: no compose v2 plugin (`docker compose` is an unknown command);
//                              `docker-compose` (v1, beside this file) answers `version` only
// The init scripts come from the project directory's infrastructure/, as compose mounts them,
// so a broken create-topics.sh there really fails kafka-init and a changed one really drifts.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { LocalRuntime } from '../../../src/runtime/local/local-runtime';
import { findRepoRoot, twinConfig } from '../../../src/runtime/local/config';
import type { ServiceObservation } from '../../../src/model/runtime';

export const DEFAULT_FAKE_PORTS = {
  zookeeper: 22181,
  kafka: 29093,
  cassandra: 29042,
  cassandraStorage: 27000,
};
type FakePorts = typeof DEFAULT_FAKE_PORTS;

function fakePorts(): FakePorts {
  const text = process.env.FAKE_DOCKER_PORTS;
  return text
    ? { ...DEFAULT_FAKE_PORTS, ...(JSON.parse(text) as Partial<FakePorts>) }
    : DEFAULT_FAKE_PORTS;
}
export const COMPOSE_VERSION = 'v2.29.7';
type Server3 = 'zookeeper' | 'kafka' | 'cassandra';
const SERVERS: Server3[] = ['zookeeper', 'kafka', 'cassandra'];

interface ComposeService {
  container_name?: string;
  image?: string;
  ports?: string[];
  volumes?: string[];
  networks?: string[] | Record<string, unknown>;
  healthcheck?: unknown;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { name?: string } | null>;
  volumes?: Record<string, { name?: string } | null>;
}

interface ProjectState {
  name: string;
  directory: string;
  files: string[];
  /** service -> how it stopped, while the project is stopped */
  stopped?: Record<string, { exitCode: number; finishedAt: string }>;
  startedAt: Record<string, string>;
}

class Usage extends Error {}

const home = () => {
  const value = process.env.FAKE_DOCKER_HOME;
  if (!value) throw new Usage('FAKE_DOCKER_HOME is not set');
  return value;
};
const stateFile = () => join(home(), 'project.json');
const readState = (): ProjectState | undefined =>
  existsSync(stateFile())
    ? (JSON.parse(readFileSync(stateFile(), 'utf8')) as ProjectState)
    : undefined;
const writeState = (state: ProjectState) =>
  writeFileSync(stateFile(), JSON.stringify(state, null, 2));
const shortId = (project: string, service: string) =>
  createHash('sha256').update(`${project}/${service}`).digest('hex');

/** v1 is the docker-compose 1.29 binary, which the action must refuse after asking its version. */
let v1 = false;

export async function main(
  argv: string[],
  binary: 'docker' | 'docker-compose' = 'docker',
): Promise<number> {
  try {
    mkdirSync(home(), { recursive: true });
    appendFileSync(join(home(), 'calls.jsonl'), `${JSON.stringify([binary, ...argv])}\n`);
    if (binary === 'docker-compose') {
      v1 = true;
      return await compose(argv);
    }
    if (argv[0] === 'compose' && process.env.FAKE_DOCKER_COMPOSE_V1) {
      // what the docker CLI without the compose plugin prints
      throw new Usage(
        "docker: unknown command: docker compose\n\nRun 'docker --help' for more information",
      );
    }
    if (argv[0] === 'compose') return await compose(argv.slice(1));
    if (argv[0] === 'inspect') return inspect(argv.slice(1));
    if (argv[0] === 'ps') return containerOwners(argv.slice(1));
    if (argv[0] === '--version') return print('Docker version 28.2.2, build e6534b4');
    throw new Usage(`docker: unknown command: docker ${argv.join(' ')}`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

function print(text: string): number {
  if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

interface Invocation {
  name: string;
  directory: string;
  files: string[];
  verb: string;
  args: string[];
}

function parseInvocation(argv: string[]): Invocation {
  let name = '';
  let directory = process.cwd();
  const files: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]?.startsWith('-'); i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--project-name' || flag === '-p') name = value;
    else if (flag === '--project-directory') directory = resolve(value);
    else if (flag === '--file' || flag === '-f') files.push(value);
    // what static mode and the Action's compose-profiles / env-file pass through
    else if (flag === '--profile' || flag === '--env-file') continue;
    else throw new Usage(`unknown flag: ${flag}`);
  }
  return { name, directory, files, verb: argv[i] ?? '', args: argv.slice(i + 1) };
}

async function compose(argv: string[]): Promise<number> {
  if (argv[0] === 'version') {
    return print(
      v1
        ? // what Debian bookworm's docker-compose 1.29.2-3 prints (checked on this machine)
          'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\nCPython version: 3.11.2'
        : `Docker Compose version ${COMPOSE_VERSION}`,
    );
  }
  if (v1) throw new Usage(`fake docker-compose v1 only answers "version", not ${argv.join(' ')}`);
  const call = parseInvocation(argv);
  // compose's own rule and message for project names
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(call.name)) {
    throw new Usage(
      `invalid project name "${call.name}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
    );
  }
  const files = (call.files.length > 0 ? call.files : ['docker-compose.yml']).map((file) =>
    resolve(call.directory, file),
  );
  for (const file of files) {
    if (!existsSync(file)) throw new Usage(`open ${file}: no such file or directory`);
  }
  const model = loadCompose(files);
  switch (call.verb) {
    case 'up':
      return up(call, files, model);
    case 'ps':
      return ps(call, model);
    case 'port':
      return port(call, model);
    case 'stop':
      return stop(call, model);
    case 'down':
      return down(call);
    case 'logs':
      return logs(call, model);
    case 'config':
      return config(call, model);
    default:
      throw new Usage(`fake docker does not implement "compose ${call.verb}"`);
  }
}

function loadCompose(files: string[]): ComposeFile {
  const merged: ComposeFile = { services: {} };
  for (const file of files) {
    const part = parse(readFileSync(file, 'utf8')) as ComposeFile;
    Object.assign(merged.services, part.services);
    merged.networks = { ...merged.networks, ...part.networks };
    merged.volumes = { ...merged.volumes, ...part.volumes };
  }
  return merged;
}

function twin(state: Pick<ProjectState, 'directory'>): LocalRuntime {
  // The twin's repository root, with infrastructure/ taken from the project as compose mounts
  // it. Made once per project: the running JVMs load their jars through these links.
  const realRoot = findRepoRoot(__dirname);
  const root = join(home(), 'repo');
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
    for (const entry of ['.env', 'twin', 'scripts']) {
      symlinkSync(join(realRoot, entry), join(root, entry));
    }
    const infrastructure = join(state.directory, 'infrastructure');
    symlinkSync(
      existsSync(infrastructure) ? infrastructure : join(realRoot, 'infrastructure'),
      join(root, 'infrastructure'),
    );
  }
  return new LocalRuntime(
    twinConfig(
      { home: join(home(), 'twin'), ports: fakePorts(), repoRoot: root },
      { JAVA_HOME: process.env.JAVA_HOME },
    ),
  );
}

async function up(call: Invocation, files: string[], model: ComposeFile): Promise<number> {
  if (!call.args.includes('--detach') && !call.args.includes('-d')) {
    throw new Usage('fake docker only runs "compose up --detach"');
  }
  const previous = readState();
  if (previous && previous.name !== call.name) {
    throw new Usage(`fake docker runs one project at a time; ${previous.name} is still up`);
  }
  const state: ProjectState = {
    name: call.name,
    directory: call.directory,
    files,
    startedAt: previous?.startedAt ?? {},
  };
  writeState(state);
  const runtime = twin(state);
  let failure: Error | undefined;
  try {
    await runtime.up((message) => process.stderr.write(` ${message}\n`));
  } catch (error) {
    failure = error as Error;
  }
  // The twin times its own services; a service it does not run (the sentinel) starts last.
  const now = new Date().toISOString();
  const twinServices = new Set((await runtime.services()).map((s) => s.service));
  for (const service of Object.keys(model.services)) {
    if (!twinServices.has(service)) state.startedAt[service] = now;
  }
  delete state.stopped;
  writeState(state);
  if (!failure) return 0;
  // What compose itself prints when a dependency condition is not met
  const observed = await runtime.services();
  const failedInit = observed.find(
    (s) => s.state === 'exited' && s.service.endsWith('-init') && s.exitCode !== 0,
  );
  if (failedInit) {
    throw new Usage(
      `service "${failedInit.service}" didn't complete successfully: exit ${failedInit.exitCode}`,
    );
  }
  throw failure;
}

const containerName = (model: ComposeFile, service: string) =>
  model.services[service]?.container_name ?? `${readState()?.name ?? 'project'}-${service}-1`;

interface Container {
  service: string;
  name: string;
  state: 'running' | 'exited' | 'created';
  health: '' | 'healthy' | 'starting' | 'unhealthy';
  exitCode: number;
  startedAt: string;
  finishedAt: string;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

async function containers(state: ProjectState, model: ComposeFile): Promise<Container[]> {
  const observed = await twin(state).services();
  const byService = new Map<string, ServiceObservation>(observed.map((s) => [s.service, s]));
  const inits = observed.filter((s) => s.service.endsWith('-init'));
  return Object.entries(model.services).map(([service, definition]) => {
    const twinView = byService.get(service);
    const base = {
      service,
      name: containerName(model, service),
      startedAt: twinView?.startedAt ?? state.startedAt[service] ?? ZERO_TIME,
      finishedAt: ZERO_TIME,
      exitCode: 0,
    };
    const stopped = state.stopped?.[service];
    if (stopped) return { ...base, state: 'exited', health: '', ...stopped };
    const hasHealthcheck = definition.healthcheck !== undefined;
    if (!twinView) {
      // a sentinel such as stack-ready runs once every init has exited 0
      const allInitsDone =
        inits.length > 0 && inits.every((s) => s.state === 'exited' && s.exitCode === 0);
      return allInitsDone
        ? { ...base, state: 'running', health: hasHealthcheck ? 'healthy' : '' }
        : { ...base, state: 'created', health: '', startedAt: ZERO_TIME };
    }
    if (twinView.state === 'running') {
      return {
        ...base,
        state: 'running',
        health: hasHealthcheck ? (twinView.health ?? 'starting') : '',
      };
    }
    if (twinView.state === 'exited') {
      return {
        ...base,
        state: 'exited',
        health: '',
        exitCode: twinView.exitCode ?? 0,
        finishedAt: new Date().toISOString(),
      };
    }
    return { ...base, state: 'created', health: '', startedAt: ZERO_TIME };
  });
}

function status(container: Container): string {
  if (container.state === 'created') return 'Created';
  if (container.state === 'exited') return `Exited (${container.exitCode}) 5 seconds ago`;
  return `Up 2 minutes${container.health ? ` (${container.health})` : ''}`;
}

/**
 * As compose builds them from the engine's port list (pkg/compose/ps.go): sorted by target
 * port; a mapping with a host IP ("127.0.0.1:9092:9092") binds there alone, one without binds
 * on 0.0.0.0 and, with IPv6 on (the engine's default since 27), on :: too.
 */
function publishers(model: ComposeFile, service: string) {
  return (model.services[service]?.ports ?? [])
    .map((mapping) => {
      const parts = String(mapping).split(':');
      const target = Number(parts.pop());
      const published = SERVERS.includes(service as Server3)
        ? fakePorts()[service as Server3]
        : target;
      const hosts = parts.length === 2 ? [parts[0] ?? ''] : ['0.0.0.0', '::'];
      return { hosts, TargetPort: target, PublishedPort: published };
    })
    .sort((a, b) => a.TargetPort - b.TargetPort)
    .flatMap(({ hosts, ...port }) => hosts.map((URL) => ({ URL, ...port, Protocol: 'tcp' })));
}

/** The `Ports` column: docker's DisplayablePorts, e.g. "0.0.0.0:9092->9092/tcp, [::]:9092->9092/tcp". */
function displayablePorts(model: ComposeFile, service: string): string {
  return publishers(model, service)
    .map((p) => {
      const host = p.URL.includes(':') ? `[${p.URL}]` : p.URL;
      return `${host}:${p.PublishedPort}->${p.TargetPort}/${p.Protocol}`;
    })
    .join(', ');
}

/** Named volumes of a service as the engine names them (a bind mount shows its source). */
function mountNames(state: ProjectState, model: ComposeFile, service: string) {
  return (model.services[service]?.volumes ?? []).map((volume) => {
    const [source = ''] = String(volume).split(':');
    const named = !source.startsWith('.') && !source.startsWith('/');
    return named
      ? { name: model.volumes?.[source]?.name ?? `${state.name}_${source}`, local: true }
      : { name: resolve(state.directory, source), local: false };
  });
}

async function ps(call: Invocation, model: ComposeFile): Promise<number> {
  const state = readState();
  if (!state || state.name !== call.name) return 0;
  const listed = (await containers(state, model)).filter(
    (c) => call.args.includes('--all') || c.state === 'running',
  );
  if (!call.args.includes('--format') || !call.args.includes('json')) {
    throw new Usage('fake docker only prints "ps --format json"');
  }
  // compose >= 2.21 prints one JSON object per line
  return print(
    listed
      .map((c) =>
        JSON.stringify({
          Command: '"/etc/confluent/docker/run"',
          CreatedAt: '2026-11-27 09:00:00 +0000 UTC',
          ExitCode: c.exitCode,
          Health: c.health,
          ID: shortId(state.name, c.service).slice(0, 12),
          Image: model.services[c.service]?.image ?? '',
          Labels: `com.docker.compose.project=${state.name},com.docker.compose.service=${c.service}`,
          LocalVolumes: String(mountNames(state, model, c.service).filter((m) => m.local).length),
          Mounts: mountNames(state, model, c.service)
            .map((m) => m.name)
            .join(','),
          Name: c.name,
          Names: c.name,
          Networks: networkNames(state, model, c.service).join(','),
          Ports: displayablePorts(model, c.service),
          Project: state.name,
          Publishers: publishers(model, c.service),
          RunningFor: '2 minutes ago',
          Service: c.service,
          Size: '0B',
          State: c.state,
          Status: status(c),
        }),
      )
      .join('\n'),
  );
}

function networkNames(state: ProjectState, model: ComposeFile, service: string): string[] {
  const declared = model.services[service]?.networks;
  const names = Array.isArray(declared) ? declared : Object.keys(declared ?? { default: null });
  return names.map((name) => model.networks?.[name]?.name ?? `${state.name}_${name}`);
}

async function inspect(argv: string[]): Promise<number> {
  const ids = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--type');
  const state = readState();
  const model = state ? loadCompose(state.files) : { services: {} };
  const all = state ? await containers(state, model) : [];
  const found = ids.map((id) =>
    all.find((c) => shortId(state?.name ?? '', c.service).startsWith(id)),
  );
  const missing = ids.filter((_, i) => !found[i]);
  if (!state || missing.length > 0) {
    process.stdout.write('[]\n');
    throw new Usage(`Error: No such container: ${missing[0] ?? ids[0]}`);
  }
  const documents = found.map((c) => {
    const container = c as Container;
    const definition = model.services[container.service] ?? {};
    return {
      Id: shortId(state.name, container.service),
      Name: `/${container.name}`,
      State: {
        Status: container.state,
        Running: container.state === 'running',
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: container.state === 'running' ? 4242 : 0,
        ExitCode: container.exitCode,
        Error: '',
        StartedAt: container.startedAt,
        FinishedAt: container.finishedAt,
        ...(definition.healthcheck !== undefined && container.health
          ? { Health: { Status: container.health, FailingStreak: 0, Log: [] } }
          : {}),
      },
      Config: {
        Image: definition.image ?? '',
        Labels: {
          'com.docker.compose.project': state.name,
          'com.docker.compose.service': container.service,
          'com.docker.compose.container-number': '1',
          'com.docker.compose.oneoff': 'False',
        },
      },
      NetworkSettings: {
        Networks: Object.fromEntries(
          networkNames(state, model, container.service).map((name) => [
            name,
            { Aliases: [container.name, container.service] },
          ]),
        ),
      },
      Mounts: (definition.volumes ?? []).map((volume) => {
        const [source = '', destination = ''] = String(volume).split(':');
        const named = !source.startsWith('.') && !source.startsWith('/');
        const name = model.volumes?.[source]?.name ?? `${state.name}_${source}`;
        return named
          ? {
              Type: 'volume',
              Name: name,
              Source: `/var/lib/docker/volumes/${name}/_data`,
              Destination: destination,
              Driver: 'local',
              Mode: 'z',
              RW: true,
              Propagation: '',
            }
          : {
              Type: 'bind',
              Source: resolve(state.directory, source),
              Destination: destination,
              Mode: '',
              RW: true,
              Propagation: 'rprivate',
            };
      }),
    };
  });
  return print(JSON.stringify(documents, null, 4));
}

async function port(call: Invocation, model: ComposeFile): Promise<number> {
  const [service = '', target = ''] = call.args;
  const state = readState();
  const published = publishers(model, service).find((p) => String(p.TargetPort) === target);
  if (!state || !published) throw new Usage(`no port ${target}/tcp for container ${service}`);
  return print(`${published.URL}:${published.PublishedPort}`);
}

async function stop(call: Invocation, model: ComposeFile): Promise<number> {
  const state = readState();
  if (!state || state.name !== call.name) return 0;
  const issuedAt = Date.now();
  const running = (await containers(state, model)).filter((c) => c.state === 'running');
  // The twin stops Kafka, then ZooKeeper: each one's FinishedAt is when the twin said it stopped.
  const finishedAt = new Map<string, string>();
  const records = await twin(state).stop((message) => {
    const stopped = /^(\S+) stopped/.exec(message);
    if (stopped?.[1]) finishedAt.set(stopped[1], new Date().toISOString());
    process.stderr.write(` ${message}\n`);
  });
  state.stopped = {};
  for (const container of running) {
    const record = records.find((r) => r.service === container.service);
    state.stopped[container.service] = {
      // a sentinel without a JVM ends at once on SIGTERM
      exitCode: record ? (record.exitCode ?? 137) : 0,
      finishedAt: finishedAt.get(container.service) ?? new Date(issuedAt).toISOString(),
    };
  }
  writeState(state);
  return 0;
}

async function down(call: Invocation): Promise<number> {
  const state = readState();
  if (!state || state.name !== call.name) return 0;
  await twin(state).down({
    removeData: call.args.includes('--volumes') || call.args.includes('-v'),
  });
  rmSync(stateFile(), { force: true });
  rmSync(join(home(), 'repo'), { recursive: true, force: true });
  return 0;
}

async function logs(call: Invocation, model: ComposeFile): Promise<number> {
  const state = readState();
  const service = call.args[call.args.length - 1] ?? '';
  const tailAt = call.args.indexOf('--tail');
  const lines = tailAt >= 0 ? Number(call.args[tailAt + 1]) : 100;
  if (!state || !model.services[service]) throw new Usage(`no such service: ${service}`);
  const text = await twin(state).logs(service, lines);
  const name = containerName(model, service);
  return print(
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `${name}  | ${line}`)
      .join('\n'),
  );
}

/** `compose config --format json`: the merged services (the action reads container names). */
function config(call: Invocation, model: ComposeFile): number {
  if (call.args.join(' ') !== '--format json') {
    throw new Usage('fake docker only prints "compose config --format json"');
  }
  return print(
    JSON.stringify({
      name: call.name,
      services: model.services,
      networks: model.networks,
      volumes: model.volumes,
    }),
  );
}

/** `docker ps --all --format '{{.Names}}\t{{.Label "com.docker.compose.project"}}'`. */
function containerOwners(args: string[]): number {
  if (!args.includes('--all') || !(args[args.indexOf('--format') + 1] ?? '').includes('.Names')) {
    throw new Usage('fake docker only prints "ps --all --format {{.Names}}\\t{{.Label ...}}"');
  }
  const state = readState();
  if (!state) return 0;
  const model = loadCompose(state.files);
  const names = Object.keys(model.services).map((service) => containerName(model, service));
  return print(names.map((name) => `${name}\t${state.name}`).join('\n'));
}
