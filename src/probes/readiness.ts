// Waiting for a service by its real protocol. The engine's verify reuses these, so they know
// nothing about the twin: a service name, one attempt, a deadline, and where to read its log.
import { Kafka, logLevel } from 'kafkajs';
import type { Progress } from '../runtime/types';
import { cassandraClient } from './cassandra';
import { firstLineOf } from './observe';
import { zookeeperSrvr } from './zookeeper';

export interface WaitOptions<T> {
  service: string;
  /** one try: resolves with what "ready" looked like, or throws what was seen instead */
  attempt: () => Promise<T>;
  timeoutMs: number;
  progress?: Progress;
  /** the tail of the service's log, attached to a timeout so the cause is in the message */
  logTail?: () => Promise<string>;
  /** a reason to stop waiting early, e.g. the process died; undefined while hopeful */
  giveUpIf?: () => Promise<string | undefined>;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export class ReadinessError extends Error {
  constructor(
    readonly service: string,
    readonly lastSeen: string,
    readonly logTail: string,
    why: string,
  ) {
    super(
      `${service} is not ready: ${why}; last seen: ${lastSeen}` +
        (logTail ? `\n--- last lines of the ${service} log ---\n${logTail}` : ''),
    );
    this.name = 'ReadinessError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(options: WaitOptions<T>): Promise<T> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 2000;
  let lastSeen = 'nothing yet';
  let lastReported = '';
  const fail = async (why: string): Promise<never> => {
    const tail = options.logTail ? await options.logTail().catch(() => '') : '';
    throw new ReadinessError(options.service, lastSeen, tail, why);
  };
  for (;;) {
    try {
      return await options.attempt();
    } catch (error) {
      // First line only: whole driver messages would flood the progress output.
      lastSeen = firstLineOf(error);
    }
    const reason = options.giveUpIf ? await options.giveUpIf() : undefined;
    if (reason) return fail(reason);
    if (Date.now() + delay > deadline) {
      return fail(`no answer within ${Math.round(options.timeoutMs / 1000)} s`);
    }
    // Report a new observation once, not every attempt, so progress output stays readable.
    if (options.progress && lastSeen !== lastReported) {
      const waited = Math.round((Date.now() - started) / 1000);
      options.progress(`waiting for ${options.service} (${waited} s): ${lastSeen}`);
      lastReported = lastSeen;
    }
    await sleep(delay);
    delay = Math.min(maxDelay, Math.round(delay * 1.5));
  }
}

function hostPort(address: string): { host: string; port: number } {
  const match = /^(.+):(\d+)$/.exec(address);
  if (!match) throw new Error(`"${address}" is not host:port`);
  return { host: match[1], port: Number(match[2]) };
}

/** ZooKeeper answers `srvr` with its mode (standalone, leader, follower). */
export async function zookeeperReady(address: string): Promise<{ mode: string }> {
  const { host, port } = hostPort(address);
  const srvr = await zookeeperSrvr(host, port, 3000);
  if (!srvr.mode) throw new Error(`srvr answered without a Mode line: ${srvr.raw.slice(0, 200)}`);
  return { mode: srvr.mode };
}

/** Kafka is ready when a broker answers a metadata request with its cluster id. */
export async function kafkaReady(
  brokers: string[],
): Promise<{ clusterId: string; brokers: number }> {
  const kafka = new Kafka({
    clientId: 'infra-verify-readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('metadata lists no broker yet');
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Cassandra is ready when a fresh client can read release_version. A fresh Client per attempt,
 * because a long-lived one sits in its reconnection backoff (up to ~30 s) after a refusal.
 */
export async function cassandraReady(
  contactPoints: string[],
  credentials?: { username: string; password: string },
): Promise<{ releaseVersion: string }> {
  const client = cassandraClient(contactPoints, credentials, 5000);
  try {
    await client.connect();
    const result = await client.execute('SELECT release_version FROM system.local');
    const version = result.first()?.get('release_version') as string | undefined;
    if (!version) throw new Error('system.local has no release_version yet');
    return { releaseVersion: version };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}
