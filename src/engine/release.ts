// The staged start's release, shared by verify and the CLI's `up`: which started server the
// verifier's own protocol check may release, and which it leaves to the engine's health status.
import type { HealthRelease, Progress, Runtime } from '../model/runtime';
import { protocolHealthcheck } from '../spec/protocol-healthchecks';
import { roleOfService, type Spec } from '../spec/types';
import type { StackObserver } from './observer';

/**
 * A staged start releases a server's dependants once it answers its protocol, where its
 * healthcheck asks the same (srvr, a broker API call, a CQL query). Any other healthcheck, and
 * every service that plays no server role, is left to the engine's health status: the user's
 * check may ask for more than the protocol does.
 */
export function protocolRelease(
  observer: Pick<StackObserver<unknown>, 'awaitServer'>,
  spec: Spec,
  runtime: Runtime,
  progress: Progress,
): HealthRelease {
  return (service, healthcheck, deadline) => {
    const role = roleOfService(spec, service);
    if (!role || !protocolHealthcheck(role, healthcheck)) return undefined;
    return observer.awaitServer(spec, runtime, role, deadline, progress);
  };
}
