// The one way infra-verify makes a Cassandra client, and Cassandra's readiness ping.
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Client, policies, type ClientOptions } from 'cassandra-driver';
import Connection from 'cassandra-driver/lib/connection';
import type { CassandraSettings, Datacenter } from '../model/connection';
import { errorMessage } from '../model/errors';
import { classifyCassandraFailure, ConnectionFailure } from './connection-failure';
import { guardFrames, type Framing } from './frame-guard';
import { parseHostPort } from './host-port';
import { speaksTls, tlsOptions, withServername } from './tls';

/** Cassandra's own cap on a frame: native_transport_max_frame_size defaults to 16 MiB. */
export const MAX_CQL_FRAME_BYTES = 16 * 1024 * 1024;

/** A CQL response frame (v3 and later): a 9-byte header whose last 4 bytes are the body length. */
const CQL_FRAMING: Framing = {
  headerBytes: 9,
  bodyBytes: (header) => {
    const version = header[0] as number;
    if ((version & 0x80) === 0 || (version & 0x7f) < 3) {
      return `the server sent a frame with version byte ${version}, not a CQL response: not Cassandra`;
    }
    const length = header.readInt32BE(5);
    return length < 0 || length > MAX_CQL_FRAME_BYTES
      ? `the server announced a CQL frame of ${length} bytes: not Cassandra`
      : length;
  },
};

/**
 * A server can pass the handshake and misbehave afterwards, and cassandra-driver has no socket
 * factory: so each connection gets the frame guard as it binds its socket, and the driver's
 * parsing stages get the 'error' listeners it leaves out (an 'error' without a listener ends
 * the process). Their errors end the connection, which fails its pending requests.
 */
const bindSocketListeners = Connection.prototype.bindSocketListeners;
Connection.prototype.bindSocketListeners = function guardedBind(this: Connection) {
  guardFrames(this.netClient, CQL_FRAMING);
  bindSocketListeners.call(this);
  for (const stage of [this.protocol, this.parser]) {
    stage.on('error', (error: Error) => this.netClient.destroy(error));
  }
};

/** The contact points' CQL port (the 9042 default without one): a cluster's nodes share it. */
function nativePort(contactPoints: string[]): number {
  const port = /:(\d+)$/.exec(contactPoints[0] ?? '')?.[1];
  return port === undefined ? 9042 : Number(port);
}

/**
 * cassandra-driver turns certificate verification off unless told (its sslOptions default
 * rejectUnauthorized to false): infra-verify always turns it on.
 */
function sslOptions(settings: CassandraSettings): ConnectionOptions | undefined {
  return settings.tls
    ? { ...tlsOptions(settings.tls, 'cassandra'), rejectUnauthorized: true }
    : undefined;
}

export interface CassandraClientOptions {
  /** the local datacenter; absent only with a load-balancing policy that needs none */
  datacenter?: string;
  readTimeoutMs?: number;
  policies?: ClientOptions['policies'];
}

/** Probes, readiness attempts and `cql` all connect through here. */
export function cassandraClient(
  contactPoints: string[],
  settings: CassandraSettings,
  options: CassandraClientOptions = {},
): Client {
  const ssl = sslOptions(settings);
  return new Client({
    ...(options.policies ? { policies: options.policies } : {}),
    contactPoints,
    ...(options.datacenter ? { localDataCenter: options.datacenter } : {}),
    // The driver reaches the nodes it discovers on this port, not on the contact points' own.
    protocolOptions: { port: nativePort(contactPoints) },
    socketOptions: { connectTimeout: 3_000, readTimeout: options.readTimeoutMs ?? 10_000 },
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(ssl ? { sslOptions: ssl } : {}),
  });
}

/**
 * cassandra-local-dc, else the datacenter of the first contact point that answers, as its own
 * system.local says. Asked by a client that needs no local datacenter: the driver refuses a
 * datacenter that does not exist only after it connected, and then leaves that socket open.
 */
export async function localDatacenter(
  contactPoints: string[],
  settings: CassandraSettings,
  readTimeoutMs = 5_000,
): Promise<Datacenter> {
  const [first] = contactPoints;
  if (first === undefined) throw new Error('no contact point');
  const client = cassandraClient([first], settings, {
    readTimeoutMs,
    policies: { loadBalancing: new policies.loadBalancing.RoundRobinPolicy() },
  });
  try {
    await client.connect();
    if (settings.localDc) {
      const known = new Set([...client.hosts.values()].map((host) => host.datacenter));
      if (!known.has(settings.localDc)) {
        throw new ConnectionFailure(
          `cassandra-local-dc "${settings.localDc}" is not a datacenter of this cluster; it has: ${[...known].sort().join(', ')}`,
          'setting',
        );
      }
      return { name: settings.localDc, discovered: false };
    }
    const host = await hostOf(client, first);
    const result = await client.execute(
      'SELECT data_center FROM system.local',
      [],
      host ? { host } : {},
    );
    const name = result.first()?.get('data_center') as string | undefined;
    if (!name) throw new Error(`${first}: system.local names no data_center`);
    return { name, discovered: true };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

/** The driver's host for a contact point, so that system.local is asked of that node itself. */
async function hostOf(client: Client, contactPoint: string) {
  const { host, port } = parseHostPort(contactPoint);
  const addresses = await lookup(host, { all: true }).catch(() => []);
  const wanted = new Set(addresses.map(({ address }) => `${address}:${port}`));
  return [...client.hosts.values()].find((candidate) => wanted.has(candidate.address));
}

/** A SUPPORTED answer is a few hundred bytes. */
const MAX_OPTIONS_BODY_BYTES = 64 * 1024;
/** OPTIONS in native protocol v4: version, flags, stream 0, opcode 0x05, empty body. */
const OPTIONS_FRAME = Buffer.from([0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00]);

/**
 * One OPTIONS request over a raw socket, bounded in time and bytes, before the driver is let
 * near the port: cassandra-driver trusts the frames it reads, and garbage or a flood from a
 * port that is not Cassandra crashes it or fills memory. Resolves once a CQL frame came back.
 */
export function cqlHandshake(
  address: string,
  timeoutMs: number,
  tls?: ConnectionOptions,
): Promise<void> {
  const { host, port } = parseHostPort(address);
  return new Promise((resolve, reject) => {
    const socket = tls
      ? tlsConnect({ host, port, ...withServername(tls, host) })
      : connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (why: string) => socket.destroy(new Error(`${address}: ${why}`));
    const timer = setTimeout(() => fail(`no CQL answer within ${timeoutMs} ms`), timeoutMs);
    socket.on(tls ? 'secureConnect' : 'connect', () => socket.write(OPTIONS_FRAME));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 9) return;
      const version = received[0] as number;
      const opcode = received[4] as number;
      const length = received.readInt32BE(5);
      const isResponse = (version & 0x80) !== 0 && [3, 4, 5].includes(version & 0x7f);
      if (!isResponse || ![0x00, 0x06].includes(opcode)) {
        fail('the answer is not a CQL frame: not Cassandra');
      } else if (length < 0 || length > MAX_OPTIONS_BODY_BYTES) {
        fail(`the answer announces ${length} bytes: not Cassandra`);
      } else if (received.length >= 9 + length) {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`${address}: closed before a CQL answer`));
    });
  });
}

/**
 * Cassandra is ready when a fresh client can read release_version. A fresh Client per attempt,
 * because a long-lived one sits in its reconnection backoff (up to ~30 s) after a refusal.
 */
export async function cassandraReady(
  contactPoints: string[],
  settings: CassandraSettings,
): Promise<{ releaseVersion: string; datacenter: Datacenter }> {
  try {
    return await askCassandra(contactPoints, settings);
  } catch (error) {
    throw await explainCassandraFailure(error, contactPoints, settings);
  }
}

/**
 * The failure as one line naming its cause and the setting to change, where it is a TLS or
 * authentication failure or a datacenter that does not exist. A plain client dropped without
 * an answer asks the port whether it speaks TLS.
 */
export async function explainCassandraFailure(
  error: unknown,
  contactPoints: string[],
  settings: CassandraSettings,
): Promise<unknown> {
  const classified = classifyCassandraFailure(error, settings);
  if (
    classified ||
    settings.tls ||
    !/closed before a CQL answer|ECONNRESET/.test(errorMessage(error))
  ) {
    return classified ?? error;
  }
  const first = contactPoints[0];
  if (first === undefined) return error;
  const { host, port } = parseHostPort(first);
  return classifyCassandraFailure(error, settings, await speaksTls(host, port, 2000)) ?? error;
}

async function askCassandra(
  contactPoints: string[],
  settings: CassandraSettings,
): Promise<{ releaseVersion: string; datacenter: Datacenter }> {
  const tls = sslOptions(settings);
  // One contact point that speaks CQL is enough for the driver; it is the one it is given.
  const handshakes = await Promise.allSettled(
    contactPoints.map((point) => cqlHandshake(point, 3000, tls).then(() => point)),
  );
  const speaking = handshakes.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  if (speaking.length === 0) {
    throw (
      (handshakes[0] as PromiseRejectedResult | undefined)?.reason ?? new Error('no contact point')
    );
  }
  const datacenter = await localDatacenter(speaking, settings);
  const client = cassandraClient(speaking, settings, {
    datacenter: datacenter.name,
    readTimeoutMs: 5000,
  });
  try {
    await client.connect();
    const result = await client.execute('SELECT release_version FROM system.local');
    const version = result.first()?.get('release_version') as string | undefined;
    if (!version) throw new Error('system.local has no release_version yet');
    return { releaseVersion: version, datacenter };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}
