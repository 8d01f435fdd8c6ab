// `infra-verify up` starts the stack as verify does: staged (each server released by its own
// protocol check, where its healthcheck asks the same), or compose's own way with the staged
// start off; then it waits for the whole stack by protocol.
import type { StackReadiness } from '../../src/model/readiness';
import type { HealthRelease, OwnedRuntime } from '../../src/model/runtime';
import { startStack } from '../../src/app/stack-up';
import { DEFAULT_SPEC } from '../../src/spec/default';

const DEADLINE = 1_800_000_000_000;
const BROKER_CHECK = ['CMD', 'kafka-broker-api-versions', '--bootstrap-server', 'localhost:9092'];
const READY: StackReadiness = { serviceOf: {}, others: {} };

function fakes() {
  const calls: string[] = [];
  const given: (HealthRelease | undefined)[] = [];
  const runtime = {
    name: 'compose',
    endpoints: { zookeeper: '', kafkaBrokers: [], cassandraContactPoints: [] },
    logs: async () => '',
    lifecycle: {
      up: async (_progress: unknown, deadline?: number, release?: HealthRelease) => {
        calls.push(`up until ${deadline}`);
        given.push(release);
      },
    },
  } as unknown as OwnedRuntime;
  const observer = {
    awaitServer: async (_spec: unknown, _runtime: unknown, role: string) =>
      void calls.push(`awaitServer ${role}`),
    awaitStack: async (_spec: unknown, _runtime: unknown, deadline: number) => {
      calls.push(`awaitStack until ${deadline}`);
      return READY;
    },
  };
  return { calls, given, runtime, observer };
}

describe('startStack (infra-verify up)', () => {
  it('staged: hands the runtime a release that waits for a server by its protocol', async () => {
    const { calls, given, runtime, observer } = fakes();
    const options = { deadline: DEADLINE, stagedStart: true, progress: () => undefined };
    expect(await startStack(DEFAULT_SPEC, runtime, options, observer)).toBe(READY);
    expect(calls).toEqual([`up until ${DEADLINE}`, `awaitStack until ${DEADLINE}`]);
    const [release] = given;
    await release?.('kafka', BROKER_CHECK, DEADLINE);
    expect(calls).toContain('awaitServer kafka');
    // an init has no protocol: the runtime waits for its exit itself
    expect(release?.('kafka-init', BROKER_CHECK, DEADLINE)).toBeUndefined();
  });

  it('with the staged start off, gives no release: compose starts the stack its own way', async () => {
    const { calls, given, runtime, observer } = fakes();
    const options = { deadline: DEADLINE, stagedStart: false, progress: () => undefined };
    await startStack(DEFAULT_SPEC, runtime, options, observer);
    expect(given).toEqual([undefined]);
    expect(calls).toEqual([`up until ${DEADLINE}`, `awaitStack until ${DEADLINE}`]);
  });
});
