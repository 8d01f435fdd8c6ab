// The order a staged start follows: each service with what it waits for (compose's depends_on,
// as `docker compose config` resolved it), and the schedule that starts a service the moment
// everything it depends on is released. Pure: the starting and the releasing are handed in.

/** What a dependency must reach before its dependant starts, in compose's words. */
export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ServiceNode {
  /** dependency -> the condition it must reach first */
  dependsOn: Record<string, DependencyCondition>;
  /** the healthcheck's `test` as compose resolved it; absent when none or disabled */
  healthcheck?: unknown;
}

/** Every service of the project, by name. */
export type StartGraph = Record<string, ServiceNode>;

/** A dependency that is not in the project, or services that wait for each other. */
export class StartGraphError extends Error {}

/**
 * The dependency levels: level 0 depends on nothing, level n on something of level n-1 and
 * nothing later. Throws on a dependency outside the project and on a cycle, which compose
 * refuses too.
 */
export function startLevels(graph: StartGraph): string[][] {
  for (const [service, { dependsOn }] of Object.entries(graph)) {
    const unknown = Object.keys(dependsOn).find((dependency) => !(dependency in graph));
    if (unknown !== undefined) {
      throw new StartGraphError(`${service} depends on ${unknown}, which is not in the project`);
    }
  }
  const levelOf = new Map<string, number>();
  const levels: string[][] = [];
  let remaining = Object.keys(graph).sort();
  while (remaining.length > 0) {
    const level = remaining.filter((service) =>
      Object.keys(graph[service]?.dependsOn ?? {}).every((dependency) => levelOf.has(dependency)),
    );
    if (level.length === 0) {
      throw new StartGraphError(`services depend on each other: ${remaining.join(', ')}`);
    }
    for (const service of level) levelOf.set(service, levels.length);
    levels.push(level);
    remaining = remaining.filter((service) => !levelOf.has(service));
  }
  return levels;
}

export interface StagedStartSteps {
  /** starts these services and nothing else (compose up --no-deps); one call per batch */
  start(services: string[]): Promise<void>;
  /** resolves once a started service has reached the condition; rejects when it never will */
  reach(service: string, condition: DependencyCondition): Promise<void>;
}

/**
 * Starts every service as soon as each of its dependencies has reached its condition, never
 * later than its level would: a slow server (Cassandra) holds back only what depends on it, not
 * a whole level. Services released in the same turn of the event loop start in one batch. Every
 * branch goes as far as it can; then the first failure, if any, is thrown.
 */
export async function startInStages(graph: StartGraph, steps: StagedStartSteps): Promise<void> {
  startLevels(graph);
  const started = new Map<string, Promise<void>>();
  const reached = new Map<string, Promise<void>>();
  let batch: string[] | undefined;
  let batchStarted: Promise<void> = Promise.resolve();

  const joinBatch = (service: string): Promise<void> => {
    if (!batch) {
      const services: string[] = [];
      batch = services;
      batchStarted = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        batch = undefined;
        return steps.start(services);
      });
    }
    batch.push(service);
    return batchStarted;
  };
  const reach = (service: string, condition: DependencyCondition): Promise<void> => {
    const key = `${service}\n${condition}`;
    let promise = reached.get(key);
    if (!promise) {
      promise = startOf(service).then(() =>
        condition === 'service_started' ? undefined : steps.reach(service, condition),
      );
      reached.set(key, promise);
    }
    return promise;
  };
  const startOf = (service: string): Promise<void> => {
    let promise = started.get(service);
    if (!promise) {
      const dependsOn = Object.entries(graph[service]?.dependsOn ?? {});
      promise = Promise.all(
        dependsOn.map(([dependency, condition]) => reach(dependency, condition)),
      ).then(() => joinBatch(service));
      started.set(service, promise);
    }
    return promise;
  };

  const outcomes = await Promise.allSettled(Object.keys(graph).map(startOf));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
