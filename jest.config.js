// Projects: "unit" is pure and needs nothing; "twin" and "action" run against the real local
// twin (real ZooKeeper, Kafka and Cassandra), which globalSetup brings up; "cluster" runs against
// the cluster twin, which its suite brings up and down; "secure" runs against the secure twin,
// which its globalSetup brings up and its teardown removes; "engine" runs the real compose stack
// on the private Docker engine.
const base = { preset: 'ts-jest', testEnvironment: 'node' };
const withTwin = {
  globalSetup: '<rootDir>/__tests__/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/__tests__/setup/globalTeardown.ts',
};

/**
 * The engine tests need this checkout's private Docker engine (npm run engine:up). `npm test`
 * runs them whenever it is up; with ENGINE_TESTS=required (npm run test:engine, .ci/run) they
 * always run, so a missing engine fails the run instead of leaving the suite out.
 */
function privateEngineIsUp() {
  const fs = require('node:fs');
  const pidfile = require('node:path').join(__dirname, '.engine', 'run', 'dockerd.pid');
  try {
    process.kill(Number(fs.readFileSync(pidfile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}
const engineProject = {
  ...base,
  displayName: 'engine',
  globalSetup: '<rootDir>/__tests__/engine/globalSetup.ts',
  testMatch: ['<rootDir>/__tests__/engine/**/*.test.ts'],
};
const withEngine = process.env.ENGINE_TESTS === 'required' || privateEngineIsUp();

module.exports = {
  // Twin tests share one twin (and its topics and tables), and the machine has 2 cores: one worker.
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/__tests__/setup/closing-line-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...base,
      ...withTwin,
      displayName: 'twin',
      testMatch: ['<rootDir>/__tests__/twin/**/*.test.ts'],
    },
    // The release script in a temporary clone: real git and a real dist/ rebuild, no servers.
    { ...base, displayName: 'release', testMatch: ['<rootDir>/__tests__/release/**/*.test.ts'] },
    // The cluster twin (1 ZooKeeper, 3 brokers, 3 Cassandra nodes) on ports of its own.
    // Its suite brings the cluster up in beforeAll and stops it in afterAll.
    { ...base, displayName: 'cluster', testMatch: ['<rootDir>/__tests__/cluster/**/*.test.ts'] },
    // The secure twin (Kafka 4 SASL_SSL, Cassandra TLS and roles) on ports of its own, proven with
    // kcat, kafka-python and the DataStax Python driver (Debian's kcat, python3-kafka, python3-cassandra).
    {
      ...base,
      displayName: 'secure',
      globalSetup: '<rootDir>/__tests__/setup/secureGlobalSetup.ts',
      globalTeardown: '<rootDir>/__tests__/setup/secureGlobalTeardown.ts',
      testMatch: ['<rootDir>/__tests__/secure/**/*.test.ts'],
    },
    // The KRaft profile of the twin (no ZooKeeper), which its suite brings up and tears down.
    { ...base, displayName: 'kraft', testMatch: ['<rootDir>/__tests__/kraft/**/*.test.ts'] },
    // Static mode and init on compose projects resolved by the real compose CLI (no engine).
    {
      ...base,
      displayName: 'compose',
      globalSetup: '<rootDir>/__tests__/compose/globalSetup.ts',
      testMatch: ['<rootDir>/__tests__/compose/**/*.test.ts'],
    },
    // Issue 8's hostile inputs: misbehaving listeners and files made on the spot, no twin.
    {
      ...base,
      displayName: 'hostile',
      testMatch: ['<rootDir>/__tests__/hostile/**/*.test.ts'],
    },
    // The stand-in docker runs a twin of its own, on other ports; the shared twin serves the
    // cases that run the action with runtime "existing".
    {
      ...base,
      ...withTwin,
      displayName: 'action',
      testMatch: ['<rootDir>/__tests__/action/**/*.test.ts'],
    },
    ...(withEngine ? [engineProject] : []),
  ],
};
