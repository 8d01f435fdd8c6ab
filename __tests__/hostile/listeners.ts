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
  | 'http'
  /** answers CQL OPTIONS as Cassandra does (the handshake passes), then announces a 1 GiB
   * frame and floods the driver with its body */
  | 'cql-then-flood'
  /** answers CQL OPTIONS as Cassandra does, then sends random bytes and closes */
  | 'cql-then-garbage';

/** Text a server might send that must stay inert in every report. */
export const HOSTILE_TEXT =
  '## pwned <img src=x onerror=alert(1)> | col | ``` ` \n# fake heading\n<script>x</script>';

export interface Listener {
  address: string;
  port: number;
  close: () => Promise<void>;
}

/** As fast as the reader takes it, until stopped. */
function flood(socket: Socket, chunk: Buffer): () => void {
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

/** A SUPPORTED frame (no options) in answer to the request's header: what Cassandra says to OPTIONS. */
function supported(request: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header[0] = 0x80 | ((request[0] as number) & 0x7f);
  header.writeInt16BE(request.readInt16BE(2), 2);
  header[4] = 0x06;
  header.writeInt32BE(2, 5);
  return Buffer.concat([header, Buffer.from([0, 0])]);
}

/** A CQL port that passes the OPTIONS handshake, then misbehaves on the next request. */
function cqlThen(socket: Socket, misbehave: () => () => void): () => void {
  let stop = () => undefined as void;
  socket.on('data', (request: Buffer) => {
    if (request.length >= 9 && request[4] === 0x05) socket.write(supported(request));
    else stop = misbehave();
  });
  return () => stop();
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
    case 'flood':
      return flood(socket, Buffer.alloc(64 * 1024, 'Mode: standalone\n'));
    case 'garbage':
      socket.end(randomBytes(4096));
      return () => undefined;
    case 'http':
      socket.end(
        `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(HOSTILE_TEXT)}\r\n\r\n${HOSTILE_TEXT}`,
      );
      return () => undefined;
    case 'cql-then-flood':
      return cqlThen(socket, () => {
        const header = supported(Buffer.from([0x04, 0, 0, 0])).subarray(0, 9);
        header[4] = 0x08;
        header.writeInt32BE(1024 * 1024 * 1024, 5);
        socket.write(header);
        return flood(socket, randomBytes(64 * 1024));
      });
    case 'cql-then-garbage':
      return cqlThen(socket, () => {
        socket.end(randomBytes(4096));
        return () => undefined;
      });
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
