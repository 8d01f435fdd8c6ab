// verify()'s own decisions, driven through a fake observer and a fake runtime that record what
// they were asked: what runs and what is skipped (and why), persistence after a failed up,
// keepUp, and the result when nothing is ready. The live twin suites cover the real probes.
import type { ObservedState } from '../../src/model/observed';
import type { StackReadiness } from '../../src/model/readiness';
import {
  EXISTING_SEES_PROTOCOLS_ONLY,
  NO_LIFECYCLE_REASON,
  type Endpoints,
  type HealthRelease,
  type Lifecycle,
  type Runtime,
  type StopRecord,
} from '../../src/model/runtime';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { type StackObserver, type VerifyOptions, verify } from '../../src/engine/verify';
import { matchingObservedState } from './fixtures/observed';
import { CLI_WORDING } from '../../src/cli/options';

const ENDPOINTS: Endpoints = {
  zookeeper: '127.0.0.1:1',
  kafkaBrokers: ['127.0.0.1:2'],
  cassandraContactPoints: ['127.0.0.1:3'],
};

type Calls = string[];

/** A clock that stands still: deadlines come out exact. */
const T0 = 1_800_000_000_000;
const FIXED_CLOCK = { now: () => T0 };

function fakeRuntime(calls: Calls, overrides: Partial<Lifecycle> = {}): Runtime {
  const state = matchingObservedState(DEFAULT_SPEC);
  const stops: StopRecord[] = state.persistence?.stops ?? [];
  return {
    name: 'local',
    endpoints: ENDPOINTS,
    lifecycle: {
      up: async () => void calls.push('up'),
      services: async () => (state.services.ok ? state.services.value : []),
      stop: async () => {
        calls.push('stop');
        return stops;
      },
      start: async () => void calls.push('start'),
      down: async ({ removeData }) => void calls.push(`down removeData=${removeData}`),
      ...overrides,
    },
    logs: async (service) => `log of ${service}`,
  };
}

const ready = (): StackReadiness => ({
  zookeeper: { ok: true, ms: 1, value: { mode: 'standalone' } },
  kafka: { ok: true, ms: 1, value: {} },
  cassandra: { ok: true, ms: 1, value: { datacenter: { name: 'datacenter1', discovered: true } } },
  serviceOf: { zookeeper: 'zookeeper', kafka: 'kafka', cassandra: 'cassandra' },
  others: {
    'kafka-init': { ok: true, ms: 1, value: 0 },
    'cassandra-init': { ok: true, ms: 1, value: 0 },
  },
});

const down = (error: string) => ({ ok: false as const, ms: 1, error });

/** When the fake stack's row with a short TTL was gone, counted from its write before the stop. */
const EXPIRED_AFTER_RESTART = 14.5;

/** Answers from the matching fixture state; records each call and the deadline it was given. */
function fakeObserver(
  calls: Calls,
  readiness: () => StackReadiness = ready,
  state: ObservedState = matchingObservedState(DEFAULT_SPEC),
): StackObserver<string> & { deadlines: number[]; scopes: string[] } {
  const deadlines: number[] = [];
  const scopes: string[] = [];
  return {
    deadlines,
    scopes,
    awaitServer: async (_spec, _runtime, role) => void calls.push(`awaitServer ${role}`),
    awaitStack: async (_spec, _runtime, deadline, _progress, scope = 'stack') => {
      calls.push('awaitStack');
      scopes.push(scope);
      deadlines.push(deadline);
      return readiness();
    },
    observeServices: async () => {
      calls.push('observeServices');
      return state.services;
    },
    connect: async () => {
      calls.push('connect');
      return {
        observeServers: async () => {
          calls.push('observeServers');
          const { zookeeper, kafka, cassandra } = state;
          return { zookeeper, kafka, cassandra };
        },
        roundTrip: async (spec, _live, _runId, expiry) => {
          const half = !spec.cassandra ? ' of Kafka alone' : !spec.kafka ? ' without Kafka' : '';
          calls.push(`roundTrip${half} expiry=${expiry}`);
          if (!state.roundTrip) throw new Error('fixture has no round trip');
          return state.roundTrip;
        },
        writeMarkers: async (_spec, _live, runId, expiring) => {
          calls.push(expiring ? 'writeMarkers and a row with a short TTL' : 'writeMarkers');
          return `markers of ${runId}${expiring ? ' +expiring' : ''}`;
        },
        readMarkers: async (markers) => {
          calls.push(`readMarkers ${markers.startsWith('markers of ') ? 'same run' : markers}`);
          if (!state.persistence) throw new Error('fixture has no persistence');
          const { kafkaMarker, cassandraMarker, afterRestart } = state.persistence;
          return {
            kafkaMarker,
            cassandraMarker,
            ...(afterRestart ? { afterRestart } : {}),
            ...(markers.endsWith(' +expiring')
              ? { expiry: { ok: true as const, ms: 1, value: EXPIRED_AFTER_RESTART } }
              : {}),
          };
        },
        close: async () => void calls.push('close'),
      };
    },
  };
}

async function run(
  runtime: Runtime,
  observer: StackObserver<string>,
  options: Partial<VerifyOptions<string>> = {},
): Promise<VerifyReport> {
  return verify(DEFAULT_SPEC, runtime, {
    timeoutSeconds: 60,
    observer,
    wording: CLI_WORDING,
    ...options,
  });
}

const check = (report: VerifyReport, id: string): CheckResult => {
  const found = report.checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('verify() with a stack that comes up', () => {
  it('runs every phase in order, proves persistence on fresh clients, and passes', async () => {
    const calls: Calls = [];
    const report = await run(fakeRuntime(calls), fakeObserver(calls));
    expect(calls).toEqual([
      'up',
      'awaitStack',
      'observeServices',
      'connect',
      'observeServers',
      // the row with a short TTL is looked for after the restart, not watched here
      'roundTrip expiry=false',
      'writeMarkers and a row with a short TTL',
      'close',
      'stop',
      'start',
      'awaitStack',
      'connect',
      'readMarkers same run',
      'close',
      'close',
      'down removeData=false',
    ]);
    expect(report.result).toBe('pass');
    expect(check(report, 'cassandra.ttl-expiry')).toMatchObject({
      status: 'pass',
      actual: `expired after ${EXPIRED_AFTER_RESTART} s`,
    });
    expect(report.notReady).toBeUndefined();
    expect(check(report, 'persistence.kafka').status).toBe('pass');
    expect(Object.keys(report.timings)).toEqual(
      expect.arrayContaining([
        'up',
        'ready',
        'observe',
        'roundTrip',
        'persistence',
        'checks',
        'down',
      ]),
    );
  });

  it('gives the readiness wait the whole timeout as its deadline', async () => {
    const calls: Calls = [];
    const observer = fakeObserver(calls);
    const before = Date.now();
    await run(fakeRuntime(calls), observer, { timeoutSeconds: 60, noPersistence: true });
    expect(observer.deadlines[0]).toBeGreaterThanOrEqual(before + 60_000);
  });

  it('keepUp leaves the stack running', async () => {
    const calls: Calls = [];
    await run(fakeRuntime(calls), fakeObserver(calls), { keepUp: true });
    expect(calls.filter((call) => call.startsWith('down'))).toEqual([]);
  });

  it('--read-only writes nothing: no round trip, no markers, no restart; each skip says why', async () => {
    const calls: Calls = [];
    const report = await run(fakeRuntime(calls), fakeObserver(calls), { readOnly: true });
    expect(calls).toEqual([
      'up',
      'awaitStack',
      'observeServices',
      'connect',
      'observeServers',
      'close',
      'down removeData=false',
    ]);
    for (const id of [
      'kafka.produce',
      'cassandra.write',
      'cassandra.ttl-expiry',
      'persistence.kafka',
    ]) {
      expect(check(report, id)).toMatchObject({
        status: 'skip',
        message: '--read-only: nothing is written',
      });
    }
    expect(report.result).toBe('pass');
  });

  it('ttlExpiry false skips only the expiry probe, with its reason', async () => {
    const calls: Calls = [];
    const report = await run(fakeRuntime(calls), fakeObserver(calls), {
      ttlExpiry: false,
      noPersistence: true,
    });
    expect(calls).toContain('roundTrip expiry=false');
    expect(check(report, 'cassandra.ttl-expiry')).toMatchObject({
      status: 'skip',
      message: 'TTL expiry was turned off for this run',
    });
    expect(check(report, 'persistence.kafka')).toMatchObject({
      status: 'skip',
      message: '--no-persistence',
    });
  });
});

describe('verify() on a runtime without lifecycle (existing)', () => {
  it('never brings up, stops or takes down, and says why persistence and containers are skipped', async () => {
    const calls: Calls = [];
    const runtime: Runtime = {
      name: 'existing',
      endpoints: ENDPOINTS,
      logs: async (service) => `no log of ${service}`,
    };
    const report = await run(runtime, fakeObserver(calls));
    expect(calls).toEqual([
      'awaitStack',
      'observeServices',
      'connect',
      'observeServers',
      'roundTrip expiry=true',
      'close',
    ]);
    expect(check(report, 'persistence.kafka')).toMatchObject({
      status: 'skip',
      message: NO_LIFECYCLE_REASON,
    });
    expect(check(report, 'services.network')).toMatchObject({
      status: 'skip',
      message: EXISTING_SEES_PROTOCOLS_ONLY,
    });
  });
});

describe('verify() after a failed up', () => {
  it('an up that used the whole timeout still leaves one look at each service', async () => {
    const calls: Calls = [];
    let now = T0;
    const runtime = fakeRuntime(calls, {
      up: async () => {
        now = T0 + 60_000;
        throw new Error('bringing the stack up did not finish within 60 s (the timeout)');
      },
    });
    const observer = fakeObserver(calls);
    await run(runtime, observer, { timeoutSeconds: 60, clock: { now: () => now } });
    // one connect's worth past the failed up, inside the look's margin past the deadline
    expect(observer.deadlines).toEqual([T0 + 63_000]);
  });

  it('looks briefly (one connect, not the timeout), puts the up error first, skips persistence, still takes down', async () => {
    const calls: Calls = [];
    const runtime = fakeRuntime(calls, {
      up: async () => {
        calls.push('up');
        throw new Error('port 9092 is already taken');
      },
    });
    const observer = fakeObserver(calls, () => ({ ...ready(), kafka: down('ECONNREFUSED') }));
    const report = await run(runtime, observer, { timeoutSeconds: 600, clock: FIXED_CLOCK });
    // one CQL connect's worth (3 s) after the failed up, not the 600 s timeout
    expect(observer.deadlines).toEqual([T0 + 3_000]);
    expect(report.notReady).toEqual([
      { service: 'local', message: 'port 9092 is already taken' },
      { service: 'kafka', message: 'ECONNREFUSED' },
    ]);
    expect(calls).not.toContain('writeMarkers');
    expect(calls).not.toContain('stop');
    expect(calls[calls.length - 1]).toBe('down removeData=false');
    expect(check(report, 'persistence.kafka')).toMatchObject({
      status: 'skip',
      message: 'the stack did not come up',
    });
    // the runtime's own name has no log; the service that failed has its tail
    expect(report.logs).toEqual({ kafka: 'log of kafka' });
    expect(report.result).toBe('fail');
  });
});

describe('verify() when nothing is ready', () => {
  it('fails, names every service with what was seen, and attaches each log tail', async () => {
    const calls: Calls = [];
    const notReady = (): StackReadiness => ({
      zookeeper: down('refused'),
      kafka: down('refused'),
      cassandra: down('refused'),
      serviceOf: { zookeeper: 'zookeeper', kafka: 'kafka', cassandra: 'cassandra' },
      others: {
        'kafka-init': { ok: true, ms: 1, value: 1 },
        'cassandra-init': down('cassandra-init is missing'),
      },
    });
    const empty: ObservedState = {
      services: { ok: true, ms: 1, value: [] },
      zookeeper: down('refused'),
      kafka: down('refused'),
      cassandra: down('refused'),
    };
    // cassandra-init never started: its log is only compose's line clearing
    const runtime: Runtime = {
      ...fakeRuntime(calls),
      logs: async (service) => (service === 'cassandra-init' ? '\u001b[2K\n' : `log of ${service}`),
    };
    const report = await run(runtime, fakeObserver(calls, notReady, empty), {
      noPersistence: true,
      readOnly: true,
    });
    expect(report.result).toBe('fail');
    expect(report.notReady).toEqual([
      { service: 'zookeeper', message: 'refused' },
      { service: 'kafka', message: 'refused' },
      { service: 'cassandra', message: 'refused' },
      { service: 'cassandra-init', message: 'cassandra-init is missing' },
      { service: 'kafka-init', message: 'exited with code 1' },
    ]);
    expect(Object.keys(report.logs).sort()).toEqual([
      'cassandra',
      'kafka',
      'kafka-init',
      'zookeeper',
    ]);
    // one error per failed probe, the rest skip pointing back at it
    expect(check(report, 'kafka.topic.twitch-chat-messages.exists')).toMatchObject({
      status: 'error',
      message: 'the Kafka probe failed: refused',
    });
    expect(check(report, 'kafka.topic.channel-stats.exists')).toMatchObject({
      status: 'skip',
      message: 'the Kafka probe failed (reported above)',
    });
  });
});

describe('verify() when the restart fails', () => {
  it('still reads back on a deadline of now, and reports the stops it made', async () => {
    const calls: Calls = [];
    const runtime = fakeRuntime(calls, {
      start: async () => {
        calls.push('start');
        throw new Error('zookeeper did not start');
      },
    });
    const observer = fakeObserver(calls);
    const report = await run(runtime, observer, { timeoutSeconds: 600, clock: FIXED_CLOCK });
    // the first wait gets the whole timeout; after the failed start, a deadline of now
    expect(observer.deadlines).toEqual([T0 + 600_000, T0]);
    expect(calls).toContain('readMarkers same run');
    expect(check(report, 'services.stop-clean').status).toBe('pass');
  });
});

/** Work that never settles: what a hung driver or command looks like to verify. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
const CAUSE = "internal error: Cannot read properties of undefined (reading 'push')";
/** A stray fault, as the shell's safety net hands it over, a moment after the run started. */
const faultSoon = () => new Promise<string>((resolve) => setTimeout(() => resolve(CAUSE), 20));

describe('verify() when a stray fault comes', () => {
  it('during readiness: every declared server is not ready for that cause, and the stack goes down', async () => {
    const calls: Calls = [];
    const observer = fakeObserver(calls);
    observer.awaitStack = () => never();
    const report = await run(fakeRuntime(calls), observer, { strayFault: faultSoon() });
    expect(report.notReady).toEqual([
      { service: 'zookeeper', message: CAUSE },
      { service: 'kafka', message: CAUSE },
      { service: 'cassandra', message: CAUSE },
    ]);
    expect(check(report, 'kafka.topic.twitch-chat-messages.exists')).toMatchObject({
      status: 'error',
      message: expect.stringContaining(CAUSE),
    });
    expect(calls).not.toContain('observeServers');
    expect(calls).not.toContain('stop');
    expect(calls[calls.length - 1]).toBe('down removeData=false');
  });

  it('during observation: the live checks are errors naming it, nothing is written or restarted, the stack goes down', async () => {
    const calls: Calls = [];
    const observer = fakeObserver(calls);
    const connect = observer.connect;
    observer.connect = async (endpoints, readiness) => ({
      ...(await connect(endpoints, readiness)),
      observeServers: () => never(),
    });
    const report = await run(fakeRuntime(calls), observer, { strayFault: faultSoon() });
    expect(report.result).toBe('fail');
    expect(report.notReady).toBeUndefined();
    // the containers were looked at on their own: the first check that reads Kafka reports it
    for (const id of ['services.kafka.ready', 'persistence.kafka']) {
      expect(check(report, id)).toMatchObject({
        status: 'error',
        message: expect.stringContaining(CAUSE),
      });
    }
    expect(calls.filter((call) => /roundTrip|writeMarkers|stop|start/.test(call))).toEqual([]);
    expect(calls.slice(-2)).toEqual(['close', 'down removeData=false']);
  });
});

describe('verify() when the persistence restart hangs', () => {
  it('a start that never ends is given up at the timeout, and readiness gets a deadline of now', async () => {
    const calls: Calls = [];
    const progress: string[] = [];
    const observer = fakeObserver(calls);
    const runtime = fakeRuntime(calls, { start: () => never() });
    const started = Date.now();
    const report = await run(runtime, observer, {
      timeoutSeconds: 1,
      progress: (line) => progress.push(line),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(progress).toContain(
      'persistence: the stack did not start again: starting the stack again did not finish within 1 s (the timeout)',
    );
    expect(observer.deadlines[1]).toBeLessThanOrEqual(Date.now());
    expect(calls[calls.length - 1]).toBe('down removeData=false');
    expect(report.timings['persistence']).toBeLessThan(5_000);
  });

  it('a stop that never ends aborts persistence at the timeout, naming the stop', async () => {
    const calls: Calls = [];
    const runtime = fakeRuntime(calls, { stop: () => never() });
    const report = await run(runtime, fakeObserver(calls), { timeoutSeconds: 1 });
    expect(check(report, 'persistence.kafka')).toMatchObject({
      status: 'error',
      message: expect.stringContaining('stopping the stack was still running at the deadline'),
    });
    expect(calls).not.toContain('start');
    expect(calls[calls.length - 1]).toBe('down removeData=false');
  });
});

describe('verify() hands the runtime its staged-start release', () => {
  /** The release each start of the lifecycle was given. */
  async function releasesOf(options: Partial<VerifyOptions<string>>) {
    const calls: Calls = [];
    const given: (HealthRelease | undefined)[] = [];
    const runtime = fakeRuntime(calls, {
      up: async (_progress, _deadline, release) => void given.push(release),
      start: async (_progress, _deadline, release) => void given.push(release),
    });
    await run(runtime, fakeObserver(calls), options);
    return { given, calls };
  }
  const BROKER_CHECK = ['CMD', 'kafka-broker-api-versions', '--bootstrap-server', 'localhost:9092'];

  it('to up and to the persistence restart: a server with a protocol healthcheck is released by its protocol', async () => {
    const { given, calls } = await releasesOf({});
    expect(given).toHaveLength(2);
    const [release] = given;
    calls.length = 0;
    await release?.('kafka', BROKER_CHECK, T0);
    await release?.('zookeeper', ['CMD-SHELL', 'echo srvr | nc localhost 2181'], T0);
    expect(calls).toEqual(['awaitServer kafka', 'awaitServer zookeeper']);
  });

  it("leaves to the engine's health status a healthcheck that asks something else, and services without a role", async () => {
    const { given, calls } = await releasesOf({});
    const [release] = given;
    calls.length = 0;
    expect(release?.('kafka', ['CMD', 'curl', '-f', 'http://localhost:8080/health'], T0)).toBe(
      undefined,
    );
    expect(release?.('kafka', undefined, T0)).toBe(undefined);
    expect(release?.('kafka-init', BROKER_CHECK, T0)).toBe(undefined);
    expect(calls).toEqual([]);
  });

  it('stagedStart false gives no release: the runtime starts its own way', async () => {
    const { given } = await releasesOf({ stagedStart: false });
    expect(given).toEqual([undefined, undefined]);
  });
});

describe('verify() overlaps the persistence restart', () => {
  const PROTOCOL_CHECKS: Record<string, string[]> = {
    zookeeper: ['CMD', 'bash', '-c', 'echo srvr | nc localhost 2181'],
    kafka: ['CMD', 'kafka-broker-api-versions', '--bootstrap-server', 'localhost:9092'],
    cassandra: ['CMD', 'cqlsh', '-e', 'SELECT release_version FROM system.local'],
  };
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setImmediate(resolve));
  };

  it('reads the markers back once every server answered, while compose still starts the rest', async () => {
    const calls: Calls = [];
    let restarts = 0;
    const runtime = fakeRuntime(calls, {
      start: async (_progress, deadline, release) => {
        restarts += 1;
        calls.push('start');
        await Promise.all(
          Object.entries(PROTOCOL_CHECKS).map(([service, check]) =>
            release?.(service, check, deadline ?? T0),
          ),
        );
        // the inits and the sentinel are still starting when the markers are read
        await until(() => calls.some((call) => call.startsWith('readMarkers')));
        calls.push('start done');
      },
    });
    const observer = fakeObserver(calls);
    const report = await run(runtime, observer);
    expect(restarts).toBe(1);
    const restart = calls.slice(calls.indexOf('start'));
    expect(restart).toEqual([
      'start',
      'awaitServer zookeeper',
      'awaitServer kafka',
      'awaitServer cassandra',
      'awaitStack',
      'connect',
      'readMarkers same run',
      'start done',
      'close',
      'close',
      'down removeData=false',
    ]);
    // after the restart only the servers are waited for: the markers need nothing else
    expect(observer.scopes).toEqual(['answers', 'servers']);
    expect(check(report, 'persistence.kafka').status).toBe('pass');
  });

  it('with the staged start off, waits for the whole restart and the whole stack, as before', async () => {
    const calls: Calls = [];
    const observer = fakeObserver(calls);
    await run(fakeRuntime(calls), observer, { stagedStart: false });
    expect(observer.scopes).toEqual(['answers', 'stack']);
    expect(calls.slice(calls.indexOf('start'), calls.indexOf('start') + 2)).toEqual([
      'start',
      'awaitStack',
    ]);
  });
});

describe("verify() waits for the engine's health judgement beside the probes", () => {
  it('observes and round-trips while the engine has yet to judge; looks at the containers before the stop', async () => {
    const calls: Calls = [];
    const observer = fakeObserver(calls);
    const services = matchingObservedState(DEFAULT_SPEC).services;
    observer.observeServices = async () => {
      calls.push('observeServices');
      // the engine's next healthcheck tick comes only after the round trip
      while (!calls.includes('roundTrip expiry=false')) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      calls.push('containers looked at');
      return services;
    };
    const report = await run(fakeRuntime(calls), observer);
    expect(calls.slice(0, 9)).toEqual([
      'up',
      'awaitStack',
      'observeServices',
      'connect',
      'observeServers',
      'roundTrip expiry=false',
      'containers looked at',
      'writeMarkers and a row with a short TTL',
      'close',
    ]);
    expect(calls[9]).toBe('stop');
    // readiness did not wait for the judgement itself
    expect(observer.scopes[0]).toBe('answers');
    expect(check(report, 'services.kafka.ready').status).toBe('pass');
    expect(report.result).toBe('pass');
  });
});

describe("verify() runs Kafka's round trip while Cassandra still starts", () => {
  const BROKER_CHECK = ['CMD', 'kafka-broker-api-versions', '--bootstrap-server', 'localhost:9092'];

  it('once Kafka answered and kafka-init exited 0, on a session of its own', async () => {
    const calls: Calls = [];
    const runtime = fakeRuntime(calls, {
      up: async (_progress, deadline, release, exited) => {
        calls.push('up');
        await release?.('kafka', BROKER_CHECK, deadline ?? T0);
        exited?.('kafka-init');
        // Cassandra is still starting while Kafka is round-tripped
        while (!calls.includes('roundTrip of Kafka alone expiry=false')) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        exited?.('cassandra-init');
        calls.push('up done');
      },
    });
    const report = await run(runtime, fakeObserver(calls));
    const early = calls.slice(calls.indexOf('up'), calls.indexOf('up done') + 1);
    expect(early).toEqual([
      'up',
      'awaitServer kafka',
      'awaitStack',
      'connect',
      'observeServers',
      'roundTrip of Kafka alone expiry=false',
      'close',
      'up done',
    ]);
    // after the bring-up, only Cassandra's half is left
    expect(calls).toContain('roundTrip without Kafka expiry=false');
    expect(calls).not.toContain('roundTrip expiry=false');
    expect(check(report, 'kafka.consume').status).toBe('pass');
    expect(check(report, 'cassandra.read').status).toBe('pass');
    expect(report.result).toBe('pass');
  });

  it('waits for every init Kafka may need: an init nobody waits for leaves it to the whole round trip', async () => {
    const calls: Calls = [];
    const runtime = fakeRuntime(calls, {
      up: async (_progress, deadline, release) => {
        calls.push('up');
        await release?.('kafka', BROKER_CHECK, deadline ?? T0);
      },
    });
    await run(runtime, fakeObserver(calls));
    expect(calls).not.toContain('roundTrip of Kafka alone expiry=false');
    expect(calls).toContain('roundTrip expiry=false');
  });
});

describe('verify() watches the TTL row across the restart', () => {
  it('with the staged start off, watches it during the round trip, as before', async () => {
    const calls: Calls = [];
    const report = await run(fakeRuntime(calls), fakeObserver(calls), { stagedStart: false });
    expect(calls).toContain('roundTrip expiry=true');
    expect(calls).toContain('writeMarkers');
    expect(check(report, 'cassandra.ttl-expiry').status).toBe('pass');
  });

  it('when the persistence test is aborted, the expiry check says why instead of failing', async () => {
    const calls: Calls = [];
    const report = await run(
      fakeRuntime(calls, {
        stop: async () => {
          throw new Error('compose stop failed');
        },
      }),
      fakeObserver(calls),
    );
    expect(check(report, 'cassandra.ttl-expiry')).toMatchObject({
      status: 'skip',
      message: expect.stringMatching(/after the persistence restart, which did not get that far/),
    });
    expect(check(report, 'persistence.kafka').status).not.toBe('pass');
  });
});
