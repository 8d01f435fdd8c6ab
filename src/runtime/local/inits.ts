// The twin's one-shot inits, the very steps compose's init containers run: create-topics.sh
// (with the twin's kafka-topics) and schema.cql (through cassandra-driver: no cqlsh here). Each
// writes its output to its own log and ends with an exit code, like a container. The single twin
// and the cluster twin run the same steps; the cluster only asks for more replicas.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLineOf } from '../../model/errors';
import { LOG_TAIL_LINES, type Endpoints, type Progress } from '../../model/runtime';
import type { TwinConfig } from './config';
import { runCql } from './cql';
import { jarFolder } from './jars';
import type { ConnectionSettings } from '../../model/connection';
import { type SecureFiles, type TwinSecrets, saveSecrets } from './secure';
import { grantCassandraReadOnly, grantKafkaReadOnly, makeCassandraAdmin } from './secure-grants';
import type { InitName, TwinStateFile } from './state';
import { tailOfFile } from './tail';

export interface InitContext {
  config: TwinConfig;
  endpoints: Endpoints;
  /** a step that runs longer is killed */
  timeoutMs: number;
  /** create-topics.sh's own variables (REPLICATION_FACTOR, MIN_INSYNC_REPLICAS): the cluster's */
  topicSettings?: Record<string, string>;
  /** CQL files applied after schema.cql: the cluster's replication */
  extraCqlFiles?: string[];
  /** a secured twin: the inits log in as its admin, and grant the read-only principal */
  secure?: { files: SecureFiles; secrets: TwinSecrets; admin: ConnectionSettings };
}

/**
 * kafka-init: the very create-topics.sh that compose runs, with the twin's kafka-topics; on a
 * secured twin, Kafka 4's tool logged in as the admin, then the read-only principal's ACLs.
 */
async function kafkaInit(context: InitContext, log: number): Promise<number> {
  const exitCode = await createTopics(context, log);
  const { secure } = context;
  if (exitCode !== 0 || !secure) return exitCode;
  const write = (line: string) => writeFileSync(log, `${line}\n`);
  try {
    const { kafkaBrokers } = context.endpoints;
    await grantKafkaReadOnly(kafkaBrokers, secure.admin.kafka, secure.secrets, write);
    return 0;
  } catch (error) {
    write(`granting the read-only principal failed: ${firstLineOf(error)}`);
    return 1;
  }
}

function createTopics(context: InitContext, log: number): Promise<number> {
  const { config, endpoints, timeoutMs, topicSettings = {}, secure } = context;
  const secureTool = secure && {
    TWIN_KAFKA_LIB: jarFolder(config, 'kafka4'),
    TWIN_KAFKA_COMMAND_CONFIG: secure.files.adminClientProperties,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      [join(config.repoRoot, 'infrastructure', 'kafka', 'create-topics.sh')],
      {
        env: {
          ...process.env,
          ...topicSettings,
          ...secureTool,
          KAFKA_TOPICS: join(config.repoRoot, 'scripts', 'twin', 'kafka-topics'),
          BOOTSTRAP_SERVER: endpoints.kafkaBrokers.join(','),
        },
        stdio: ['ignore', log, log],
      },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 + 9 : 1));
    });
  });
}

/**
 * cassandra-init: the very schema.cql that compose runs, then the cluster's own CQL if any. On a
 * secured twin: the admin role first, the schema as the admin, then the read-only role's grants.
 */
async function applySchema(context: InitContext, log: number): Promise<number> {
  const write = (line: string) => writeFileSync(log, `${line}\n`);
  const schema = join(context.config.repoRoot, 'infrastructure', 'cassandra', 'schema.cql');
  const contactPoints = context.endpoints.cassandraContactPoints;
  const { secure } = context;
  try {
    if (secure) {
      const { files, secrets, admin } = secure;
      await makeCassandraAdmin(contactPoints, admin.cassandra, secrets, () => {
        secrets.cassandraRolesMade = true;
        saveSecrets(files, secrets);
      });
      write(`Logged in as ${secrets.admin.username}; the default cassandra superuser is retired`);
    }
    const settings = secure?.admin.cassandra;
    for (const file of [schema, ...(context.extraCqlFiles ?? [])]) {
      write(`Applying ${file}`);
      await runCql(
        { contactPoints, ...(settings && { settings }) },
        readFileSync(file, 'utf8'),
        write,
      );
    }
    if (secure)
      await grantCassandraReadOnly(contactPoints, secure.admin.cassandra, secure.secrets, write);
    write('Schema ready');
    return 0;
  } catch (error) {
    write((error as Error).message);
    return 1;
  }
}

/** Each init's step: output to the log file descriptor, resolves with the exit code. */
export const INIT_STEPS: Record<InitName, (context: InitContext, log: number) => Promise<number>> =
  {
    'kafka-init': kafkaInit,
    'cassandra-init': applySchema,
  };

/**
 * Runs one init's step with its output appended to logFile and its exit code kept in
 * <run dir>/<name>.exit, its start and finish in the state, as a container's; throws with the
 * log's tail unless it exited 0.
 */
export async function runInit(
  name: InitName,
  context: InitContext,
  state: TwinStateFile,
  logFile: string,
  progress: Progress,
): Promise<void> {
  const exitFile = join(state.runDir, `${name}.exit`);
  rmSync(exitFile, { force: true });
  state.update((s) => {
    s.startedAt[name] = new Date().toISOString();
  });
  progress(`running ${name} (log: ${logFile})`);
  const log = openSync(logFile, 'a');
  let exitCode: number;
  try {
    exitCode = await INIT_STEPS[name](context, log);
  } finally {
    closeSync(log);
    state.update((s) => {
      s.finishedAt = { ...s.finishedAt, [name]: new Date().toISOString() };
    });
  }
  writeFileSync(exitFile, `${exitCode}\n`);
  if (exitCode !== 0) {
    throw new Error(
      `${name} exited with code ${exitCode}; last lines of its log:\n${tailOfFile(logFile, LOG_TAIL_LINES)}`,
    );
  }
  progress(`${name} exited 0`);
}
