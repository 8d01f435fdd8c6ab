// ZooKeeper's four-letter words over plain TCP: the same thing a compose healthcheck asks.
import { connect } from 'node:net';

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
