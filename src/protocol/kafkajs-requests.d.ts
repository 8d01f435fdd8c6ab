// kafkajs keeps the versions it speaks of each API in its request table (kafkajs 2.2.4,
// frozen upstream); infra-verify reads them to compare with a broker's ApiVersions.
declare module 'kafkajs/src/protocol/requests' {
  export const requests: Record<string, { versions: string[] }>;
}
declare module 'kafkajs/src/protocol/requests/apiKeys' {
  const apiKeys: Record<string, number>;
  export = apiKeys;
}
