// Which table carries the Cassandra round-trip probes: the one the spec names, else the first
// declared table whose key columns the probe can fill and that has a text column for the value.
// Pure, so the probes and the checks (whose titles name the real column) agree on it.
import type { Spec, TableSpec } from './types';

/** Key column types the probe knows how to make a fresh value for. */
export const WRITABLE_KEY_TYPES = [
  'text',
  'varchar',
  'ascii',
  'bigint',
  'int',
  'timestamp',
  'uuid',
  'timeuuid',
] as const;
const VALUE_TYPES = ['text', 'varchar'];

export type ProbeTarget =
  | { ok: true; keyspace: string; table: TableSpec; valueColumn: string }
  | { ok: false; reason: string };

function keyColumns(table: TableSpec): string[] {
  return [...table.partitionKey, ...table.clustering.map((c) => c.column)];
}

/** Why the probe cannot write this table, or its value column when it can. */
function suitability(table: TableSpec): { valueColumn: string } | { reason: string } {
  const keys = keyColumns(table);
  const unwritable = keys.filter(
    (column) =>
      !(WRITABLE_KEY_TYPES as readonly string[]).includes(table.columns[column] ?? 'missing'),
  );
  if (unwritable.length > 0) {
    return {
      reason: `key column ${unwritable.map((c) => `${c} ${table.columns[c]}`).join(', ')} is not a type the probe can write (${WRITABLE_KEY_TYPES.join(', ')})`,
    };
  }
  // Alphabetical, as system_schema lists regular columns, so the choice never depends on YAML order.
  const [valueColumn] = Object.entries(table.columns)
    .filter(([column, type]) => !keys.includes(column) && VALUE_TYPES.includes(type))
    .map(([column]) => column)
    .sort();
  return valueColumn ? { valueColumn } : { reason: 'it has no regular text column for the value' };
}

export function probeTarget(spec: Spec): ProbeTarget {
  const keyspaces = spec.cassandra?.keyspaces ?? [];
  const named = spec.probes.roundTripTable;
  if (named) {
    const [keyspaceName, tableName] = named.split('.');
    const table = keyspaces
      .find((k) => k.name === keyspaceName)
      ?.tables.find((t) => t.name === tableName);
    if (!table)
      return { ok: false, reason: `probes.roundTripTable ${named} is not a declared table` };
    const fit = suitability(table);
    return 'reason' in fit
      ? { ok: false, reason: `probes.roundTripTable ${named}: ${fit.reason}` }
      : { ok: true, keyspace: keyspaceName as string, table, valueColumn: fit.valueColumn };
  }
  const reasons: string[] = [];
  for (const keyspace of keyspaces) {
    for (const table of keyspace.tables) {
      const fit = suitability(table);
      if ('valueColumn' in fit)
        return { ok: true, keyspace: keyspace.name, table, valueColumn: fit.valueColumn };
      reasons.push(`${keyspace.name}.${table.name}: ${fit.reason}`);
    }
  }
  return {
    ok: false,
    reason:
      reasons.length === 0
        ? 'the spec declares no Cassandra table to probe'
        : `no declared table can carry the probe row (${reasons.join('; ')}); name one in probes.roundTripTable`,
  };
}
