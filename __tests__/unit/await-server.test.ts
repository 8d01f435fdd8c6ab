// A staged start's release of one server: it ends as soon as the server's container has exited,
// as compose gives up on a dependency whose container exited, not at the run's deadline.
import { createServer, type Server } from 'node:net';
import type { Lifecycle, Runtime, ServiceObservation } from '../../src/model/runtime';
import { awaitServer, awaitStack } from '../../src/probes/stack-ready';
import { DEFAULT_SPEC } from '../../src/spec/default';

/** A port where nothing listens: every attempt is refused at once. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

function runtimeWith(kafka: ServiceObservation, port: number, looks = { count: 0 }): Runtime {
  const lifecycle = {
    services: async () => {
      looks.count += 1;
      return [kafka];
    },
  } as unknown as Lifecycle;
  return {
    name: 'compose',
    endpoints: {
      zookeeper: '',
      kafkaBrokers: [`127.0.0.1:${port}`],
      cassandraContactPoints: [],
    },
    lifecycle,
    logs: async () => '',
  };
}

describe('awaitServer', () => {
  it('gives up once the container has exited, naming its exit', async () => {
    const runtime = runtimeWith(
      { service: 'kafka', containerName: 'k', state: 'exited', exitCode: 137 },
      await closedPort(),
    );
    const deadline = Date.now() + 60_000;
    await expect(
      awaitServer(DEFAULT_SPEC, runtime, 'kafka', deadline, () => undefined),
    ).rejects.toThrow(/kafka exited \(exit 137\)/);
  });

  it('keeps trying while the container runs, until the deadline, looking at it now and then', async () => {
    const looks = { count: 0 };
    const runtime = runtimeWith(
      { service: 'kafka', containerName: 'k', state: 'running', health: 'starting' },
      await closedPort(),
      looks,
    );
    await expect(
      awaitServer(DEFAULT_SPEC, runtime, 'kafka', Date.now() + 1_500, () => undefined),
    ).rejects.toThrow(/no answer within/);
    // attempts every 250-500 ms, but one look (a ps and an inspect) per 2 s at most
    expect(looks.count).toBe(1);
  });
});

describe('awaitStack after a staged restart (the servers alone)', () => {
  it('ends once a server container has exited, not at the deadline', async () => {
    const runtime = runtimeWith(
      { service: 'kafka', containerName: 'k', state: 'exited', exitCode: 137 },
      await closedPort(),
    );
    // 60 s away: were it waited out, jest's own 5 s limit would fail the case
    const deadline = Date.now() + 60_000;
    const readiness = await awaitStack(DEFAULT_SPEC, runtime, deadline, () => undefined, 'servers');
    expect(readiness.kafka).toMatchObject({
      ok: false,
      error: expect.stringMatching(/kafka exited \(exit 137\)/),
    });
  });
});
