// What only a cluster has: the registered brokers, and the Cassandra ring as gossip sees it plus
// each node's own answer. Read-only; `nodetool status` and `nodetool describecluster` read the same.
import { policies, type Client, type QueryOptions } from 'cassandra-driver';
import type { Admin } from 'kafkajs';
import type { CassandraSettings } from '../model/connection';
import { firstLineOf } from '../model/errors';
import { cassandraClient } from '../protocol/cassandra';
import { askingKafka, cassandraNotAuthorized, NotAuthorized } from '../protocol/denied';
import type {
  ObservedCassandraCluster,
  ObservedCassandraNode,
  ObservedKafkaCluster,
} from '../model/observed';

export async function observeKafkaCluster(admin: Admin): Promise<ObservedKafkaCluster> {
  const cluster = await askingKafka(() => admin.describeCluster(), {
    cluster: 'Describe on cluster',
  });
  return {
    brokers: cluster.brokers
      .map((broker) => ({ id: broker.nodeId, address: `${broker.host}:${broker.port}` }))
      .sort((a, b) => a.id - b.id),
    controller: cluster.controller,
  };
}

/** Strategies that place no replicas by datacenter: nothing for the cluster checks to judge. */
const UNPLACED = /\.(LocalStrategy|EverywhereStrategy|MetaStrategy)$/;

/**
 * The ring from one coordinator (system.local, system.peers_v2, gossip_info), then one query sent
 * to each node alone, so that a node that is down or behind on schema answers for itself.
 */
export async function observeCassandraCluster(
  contactPoints: string[],
  settings: CassandraSettings,
): Promise<ObservedCassandraCluster> {
  // Round robin over every host, not only the local datacenter: each node must get a connection.
  const client = cassandraClient(contactPoints, settings, {
    readTimeoutMs: 5_000,
    policies: { loadBalancing: new policies.loadBalancing.RoundRobinPolicy() },
  });
  await client.connect();
  try {
    // Round robin would send each query to another node; one view of the ring needs one node.
    const coordinatorHost = [...client.hosts.values()].find((host) => host.isUp());
    if (!coordinatorHost) throw new Error('no Cassandra node is up to ask about the ring');
    const onCoordinator = { host: coordinatorHost };
    const [local, peers, gossip, keyspaces] = await Promise.all([
      client.execute(
        'SELECT broadcast_address, host_id, data_center, rack FROM system.local',
        [],
        onCoordinator,
      ),
      readable(
        client.execute(
          'SELECT peer, host_id, data_center, rack FROM system.peers_v2',
          [],
          onCoordinator,
        ),
      ),
      readable(gossipStatuses(client, onCoordinator)),
      client.execute(
        'SELECT keyspace_name, replication FROM system_schema.keyspaces',
        [],
        onCoordinator,
      ),
    ]);
    const localRow = local.first();
    const coordinator = String(localRow?.['broadcast_address'] ?? contactPoints[0]);
    const ring = [localRow, ...(peers.ok ? peers.value.rows : [])].flatMap((row) =>
      row
        ? [
            {
              address: String(row['broadcast_address'] ?? row['peer']),
              hostId: String(row['host_id']),
              datacenter: row['data_center'] as string,
              rack: row['rack'] as string,
            },
          ]
        : [],
    );
    const nodes = await Promise.all(
      ring.map(async ({ hostId, ...node }): Promise<ObservedCassandraNode> => ({
        ...node,
        gossipStatus: (gossip.ok ? gossip.value.get(node.address) : undefined) ?? null,
        answer: await askNode(client, hostId),
      })),
    );
    const replication: Record<string, Record<string, string>> = {};
    for (const row of keyspaces.rows) {
      const value = { ...row['replication'] } as Record<string, string>;
      if (!UNPLACED.test(value['class'] ?? '')) replication[row['keyspace_name'] as string] = value;
    }
    const unreadable = {
      ...(peers.ok ? {} : { peers: peers.denied }),
      ...(gossip.ok ? {} : { gossip: gossip.denied }),
    };
    return {
      coordinator,
      nodes: nodes.sort((a, b) => a.address.localeCompare(b.address)),
      replication,
      ...(Object.keys(unreadable).length > 0 ? { unreadable } : {}),
    };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

/** A system table this user may not read (a managed service's choice), or its rows. */
async function readable<T>(
  query: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; denied: string }> {
  try {
    return { ok: true, value: await query };
  } catch (error) {
    const denied = cassandraNotAuthorized(error);
    if (denied instanceof NotAuthorized) return { ok: false, denied: denied.message };
    throw error;
  }
}

/** address -> gossip STATUS word (NORMAL, shutdown, LEAVING ...); empty before Cassandra 4.1. */
async function gossipStatuses(client: Client, options: QueryOptions): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  let result;
  try {
    result = await client.execute(
      'SELECT address, status, status_with_port FROM system_views.gossip_info',
      [],
      options,
    );
  } catch (error) {
    // Before Cassandra 4.1 there is no gossip_info: no statuses. A denial is reported instead.
    if (cassandraNotAuthorized(error) instanceof NotAuthorized) throw error;
    return statuses;
  }
  for (const row of result.rows) {
    const status = (row['status_with_port'] ?? row['status']) as string | null;
    if (status) statuses.set(String(row['address']), status.split(',')[0] as string);
  }
  return statuses;
}

/**
 * One query pinned to the node: its own schema version, or why it did not answer. Matched by host
 * id, since the address clients use (native) may differ from the one gossip uses (broadcast).
 */
async function askNode(client: Client, hostId: string): Promise<ObservedCassandraNode['answer']> {
  const host = [...client.hosts.values()].find((h) => String(h.hostId) === hostId);
  if (!host) return { ok: false, error: 'the driver found no native transport address for it' };
  try {
    const result = await client.execute('SELECT schema_version FROM system.local', [], {
      host,
      // A down node must not be replaced by another one: that would answer for it.
      retry: new policies.retry.FallthroughRetryPolicy(),
    });
    return { ok: true, schemaVersion: String(result.first()?.['schema_version']) };
  } catch (error) {
    return { ok: false, error: firstLineOf(error) };
  }
}
