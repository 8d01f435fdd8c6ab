// Servers that answer wrongly, on free high ports of 127.0.0.1: what a misconfigured port, a
// wrong service or a hostile host looks like to a probe. Each one is real TCP.
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export type Behaviour =
  /** accepts and never says a word */
  | 'silent'
  /** one byte a second, forever */
  | 'trickle'
  /** as fast as the reader takes it, forever */
  | 'flood'
  /** random bytes, then closes */
  | 'garbage'
  /** an HTTP server: one response whose body is Markdown and HTML, then close */
  | 'http';

/** Text a server might send that must stay inert in every report. */
export const HOSTILE_TEXT =
  '## pwned <img src=x onerror=alert(1)> | col | ``` ` \n# fake heading\n<script>x</script>';

export interface Listener {
  address: string;
  port: number;
  close: () => Promise<void>;
}

function behave(socket: Socket, behaviour: Behaviour): () => void {
  socket.on('error', () => undefined);
  switch (behaviour) {
    case 'silent':
      return () => undefined;
    case 'trickle': {
      const timer = setInterval(() => socket.write('M'), 1000);
      return () => clearInterval(timer);
    }
    case 'flood': {
      const chunk = Buffer.alloc(64 * 1024, 'Mode: standalone\n');
      let stopped = false;
      const pump = () => {
        while (!stopped && !socket.destroyed && socket.write(chunk));
      };
      socket.on('drain', pump);
      pump();
      return () => {
        stopped = true;
      };
    }
    case 'garbage':
      socket.end(randomBytes(4096));
      return () => undefined;
    case 'http':
      socket.end(
        `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(HOSTILE_TEXT)}\r\n\r\n${HOSTILE_TEXT}`,
      );
      return () => undefined;
  }
}

export function listen(behaviour: Behaviour): Promise<Listener> {
  const sockets = new Set<Socket>();
  const stops = new Set<() => void>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const stop = behave(socket, behaviour);
    stops.add(stop);
    socket.on('close', () => {
      stop();
      sockets.delete(socket);
      stops.delete(stop);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        address: `127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const stop of stops) stop();
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A port that was free a moment ago and has nothing listening: connections are refused. */
export async function refusedPort(): Promise<string> {
  const listener = await listen('silent');
  await listener.close();
  return listener.address;
}
