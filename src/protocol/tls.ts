// TLS settings as Node's TLS options, shared by the Kafka and Cassandra clients. Certificate
// verification always stays on: a CA the system does not trust is passed, never waved through.
import { readFileSync, statSync } from 'node:fs';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { isIP } from 'node:net';
import { ConnectionSettingError, type PemSource, type TlsSettings } from '../model/connection';
import { errorMessage } from '../model/errors';

/** A CA bundle of a few hundred certificates is well under this; anything larger is not PEM. */
const MAX_PEM_BYTES = 1024 * 1024;

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

function readPem(source: PemSource, setting: string): string {
  if ('pem' in source) return source.pem;
  try {
    const size = statSync(source.path).size;
    if (size > MAX_PEM_BYTES) {
      throw new Error(`${size} bytes, more than the ${MAX_PEM_BYTES} a PEM file may have`);
    }
    const text = readFileSync(source.path, 'utf8');
    if (!text.includes('-----BEGIN ')) throw new Error('it holds no PEM block (-----BEGIN ...)');
    return text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code ? (FILE_ERRORS[code] ?? code) : errorMessage(error);
    throw new ConnectionSettingError(`${setting}: cannot use ${source.path}: ${why}`);
  }
}

/**
 * Node TLS options for one server's settings; `server` names the settings in errors
 * (kafka-ca-file, cassandra-key-file ...). Files are read on every call: they are small, and a
 * certificate renewed between runs of `status` is picked up.
 */
export function tlsOptions(tls: TlsSettings, server: 'kafka' | 'cassandra'): ConnectionOptions {
  return {
    ...(tls.ca ? { ca: readPem(tls.ca, `${server}-ca-file`) } : {}),
    ...(tls.client
      ? {
          cert: readPem(tls.client.cert, `${server}-cert-file`),
          key: readPem(tls.client.key, `${server}-key-file`),
        }
      : {}),
    ...(tls.servername ? { servername: tls.servername } : {}),
  };
}

/** SNI and the name checked against the certificate: the host dialled, unless told otherwise. */
export function withServername(options: ConnectionOptions, host: string): ConnectionOptions {
  return options.servername || isIP(host) ? options : { ...options, servername: host };
}

/**
 * Whether a port completes (or fails only on trust) a TLS handshake: the cause when a plaintext
 * client is dropped without an answer. Verification stays on: a certificate the client does not
 * trust still proves that the server speaks TLS.
 */
export function speaksTls(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect(withServername({ host, port }, host));
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('secureConnect', () => done(true));
    socket.on('error', (error: NodeJS.ErrnoException) => done(isCertificateError(error)));
  });
}

/** OpenSSL's verification codes, as Node puts them on `error.code`. */
const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

export function isCertificateError(error: { code?: unknown }): boolean {
  return typeof error.code === 'string' && CERTIFICATE_CODES.has(error.code);
}
