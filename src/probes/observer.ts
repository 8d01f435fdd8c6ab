// The live observer that verify() is given: the stack's readiness waits, and a session of real
// clients (kafkajs, cassandra-driver) that observes, round-trips and carries the markers.
import type { ServersState } from '../model/observed';
import type { StackReadiness } from '../model/readiness';
import type { Endpoints, Runtime } from '../model/runtime';
import type { Spec } from '../spec/types';
import {
  type Markers,
  lookScope,
  connectStack,
  observeRoundTrip,
  observeServers,
  observeServices,
  readMarkers,
  writeMarkers,
} from './observe-stack';
import { awaitJudged, awaitServer, awaitStack } from './stack-ready';

export const probeObserver = {
  awaitStack,
  awaitServer,
  async observeServices(
    spec: Spec,
    runtime: Runtime,
    readiness: StackReadiness,
    deadline: number,
    lookDeadline: number,
  ) {
    await awaitJudged(spec, runtime, deadline);
    return observeServices(runtime, readiness, lookDeadline);
  },
  async connect(endpoints: Endpoints, readiness: StackReadiness) {
    const clients = await connectStack(endpoints, readiness);
    return {
      observeServers: (spec: Spec, runtime: Runtime, ready: StackReadiness) =>
        observeServers(runtime, ready, clients, lookScope(spec)),
      roundTrip: (spec: Spec, live: ServersState, runId: string, expiry: boolean) =>
        observeRoundTrip(spec, live, clients, runId, expiry),
      writeMarkers: (spec: Spec, live: ServersState, runId: string, expiring: boolean) =>
        writeMarkers(spec, live, clients, runId, expiring),
      readMarkers: (markers: Markers) => readMarkers(markers, clients),
      close: () => clients.close(),
    };
  },
};
