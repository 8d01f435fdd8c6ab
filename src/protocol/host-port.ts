// Addresses: the one parser of host:port, for user input, readiness dials and compose output.

/** host:port, [IPv6]:port, or an unbracketed IPv6 such as compose's ":::9092" (last colon wins). */
export function parseHostPort(address: string): { host: string; port: number } {
  const match = /^\[([^\]]+)\]:(\d{1,5})$/.exec(address) ?? /^(.*):(\d{1,5})$/.exec(address);
  if (!match) throw new Error(`"${address}" is not host:port`);
  return { host: match[1] ?? '', port: Number(match[2]) };
}

/**
 * Why an endpoint cannot be used by all three clients, or undefined when it can: host:port
 * with a port from 1 to 65535. An IPv6 literal is refused: kafkajs splits a broker address at
 * its first colon, so "[::1]:9092" never reaches a broker; a name that resolves to it works.
 */
export function endpointProblem(address: string): string | undefined {
  if (address.startsWith('[')) {
    return 'IPv6 literals are not supported (kafkajs cannot dial them); use a host name that resolves to the address';
  }
  const match = /^([A-Za-z0-9._-]+):(\d{1,5})$/.exec(address);
  if (!match) return 'use host:port, e.g. localhost:9092';
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return `port ${match[2]} is out of range (1-65535)`;
  return undefined;
}

/** One endpoint as the CLI and the Action both accept it. */
export function isHostPort(address: string): boolean {
  return endpointProblem(address) === undefined;
}

/** One per line or comma-separated, as other actions take lists. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The addresses of a list, and the first one no client can use, with why (undefined when all can). */
export function addressList(value: string): {
  addresses: string[];
  invalid: string | undefined;
  why: string | undefined;
} {
  const addresses = splitList(value);
  const invalid = addresses.find((address) => !isHostPort(address));
  return { addresses, invalid, why: invalid === undefined ? undefined : endpointProblem(invalid) };
}
