// Parsers of what compose and the docker CLI print. Pure: text in, typed values out.
import { parseHostPort } from '../../protocol/host-port';
import type { ServiceObservation, ServiceState } from '../../model/runtime';
import type { DependencyCondition, StartGraph } from './start-graph';

export class ComposeOutputError extends Error {}

/** One container as `docker compose ps --format json` describes it (the fields we use). */
export interface PsEntry {
  id: string;
  name: string;
  service: string;
  state: ServiceState;
  health?: 'healthy' | 'unhealthy' | 'starting';
  exitCode?: number;
}

/**
 * compose v2 before 2.21 printed one JSON array; since 2.21 it prints one JSON object per line.
 * Both are accepted, and an empty project prints nothing (or "[]").
 */
export function parsePs(output: string): PsEntry[] {
  const text = output.trim();
  if (text === '') return [];
  const raw: unknown[] = text.startsWith('[')
    ? asArray(parseJson(text, 'docker compose ps'))
    : text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => parseJson(line, 'docker compose ps'));
  return raw.map(toPsEntry);
}

function toPsEntry(value: unknown): PsEntry {
  const entry = asRecord(value, 'docker compose ps');
  const state = toState(stringField(entry, 'State'));
  const health = toHealth(stringField(entry, 'Health'));
  const exitCode = typeof entry.ExitCode === 'number' ? entry.ExitCode : undefined;
  return {
    id: stringField(entry, 'ID'),
    name: stringField(entry, 'Name'),
    service: stringField(entry, 'Service'),
    state,
    ...(health ? { health } : {}),
    // compose reports ExitCode 0 for running containers too; it only means something once exited
    ...(state === 'exited' && exitCode !== undefined ? { exitCode } : {}),
  };
}

/** The fixed `container_name`s of `docker compose config --format json`, by service. */
export function parseContainerNames(output: string): Map<string, string> {
  const config = asRecord(parseJson(output, 'docker compose config'), 'docker compose config');
  const services = asRecord(config.services ?? {}, 'docker compose config services');
  const names = new Map<string, string>();
  for (const [service, value] of Object.entries(services)) {
    const name = asRecord(value, `docker compose config service ${service}`).container_name;
    if (typeof name === 'string' && name !== '') names.set(name, service);
  }
  return names;
}

/** The services of `docker compose config --format json`, each with what it waits for. */
export function parseStartGraph(output: string): StartGraph {
  const config = asRecord(parseJson(output, 'docker compose config'), 'docker compose config');
  const services = asRecord(config.services ?? {}, 'docker compose config services');
  const graph: StartGraph = {};
  for (const [service, value] of Object.entries(services)) {
    const definition = asRecord(value, `docker compose config service ${service}`);
    const dependsOn: Record<string, DependencyCondition> = {};
    const listed = definition.depends_on ?? {};
    for (const [dependency, entry] of Object.entries(
      asRecord(listed, `depends_on of ${service}`),
    )) {
      const { condition, required } = asRecord(entry, `depends_on ${dependency} of ${service}`);
      // compose skips an optional dependency that is not part of the project (profiles)
      if (required === false && !(dependency in services)) continue;
      dependsOn[dependency] = toCondition(condition, service, dependency);
    }
    const healthcheck =
      definition.healthcheck === undefined
        ? undefined
        : asRecord(definition.healthcheck, `healthcheck of ${service}`);
    graph[service] = {
      dependsOn,
      ...(healthcheck && healthcheck.disable !== true && healthcheck.test !== undefined
        ? { healthcheck: healthcheck.test }
        : {}),
    };
  }
  return graph;
}

const CONDITIONS: readonly DependencyCondition[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

function toCondition(value: unknown, service: string, dependency: string): DependencyCondition {
  // compose fills in service_started where the file gives a plain list
  if (value === undefined) return 'service_started';
  const condition = CONDITIONS.find((known) => known === value);
  if (!condition) {
    throw new ComposeOutputError(
      `docker compose config gave ${service} an unknown depends_on condition for ${dependency}: ${JSON.stringify(value)}`,
    );
  }
  return condition;
}

/** `docker ps --format '{{.Names}}\t{{.Label "com.docker.compose.project"}}'`: name -> project. */
export function parseContainerOwners(output: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [name = '', project = ''] = line.split('\t');
    if (name.trim() !== '') owners.set(name.trim(), project.trim());
  }
  return owners;
}

/** `docker compose port kafka 9092` prints "0.0.0.0:9092", "[::]:9092" or ":::9092". */
export function parsePort(output: string): { host: string; port: number } {
  const line = (output.trim().split('\n')[0] ?? '').trim();
  let bound: { host: string; port: number };
  try {
    bound = parseHostPort(line);
  } catch {
    throw new ComposeOutputError(`docker compose port printed "${line}", expected HOST:PORT`);
  }
  // A wildcard bind is reachable on loopback; clients must not dial 0.0.0.0 or ::.
  const wildcard = bound.host === '0.0.0.0' || bound.host === '::' || bound.host === '';
  return { host: wildcard ? '127.0.0.1' : bound.host, port: bound.port };
}

/** A service as `docker inspect` shows its container. */
export interface ContainerObservation extends ServiceObservation {
  /** when the container last stopped, to time each service's stop */
  finishedAt?: string;
}

/**
 * `docker inspect` of the project's containers, as observations. Compose prefixes network and
 * volume names with the project ("<project>_chatbattle-network") unless the file gives them a
 * fixed `name:`; the prefix is removed so they compare with the spec.
 */
export function parseInspect(output: string, projectName: string): ContainerObservation[] {
  return asArray(parseJson(output, 'docker inspect')).map((value) => {
    const container = asRecord(value, 'docker inspect');
    const config = asRecord(container.Config ?? {}, 'docker inspect Config');
    const labels = asRecord(config.Labels ?? {}, 'docker inspect Config.Labels');
    const state = asRecord(container.State ?? {}, 'docker inspect State');
    const health = state.Health
      ? toHealth(stringField(asRecord(state.Health, 'Health'), 'Status'))
      : undefined;
    const status = toState(stringField(state, 'Status'));
    const networks = Object.keys(
      asRecord(
        asRecord(container.NetworkSettings ?? {}, 'NetworkSettings').Networks ?? {},
        'Networks',
      ),
    ).map((network) => withoutProject(network, projectName));
    const mounts: Record<string, string> = {};
    for (const mountValue of asArray(container.Mounts ?? [])) {
      const mount = asRecord(mountValue, 'docker inspect Mounts');
      if (mount.Type === 'volume' && typeof mount.Name === 'string') {
        mounts[withoutProject(mount.Name, projectName)] = stringField(mount, 'Destination');
      }
    }
    const service = labels['com.docker.compose.service'];
    const startedAt = stringField(state, 'StartedAt');
    const finishedAt = stringField(state, 'FinishedAt');
    return {
      service: typeof service === 'string' ? service : '',
      containerName: stringField(container, 'Name').replace(/^\//, ''),
      state: status,
      ...(health ? { health } : {}),
      ...(status === 'exited' && typeof state.ExitCode === 'number'
        ? { exitCode: state.ExitCode }
        : {}),
      // docker's zero time means "never started"
      ...(isSet(startedAt) ? { startedAt } : {}),
      ...(status === 'exited' && isSet(finishedAt) ? { finishedAt } : {}),
      networks,
      mounts,
    };
  });
}

/** docker prints its zero time, 0001-01-01T00:00:00Z, for "never" */
function isSet(time: string): boolean {
  return time !== '' && !time.startsWith('0001-');
}

function withoutProject(name: string, projectName: string): string {
  const prefix = `${projectName}_`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function toState(value: string): ServiceState {
  switch (value) {
    case 'running':
    case 'exited':
    case 'restarting':
    case 'created':
      return value;
    case 'dead':
    case 'removing':
      return 'exited';
    case 'paused':
      return 'running';
    default:
      return 'missing';
  }
}

function toHealth(value: string): PsEntry['health'] {
  return value === 'healthy' || value === 'unhealthy' || value === 'starting' ? value : undefined;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ComposeOutputError(`${what} printed output that is not JSON: ${text.slice(0, 200)}`);
  }
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value))
    throw new ComposeOutputError(`expected a JSON array, got ${typeof value}`);
  return value;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ComposeOutputError(`${what}: expected a JSON object`);
  }
  return value as Record<string, unknown>;
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}
