// What `infra-verify init` does once its flags are read: loaded only then, since it reaches the
// servers through the drivers.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../model/errors';
import type { Runtime } from '../model/runtime';
import { connectStack, observeLive } from '../probes/observe-stack';
import { EVERY_CONFIG } from '../probes/kafka';
import { LOOK_PAST_DEADLINE_MS } from '../model/deadline';
import { awaitStack } from '../probes/stack-ready';
import { composeFactsFor, draftFromCompose } from '../app/compose-draft';
import { rolesFromCompose } from '../spec/compose-facts';
import { draftSpec, type InspectedStack } from '../spec/draft';
import { MAX_SPEC_BYTES, parseSpec } from '../spec/load';
import { renderSpec, type DraftOrigin } from '../spec/render';
import { TWIN_TOPOLOGIES } from '../runtime/local/profiles';
import { DEFAULT_ROLES, ROLE_NAMES, type RoleName, type RoleSpec, type Spec } from '../spec/types';
import { runtimeFor } from '../app/run';
import {
  CLI_WORDING,
  composeSelection,
  EXIT,
  type ComposeFlags,
  UsageError,
  stackRequest,
  timeoutSeconds,
  type StackFlags,
} from './options';

export interface InitFlags extends StackFlags, ComposeFlags {
  out: string;
  force?: boolean;
  timeout: string;
  static?: boolean;
  runInits: boolean;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

/** What the running servers show: the roles that answered, their topics and their schema. */
async function inspect(
  runtime: Runtime,
  candidates: Partial<Record<RoleName, RoleSpec>>,
  deadline: number,
): Promise<InspectedStack> {
  // A spec of the candidate roles only, so that the waits ask exactly these servers.
  const probeSpec: Spec = {
    version: 1,
    compose: { services: {} },
    ...(candidates.zookeeper ? { zookeeper: candidates.zookeeper } : {}),
    ...(candidates.kafka ? { kafka: { ...candidates.kafka, topics: [] } } : {}),
    ...(candidates.cassandra ? { cassandra: { ...candidates.cassandra, keyspaces: [] } } : {}),
    probes: { roundTrip: false, ttl: { toleranceSeconds: 5, expiry: false } },
    persistence: { enabled: false },
  };
  const readiness = await awaitStack(probeSpec, runtime, deadline, progress);
  const roles: InspectedStack['roles'] = {};
  for (const role of ROLE_NAMES) {
    const state = readiness[role];
    const declared = candidates[role];
    if (!state || !declared) continue;
    if (state.ok) roles[role] = declared;
    else
      progress(
        `${role} (${declared.service}) did not answer, so the spec leaves it out: ${state.error}`,
      );
  }
  if (Object.keys(roles).length === 0) {
    throw new UserError(
      'no server of the stack answered; start the stack first (e.g. `infra-verify up`), or point init at it with --runtime existing and its endpoints',
    );
  }
  const clients = await connectStack(runtime.endpoints, readiness);
  try {
    const live = await observeLive(
      runtime,
      readiness,
      clients,
      {
        clusters: { kafka: roles.kafka !== undefined, cassandra: roles.cassandra !== undefined },
        topics: [],
        configs: EVERY_CONFIG,
      },
      deadline + LOOK_PAST_DEADLINE_MS,
    );
    const inspected: InspectedStack = { roles };
    if (roles.kafka) {
      if (!live.kafka.ok) throw new Error(`reading Kafka's topics failed: ${live.kafka.error}`);
      inspected.topics = live.kafka.value;
      const brokers = live.kafkaCluster;
      if (brokers?.ok) inspected.kafkaCluster = brokers.value;
      else if (brokers)
        progress(`the brokers were not read, so no count is declared: ${brokers.error}`);
    }
    if (roles.cassandra) {
      if (!live.cassandra.ok)
        throw new Error(`reading Cassandra's schema failed: ${live.cassandra.error}`);
      inspected.keyspaces = live.cassandra.value;
      const ring = live.cassandraCluster;
      if (ring?.ok) inspected.cassandraCluster = ring.value;
      else if (ring)
        progress(`the ring was not read, so no datacenters are declared: ${ring.error}`);
    }
    return inspected;
  } finally {
    await clients.close();
  }
}

/** The spec as text that loads, written where asked; it is never overwritten unasked. */
function writeDraft(flags: InitFlags, spec: Spec, origin: DraftOrigin, gaps: string[]): void {
  const text = renderSpec(spec, origin);
  // What init writes must load: a spec it cannot read back would be a trap.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SPEC_BYTES) {
    throw new UserError(
      `the draft is ${Math.ceil(bytes / 1024)} KiB, over the ${MAX_SPEC_BYTES / 1024} KiB a spec may be, so ${flags.out} was not written; write a spec that declares the topics and tables that matter (verify checks only what the spec declares)`,
    );
  }
  parseSpec(text, flags.out);
  writeFileSync(resolve(flags.out), text);
  for (const gap of gaps) progress(`not in the draft: ${gap}`);
  const counts = [
    spec.kafka && `${spec.kafka.topics.length} topic(s)`,
    spec.cassandra &&
      `${spec.cassandra.keyspaces.reduce((n, k) => n + k.tables.length, 0)} table(s)`,
    `${Object.keys(spec.compose.services).length} compose service(s)`,
  ].filter(Boolean);
  const next = flags.static ? 'infra-verify verify --static' : 'infra-verify verify';
  progress(`wrote ${flags.out}: ${counts.join(', ')}. Review it, then run: ${next}`);
}

const DEFAULT_ZOOKEEPER = 'localhost:2181';

/**
 * The roles init asks for: the compose file's, else the three of the seed. A ZooKeeper is asked
 * only where there is one: against an existing cluster when --zookeeper (or
 * INFRA_VERIFY_ZOOKEEPER) names one or the compose file declares one, on the twin unless its
 * profile runs KRaft. A KRaft cluster has none, and waiting for it would use up --timeout.
 */
function initCandidates(
  flags: InitFlags,
  fromCompose: Partial<Record<RoleName, RoleSpec>> | undefined,
): Partial<Record<RoleName, RoleSpec>> {
  if (fromCompose) return fromCompose;
  const { zookeeper, ...withoutZookeeper } = DEFAULT_ROLES;
  const none =
    flags.runtime === 'existing'
      ? !flags.zookeeper
      : flags.runtime !== 'compose' && TWIN_TOPOLOGIES[flags.profile].controller === 'kraft';
  return none ? withoutZookeeper : { zookeeper, ...withoutZookeeper };
}

export async function runInit(flags: InitFlags): Promise<number> {
  if (existsSync(resolve(flags.out)) && !flags.force) {
    throw new UsageError(`${flags.out} exists; init never overwrites it unless you pass --force`);
  }
  const project = { directory: process.cwd(), ...composeSelection(flags) };
  const date = new Date().toISOString().slice(0, 10);
  if (flags.static) {
    const draft = await draftFromCompose(project, flags.runInits);
    const origin = { runtime: 'the compose files alone (init --static)', date };
    writeDraft(flags, draft.spec, { ...origin, composeFile: draft.files.join(', ') }, draft.gaps);
    return EXIT.ok;
  }
  const deadline = Date.now() + timeoutSeconds(flags.timeout) * 1000;
  const compose = await composeFactsFor(project);
  const candidates = initCandidates(flags, compose ? rolesFromCompose(compose.facts) : undefined);
  // A ZooKeeper the compose file declares is dialled where compose publishes it by default.
  const zookeeper = flags.zookeeper ?? (candidates.zookeeper ? DEFAULT_ZOOKEEPER : undefined);
  const runtime = await runtimeFor(
    stackRequest({ ...flags, zookeeper }),
    project,
    candidates,
    CLI_WORDING,
  );
  await runtime.attach?.();
  const inspected = await inspect(runtime, candidates, deadline);
  const spec = draftSpec(inspected, compose?.facts);
  const origin = { runtime: `runtime ${runtime.name}`, date };
  writeDraft(
    flags,
    spec,
    compose ? { ...origin, composeFile: compose.model.files.join(', ') } : origin,
    [],
  );
  return EXIT.ok;
}
