import { EXIT, main } from '../../src/cli/program';

const clusterStatus = (runtime: string) => [
  'node',
  'infra-verify',
  'status',
  '--runtime',
  runtime,
  '--profile',
  'cluster',
];

// Usage errors are answered before any runtime is touched, so these need no servers.
describe('infra-verify usage errors exit 2 with the cause', () => {
  let stderr: string;
  let spy: jest.SpyInstance;
  beforeEach(() => {
    stderr = '';
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it('an unknown runtime', async () => {
    expect(await main(['node', 'infra-verify', 'up', '--runtime', 'podman'])).toBe(EXIT.usage);
    expect(stderr).toMatch(/podman.*Allowed choices are auto, compose, local/s);
  });

  it('cql without a statement or a file', async () => {
    expect(await main(['node', 'infra-verify', 'cql'])).toBe(EXIT.usage);
    expect(stderr).toContain('cql needs exactly one of -e STATEMENT or -f FILE');
  });

  it('cql with a file that cannot be read', async () => {
    expect(await main(['node', 'infra-verify', 'cql', '-f', '/nonexistent/schema.cql'])).toBe(
      EXIT.usage,
    );
    expect(stderr).toContain('cannot read /nonexistent/schema.cql');
  });

  it('a profile of another runtime than local', async () => {
    expect(await main(clusterStatus('compose'))).toBe(EXIT.usage);
    expect(stderr).toContain('--profile cluster is a shape of the local twin');
  });

  it('an unknown profile', async () => {
    expect(await main(['node', 'infra-verify', 'up', '--profile', 'galaxy'])).toBe(EXIT.usage);
    expect(stderr).toMatch(/galaxy.*Allowed choices are single, cluster/s);
  });

  it('TWIN_* ports that collide with the brokers', async () => {
    // the third broker's port, whatever TWIN_KAFKA_PORT this run has (CI moves the twin)
    process.env.TWIN_ZOOKEEPER_PORT = String(Number(process.env.TWIN_KAFKA_PORT || 9092) + 2);
    try {
      expect(await main(clusterStatus('local'))).toBe(EXIT.usage);
    } finally {
      delete process.env.TWIN_ZOOKEEPER_PORT;
    }
    expect(stderr).toContain('choose TWIN_KAFKA_PORT so that it and the next 2 ports are free');
  });

  it('connection settings the open twin cannot take: named, with the fix, never ignored', async () => {
    const verify = [
      'node',
      'infra-verify',
      'verify',
      '--runtime',
      'local',
      '--cassandra-tls',
      'true',
    ];
    expect(await main(verify)).toBe(EXIT.usage);
    expect(stderr).toContain(
      'cassandra-tls true is set (a flag or INFRA_VERIFY_* variable), but the twin is open: PLAINTEXT Kafka, plain CQL, no passwords. Unset them for it, or use the secured twin: --profile secure',
    );
    // cql speaks to Cassandra alone: its settings, here from the environment
    process.env.INFRA_VERIFY_CASSANDRA_USERNAME = 'verifier';
    process.env.INFRA_VERIFY_CASSANDRA_PASSWORD = 'not-shown';
    try {
      const cql = ['node', 'infra-verify', 'cql', '--runtime', 'local', '-e', 'SELECT 1'];
      expect(await main(cql)).toBe(EXIT.usage);
    } finally {
      delete process.env.INFRA_VERIFY_CASSANDRA_USERNAME;
      delete process.env.INFRA_VERIFY_CASSANDRA_PASSWORD;
    }
    expect(stderr).toContain('cassandra-username is set');
    expect(stderr).not.toContain('not-shown');
  });

  it('an endpoint flag with a runtime that runs its own servers', async () => {
    const verify = ['node', 'infra-verify', 'verify', '--runtime', 'compose'];
    expect(await main([...verify, '--kafka-brokers', 'broker:9093'])).toBe(EXIT.usage);
    expect(stderr).toContain(
      '--kafka-brokers is for --runtime existing; runtime compose reaches the servers it runs at their own addresses: drop it, or use --runtime existing',
    );
  });

  it('a twin profile with a runtime that has no twin', async () => {
    for (const runtime of ['existing', 'compose']) {
      const init = ['node', 'infra-verify', 'init', '--runtime', runtime, '--profile', 'secure'];
      expect(await main([...init, '--out', '/nonexistent/spec.yml'])).toBe(EXIT.usage);
      expect(stderr).toContain(
        `--profile secure is a shape of the local twin, not of runtime ${runtime}; use --runtime local`,
      );
    }
  });

  it('a twin port that is not a port', async () => {
    const before = process.env.TWIN_KAFKA_PORT;
    process.env.TWIN_KAFKA_PORT = 'ninety';
    try {
      // --runtime local: with auto, a machine whose Docker engine answers would pick compose
      expect(await main(['node', 'infra-verify', 'status', '--runtime', 'local'])).toBe(EXIT.usage);
    } finally {
      if (before === undefined) delete process.env.TWIN_KAFKA_PORT;
      else process.env.TWIN_KAFKA_PORT = before;
    }
    expect(stderr).toContain('TWIN_KAFKA_PORT=ninety is not a port');
  });
});

describe('infra-verify --version and --help', () => {
  let stdout: string;
  let spy: jest.SpyInstance;
  beforeEach(() => {
    stdout = '';
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it("prints the package's version and exits 0", async () => {
    const { version } = jest.requireActual<{ version: string }>('../../package.json');
    expect(await main(['node', 'infra-verify', '--version'])).toBe(EXIT.ok);
    expect(stdout).toBe(`${version}\n`);
  });

  it('describes a generic tool, not one team’s milestone', async () => {
    expect(await main(['node', 'infra-verify', '--help'])).toBe(EXIT.ok);
    expect(stdout).toContain('Kafka + Cassandra stack');
    expect(stdout).not.toMatch(/ChatBattle|Milestone/i);
  });

  it('up takes the staged start off switch, as verify does', async () => {
    expect(await main(['node', 'infra-verify', 'up', '--help'])).toBe(EXIT.ok);
    expect(stdout).toContain('--no-staged-start');
  });
});
