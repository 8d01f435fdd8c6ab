// Which one-shot inits a data server's probes may need: Kafka's round trip runs early once Kafka
// and these have finished, so an init left out would let it probe topics not yet created.
import { DEFAULT_SPEC } from '../../src/spec/default';
import { initsFor, type ServiceSpec, type Spec } from '../../src/spec/types';

const init = (dependsOn: ServiceSpec['dependsOn'] = {}): ServiceSpec => ({
  ready: 'exited-0',
  dependsOn,
  volumes: {},
});

function withServices(extra: Record<string, ServiceSpec>): Spec {
  return {
    ...DEFAULT_SPEC,
    compose: { ...DEFAULT_SPEC.compose, services: { ...DEFAULT_SPEC.compose.services, ...extra } },
  };
}

describe('initsFor', () => {
  it("ChatBattle's stack: each server its own init, and the sentinel for neither", () => {
    expect(initsFor(DEFAULT_SPEC, 'kafka')).toEqual(['kafka-init']);
    expect(initsFor(DEFAULT_SPEC, 'cassandra')).toEqual(['cassandra-init']);
  });

  it('an init that waits for no server, or for both, counts for both', () => {
    const spec = withServices({
      'seed-all': init({ kafka: 'service_healthy', cassandra: 'service_healthy' }),
      'fetch-fixtures': init(),
    });
    for (const role of ['kafka', 'cassandra'] as const) {
      expect(initsFor(spec, role)).toEqual(expect.arrayContaining(['seed-all', 'fetch-fixtures']));
    }
  });

  it('follows dependencies through other inits', () => {
    const spec = withServices({
      'schema-migrate': init({ 'cassandra-init': 'service_completed_successfully' }),
      'topic-acls': init({ 'kafka-init': 'service_completed_successfully' }),
    });
    expect(initsFor(spec, 'kafka')).not.toContain('schema-migrate');
    expect(initsFor(spec, 'kafka')).toContain('topic-acls');
    expect(initsFor(spec, 'cassandra')).toContain('schema-migrate');
  });
});
