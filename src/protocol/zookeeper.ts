// ZooKeeper's four-letter words over plain TCP (what a compose healthcheck asks), and its readiness ping.
import { connect } from 'node:net';
import { parseHostPort } from './host-port';

export interface SrvrAnswer {
  /** standalone | leader | follower, from the "Mode:" line */
  mode: string | undefined;
  version: string | undefined;
  raw: string;
}

/** A real srvr answer is a few hundred bytes; a server that sends more is not ZooKeeper. */
export const MAX_SRVR_BYTES = 16 * 1024;

/**
 * Sends `srvr` and reads until ZooKeeper closes the connection: within timeoutMs in all (a
 * server that trickles a byte a second never gets an idle timeout) and within MAX_SRVR_BYTES.
 */
export function zookeeperSrvr(host: string, port: number, timeoutMs: number): Promise<SrvrAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let bytes = 0;
    const timer = setTimeout(
      () => socket.destroy(new Error(`no complete srvr answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.end('srvr'));
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_SRVR_BYTES) {
        socket.destroy(new Error(`the srvr answer is over ${MAX_SRVR_BYTES} bytes: not ZooKeeper`));
        return;
      }
      chunks.push(chunk);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', (hadError) => {
      clearTimeout(timer);
      if (hadError) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      // A server that has not whitelisted srvr answers with this sentence instead.
      if (raw.includes('is not executed because it is not in the whitelist')) {
        reject(new Error('srvr is not in 4lw.commands.whitelist'));
        return;
      }
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(raw)?.[1]?.trim();
      resolve({ mode: field('Mode'), version: field('Zookeeper version'), raw });
    });
  });
}

/** ZooKeeper is ready when it answers `srvr` with its mode (standalone, leader, follower). */
export async function zookeeperReady(address: string): Promise<{ mode: string }> {
  const { host, port } = parseHostPort(address);
  const srvr = await zookeeperSrvr(host, port, 3000);
  if (!srvr.mode) {
    throw new Error(`srvr answered without a Mode line: ${JSON.stringify(srvr.raw.slice(0, 80))}`);
  }
  return { mode: srvr.mode };
}
