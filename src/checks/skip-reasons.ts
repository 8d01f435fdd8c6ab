// Why a phase-dependent check cannot be judged; the reason travels into the report as the skip.
import type { ObservedState } from '../model/observed';
import type { Spec } from '../spec/types';

export function persistenceSkipReason(spec: Spec, observed: ObservedState): string | undefined {
  if (!spec.persistence.enabled) return 'persistence is disabled in the spec';
  if (!observed.persistence)
    return observed.notRun?.persistence ?? 'the persistence phase did not run';
  return undefined;
}

export function roundTripSkipReason(spec: Spec, observed: ObservedState): string | undefined {
  if (!spec.probes.roundTrip) return 'round-trip probes are disabled in the spec';
  if (!observed.roundTrip) return observed.notRun?.roundTrip ?? 'the round-trip probes did not run';
  return undefined;
}

export function ttlExpirySkipReason(spec: Spec, observed: ObservedState): string | undefined {
  if (!spec.probes.ttl.expiry) return 'the TTL expiry probe is disabled in the spec';
  return observed.notRun?.ttlExpiry;
}
