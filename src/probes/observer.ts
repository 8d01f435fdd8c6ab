// The live observer that verify() is given: the stack's readiness waits, and a session of real
// clients (kafkajs, cassandra-driver) that observes, round-trips and carries the markers.
import type { LiveState } from '../model/observed';
import type { StackReadiness } from '../model/readiness';
import type { Endpoints, Runtime } from '../model/runtime';
import type { Spec } from '../spec/types';
import {
  type Markers,
  lookScope,
  connectStack,
  observeLive,
  observeRoundTrip,
  readMarkers,
  writeMarkers,
} from './observe-stack';
import { awaitServer, awaitStack } from './stack-ready';

export const probeObserver = {
  awaitStack,
  awaitServer,
  async connect(endpoints: Endpoints, readiness: StackReadiness) {
    const clients = await connectStack(endpoints, readiness);
    return {
      observeLive: (spec: Spec, runtime: Runtime, ready: StackReadiness, lookDeadline: number) =>
        observeLive(runtime, ready, clients, lookScope(spec), lookDeadline),
      roundTrip: (spec: Spec, live: LiveState, runId: string, expiry: boolean) =>
        observeRoundTrip(spec, live, clients, runId, expiry),
      writeMarkers: (spec: Spec, live: LiveState, runId: string, expiring: boolean) =>
        writeMarkers(spec, live, clients, runId, expiring),
      readMarkers: (markers: Markers) => readMarkers(markers, clients),
      close: () => clients.close(),
    };
  },
};
