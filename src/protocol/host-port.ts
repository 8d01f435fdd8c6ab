// Addresses: the one parser of host:port, for user input, readiness dials and compose output.

/** host:port, [IPv6]:port, or an unbracketed IPv6 such as compose's ":::9092" (last colon wins). */
export function parseHostPort(address: string): { host: string; port: number } {
  const match = /^\[([^\]]+)\]:(\d{1,5})$/.exec(address) ?? /^(.*):(\d{1,5})$/.exec(address);
  if (!match) throw new Error(`"${address}" is not host:port`);
  return { host: match[1] ?? '', port: Number(match[2]) };
}

/** One endpoint as the CLI and the Action both accept it: host:port, or [IPv6]:port. */
export function isHostPort(address: string): boolean {
  return /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+):\d{1,5}$/.test(address);
}

/** One per line or comma-separated, as other actions take lists. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The addresses of a list, and the first one that is not host:port (undefined when all are). */
export function addressList(value: string): { addresses: string[]; invalid: string | undefined } {
  const addresses = splitList(value);
  return { addresses, invalid: addresses.find((address) => !isHostPort(address)) };
}
