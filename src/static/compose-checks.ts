// Static mode's checks, in the style of checks/: one definition per checklist line, each a pure
// judgement of the parsed compose file against the spec, its result pointing at a compose line.
import { basename } from 'node:path';
import {
  combine,
  compare,
  mismatch,
  needs,
  pass,
  skip,
  toResult,
  type Locate,
  type Outcome,
} from '../checks/outcome';
import type { CheckResult, Section } from '../model/report';
import { healthcheckCommand, PROTOCOL_HEALTHCHECKS } from '../spec/protocol-healthchecks';
import { containerPorts } from '../spec/compose-facts';
import { declaredRoles, roleOfService, type ServiceSpec, type Spec } from '../spec/types';
import type { YamlPath } from '../spec/yaml-locations';
import type { ComposeFile, ComposeService } from './compose-file';
import type { ComposeModel } from './compose-model';
import { interpolate } from './interpolate';

const SERVICES: Section = 'Infrastructure Services';

/** What one service's checks see: the service as declared in the spec and the whole file. */
interface ServiceContext {
  name: string;
  declared: ServiceSpec;
  spec: Spec;
  compose: ComposeFile;
  model: ComposeModel;
}

/** A check made once per declared service, under its "defined" check. */
interface ServiceCheckDef {
  suffix: string;
  title: (context: ServiceContext) => string;
  /** inside the service's entry */
  path: YamlPath;
  appliesTo?: (context: ServiceContext) => boolean;
  judge: (service: ComposeService, context: ServiceContext) => Outcome;
}

const SERVICE_CHECKS: readonly ServiceCheckDef[] = [
  {
    suffix: 'container-name',
    appliesTo: ({ declared }) => declared.containerName !== undefined,
    title: ({ name, declared }) => `${name} container name ${declared.containerName}`,
    path: ['container_name'],
    judge: (service, { name, declared }) =>
      compare(
        name,
        'container_name',
        declared.containerName ?? '',
        service.container_name ?? 'not set',
      ),
  },
  {
    suffix: 'image',
    title: ({ name }) => `${name} image pinned`,
    path: ['image'],
    judge: (service, { name, model }) => imageOutcome(name, service, model),
  },
  {
    suffix: 'network',
    appliesTo: ({ spec }) => spec.compose.network !== undefined,
    title: ({ name, spec }) => `${name} on ${spec.compose.network}`,
    path: ['networks'],
    judge: (service, { name, compose, spec }) =>
      networkOutcome(name, service, compose, spec.compose.network ?? ''),
  },
  {
    suffix: 'healthcheck',
    appliesTo: ({ declared }) => declared.ready === 'healthy',
    title: ({ name }) => `${name} healthcheck uses its protocol`,
    path: ['healthcheck', 'test'],
    judge: (service, { name, spec }) => healthcheckOutcome(name, service, spec),
  },
  {
    suffix: 'depends-on',
    title: ({ name, declared }) =>
      `${name} depends_on ${describeDependencies(declared) || 'nothing'}`,
    path: ['depends_on'],
    judge: (service, { name, declared }) => dependsOnOutcome(name, service, declared),
  },
];

export function composeChecks(model: ComposeModel, spec: Spec): CheckResult[] {
  return [...serviceChecks(model, spec), ...portChecks(model, spec)];
}

/** Each server's port, as the spec declares it, is one its service publishes or exposes: the
 * port clients and the live run reach it on. */
function portChecks({ compose, locate }: ComposeModel, spec: Spec): CheckResult[] {
  return Object.entries(declaredRoles(spec)).map(([role, { service, port }]) => {
    const declared = compose.services?.[service] ?? undefined;
    const ports = declared
      ? [...containerPorts(declared.ports), ...containerPorts(declared.expose)]
      : [];
    const expected = `container port ${port} published or exposed`;
    return toResult(
      locate,
      {
        id: `static.${role}.port`,
        section: SERVICES,
        title: `${service}: ${role} port ${port} published or exposed`,
        path: ['services', service, declared?.ports ? 'ports' : 'expose'],
      },
      !declared
        ? mismatch(service, `${role} service`, 'defined', 'missing')
        : ports.includes(port)
          ? pass(`${service}: ${role} port ${port}`, expected, expected)
          : mismatch(
              service,
              `${role} port`,
              expected,
              ports.length > 0
                ? `container ports ${ports.join(', ')}`
                : 'no port published or exposed',
            ),
    );
  });
}

function serviceChecks(model: ComposeModel, spec: Spec): CheckResult[] {
  const { compose, locate } = model;
  const files = model.files.map((file) => basename(file)).join(' + ');
  return Object.entries(spec.compose.services).flatMap(([name, declared]) => {
    const context: ServiceContext = { name, declared, spec, compose, model };
    const service = compose.services?.[name] ?? undefined;
    const defined = toResult(
      locate,
      {
        id: `static.${name}.defined`,
        section: SERVICES,
        title: `${name} service defined`,
        path: ['services', name],
      },
      service
        ? pass(`${name}: defined in ${files}`)
        : mismatch(name, 'service', `defined in ${files}`, 'missing'),
    );
    const perService = SERVICE_CHECKS.filter((def) => def.appliesTo?.(context) ?? true).map((def) =>
      toResult(
        locate,
        {
          id: `static.${name}.${def.suffix}`,
          section: SERVICES,
          title: def.title(context),
          path: ['services', name, ...def.path],
          parent: defined.id,
        },
        needs([defined], () => def.judge(service as ComposeService, context)),
      ),
    );
    return [defined, ...perService, ...volumeChecks(context, service, defined, locate)];
  });
}

/** One check per declared volume, in the persistence section, pointing at the mount's line. */
function volumeChecks(
  { name, declared, compose }: ServiceContext,
  service: ComposeService | undefined,
  defined: CheckResult,
  locate: Locate,
): CheckResult[] {
  const mounts = service ? parseMounts(service) : [];
  return Object.entries(declared.volumes).map(([volume, path]) => {
    const index = mounts.findIndex((mount) => mount.target === path);
    return toResult(
      locate,
      {
        id: `static.${name}.volume.${volume}`,
        section: 'Data Persistence',
        title: `${name}: volume ${volume} mounted on ${path}`,
        path: index >= 0 ? ['services', name, 'volumes', index] : ['services', name, 'volumes'],
      },
      needs([defined], () => volumeOutcome(name, mounts[index], compose, volume, path)),
    );
  });
}

function describeDependencies(declared: ServiceSpec): string {
  return Object.entries(declared.dependsOn)
    .map(([dependency, condition]) => `${dependency} (${condition})`)
    .join(', ');
}

function imageOutcome(name: string, service: ComposeService, model: ComposeModel): Outcome {
  if (service.image === undefined) {
    return service.build !== undefined
      ? skip(`${name} is built from source (build:), no image to pin`)
      : mismatch(name, 'image', 'a pinned image', 'none');
  }
  const written = model.written(['services', name, 'image']);
  const unset =
    typeof written === 'string'
      ? interpolate(written, {}).unresolved.filter((v) => model.unsetVariables.includes(v))
      : [];
  if (unset.length > 0) {
    return mismatch(
      name,
      'image',
      'every variable set',
      `${String(written)} with ${unset.join(', ')} not set (environment or env file) and no default`,
    );
  }
  const image = service.image;
  const expected = 'a pinned version tag (not latest)';
  if (image.includes('@sha256:'))
    return pass(`${name}: image ${image} pinned by digest`, expected, image);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : undefined;
  if (tag === undefined || tag === '')
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

/** A role's server (the spec says which service is which) must answer its own protocol; any
 * other service declared healthy needs a healthcheck, whatever command it runs. */
function healthcheckOutcome(name: string, service: ComposeService, spec: Spec): Outcome {
  const healthcheck = service.healthcheck;
  const role = roleOfService(spec, name);
  const protocol = role ? PROTOCOL_HEALTHCHECKS[role] : undefined;
  const expected = protocol?.expected ?? 'a healthcheck';
  if (!healthcheck?.test || healthcheck.disable)
    return mismatch(name, 'healthcheck', expected, healthcheck?.disable ? 'disabled' : 'none');
  const command = healthcheckCommand(healthcheck.test);
  if (command === undefined) return mismatch(name, 'healthcheck', expected, 'disabled (NONE)');
  if (!protocol || protocol.pattern.test(command))
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
