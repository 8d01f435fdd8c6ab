import { InputError, readInputs } from '../../src/action/inputs';

const env = {
  GITHUB_WORKSPACE: '/ws',
  GITHUB_RUN_ID: '7',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'e2e',
};
const from = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readInputs', () => {
  it('gives the action.yml defaults for an empty with: block', () => {
    expect(readInputs(from({}), env)).toEqual({
      mode: 'live',
      runtime: 'compose',
      workingDirectory: '/ws',
      spec: undefined,
      compose: { files: [], profiles: [] },
      projectName: 'infra-verify-7-1-e2e',
      persistence: true,
      ttlExpiry: true,
      stagedStart: true,
      timeoutSeconds: 300,
      keepUp: false,
      reportDir: '/ws/infra-verify-reports',
      comment: false,
      issue: false,
      githubToken: '',
      failOn: 'any',
      runInits: true,
    });
  });

  it('turns the staged start off with staged-start false', () => {
    expect(readInputs(from({ 'staged-start': 'false' }), env)).toMatchObject({
      stagedStart: false,
    });
  });

  it('takes fail-on drift, any or never, and names the choices otherwise', () => {
    expect(readInputs(from({ 'fail-on': 'never' }), env).failOn).toBe('never');
    expect(readInputs(from({ 'fail-on': 'drift' }), env).failOn).toBe('drift');
    expect(() => readInputs(from({ 'fail-on': 'warn' }), env)).toThrow(
      'Input "fail-on" is "warn": use drift, any or never.',
    );
  });

  it('comments by default on pull request events only, and takes an explicit choice', () => {
    expect(readInputs(from({}), { ...env, GITHUB_EVENT_NAME: 'pull_request' }).comment).toBe(true);
    expect(readInputs(from({}), { ...env, GITHUB_EVENT_NAME: 'pull_request_target' }).comment).toBe(
      true,
    );
    expect(readInputs(from({}), { ...env, GITHUB_EVENT_NAME: 'push' }).comment).toBe(false);
    expect(
      readInputs(from({ comment: 'false' }), { ...env, GITHUB_EVENT_NAME: 'pull_request' }).comment,
    ).toBe(false);
    expect(readInputs(from({ comment: 'true' }), env).comment).toBe(true);
    expect(() => readInputs(from({ comment: 'yes' }), env)).toThrow(
      'Input "comment" is "yes": use true or false.',
    );
  });

  it('resolves paths against the working directory and splits compose files by line or comma', () => {
    const inputs = readInputs(
      from({
        'working-directory': 'stack',
        spec: 'specs/infra.yml',
        'compose-file': 'docker-compose.yml\n ci.yml, more.yml',
        'keep-up': 'true',
        persistence: 'FALSE',
      }),
      env,
    );
    expect(inputs).toMatchObject({
      workingDirectory: '/ws/stack',
      spec: 'specs/infra.yml',
      compose: { files: ['docker-compose.yml', 'ci.yml', 'more.yml'], profiles: [] },
      keepUp: true,
      persistence: false,
    });
  });

  it('takes endpoints and credentials for runtime existing', () => {
    expect(
      readInputs(
        from({
          runtime: 'existing',
          'kafka-brokers': 'kafka-1:9092,kafka-2:9092',
          'cassandra-contact-points': 'db:9042',
          zookeeper: 'zk:2181',
          'cassandra-username': 'app',
          'cassandra-password': 's3cret',
          'read-only': 'true',
        }),
        env,
      ),
    ).toMatchObject({
      runtime: 'existing',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      cassandraContactPoints: ['db:9042'],
      zookeeper: 'zk:2181',
      connection: {
        kafka: { securityProtocol: 'PLAINTEXT' },
        cassandra: { credentials: { username: 'app', password: 's3cret' } },
      },
      readOnly: true,
    });
  });

  it('reads the connection inputs, each falling back to its INFRA_VERIFY_* variable', () => {
    const inputs = readInputs(
      from({
        runtime: 'existing',
        'kafka-security-protocol': 'SASL_SSL',
        'kafka-sasl-mechanism': 'SCRAM-SHA-512',
        'kafka-username': 'verifier',
        'kafka-ca-file': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      }),
      {
        ...env,
        INFRA_VERIFY_KAFKA_BROKERS: 'broker:9093',
        INFRA_VERIFY_KAFKA_PASSWORD: 'from-env',
        INFRA_VERIFY_KAFKA_USERNAME: 'not-this-one',
      },
    );
    expect(inputs).toMatchObject({
      kafkaBrokers: ['broker:9093'],
      connection: {
        kafka: {
          securityProtocol: 'SASL_SSL',
          sasl: { mechanism: 'SCRAM-SHA-512', username: 'verifier', password: 'from-env' },
          tls: { ca: { pem: expect.stringContaining('BEGIN CERTIFICATE') } },
        },
      },
    });
    expect(() =>
      readInputs(from({ runtime: 'existing', 'kafka-security-protocol': 'TLS' }), env),
    ).toThrow(
      new InputError(
        'kafka-security-protocol: "TLS" is not allowed; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL.',
      ),
    );
  });

  it('reads the connection inputs for runtime compose too, and none when none is given', () => {
    const compose = readInputs(
      from({ 'cassandra-tls': 'true', 'cassandra-username': 'verifier' }),
      { ...env, INFRA_VERIFY_CASSANDRA_PASSWORD: 'from-env' },
    );
    expect(compose).toMatchObject({
      runtime: 'compose',
      connection: {
        kafka: { securityProtocol: 'PLAINTEXT' },
        cassandra: { tls: {}, credentials: { username: 'verifier', password: 'from-env' } },
      },
    });
    expect(readInputs(from({}), env)).not.toHaveProperty('connection');
    expect(() => readInputs(from({ 'kafka-username': 'verifier' }), env)).toThrow(InputError);
  });

  it('is read-only on an existing stack unless read-only is false', () => {
    const existing = {
      runtime: 'existing',
      'kafka-brokers': 'k:9092',
      'cassandra-contact-points': 'db:9042',
      zookeeper: 'zk:2181',
    };
    expect(readInputs(from(existing), env)).toMatchObject({ readOnly: true });
    expect(readInputs(from({ ...existing, 'read-only': 'false' }), env)).toMatchObject({
      readOnly: false,
    });
  });

  it('takes mode static with the compose files and no runtime', () => {
    const inputs = from({
      mode: 'static',
      'compose-file': 'a.yml, b.yml',
      'compose-profiles': 'debug\nui',
      'env-file': 'ci.env',
    });
    expect(readInputs(inputs, env)).toEqual({
      mode: 'static',
      comment: false,
      issue: false,
      githubToken: '',
      failOn: 'any',
      runInits: true,
      workingDirectory: '/ws',
      spec: undefined,
      compose: { files: ['a.yml', 'b.yml'], profiles: ['debug', 'ui'], envFile: 'ci.env' },
      persistence: true,
      ttlExpiry: true,
      stagedStart: true,
      timeoutSeconds: 300,
      keepUp: false,
      reportDir: '/ws/infra-verify-reports',
    });
  });

  it.each([
    [{ mode: 'dry-run' }, /Input "mode" is "dry-run": use "live" or "static"/],
    [{ persistence: 'yes' }, /Input "persistence" is "yes": use true or false/],
    [{ timeout: '5m' }, /Input "timeout" is "5m": use a whole number of seconds/],
    [{ timeout: '0' }, /whole number of seconds/],
    [{ runtime: 'kubernetes' }, /runtime "kubernetes" is not known: use "compose" or "existing"/],
    [
      { 'project-name': 'x; touch /tmp/pwned' },
      /project-name "x; touch \/tmp\/pwned" is not a valid compose project name/,
    ],
    [
      {
        runtime: 'existing',
        'kafka-brokers': 'localhost',
        'cassandra-contact-points': 'db:9042',
        zookeeper: 'zk:2181',
      },
      /Input "kafka-brokers" has "localhost": use host:port/,
    ],
    [
      {
        runtime: 'existing',
        'kafka-brokers': 'k:9092',
        'cassandra-contact-points': 'db:9042',
        zookeeper: 'zk:2181',
        'cassandra-username': 'app',
      },
      /cassandra-username and cassandra-password go together/,
    ],
  ])('rejects %j with a message naming the input and the fix', (inputs, message) => {
    expect(() => readInputs(from(inputs), env)).toThrow(InputError);
    expect(() => readInputs(from(inputs), env)).toThrow(message);
  });
});
