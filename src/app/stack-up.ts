// `infra-verify up`: the stack started the way verify starts it (one dependency level at a time,
// each released by the verifier's own check, unless the staged start is off), then awaited by
// protocol, so `up` means ready and not just started.
import type { StackReadiness } from '../model/readiness';
import type { OwnedRuntime, Progress } from '../model/runtime';
import { protocolRelease } from '../engine/release';
import type { StackObserver } from '../engine/observer';
import { probeObserver } from '../probes/observer';
import type { Spec } from '../spec/types';

export interface StartOptions {
  /** one deadline for starting the stack and waiting until it is ready (epoch ms) */
  deadline: number;
  stagedStart: boolean;
  progress: Progress;
}

/** Starts the stack and waits for it; throws what stopped the start itself. */
export async function startStack(
  spec: Spec,
  runtime: OwnedRuntime,
  { deadline, stagedStart, progress }: StartOptions,
  observer: Pick<StackObserver<unknown>, 'awaitServer' | 'awaitStack'> = probeObserver,
): Promise<StackReadiness> {
  const release = stagedStart ? protocolRelease(observer, spec, runtime, progress) : undefined;
  await runtime.lifecycle.up(progress, deadline, release);
  return observer.awaitStack(spec, runtime, deadline, progress);
}
