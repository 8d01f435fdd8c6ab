// Where a twin lives and which ports it uses. Several twins can run side by side (one per
// engineer or test run) as long as each has its own home and ports.
import { UserError } from '../../model/errors';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDotenv } from '../../model/dotenv';

export interface Versions {
  kafka: string;
  zookeeper: string;
  cassandra: string;
  /** the secure twin's Kafka 4; only that profile needs it */
  kafka4?: string;
}

export interface TwinPorts {
  zookeeper: number;
  kafka: number;
  cassandra: number;
  cassandraStorage: number;
}

export interface TwinConfig {
  /** the repository: .env, twin/, infrastructure/, scripts/ */
  repoRoot: string;
  /** holds logs/, data/, run/ and conf/ of this twin */
  home: string;
  host: '127.0.0.1';
  ports: TwinPorts;
  versions: Versions;
  /** the java launcher, from JAVA_HOME when set */
  java: string;
}

export class TwinConfigError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'TwinConfigError';
  }
}

export const DEFAULT_PORTS: TwinPorts = {
  zookeeper: 2181,
  kafka: 9092,
  cassandra: 9042,
  cassandraStorage: 7000,
};

const PORT_VARIABLES: Record<keyof TwinPorts, string> = {
  zookeeper: 'TWIN_ZOOKEEPER_PORT',
  kafka: 'TWIN_KAFKA_PORT',
  cassandra: 'TWIN_CASSANDRA_PORT',
  cassandraStorage: 'TWIN_CASSANDRA_STORAGE_PORT',
};

/** Walks up from here to the folder holding twin/pom.xml: works from src/ and from dist/. */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'twin', 'pom.xml')) && existsSync(join(dir, '.env'))) return dir;
    if (dirname(dir) === dir) {
      throw new TwinConfigError(
        `cannot find the infra-verify repository (a folder with .env and twin/pom.xml) above ${start}; ` +
          'run from inside the repository',
      );
    }
  }
}

function readVersions(repoRoot: string): Versions {
  const file = join(repoRoot, '.env');
  const values = parseDotenv(readFileSync(file, 'utf8'));
  const need = (key: string) => {
    const value = values[key];
    if (!value)
      throw new TwinConfigError(
        `${file} has no ${key}=...; add it (it pins the image and the twin's jars)`,
      );
    return value;
  };
  return {
    kafka: need('KAFKA_VERSION'),
    zookeeper: need('ZOOKEEPER_VERSION'),
    cassandra: need('CASSANDRA_VERSION'),
    ...(values.KAFKA4_VERSION ? { kafka4: values.KAFKA4_VERSION } : {}),
  };
}

function portFrom(env: NodeJS.ProcessEnv, key: keyof TwinPorts): number {
  const variable = PORT_VARIABLES[key];
  const text = env[variable];
  if (text === undefined || text === '') return DEFAULT_PORTS[key];
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TwinConfigError(
      `${variable}=${text} is not a port; give an integer from 1 to 65535 or unset it`,
    );
  }
  return port;
}

export interface TwinOverrides {
  home?: string;
  ports?: Partial<TwinPorts>;
  repoRoot?: string;
}

/** Environment first (TWIN_HOME, TWIN_*_PORT), then explicit overrides from code win. */
export function twinConfig(
  overrides: TwinOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): TwinConfig {
  const repoRoot = overrides.repoRoot ?? findRepoRoot();
  const ports = { ...DEFAULT_PORTS };
  for (const key of Object.keys(PORT_VARIABLES) as (keyof TwinPorts)[])
    ports[key] = portFrom(env, key);
  Object.assign(ports, overrides.ports);
  const unique = new Set(Object.values(ports));
  if (unique.size !== Object.values(ports).length) {
    throw new TwinConfigError(`twin ports must differ, got ${JSON.stringify(ports)}`);
  }
  return {
    repoRoot,
    home: resolve(overrides.home ?? env.TWIN_HOME ?? join(repoRoot, '.twin')),
    host: '127.0.0.1',
    ports,
    versions: readVersions(repoRoot),
    java: env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java',
  };
}

export const twinPaths = (config: TwinConfig) => ({
  logs: join(config.home, 'logs'),
  data: join(config.home, 'data'),
  run: join(config.home, 'run'),
  conf: join(config.home, 'conf'),
  cassandraLib: join(config.repoRoot, 'twin', 'lib', 'cassandra'),
  staticConf: join(config.repoRoot, 'twin', 'conf'),
});
