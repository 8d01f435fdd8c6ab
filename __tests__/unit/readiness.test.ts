import { ReadinessError, waitUntil } from '../../src/protocol/wait';

describe('waitUntil', () => {
  it('retries until the attempt succeeds and reports each new observation once', async () => {
    let calls = 0;
    const seen: string[] = [];
    const value = await waitUntil({
      service: 'kafka',
      attempt: async () => {
        calls += 1;
        if (calls < 4) throw new Error(calls < 3 ? 'connection refused' : 'no broker yet');
        return 'ready';
      },
      deadline: Date.now() + 5000,
      firstDelayMs: 1,
      maxDelayMs: 2,
      progress: (message) => seen.push(message),
    });
    expect(value).toBe('ready');
    expect(calls).toBe(4);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/waiting for kafka .*connection refused/);
    expect(seen[1]).toMatch(/no broker yet/);
  });

  it('on timeout names the service, the last thing seen (first line only) and the log tail', async () => {
    const error = await waitUntil({
      service: 'cassandra',
      attempt: async () => {
        throw new Error('All host(s) tried\n   at a stack line');
      },
      deadline: Date.now() + 30,
      firstDelayMs: 5,
      logTail: async () => 'ERROR could not bind 9042',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadinessError);
    const readiness = error as ReadinessError;
    expect(readiness.service).toBe('cassandra');
    expect(readiness.lastSeen).toBe('All host(s) tried');
    expect(readiness.message).toMatch(
      /cassandra is not ready: no answer within 0 s; last seen: All host\(s\) tried/,
    );
    expect(readiness.message).toContain('ERROR could not bind 9042');
  });

  it('stops waiting at once when giveUpIf gives a reason', async () => {
    let calls = 0;
    const error = await waitUntil({
      service: 'zookeeper',
      attempt: async () => {
        calls += 1;
        throw new Error('refused');
      },
      deadline: Date.now() + 60_000,
      giveUpIf: async () => 'the zookeeper process exited (code 1)',
    }).catch((e: unknown) => e as Error);
    expect(calls).toBe(1);
    expect((error as Error).message).toMatch(
      /zookeeper is not ready: the zookeeper process exited \(code 1\)/,
    );
  });

  describe('with a slow look at the service', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('looks during the pause before the next attempt, not before the pause', async () => {
      const PAUSE_MS = 1000;
      const started = Date.now();
      const attemptsAt: number[] = [];
      const waiting = waitUntil({
        service: 'cassandra',
        attempt: async () => {
          attemptsAt.push(Date.now() - started);
          if (attemptsAt.length < 3) throw new Error('refused');
          return 'ready';
        },
        deadline: started + 60_000,
        firstDelayMs: PAUSE_MS,
        maxDelayMs: PAUSE_MS,
        // a look as long as the pause, as `compose ps` can take under load
        giveUpIf: () => new Promise((resolve) => setTimeout(() => resolve(undefined), PAUSE_MS)),
      });
      await jest.advanceTimersByTimeAsync(10 * PAUSE_MS);
      expect(await waiting).toBe('ready');
      expect(attemptsAt).toEqual([0, PAUSE_MS, 2 * PAUSE_MS]);
    });
  });
});
