// `infra-verify init` reads the compose file for what a live stack cannot show: service names,
// container names, readiness kinds, dependencies, volumes and the network. Pure: text in.
import { parseDocument } from 'yaml';
import { healthcheckCommand, PROTOCOL_HEALTHCHECKS } from './protocol-healthchecks';
import { DEFAULT_ROLES, type DependencyCondition, type RoleName, type RoleSpec } from './types';
import type { ComposeFacts } from './draft';

interface RawService {
  container_name?: unknown;
  healthcheck?: { test?: unknown; disable?: unknown };
  restart?: unknown;
  depends_on?: unknown;
  volumes?: unknown;
  networks?: unknown;
  ports?: unknown;
}

const CONDITIONS: DependencyCondition[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

export function composeFacts(text: string): ComposeFacts {
  return composeFactsOf(parseDocument(text).toJS());
}

/** The same facts from a compose file already parsed, or compose's own resolved model. */
export function composeFactsOf(data: unknown): ComposeFacts {
  const raw = (data ?? {}) as {
    services?: Record<string, RawService | null>;
    networks?: Record<string, { name?: string } | null>;
    volumes?: Record<string, unknown>;
  };
  const services: ComposeFacts['services'] = {};
  for (const [name, service] of Object.entries(raw.services ?? {})) {
    const s = service ?? {};
    const healthcheck = s.healthcheck;
    services[name] = {
      ...(typeof s.container_name === 'string' ? { containerName: s.container_name } : {}),
      hasHealthcheck: Boolean(healthcheck?.test) && healthcheck?.disable !== true,
      ...(healthcheck?.disable !== true && healthcheckCommand(healthcheck?.test)
        ? { healthcheck: healthcheckCommand(healthcheck?.test) }
        : {}),
      restartNo: s.restart === 'no',
      dependsOn: dependsOn(s.depends_on),
      volumes: namedVolumes(s.volumes, raw.volumes ?? {}),
      networks: networkNames(s.networks, raw.networks ?? {}),
      publishedPorts: containerPorts(s.ports),
    };
  }
  return { services };
}

function dependsOn(value: unknown): Record<string, DependencyCondition> {
  if (Array.isArray(value))
    return Object.fromEntries(value.map((name) => [String(name), 'service_started' as const]));
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, { condition?: string } | null>).map(
      ([name, options]) => {
        const condition = options?.condition as DependencyCondition | undefined;
        return [name, condition && CONDITIONS.includes(condition) ? condition : 'service_started'];
      },
    ),
  );
}

function namedVolumes(value: unknown, declared: Record<string, unknown>): Record<string, string> {
  if (!Array.isArray(value)) return {};
  const volumes: Record<string, string> = {};
  for (const entry of value) {
    const [source, target] =
      typeof entry === 'string'
        ? entry.split(':')
        : [(entry as { source?: string }).source, (entry as { target?: string }).target];
    if (source && target && source in declared) volumes[source] = target;
  }
  return volumes;
}

function networkNames(
  value: unknown,
  declared: Record<string, { name?: string } | null>,
): string[] {
  const keys = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'object' && value !== null
      ? Object.keys(value)
      : [];
  // `default` is the network compose makes when a file names none: not one to declare.
  return keys.filter((key) => key !== 'default').map((key) => declared[key]?.name ?? key);
}

/** "9092:9092", "127.0.0.1:9092:9092", 9042, { target: 9042 }, "9092/tcp" -> the container
 * port; for `ports:` and `expose:` alike. */
export function containerPorts(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry === 'number') return [entry];
    if (typeof entry === 'object' && entry !== null) {
      const target = Number((entry as { target?: unknown }).target);
      return Number.isInteger(target) ? [target] : [];
    }
    const target = Number(String(entry).split(':').pop()?.split('/')[0]);
    return Number.isInteger(target) ? [target] : [];
  });
}

/**
 * Which service plays each role in a draft: the one whose healthcheck speaks the role's protocol,
 * else the service the spec's own default names. Never a guess from a name or an image: a
 * `kafka-ui` is not a broker. Its port is the role's usual port when published, else the first.
 */
export function rolesFromCompose(facts: ComposeFacts): Partial<Record<RoleName, RoleSpec>> {
  const roles: Partial<Record<RoleName, RoleSpec>> = {};
  for (const role of Object.keys(DEFAULT_ROLES) as RoleName[]) {
    const usual = DEFAULT_ROLES[role];
    const services = Object.entries(facts.services);
    const [name, service] =
      services.find(([, s]) => PROTOCOL_HEALTHCHECKS[role].pattern.test(s.healthcheck ?? '')) ??
      services.find(([candidate]) => candidate === usual.service) ??
      [];
    if (!name || !service) continue;
    const port = service.publishedPorts.includes(usual.port)
      ? usual.port
      : (service.publishedPorts[0] ?? usual.port);
    roles[role] = { service: name, port };
  }
  return roles;
}
