// Three projects: "unit" is pure and needs nothing; "twin" and "action" run against the
// real local twin (real ZooKeeper, Kafka and Cassandra), which globalSetup brings up.
const base = { preset: 'ts-jest', testEnvironment: 'node' };
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...base, displayName: 'twin', testMatch: ['<rootDir>/__tests__/twin/**/*.test.ts'] },
    { ...base, displayName: 'action', testMatch: ['<rootDir>/__tests__/action/**/*.test.ts'] },
  ],
};
