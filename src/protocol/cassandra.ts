// The one way infra-verify makes a Cassandra client, and Cassandra's readiness ping.
import { Client, type ClientOptions } from 'cassandra-driver';
import type { CassandraCredentials } from '../model/runtime';

/** The contact points' CQL port (the 9042 default without one): a cluster's nodes share it. */
function nativePort(contactPoints: string[]): number {
  const port = /:(\d+)$/.exec(contactPoints[0] ?? '')?.[1];
  return port === undefined ? 9042 : Number(port);
}

/** Probes, readiness attempts and `cql` all connect through here. */
export function cassandraClient(
  contactPoints: string[],
  credentials?: CassandraCredentials,
  readTimeoutMs = 10_000,
  clientPolicies?: ClientOptions['policies'],
): Client {
  return new Client({
    ...(clientPolicies ? { policies: clientPolicies } : {}),
    contactPoints,
    localDataCenter: 'datacenter1',
    // The driver reaches the nodes it discovers on this port, not on the contact points' own.
    protocolOptions: { port: nativePort(contactPoints) },
    socketOptions: { connectTimeout: 3_000, readTimeout: readTimeoutMs },
    ...(credentials ? { credentials } : {}),
  });
}

/**
 * Cassandra is ready when a fresh client can read release_version. A fresh Client per attempt,
 * because a long-lived one sits in its reconnection backoff (up to ~30 s) after a refusal.
 */
export async function cassandraReady(
  contactPoints: string[],
  credentials?: CassandraCredentials,
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
