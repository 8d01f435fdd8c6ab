// A stack that is already running somewhere reachable: endpoints only, no containers and no
// lifecycle: it never starts, stops or removes what is somebody else's. Its services are seen
// by their protocols only (readiness asks each one), and persistence cannot be tested here.
import type { Endpoints, Runtime } from '../model/runtime';

export class ExistingRuntime implements Runtime {
  readonly name = 'existing';

  constructor(readonly endpoints: Endpoints) {}

  async logs(service: string): Promise<string> {
    return `(no log: ${service} runs outside infra-verify's reach)`;
  }
}
