import type { CommandResult, RunCommand } from '../../src/runtime/compose/command';
import { ComposeRuntime } from '../../src/runtime/compose/compose-runtime';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { declaredRoles } from '../../src/spec/types';

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });
const project = { name: 'p1', files: ['docker-compose.yml'], directory: '/repo' };
/** The servers the ChatBattle spec declares: the compose runtime asks `port` about these. */
const ports = declaredRoles(DEFAULT_SPEC);

/** A scripted engine: answers by the command's verb, and records every call. */
function scripted(answer: (file: string, args: readonly string[]) => CommandResult) {
  const calls: Array<{ file: string; args: readonly string[]; timeoutMs?: number }> = [];
  const run: RunCommand = async (file, args, options = {}) => {
    calls.push({ file, args, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    return answer(file, args);
  };
  return { run, calls };
}

/** `docker compose config --format json` of the seed's file, as far as container names go. */
const CONFIG = JSON.stringify({
  services: {
    zookeeper: { container_name: 'chatbattle-zookeeper' },
    kafka: { container_name: 'chatbattle-kafka' },
  },
});

const inspected = (service: string, status: string, startedAt: string, exitCode = 0) => ({
  Name: `/chatbattle-${service}`,
  State: { Status: status, ExitCode: exitCode, StartedAt: startedAt },
  Config: { Labels: { 'com.docker.compose.service': service } },
  NetworkSettings: { Networks: { 'p1_chatbattle-network': {} } },
  Mounts: [],
});

describe('ComposeRuntime', () => {
  it('refuses to start when another project holds a fixed container name, and runs no up', async () => {
    const { run, calls } = scripted((file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (args.includes('config')) return ok(CONFIG);
      if (file === 'docker' && args[0] === 'ps') {
        return ok('chatbattle-kafka\tother-run\nunrelated\t\n');
      }
      return ok('');
    });
    const runtime = new ComposeRuntime({ project, run, ports });
    await expect(runtime.up(() => undefined)).rejects.toThrow(
      /^container "chatbattle-kafka" \(service kafka\) already exists and belongs to compose project "other-run"\..*docker compose -p other-run down/,
    );
    expect(calls.some((call) => call.args.includes('up'))).toBe(false);
    // and nothing is probed at the default ports, where the other run's stack answers
    expect(runtime.endpoints).toEqual({
      zookeeper: '',
      kafkaBrokers: [],
      cassandraContactPoints: [],
    });
  });

  it('starts when the fixed names are free or already its own', async () => {
    const { run, calls } = scripted((file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (args.includes('config')) return ok(CONFIG);
      if (file === 'docker' && args[0] === 'ps') return ok('chatbattle-kafka\tp1\n');
      if (args.includes('port')) return ok('127.0.0.1:9092');
      return ok('');
    });
    await new ComposeRuntime({ project, run, ports }).up(() => undefined);
    expect(calls.filter((call) => call.args.includes('up'))).toHaveLength(1);
  });

  it('asks who holds the container names and whether the project runs, side by side', async () => {
    const asked: string[] = [];
    let askedBeforeConfigAnswered: string[] = [];
    const run: RunCommand = async (file, args) => {
      const read =
        file === 'docker' && args[0] === 'ps'
          ? 'owners'
          : args.includes('ps')
            ? 'ps'
            : args.includes('config')
              ? 'config'
              : 'other';
      asked.push(read);
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (read !== 'config') return ok('');
      // compose config answers after a moment, as it does: the other reads are asked meanwhile
      for (let tick = 0; tick < 20 && asked.length < 4; tick += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      askedBeforeConfigAnswered = [...asked];
      return ok(CONFIG);
    };
    await new ComposeRuntime({ project, run, ports }).up(() => undefined, Date.now() + 60_000);
    expect(askedBeforeConfigAnswered).toEqual(expect.arrayContaining(['owners', 'ps']));
  });

  it('bounds up by the run deadline, so the timeout covers compose up too', async () => {
    const { run, calls } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (args.includes('config')) return ok(CONFIG);
      return ok('');
    });
    await new ComposeRuntime({ project, run, ports }).up(() => undefined, Date.now() + 45_000);
    const up = calls.find((call) => call.args.includes('up'));
    expect(up?.timeoutMs).toBeGreaterThan(40_000);
    expect(up?.timeoutMs).toBeLessThanOrEqual(45_000);
  });

  it('keeps the endpoints of running services when one service has no published port', async () => {
    const { run } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (args.includes('config')) return ok(CONFIG);
      if (args.includes('up'))
        return { exitCode: 1, stdout: '', stderr: 'port is already allocated' };
      if (args.includes('port') && args.includes('kafka')) {
        return { exitCode: 1, stdout: '', stderr: 'service "kafka" is not running' };
      }
      if (args.includes('port')) return ok(`:::${args[args.length - 1]}`);
      return ok('');
    });
    const runtime = new ComposeRuntime({ project, run, ports });
    await expect(runtime.up(() => undefined)).rejects.toThrow(/port is already allocated/);
    expect(runtime.endpoints).toEqual({
      zookeeper: '127.0.0.1:2181',
      kafkaBrokers: [],
      cassandraContactPoints: ['127.0.0.1:9042'],
      // the probe of the server without an address gives up at once, with this reason
      unresolved:
        'compose could not say where the stack\'s ports are published (kafka: docker compose port failed (exit 1): service "kafka" is not running)',
    });
  });

  it('learns the published host ports from `port` after up', async () => {
    const published: Record<string, string> = {
      zookeeper: '0.0.0.0:22181',
      kafka: '0.0.0.0:29093',
      cassandra: '[::]:29042',
    };
    const { run } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('config')) return ok(CONFIG);
      if (args.includes('port')) return ok(published[args[args.length - 2] ?? ''] ?? '');
      return ok('');
    });
    const runtime = new ComposeRuntime({ project, run, ports });
    expect(runtime.endpoints.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    await runtime.up(() => undefined);
    expect(runtime.endpoints).toEqual({
      zookeeper: '127.0.0.1:22181',
      kafkaBrokers: ['127.0.0.1:29093'],
      cassandraContactPoints: ['127.0.0.1:29042'],
    });
  });

  it('reaches the servers with the connection settings given, before and after up', async () => {
    const { run } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('config')) return ok(CONFIG);
      if (args.includes('port')) return ok('0.0.0.0:29093');
      return ok('');
    });
    const connection = {
      kafka: { securityProtocol: 'SSL' as const, tls: { ca: { path: 'ca.pem' } } },
      cassandra: { tls: {}, localDc: 'eu-west-1' },
    };
    const runtime = new ComposeRuntime({ project, run, ports, connection });
    expect(runtime.endpoints.connection).toEqual(connection);
    await runtime.up(() => undefined);
    expect(runtime.endpoints).toMatchObject({ kafkaBrokers: ['127.0.0.1:29093'], connection });
    expect(new ComposeRuntime({ project, run, ports }).endpoints).not.toHaveProperty('connection');
  });

  it('stops with one compose stop and times each service by its own FinishedAt', async () => {
    let stoppedAt: number | undefined;
    const finished = (offsetMs: number) => new Date((stoppedAt ?? 0) + offsetMs).toISOString();
    const container = (service: string, exitCode: number, offsetMs: number) => ({
      ...inspected(service, stoppedAt ? 'exited' : 'running', '2026-11-27T09:00:01Z', exitCode),
      State: {
        Status: stoppedAt ? 'exited' : 'running',
        ExitCode: stoppedAt ? exitCode : 0,
        StartedAt: '2026-11-27T09:00:01Z',
        FinishedAt: stoppedAt ? finished(offsetMs) : '0001-01-01T00:00:00Z',
      },
    });
    const { run, calls } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('stop')) {
        stoppedAt = Date.now();
        return ok('');
      }
      if (args.includes('ps')) {
        return ok(
          ['kafka', 'zookeeper']
            .map((service) =>
              JSON.stringify({
                ID: service,
                Name: `chatbattle-${service}`,
                Service: service,
                State: stoppedAt ? 'exited' : 'running',
                ExitCode: stoppedAt ? (service === 'kafka' ? 143 : 137) : 0,
                Health: '',
              }),
            )
            .join('\n'),
        );
      }
      if (args[0] === 'inspect') {
        return ok(
          JSON.stringify([container('kafka', 143, 4000), container('zookeeper', 137, 9000)]),
        );
      }
      return ok('');
    });
    const records = await new ComposeRuntime({ project, run, ports, stopTimeoutSeconds: 10 }).stop(
      () => undefined,
    );
    expect(
      calls.filter((call) => call.args.includes('stop')).map((call) => call.args.slice(-3)),
    ).toEqual([['stop', '--timeout', '10']]);
    expect(records).toEqual([
      { service: 'kafka', exitCode: 143, stopMs: expect.any(Number), clean: true },
      { service: 'zookeeper', exitCode: 137, stopMs: expect.any(Number), clean: false },
    ]);
    expect(records[0]?.stopMs).toBeGreaterThanOrEqual(3900);
    expect(records[0]?.stopMs).toBeLessThan(5000);
    expect(records[1]?.stopMs).toBeGreaterThanOrEqual(8900);
  });

  it.each([
    ['stops a stack that is already up before starting it again', 'running', ['stop', 'up']],
    ['starts a stack that is stopped or absent at once', 'exited', ['up']],
  ])('%s', async (_name, state, expected) => {
    // A plain up on a running stack re-runs the inits but not their running dependents, which
    // then look started before them.
    const { run, calls } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('config')) return ok(CONFIG);
      if (args[0] === 'compose' && args.includes('ps'))
        return ok(
          JSON.stringify({ ID: 'k', Name: 'chatbattle-kafka', Service: 'kafka', State: state }),
        );
      return ok('');
    });
    await new ComposeRuntime({ project, run, ports }).up(() => undefined, Date.now() + 60_000);
    const lifecycle = calls
      .map((call) => call.args.find((arg) => arg === 'stop' || arg === 'up'))
      .filter((verb) => verb !== undefined);
    expect(lifecycle).toEqual(expected);
    // the look, the stop and the up all within the run's deadline
    const bounded = calls.filter((call) => ['ps', 'stop', 'up'].some((v) => call.args.includes(v)));
    expect(bounded.map((call) => (call.timeoutMs ?? Infinity) <= 60_000)).toEqual(
      bounded.map(() => true),
    );
  });

  it('reports a failed compose command with its exit code and the end of stderr', async () => {
    const { run } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('config')) return ok(CONFIG);
      if (args.includes('ps')) return ok('');
      return {
        exitCode: 1,
        stdout: '',
        stderr: 'service "kafka-init" didn\'t complete successfully: exit 1',
      };
    });
    await expect(new ComposeRuntime({ project, run, ports }).up(() => undefined)).rejects.toThrow(
      /docker compose up failed \(exit 1\): service "kafka-init" didn't complete successfully/,
    );
  });

  it('still learns the published ports when up fails, so probes never hit the default ports', async () => {
    const { run } = scripted((_file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.29.7');
      if (args.includes('config')) return ok(CONFIG);
      if (args.includes('up'))
        return { exitCode: 1, stdout: '', stderr: 'dependency failed to start' };
      if (args.includes('port')) return ok('0.0.0.0:29042');
      return ok('');
    });
    const runtime = new ComposeRuntime({ project, run, ports });
    await expect(runtime.up(() => undefined)).rejects.toThrow(/dependency failed to start/);
    expect(runtime.endpoints.cassandraContactPoints).toEqual(['127.0.0.1:29042']);
  });

  it('explains how to proceed when neither compose is installed', async () => {
    const { run } = scripted(() => ({ exitCode: 127, stdout: '', stderr: 'not found' }));
    await expect(new ComposeRuntime({ project, run, ports }).up(() => undefined)).rejects.toThrow(
      /No Docker Compose found .*use runtime "existing"/,
    );
  });
});

/** The seed's project as `compose config` resolves it: what a staged start reads. */
const STAGED_CONFIG = JSON.stringify({
  services: {
    zookeeper: { container_name: 'chatbattle-zookeeper', healthcheck: { test: ['CMD', 'srvr'] } },
    kafka: {
      container_name: 'chatbattle-kafka',
      depends_on: { zookeeper: { condition: 'service_healthy' } },
      healthcheck: { test: ['CMD', 'kafka-broker-api-versions'] },
    },
    'kafka-init': { depends_on: { kafka: { condition: 'service_healthy' } } },
    cassandra: { healthcheck: { test: ['CMD', 'cqlsh', '-e', 'SELECT 1'] } },
    'cassandra-init': { depends_on: { cassandra: { condition: 'service_healthy' } } },
    'stack-ready': {
      depends_on: {
        'kafka-init': { condition: 'service_completed_successfully' },
        'cassandra-init': { condition: 'service_completed_successfully' },
      },
    },
  },
});

/**
 * An engine that keeps what was started: servers run with their health still "starting" (the
 * healthcheck has not ticked), inits exit with their code at once.
 */
function stagedEngine(initExit: Record<string, number> = {}, healthyFromLook = Infinity) {
  const running = new Set<string>();
  // every look ends with one inspect, whether a ps listed the containers first or not
  let looks = 0;
  const isInit = (service: string) => service.endsWith('-init');
  const health = () => (looks >= healthyFromLook ? 'healthy' : 'starting');
  const scriptedEngine = scripted((file, args) => {
    if (args.includes('version')) return ok('Docker Compose version v2.26.1');
    if (args.includes('config')) return ok(STAGED_CONFIG);
    if (file === 'docker' && args[0] === 'ps') return ok('');
    if (args.includes('up')) {
      for (const service of args.slice(args.indexOf('--no-deps') + 1)) running.add(service);
      return ok('');
    }
    if (args.includes('ps')) {
      return ok(
        [...running]
          .map((service) =>
            JSON.stringify({
              ID: service,
              Name: `chatbattle-${service}`,
              Service: service,
              State: isInit(service) ? 'exited' : 'running',
              Health: isInit(service) ? '' : health(),
              ExitCode: initExit[service] ?? 0,
            }),
          )
          .join('\n'),
      );
    }
    if (file === 'docker' && args[0] === 'inspect') {
      const ids = args.slice(3);
      const answer = ok(
        JSON.stringify(
          ids.map((service) => {
            const container = inspected(
              service,
              isInit(service) ? 'exited' : 'running',
              '2026-01-01T00:00:00Z',
              initExit[service] ?? 0,
            );
            return isInit(service)
              ? container
              : { ...container, State: { ...container.State, Health: { Status: health() } } };
          }),
        ),
      );
      looks += 1;
      return answer;
    }
    if (args.includes('port')) return ok(`127.0.0.1:${args[args.length - 1]}`);
    return ok('');
  });
  const ups = () =>
    scriptedEngine.calls
      .filter((call) => call.args.includes('up'))
      .map((call) => call.args.slice(call.args.indexOf('up')).join(' '));
  return { ...scriptedEngine, ups, looks: () => looks };
}

describe('ComposeRuntime, staged start', () => {
  /** Releases the three servers at once, as if each answered its protocol; nothing else. */
  const released: string[] = [];
  const release = (service: string) =>
    ['zookeeper', 'kafka', 'cassandra'].includes(service)
      ? Promise.resolve(void released.push(service))
      : undefined;
  beforeEach(() => (released.length = 0));

  it('starts one dependency level at a time with up --no-deps, released by its own checks', async () => {
    const { run, ups } = stagedEngine();
    const runtime = new ComposeRuntime({ project, run, ports });
    const exited: string[] = [];
    await runtime.up(
      () => undefined,
      Date.now() + 60_000,
      release,
      (init) => exited.push(init),
    );
    // each init that exited 0 is told as it is heard (verify then round-trips Kafka early)
    expect(exited.sort()).toEqual(['cassandra-init', 'kafka-init']);
    // no level waited for a healthcheck: every server is still "starting" to the engine
    expect(ups()).toEqual([
      'up --detach --no-deps zookeeper cassandra',
      'up --detach --no-deps kafka cassandra-init',
      'up --detach --no-deps kafka-init',
      'up --detach --no-deps stack-ready',
    ]);
    expect(released.sort()).toEqual(['cassandra', 'kafka', 'zookeeper']);
    expect(runtime.endpoints.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('without a release, one plain up --detach', async () => {
    const { run, ups } = stagedEngine();
    await new ComposeRuntime({ project, run, ports }).up(() => undefined, Date.now() + 60_000);
    expect(ups()).toEqual(['up --detach']);
  });

  it('starts nothing that depends on a failed init, and fails naming it once the engine judged the servers', async () => {
    const HEALTHY_FROM_LOOK = 6;
    const { run, ups, looks } = stagedEngine({ 'kafka-init': 1 }, HEALTHY_FROM_LOOK);
    const runtime = new ComposeRuntime({ project, run, ports });
    await expect(runtime.up(() => undefined, Date.now() + 60_000, release)).rejects.toThrow(
      'kafka-init exited with code 1',
    );
    expect(ups().join('\n')).not.toContain('stack-ready');
    expect(ups().join('\n')).toContain('cassandra-init');
    // as compose would leave them: not "starting" any more when the failure is reported
    expect(looks()).toBeGreaterThanOrEqual(HEALTHY_FROM_LOOK);
  });

  it('restarts its own project without asking again who holds the container names', async () => {
    const { run, calls } = stagedEngine();
    const runtime = new ComposeRuntime({ project, run, ports });
    await runtime.up(() => undefined, Date.now() + 60_000, release);
    const before = calls.length;
    await runtime.start(() => undefined, Date.now() + 60_000, release);
    const restart = calls.slice(before);
    expect(restart.some((call) => call.args.includes('config'))).toBe(false);
    expect(restart.some((call) => call.file === 'docker' && call.args[0] === 'ps')).toBe(false);
    expect(restart.filter((call) => call.args.includes('up'))).toHaveLength(4);
  });

  it('shares one ps and one inspect among the waiters that look at the same time', async () => {
    const { run, calls } = stagedEngine();
    const runtime = new ComposeRuntime({ project, run, ports });
    await runtime.up(() => undefined, Date.now() + 60_000, release);
    const before = calls.length;
    const looks = await Promise.all([runtime.services(), runtime.services(), runtime.services()]);
    expect(looks[0]).toHaveLength(6);
    expect(looks[2]).toEqual(looks[0]);
    const made = calls
      .slice(before)
      .map((call) => call.args.find((arg) => arg === 'ps' || arg === 'inspect'));
    expect(made).toEqual(['ps', 'inspect']);
  });

  it('lists the containers once after each up or down, then looks with docker inspect alone', async () => {
    const { run, calls } = stagedEngine();
    const runtime = new ComposeRuntime({ project, run, ports });
    await runtime.up(() => undefined, Date.now() + 60_000, release);
    const looksMade = async () => {
      const before = calls.length;
      for (let look = 0; look < 3; look += 1) await runtime.services();
      return calls
        .slice(before)
        .map((call) => call.args.find((arg) => arg === 'ps' || arg === 'inspect'));
    };
    expect(await looksMade()).toEqual(['ps', 'inspect', 'inspect', 'inspect']);
    await runtime.down({ removeData: true });
    expect((await looksMade())[0]).toBe('ps');
  });
});

describe('ComposeRuntime, staged start without a check of its own', () => {
  /** db, then app once db is healthy; db's health as the engine reports it on each ps. */
  function engineWithHealth(healthOnEachLook: string[]) {
    const config = JSON.stringify({
      services: {
        db: { healthcheck: { test: ['CMD', 'pg_isready'] } },
        app: { depends_on: { db: { condition: 'service_healthy' } } },
      },
    });
    let looks = 0;
    const engine = scripted((file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (args.includes('config')) return ok(config);
      if (file === 'docker' && args[0] === 'ps') return ok('');
      const health = healthOnEachLook[Math.min(looks, healthOnEachLook.length - 1)] ?? '';
      if (args.includes('ps')) {
        return ok(
          JSON.stringify({ ID: 'db', Name: 'db', Service: 'db', State: 'running', Health: health }),
        );
      }
      if (file === 'docker' && args[0] === 'inspect') {
        // every look ends with one inspect, whether a ps listed the containers first or not
        looks += 1;
        const container = { ...inspected('db', 'running', '2026-01-01T00:00:00Z'), Name: '/db' };
        return ok(
          JSON.stringify([
            health
              ? { ...container, State: { ...container.State, Health: { Status: health } } }
              : container,
          ]),
        );
      }
      return ok('');
    });
    const ups = () =>
      engine.calls
        .filter((call) => call.args.includes('up'))
        .map((call) => call.args.slice(call.args.indexOf('up')).join(' '));
    return { ...engine, ups };
  }
  const noCheckOfItsOwn = () => undefined;

  it("waits for the engine's health status, as compose would", async () => {
    const { run, ups } = engineWithHealth(['starting', 'starting', 'healthy']);
    await new ComposeRuntime({ project, run, ports: {} }).up(
      () => undefined,
      Date.now() + 30_000,
      noCheckOfItsOwn,
    );
    expect(ups()).toEqual(['up --detach --no-deps db', 'up --detach --no-deps app']);
  });

  it('refuses, as compose does, a dependency on the health of a service without a healthcheck', async () => {
    const { run, ups } = engineWithHealth(['']);
    await expect(
      new ComposeRuntime({ project, run, ports: {} }).up(
        () => undefined,
        Date.now() + 30_000,
        noCheckOfItsOwn,
      ),
    ).rejects.toThrow('db has no healthcheck, but a service depends on it being healthy');
    expect(ups()).toEqual(['up --detach --no-deps db']);
  });
});

describe('ComposeRuntime, container listings across an up', () => {
  /**
   * An engine whose next `ps` or `up` can be held open: `ps` answers what existed when it was
   * asked, and each `up` creates one more container (zookeeper, then kafka) as it ends.
   */
  function engineWithHolds() {
    const toCreate = ['zookeeper', 'kafka'];
    const created: string[] = [];
    const held = new Map<string, { entered: () => void; released: Promise<void> }>();
    const hold = (verb: 'ps' | 'up') => {
      let entered = () => undefined as void;
      let release = () => undefined as void;
      const started = new Promise<void>((resolve) => (entered = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held.set(verb, { entered, released });
      return { started, release };
    };
    const run: RunCommand = async (file, args) => {
      if (args.includes('version')) return ok('Docker Compose version v2.26.1');
      if (file === 'docker' && args[0] === 'inspect') {
        const ids = args.slice(3);
        return ok(
          JSON.stringify(ids.map((id) => inspected(id, 'running', '2026-01-01T00:00:00Z'))),
        );
      }
      const verb = args.includes('up') ? 'up' : args.includes('ps') ? 'ps' : undefined;
      if (verb === undefined) return ok('');
      const listing = created
        .map((service) =>
          JSON.stringify({
            ID: service,
            Name: `chatbattle-${service}`,
            Service: service,
            State: 'running',
            Health: '',
          }),
        )
        .join('\n');
      const gate = held.get(verb);
      held.delete(verb);
      gate?.entered();
      await gate?.released;
      if (verb === 'ps') return ok(listing);
      const next = toCreate[created.length];
      if (next !== undefined) created.push(next);
      return ok('');
    };
    return { run, hold };
  }
  const quiet = () => undefined;
  const servicesSeen = async (runtime: ComposeRuntime) =>
    (await runtime.services()).map((container) => container.service).sort();

  it('lists again after an up that began and ended while a ps ran', async () => {
    const { run, hold } = engineWithHolds();
    const runtime = new ComposeRuntime({ project, run, ports: {} });
    await runtime.start(quiet);
    const ps = hold('ps');
    const during = servicesSeen(runtime);
    await ps.started;
    await runtime.start(quiet);
    ps.release();
    // what ps saw when it was asked, before kafka was created
    expect(await during).toEqual(['zookeeper']);
    expect(await servicesSeen(runtime)).toEqual(['kafka', 'zookeeper']);
  });

  it('lists again after an up that was running while a ps ran', async () => {
    const { run, hold } = engineWithHolds();
    const runtime = new ComposeRuntime({ project, run, ports: {} });
    await runtime.start(quiet);
    const up = hold('up');
    const starting = runtime.start(quiet);
    await up.started;
    expect(await servicesSeen(runtime)).toEqual(['zookeeper']);
    up.release();
    await starting;
    expect(await servicesSeen(runtime)).toEqual(['kafka', 'zookeeper']);
  });
});

describe('ComposeRuntime, finding compose', () => {
  const versions = (calls: ReadonlyArray<{ args: readonly string[] }>) =>
    calls.filter((call) => call.args.includes('version')).length;
  const answers = (_file: string, args: readonly string[]) =>
    args.includes('version') ? ok('Docker Compose version v2.26.1') : ok('');

  it('asks for the version once, however many commands start side by side', async () => {
    const { run, calls } = scripted(answers);
    const runtime = new ComposeRuntime({ project, run, ports: {} });
    await Promise.all([runtime.services(), runtime.logs('kafka', 10), runtime.services()]);
    expect(versions(calls)).toBe(1);
  });

  it('drives the compose it was handed (post: the one main found) without asking', async () => {
    const { run, calls } = scripted(answers);
    const command = { file: '/usr/libexec/docker-compose', prefix: [], versionText: '2.26.1' };
    const runtime = new ComposeRuntime({ project, run, ports: {}, command });
    await runtime.down({ removeData: true });
    expect(versions(calls)).toBe(0);
    expect(calls.map((call) => call.file)).toEqual(['/usr/libexec/docker-compose']);
    expect(await runtime.composeCommand()).toEqual(command);
  });
});
