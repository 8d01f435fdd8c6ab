import { parseStartGraph } from '../../src/runtime/compose/parse';
import {
  startInStages,
  startLevels,
  StartGraphError,
  type DependencyCondition,
  type StartGraph,
} from '../../src/runtime/compose/start-graph';

// docker-compose.yml as `docker compose config --format json` resolves it (compose 2.26), trimmed
// to the keys the graph reads plus one it ignores.
const CONFIG = JSON.stringify({
  name: 'chatbattle',
  services: {
    cassandra: {
      image: 'cassandra:5.0.4',
      healthcheck: { test: ['CMD', 'cqlsh', '-e', 'SELECT release_version FROM system.local'] },
    },
    'cassandra-init': {
      depends_on: { cassandra: { condition: 'service_healthy', required: true } },
    },
    kafka: {
      depends_on: { zookeeper: { condition: 'service_healthy', required: true } },
      healthcheck: {
        test: ['CMD', 'kafka-broker-api-versions', '--bootstrap-server', 'localhost:9092'],
      },
    },
    'kafka-init': { depends_on: { kafka: { condition: 'service_healthy', required: true } } },
    'stack-ready': {
      depends_on: {
        'cassandra-init': { condition: 'service_completed_successfully', required: true },
        'kafka-init': { condition: 'service_completed_successfully', required: true },
      },
    },
    zookeeper: { healthcheck: { test: ['CMD-SHELL', 'echo srvr | nc localhost 2181'] } },
  },
});

describe('parseStartGraph', () => {
  it('reads each dependency with its condition, and the healthcheck test', () => {
    const graph = parseStartGraph(CONFIG);
    expect(Object.keys(graph).sort()).toEqual([
      'cassandra',
      'cassandra-init',
      'kafka',
      'kafka-init',
      'stack-ready',
      'zookeeper',
    ]);
    expect(graph['stack-ready']?.dependsOn).toEqual({
      'cassandra-init': 'service_completed_successfully',
      'kafka-init': 'service_completed_successfully',
    });
    expect(graph.kafka?.dependsOn).toEqual({ zookeeper: 'service_healthy' });
    expect(graph.kafka?.healthcheck).toEqual([
      'CMD',
      'kafka-broker-api-versions',
      '--bootstrap-server',
      'localhost:9092',
    ]);
    expect(graph['kafka-init']).toEqual({ dependsOn: { kafka: 'service_healthy' } });
  });

  it('drops a disabled healthcheck and an optional dependency outside the project', () => {
    const graph = parseStartGraph(
      JSON.stringify({
        services: {
          app: {
            depends_on: {
              db: { condition: 'service_started', required: true },
              metrics: { condition: 'service_healthy', required: false },
            },
            healthcheck: { disable: true },
          },
          db: {},
        },
      }),
    );
    expect(graph.app).toEqual({ dependsOn: { db: 'service_started' } });
  });

  it('refuses a condition compose does not have', () => {
    expect(() =>
      parseStartGraph(
        JSON.stringify({
          services: { app: { depends_on: { db: { condition: 'service_ready' } } }, db: {} },
        }),
      ),
    ).toThrow(/unknown depends_on condition for db: "service_ready"/);
  });
});

const graphOf = (edges: Record<string, Record<string, DependencyCondition>>): StartGraph =>
  Object.fromEntries(Object.entries(edges).map(([name, dependsOn]) => [name, { dependsOn }]));

const chatbattle = graphOf({
  zookeeper: {},
  kafka: { zookeeper: 'service_healthy' },
  'kafka-init': { kafka: 'service_healthy' },
  cassandra: {},
  'cassandra-init': { cassandra: 'service_healthy' },
  'stack-ready': {
    'kafka-init': 'service_completed_successfully',
    'cassandra-init': 'service_completed_successfully',
  },
});

describe('startLevels', () => {
  it('puts each service one level after the last thing it depends on', () => {
    expect(startLevels(chatbattle)).toEqual([
      ['cassandra', 'zookeeper'],
      ['cassandra-init', 'kafka'],
      ['kafka-init'],
      ['stack-ready'],
    ]);
  });

  it('refuses a dependency outside the project', () => {
    expect(() => startLevels(graphOf({ app: { db: 'service_started' } }))).toThrow(
      new StartGraphError('app depends on db, which is not in the project'),
    );
  });

  it('refuses services that wait for each other', () => {
    expect(() =>
      startLevels(graphOf({ a: { b: 'service_healthy' }, b: { a: 'service_started' }, c: {} })),
    ).toThrow(/depend on each other: a, b/);
  });
});

/** A release the test settles by hand, one per service and condition. */
function manualSteps() {
  const batches: string[][] = [];
  const asked: string[] = [];
  const releases = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const waiting = new Map<string, () => void>();
  const steps = {
    start: async (services: string[]) => {
      batches.push([...services].sort());
    },
    reach: (service: string, condition: DependencyCondition) => {
      asked.push(`${service} ${condition}`);
      return new Promise<void>((resolve, reject) => {
        releases.set(service, { resolve, reject });
        waiting.get(service)?.();
      });
    },
  };
  /** resolves once the schedule asks about the service */
  const asking = (service: string) =>
    releases.has(service)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.set(service, resolve));
  const release = async (service: string) => {
    await asking(service);
    releases.get(service)?.resolve();
  };
  const fail = async (service: string, why: string) => {
    await asking(service);
    releases.get(service)?.reject(new Error(why));
  };
  return { steps, batches, asked, release, fail, asking };
}

describe('startInStages', () => {
  it('starts a service as soon as its own dependencies are released, not its whole level', async () => {
    const { steps, batches, release, asking } = manualSteps();
    const done = startInStages(chatbattle, steps);
    await release('zookeeper');
    await release('kafka');
    await release('kafka-init');
    // Cassandra has not answered yet, but Kafka's branch is through to its init.
    await asking('cassandra');
    expect(batches).toEqual([['cassandra', 'zookeeper'], ['kafka'], ['kafka-init']]);
    await release('cassandra');
    await release('cassandra-init');
    await done;
    expect(batches).toEqual([
      ['cassandra', 'zookeeper'],
      ['kafka'],
      ['kafka-init'],
      ['cassandra-init'],
      ['stack-ready'],
    ]);
  });

  it('asks each dependency for the condition its dependants need, once', async () => {
    const { steps, asked, release } = manualSteps();
    const done = startInStages(chatbattle, steps);
    for (const service of ['zookeeper', 'cassandra', 'kafka', 'kafka-init', 'cassandra-init']) {
      await release(service);
    }
    await done;
    expect(asked.sort()).toEqual([
      'cassandra service_healthy',
      'cassandra-init service_completed_successfully',
      'kafka service_healthy',
      'kafka-init service_completed_successfully',
      'zookeeper service_healthy',
    ]);
  });

  it('needs no release for service_started, and starts independent services together', async () => {
    const { steps, batches, asked } = manualSteps();
    await startInStages(
      graphOf({ db: {}, cache: {}, app: { db: 'service_started', cache: 'service_started' } }),
      steps,
    );
    expect(asked).toEqual([]);
    expect(batches).toEqual([['cache', 'db'], ['app']]);
  });

  it('never starts what depends on a failed init, finishes the other branch, then fails', async () => {
    const { steps, batches, release, fail } = manualSteps();
    const done = startInStages(chatbattle, steps);
    await release('zookeeper');
    await release('kafka');
    await fail('kafka-init', 'kafka-init exited with code 1');
    await release('cassandra');
    await release('cassandra-init');
    await expect(done).rejects.toThrow('kafka-init exited with code 1');
    expect(batches.flat()).toContain('cassandra-init');
    expect(batches.flat()).not.toContain('stack-ready');
  });

  it('refuses a cycle before starting anything', async () => {
    const { steps, batches } = manualSteps();
    await expect(
      startInStages(graphOf({ a: { b: 'service_healthy' }, b: { a: 'service_healthy' } }), steps),
    ).rejects.toThrow(StartGraphError);
    expect(batches).toEqual([]);
  });
});
