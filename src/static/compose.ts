// Static mode: docker-compose.yml against the spec, before any container starts. Reading the
// two files is the only I/O (verifyStatic); checkCompose is pure and points at compose lines.
import { UserError } from '../model/errors';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  combine,
  compare,
  mismatch,
  needs,
  pass,
  skip,
  toResult,
  type Outcome,
} from '../checks/outcome';
import { resultOf, type CheckResult, type Section, type VerifyReport } from '../model/report';
import { formatLocation } from '../model/source';
import { parseDotenv, type Env } from '../model/dotenv';
import { readTextFile, TextFileProblem } from '../spec/text-file';
import type { ServiceSpec, Spec } from '../spec/types';
import { ALIAS_BOMB_MESSAGE, isAliasBomb, parseYaml, type YamlPath } from '../spec/yaml-locations';
import { shapeProblem } from './compose-shape';
import { interpolate } from './interpolate';

/** A compose file static mode cannot read at all (missing, not YAML): a usage error, not drift. */
export class ComposeFileError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeFileError';
  }
}

/** Static mode's whole run, as the report every renderer takes. */
export function staticReport(composeFile: string, spec: Spec): VerifyReport {
  const started = Date.now();
  const checks = verifyStatic(composeFile, spec);
  return {
    result: resultOf(checks),
    runtime: 'static',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    timings: { static: Date.now() - started },
    checks,
    logs: {},
  };
}

function readComposeText(file: string, what: string): string {
  try {
    return readTextFile(file);
  } catch (error) {
    if (!(error instanceof TextFileProblem)) throw error;
    throw new ComposeFileError(
      `${what} ${file}: ${error.message}; run from the repository root or pass the compose file path`,
    );
  }
}

export function verifyStatic(composeFile: string, spec: Spec): CheckResult[] {
  const text = readComposeText(composeFile, 'compose file');
  // Like compose itself, variables come from the .env next to the compose file.
  const envFile = join(dirname(composeFile), '.env');
  const env = existsSync(envFile) ? parseDotenv(readComposeText(envFile, 'the .env file')) : {};
  return checkCompose(text, composeFile, env, spec);
}

interface ComposeService {
  container_name?: string;
  image?: string;
  build?: unknown;
  networks?: string[] | Record<string, unknown>;
  network_mode?: string;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string } | null>;
}

interface ComposeFile {
  services?: Record<string, ComposeService | null>;
  networks?: Record<string, { name?: string } | null>;
  volumes?: Record<string, { name?: string } | null>;
}

export function checkCompose(text: string, file: string, env: Env, spec: Spec): CheckResult[] {
  const { doc, locate, syntaxErrors } = parseYaml(text, file);
  const [syntaxError] = syntaxErrors;
  if (syntaxError) {
    throw new ComposeFileError(
      `${formatLocation(syntaxError.location)}: compose file is not valid YAML: ${syntaxError.message}`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    if (!isAliasBomb(error)) throw error;
    throw new ComposeFileError(`${file}: ${ALIAS_BOMB_MESSAGE}`);
  }
  const shape = shapeProblem(data);
  if (shape) {
    const where = locate(shape.pointer.split('/').slice(1));
    throw new ComposeFileError(
      `${where ? formatLocation(where) : file}: the compose file is not shaped as compose expects at ${shape.pointer}: ${shape.message}`,
    );
  }
  const compose = (data ?? {}) as ComposeFile;
  const results: CheckResult[] = [];
  for (const [name, declared] of Object.entries(spec.compose.services)) {
    const service = compose.services?.[name] ?? undefined;
    const check = (
      suffix: string,
      section: Section,
      title: string,
      path: YamlPath,
      outcome: Outcome,
      parent?: string,
    ) => {
      const result = toResult(
        locate,
        { id: `static.${name}.${suffix}`, section, title, path, parent },
        outcome,
      );
      results.push(result);
      return result;
    };
    const present = check(
      'defined',
      'Infrastructure Services',
      `${name} service defined`,
      ['services', name],
      service
        ? pass(`${name}: defined in ${basename(file)}`)
        : mismatch(name, 'service', `defined in ${basename(file)}`, 'missing'),
    );
    const judge = (judgeService: (defined: ComposeService) => Outcome) =>
      needs([present], () => judgeService(service as ComposeService));
    const servicePath = (...rest: (string | number)[]): YamlPath => ['services', name, ...rest];
    const containerName = declared.containerName;
    if (containerName) {
      check(
        'container-name',
        'Infrastructure Services',
        `${name} container name ${containerName}`,
        servicePath('container_name'),
        judge((s) => compare(name, 'container_name', containerName, s.container_name ?? 'not set')),
        present.id,
      );
    }
    check(
      'image',
      'Infrastructure Services',
      `${name} image pinned`,
      servicePath('image'),
      judge((s) => imageOutcome(name, s, env)),
      present.id,
    );
    const network = spec.compose.network;
    if (network) {
      check(
        'network',
        'Infrastructure Services',
        `${name} on ${network}`,
        servicePath('networks'),
        judge((s) => networkOutcome(name, s, compose, network)),
        present.id,
      );
    }
    if (declared.ready === 'healthy') {
      check(
        'healthcheck',
        'Infrastructure Services',
        `${name} healthcheck uses its protocol`,
        servicePath('healthcheck', 'test'),
        judge((s) => healthcheckOutcome(name, s)),
        present.id,
      );
    }
    check(
      'depends-on',
      'Infrastructure Services',
      `${name} depends_on ${describeDependencies(declared) || 'nothing'}`,
      servicePath('depends_on'),
      judge((s) => dependsOnOutcome(name, s, declared)),
      present.id,
    );
    const mounts = service ? parseMounts(service) : [];
    for (const [volume, path] of Object.entries(declared.volumes)) {
      const index = mounts.findIndex((mount) => mount.target === path);
      check(
        `volume.${volume}`,
        'Data Persistence',
        `${name}: volume ${volume} mounted on ${path}`,
        index >= 0 ? servicePath('volumes', index) : servicePath('volumes'),
        needs([present], () => volumeOutcome(name, mounts[index], compose, volume, path)),
      );
    }
  }
  return results;
}

function describeDependencies(declared: ServiceSpec): string {
  return Object.entries(declared.dependsOn)
    .map(([dependency, condition]) => `${dependency} (${condition})`)
    .join(', ');
}

function imageOutcome(name: string, service: ComposeService, env: Env): Outcome {
  if (service.image === undefined) {
    return service.build !== undefined
      ? skip(`${name} is built from source (build:), no image to pin`)
      : mismatch(name, 'image', 'a pinned image', 'none');
  }
  const { value: image, unresolved } = interpolate(service.image, env);
  if (unresolved.length > 0) {
    return mismatch(
      name,
      'image',
      'every variable set',
      `${service.image} with ${unresolved.join(', ')} not set in .env and no default`,
    );
  }
  const expected = 'a pinned version tag (not latest)';
  if (image.includes('@sha256:'))
    return pass(`${name}: image ${image} pinned by digest`, expected, image);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : undefined;
  if (tag === undefined)
    return mismatch(name, 'image', expected, `${image} (no tag, which means latest)`);
  if (tag === 'latest') return mismatch(name, 'image', expected, image);
  return pass(`${name}: image ${image}`, expected, image);
}

function networkOutcome(
  name: string,
  service: ComposeService,
  compose: ComposeFile,
  network: string,
): Outcome {
  if (service.network_mode)
    return mismatch(name, 'network', network, `network_mode ${service.network_mode}`);
  const keys = Array.isArray(service.networks)
    ? service.networks
    : Object.keys(service.networks ?? {});
  // A network key's real name is its `name:` when set; otherwise compose uses the key.
  const names = keys.map((key) => compose.networks?.[key]?.name ?? key);
  if (names.includes(network)) return pass(`${name}: on ${network}`, network, network);
  return mismatch(name, 'network', network, names.join(', ') || 'the default network only');
}

/** What "uses the real protocol" means per server: a port that accepts connections is not enough. */
const PROTOCOL_HEALTHCHECKS = [
  {
    kind: 'zookeeper',
    pattern: /\b(srvr|ruok|mntr)\b/,
    expected: 'a ZooKeeper four-letter word (srvr or ruok)',
  },
  {
    kind: 'cassandra',
    pattern: /\bcqlsh\b.*\s(-e|--execute)\b/,
    expected: 'a CQL query (cqlsh -e ...)',
  },
  {
    kind: 'kafka',
    pattern: /kafka-broker-api-versions|kafka-topics|kafka-cluster|kafka-metadata/,
    expected:
      'a Kafka broker API call (kafka-broker-api-versions / kafka-topics --bootstrap-server)',
  },
] as const;

function healthcheckOutcome(name: string, service: ComposeService): Outcome {
  const healthcheck = service.healthcheck;
  const kind = PROTOCOL_HEALTHCHECKS.find(
    ({ kind: k }) => (service.image ?? '').includes(k) || name.includes(k),
  );
  const expected = kind?.expected ?? 'a healthcheck';
  if (!healthcheck?.test || healthcheck.disable)
    return mismatch(name, 'healthcheck', expected, healthcheck?.disable ? 'disabled' : 'none');
  const parts = Array.isArray(healthcheck.test) ? healthcheck.test : [healthcheck.test];
  if (parts[0] === 'NONE') return mismatch(name, 'healthcheck', expected, 'disabled (NONE)');
  const command = (parts[0] === 'CMD' || parts[0] === 'CMD-SHELL' ? parts.slice(1) : parts).join(
    ' ',
  );
  if (!kind || kind.pattern.test(command))
    return pass(`${name}: healthcheck ${command}`, expected, command);
  return mismatch(name, 'healthcheck', expected, command);
}

function dependsOnOutcome(name: string, service: ComposeService, declared: ServiceSpec): Outcome {
  const raw = service.depends_on ?? {};
  const actual: Record<string, string> = Array.isArray(raw)
    ? Object.fromEntries(raw.map((dependency) => [dependency, 'service_started']))
    : Object.fromEntries(
        Object.entries(raw).map(([dependency, options]) => [
          dependency,
          options?.condition ?? 'service_started',
        ]),
      );
  const outcomes = [
    ...Object.entries(declared.dependsOn).map(([dependency, condition]) =>
      compare(name, `depends_on ${dependency}`, condition, actual[dependency] ?? 'not declared'),
    ),
    ...Object.keys(actual)
      .filter((dependency) => !(dependency in declared.dependsOn))
      .map((dependency) =>
        mismatch(name, `depends_on ${dependency}`, 'not declared', actual[dependency]),
      ),
  ];
  if (outcomes.length === 0) return pass(`${name}: no dependencies, as declared`);
  return combine(outcomes, 'no dependencies');
}

interface Mount {
  source: string;
  target: string;
}

/** Short ("source:target[:mode]") and long ({ source, target }) syntax alike; no source is an
 * anonymous volume. */
function parseMounts(service: ComposeService): Mount[] {
  return (service.volumes ?? []).map((entry) => {
    if (typeof entry !== 'string')
      return { source: entry.source ?? '', target: entry.target ?? '' };
    const [source, target] = entry.split(':');
    return target === undefined ? { source: '', target: source } : { source, target };
  });
}

function volumeOutcome(
  name: string,
  mount: Mount | undefined,
  compose: ComposeFile,
  volume: string,
  path: string,
): Outcome {
  const expected = `named volume ${volume}`;
  const what = `mount on ${path}`;
  if (!mount) return mismatch(name, what, expected, 'nothing mounted');
  if (mount.source === '') return mismatch(name, what, expected, 'an anonymous volume');
  if (/^[./~]/.test(mount.source))
    return mismatch(name, what, expected, `bind mount ${mount.source}`);
  if (mount.source !== volume)
    return mismatch(name, what, expected, `named volume ${mount.source}`);
  if (!compose.volumes || !(volume in compose.volumes)) {
    return mismatch(name, `volume ${volume}`, 'declared under top-level volumes:', 'not declared');
  }
  return pass(`${name}: ${volume} on ${path}`, expected, expected);
}
