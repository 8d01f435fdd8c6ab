// The twin's one-shot inits, the very steps compose's init containers run: create-topics.sh
// (with the twin's kafka-topics) and schema.cql (through cassandra-driver: no cqlsh here). Each
// writes its output to its own log and ends with an exit code, like a container.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Endpoints } from '../../model/runtime';
import type { TwinConfig } from './config';
import { runCql } from './cql';
import type { InitName } from './state';

export interface InitContext {
  config: TwinConfig;
  endpoints: Endpoints;
  /** a step that runs longer is killed */
  timeoutMs: number;
}

/** kafka-init: the very create-topics.sh that compose runs, with the twin's kafka-topics. */
function createTopics(context: InitContext, log: number): Promise<number> {
  const { config, endpoints, timeoutMs } = context;
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      [join(config.repoRoot, 'infrastructure', 'kafka', 'create-topics.sh')],
      {
        env: {
          ...process.env,
          KAFKA_TOPICS: join(config.repoRoot, 'scripts', 'twin', 'kafka-topics'),
          BOOTSTRAP_SERVER: endpoints.kafkaBrokers[0],
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

/** cassandra-init: the very schema.cql that compose runs. */
async function applySchema(context: InitContext, log: number): Promise<number> {
  const write = (line: string) => writeFileSync(log, `${line}\n`);
  const file = join(context.config.repoRoot, 'infrastructure', 'cassandra', 'schema.cql');
  try {
    write(`Applying ${file}`);
    await runCql(
      { contactPoints: context.endpoints.cassandraContactPoints },
      readFileSync(file, 'utf8'),
      write,
    );
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
    'kafka-init': createTopics,
    'cassandra-init': applySchema,
  };
