// ZooKeeper's four-letter words over plain TCP (what a compose healthcheck asks), and its readiness ping.
import { connect } from 'node:net';
import { parseHostPort } from './host-port';

export interface SrvrAnswer {
  /** standalone | leader | follower, from the "Mode:" line */
  mode: string | undefined;
  version: string | undefined;
  raw: string;
}

/** Sends `srvr` and reads until ZooKeeper closes the connection. */
export function zookeeperSrvr(host: string, port: number, timeoutMs: number): Promise<SrvrAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no srvr answer within ${timeoutMs} ms`)),
    );
    socket.on('connect', () => socket.end('srvr'));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', (hadError) => {
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
  if (!srvr.mode) throw new Error(`srvr answered without a Mode line: ${srvr.raw.slice(0, 200)}`);
  return { mode: srvr.mode };
}
