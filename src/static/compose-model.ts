// The compose project as static mode judges it: resolved by `docker compose config` wherever a
// compose CLI answers, else by this module's own reader, which says what it cannot resolve.
// Either way every location points into the file the value came from (the override that set
// an image, the included file that defines a service), so a reviewer sees the line to fix.
import type { Locate } from '../checks/outcome';
import type { ComposeConfigAnswer } from '../model/compose';
import type { Env } from '../model/dotenv';
import type { YamlPath } from '../spec/yaml-locations';
import { ComposeFileError, type ComposeFile } from './compose-file';
import { interpolate } from './interpolate';

/** One compose file as read from disk: its path as shown, and its parsed content. */
export interface ComposeSource {
  file: string;
  data: unknown;
  locate: Locate;
}

export interface ComposeModel {
  compose: ComposeFile;
  /** the project directory: the first compose file's folder, as compose takes it */
  directory: string;
  /** every file read, as shown (the -f files, the override, included files) */
  files: string[];
  /** where a path of the resolved model was written: the last file that sets it */
  locate: Locate;
  /** the value at a path as written in that file, before variables were filled in */
  written: (path: YamlPath) => unknown;
  /** e.g. "docker compose config (compose 2.26.1)" */
  resolvedBy: string;
  /** what was not resolved as compose would (the fallback reader only) */
  limits: string[];
  /** variables the files use that neither the environment nor the env file sets */
  unsetVariables: string[];
}

/** Files later in the list override earlier ones; the located file is the last that has the
 * deepest part of the path (a service key in an override, its image line in the base file). */
function sourceFor(sources: readonly ComposeSource[], path: YamlPath): ComposeSource | undefined {
  let best: { source: ComposeSource; depth: number } | undefined;
  for (const source of sources) {
    const depth = existingDepth(source.data, path);
    if (depth > 0 && (!best || depth >= best.depth)) best = { source, depth };
  }
  return best?.source ?? sources[sources.length - 1];
}

function existingDepth(data: unknown, path: YamlPath): number {
  let node = data;
  let depth = 0;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') break;
    const next = (node as Record<string | number, unknown>)[segment];
    if (next === undefined) break;
    node = next;
    depth++;
  }
  return depth;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  return path.reduce<unknown>(
    (node, segment) =>
      node !== null && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[segment]
        : undefined,
    data,
  );
}

function located(
  sources: readonly ComposeSource[],
): Pick<ComposeModel, 'files' | 'locate' | 'written'> {
  return {
    files: sources.map((source) => source.file),
    locate: (path) => sourceFor(sources, path)?.locate(path),
    written: (path) => {
      const source = sourceFor(sources, path);
      return source ? valueAt(source.data, path) : undefined;
    },
  };
}

/** compose logs: msg="The \"KAFKA_VERSION\" variable is not set. Defaulting to a blank string." */
const UNSET_WARNING = /The \\?"([A-Za-z_][A-Za-z0-9_]*)\\?" variable is not set/g;
/** compose's JSON for a large stack is tens of KB; anything near this is not a compose answer. */
const MAX_CONFIG_CHARS = 8 * 1024 * 1024;

/** The model from compose's own answer, located in the files it read. */
export function modelFromConfig(
  answer: Extract<ComposeConfigAnswer, { json: string }>,
  sources: readonly ComposeSource[],
  directory: string,
): ComposeModel {
  let compose: ComposeFile;
  try {
    if (answer.json.length > MAX_CONFIG_CHARS) throw new Error('too large');
    compose = JSON.parse(answer.json) as ComposeFile;
  } catch {
    throw new ComposeFileError(
      `docker compose config printed no readable JSON (compose ${answer.version}); run it yourself to see why`,
    );
  }
  return {
    // compose prints `$$` (a literal dollar) escaped; the container sees `$`.
    compose: unescaped({ ...compose, services: compose.services ?? {} }) as ComposeFile,
    directory,
    ...located(sources),
    resolvedBy: `docker compose config (compose ${answer.version})`,
    limits: [],
    unsetVariables: [...new Set([...answer.warnings.matchAll(UNSET_WARNING)].map((m) => m[1]))],
  };
}

function unescaped(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\$/g, '$');
  if (Array.isArray(value)) return value.map(unescaped);
  if (isMapping(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescaped(v)]));
  }
  return value;
}

/** Keys whose lists compose replaces in an override; other lists are merged. */
const REPLACED_LISTS = new Set(['command', 'entrypoint', 'test', 'profiles']);

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A volume entry's container path, by which compose merges an override's mounts. */
function mountTarget(entry: unknown): string {
  if (isMapping(entry)) return String(entry.target ?? '');
  const parts = String(entry).split(':');
  return parts.length > 1 ? (parts[1] ?? '') : (parts[0] ?? '');
}

function merged(base: unknown, override: unknown, key: string): unknown {
  if (override === undefined) return base;
  if (isMapping(base) && isMapping(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = merged(base[k], v, k);
    return out;
  }
  if (Array.isArray(base) && Array.isArray(override) && !REPLACED_LISTS.has(key)) {
    if (key === 'volumes') {
      const targets = new Set(override.map(mountTarget));
      return [...base.filter((entry) => !targets.has(mountTarget(entry))), ...override];
    }
    const seen = new Set(base.map((entry) => JSON.stringify(entry)));
    return [...base, ...override.filter((entry) => !seen.has(JSON.stringify(entry)))];
  }
  return override;
}

function interpolated(value: unknown, env: Env, unset: Set<string>): unknown {
  if (typeof value === 'string') {
    const { value: resolved, unresolved } = interpolate(value, env);
    for (const name of unresolved) unset.add(name);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((entry) => interpolated(entry, env, unset));
  if (isMapping(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolated(v, env, unset)]),
    );
  }
  return value;
}

/**
 * Where no compose CLI answers: the -f files merged in order (mappings merged, lists merged,
 * command and healthcheck replaced), variables filled from `env` (the environment over the env
 * file, as compose does), and services of inactive profiles left out. What compose would do
 * beyond that is named in `limits`, so the report says what this run could not see.
 */
export function modelFromFiles(
  sources: readonly ComposeSource[],
  env: Env,
  profiles: readonly string[],
  why: string,
  directory: string,
): ComposeModel {
  const limits = [`no compose CLI answered (${why}); infra-verify read the files itself`];
  let whole: Record<string, unknown> = {};
  for (const source of sources) {
    whole = merged(whole, isMapping(source.data) ? source.data : {}, '') as Record<string, unknown>;
  }
  if (whole.include !== undefined) {
    limits.push('include: is not resolved: the services of included files are not seen');
  }
  const unset = new Set<string>();
  const services: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(isMapping(whole.services) ? whole.services : {})) {
    if (isMapping(service) && service.extends !== undefined) {
      limits.push(`extends: of service ${name} is not resolved`);
    }
    const own = isMapping(service) && Array.isArray(service.profiles) ? service.profiles : [];
    if (own.length > 0 && !own.some((profile) => profiles.includes(String(profile)))) continue;
    services[name] = interpolated(service, env, unset);
  }
  return {
    compose: {
      ...(interpolated({ networks: whole.networks, volumes: whole.volumes }, env, unset) as object),
      services,
    } as ComposeFile,
    directory,
    ...located(sources),
    resolvedBy: 'infra-verify’s own compose reader',
    limits,
    unsetVariables: [...unset],
  };
}
