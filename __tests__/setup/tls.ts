// A throwaway CA and a server certificate for 127.0.0.1 and localhost, made with openssl when a
// suite starts (no key is committed), and a TLS front for a plaintext server: TLS in front of
// the twin's real Kafka and Cassandra, until the secure twin serves TLS itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';

export interface Certificates {
  dir: string;
  caFile: string;
  /** a CA that signed nothing here: trusting it alone must not be enough */
  otherCaFile: string;
  serverCert: string;
  serverKey: string;
  remove(): void;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

function makeCa(dir: string, name: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
  );
}

export function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'infra-verify-tls-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  openssl(
    dir,
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'server.pem',
    '-extfile',
    writeExt(dir),
  );
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other-ca.pem'),
    serverCert: readFileSync(join(dir, 'server.pem'), 'utf8'),
    serverKey: readFileSync(join(dir, 'server.key'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The names the server certificate carries: what the clients dial. */
function writeExt(dir: string): string {
  const file = join(dir, 'san.ext');
  writeFileSync(file, 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  return file;
}

export interface TlsFront {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** TLS on a free port of 127.0.0.1, each connection piped to the plaintext `target` port. */
export async function tlsFront(certs: Certificates, targetPort: number): Promise<TlsFront> {
  const open = new Set<Socket>();
  const server: Server = createServer(
    { cert: certs.serverCert, key: certs.serverKey },
    (secure) => {
      const plain = connect({ host: '127.0.0.1', port: targetPort });
      open.add(secure).add(plain);
      const end = () => {
        secure.destroy();
        plain.destroy();
        open.delete(secure);
        open.delete(plain);
      };
      secure.pipe(plain).pipe(secure);
      for (const socket of [secure, plain]) {
        socket.on('error', end);
        socket.on('close', end);
      }
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    // A client's pooled connection would hold close() open: the front ends them itself.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
