// Reads the live Cassandra schema from system_schema (plain strings, no driver metadata cache
// that lags DDL) and round-trips probe rows (prepared, so the table's types drive encoding).
import { type Client, errors, types } from 'cassandra-driver';
import type {
  CassandraRoundTrip,
  ObservedColumn,
  ObservedKeyspace,
  ObservedTable,
} from '../model/observed';
import type { ConsistencyLevel } from '../spec/types';

/** Probe rows live in this partition only, so they never mix with real data. */
export const PROBE_PARTITION = '__infra_verify_probe';
const SYSTEM_KEYSPACES = new Set([
  'system',
  'system_auth',
  'system_distributed',
  'system_schema',
  'system_traces',
  'system_views',
  'system_virtual_schema',
]);
const EXPIRY_TTL_SECONDS = 2;
const EXPIRY_POLL_MS = 250;
/** Cassandra drops an expired cell on read, but the clock has one-second resolution. */
const EXPIRY_DEADLINE_MS = (EXPIRY_TTL_SECONDS + 8) * 1000;

function compareColumns(a: ObservedColumn, b: ObservedColumn): number {
  const order = { partition_key: 0, clustering: 1, static: 2, regular: 3 };
  return order[a.kind] - order[b.kind] || a.position - b.position || a.name.localeCompare(b.name);
}

/** Rows per page of a schema read: a few pages at most, even for thousands of tables. */
export const SCHEMA_PAGE_ROWS = 5000;

/** Every row of a query, page after page: `execute` alone returns only the first page, so a
 * schema of more than a page of columns would silently lose tables' columns. */
async function allRows(client: Client, query: string): Promise<types.Row[]> {
  const rows: types.Row[] = [];
  let pageState: string | undefined;
  do {
    const page = await client.execute(query, [], {
      fetchSize: SCHEMA_PAGE_ROWS,
      ...(pageState ? { pageState } : {}),
    });
    rows.push(...page.rows);
    pageState = page.pageState ?? undefined;
  } while (pageState);
  return rows;
}

/** Every user keyspace with its replication, tables, columns, TTL and compaction: one read of
 * each schema table, whatever the number of tables (a request per table would not scale). */
export async function observeSchema(client: Client): Promise<Record<string, ObservedKeyspace>> {
  const [keyspaces, tables, columns] = await Promise.all([
    allRows(client, 'SELECT keyspace_name, replication FROM system_schema.keyspaces'),
    allRows(
      client,
      'SELECT keyspace_name, table_name, default_time_to_live, compaction FROM system_schema.tables',
    ),
    allRows(
      client,
      'SELECT keyspace_name, table_name, column_name, type, kind, position, clustering_order FROM system_schema.columns',
    ),
  ]);
  const observed: Record<string, ObservedKeyspace> = {};
  for (const row of keyspaces) {
    const name = row['keyspace_name'] as string;
    if (SYSTEM_KEYSPACES.has(name)) continue;
    observed[name] = { name, replication: { ...row['replication'] }, tables: {} };
  }
  for (const row of tables) {
    const keyspace = observed[row['keyspace_name'] as string];
    if (!keyspace) continue;
    const name = row['table_name'] as string;
    keyspace.tables[name] = {
      name,
      columns: [],
      defaultTtl: row['default_time_to_live'] as number,
      compaction: { ...row['compaction'] },
    };
  }
  for (const row of columns) {
    const table = observed[row['keyspace_name'] as string]?.tables[row['table_name'] as string];
    if (!table) continue;
    table.columns.push({
      name: row['column_name'] as string,
      type: row['type'] as string,
      kind: row['kind'] as ObservedColumn['kind'],
      position: row['position'] as number,
      clusteringOrder: row['clustering_order'] as ObservedColumn['clusteringOrder'],
    });
  }
  for (const keyspace of Object.values(observed)) {
    for (const table of Object.values(keyspace.tables)) table.columns.sort(compareColumns);
  }
  return observed;
}

/** A value for a key column of this type; probe keys must be unique per row written. */
function keyValue(column: ObservedColumn, sequence: number): unknown {
  switch (column.type) {
    case 'text':
    case 'varchar':
    case 'ascii':
      return column.kind === 'partition_key' ? PROBE_PARTITION : `${PROBE_PARTITION}:${sequence}`;
    case 'bigint':
      return types.Long.fromNumber(Date.now() * 1000 + sequence);
    case 'int':
      return sequence;
    case 'timestamp':
      return new Date(Date.now() + sequence);
    case 'uuid':
      return types.Uuid.random();
    case 'timeuuid':
      return types.TimeUuid.now();
    default:
      throw new Error(
        `cannot make a probe value for key column ${column.name} of type ${column.type}; ` +
          'supported key types: text, varchar, ascii, bigint, int, timestamp, uuid, timeuuid',
      );
  }
}

/** One probe row in one table: its full primary key and the text cell that carries the value. */
export interface CassandraProbeRow {
  keyspace: string;
  table: string;
  keyColumns: string[];
  keyValues: unknown[];
  valueColumn: string;
  value: string;
}

let rowSequence = 0;

/** The live table the probes write, and the text column (chosen by probeTarget) for the value. */
export interface ProbeTable {
  keyspace: string;
  table: ObservedTable;
  valueColumn: string;
}

/** The row shape to probe with, derived from the live table so that drift cannot break it. */
export function probeRow(
  { keyspace, table, valueColumn }: ProbeTable,
  value: string,
): CassandraProbeRow {
  const keys = table.columns.filter((c) => c.kind === 'partition_key' || c.kind === 'clustering');
  rowSequence += 1;
  return {
    keyspace,
    table: table.name,
    keyColumns: keys.map((c) => c.name),
    keyValues: keys.map((c) => keyValue(c, rowSequence)),
    valueColumn,
    value,
  };
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function tableName(row: CassandraProbeRow): string {
  return `${quoted(row.keyspace)}.${quoted(row.table)}`;
}

function whereKey(row: CassandraProbeRow): string {
  return row.keyColumns.map((c) => `${quoted(c)} = ?`).join(' AND ');
}

/** The driver's code for each consistency level a spec may name. */
const CONSISTENCY_CODES: Record<ConsistencyLevel, number> = {
  ONE: types.consistencies.one,
  TWO: types.consistencies.two,
  THREE: types.consistencies.three,
  QUORUM: types.consistencies.quorum,
  ALL: types.consistencies.all,
  LOCAL_QUORUM: types.consistencies.localQuorum,
  EACH_QUORUM: types.consistencies.eachQuorum,
  LOCAL_ONE: types.consistencies.localOne,
};

/** Leaving it out keeps the driver's default (LOCAL_ONE), as every probe had before. */
export type AtConsistency = { consistency?: number };

export async function insertRow(
  client: Client,
  row: CassandraProbeRow,
  ttlSeconds?: number,
  at: AtConsistency = {},
): Promise<void> {
  const columns = [...row.keyColumns, row.valueColumn];
  const using = ttlSeconds === undefined ? '' : ` USING TTL ${Math.trunc(ttlSeconds)}`;
  await client.execute(
    `INSERT INTO ${tableName(row)} (${columns.map(quoted).join(', ')}) VALUES (${columns
      .map(() => '?')
      .join(', ')})${using}`,
    [...row.keyValues, row.value],
    // Unprepared JS numbers encode as double; preparing lets the table's types drive encoding.
    { prepare: true, ...at },
  );
}

/** The row's value and the TTL left on it, or null when the row is not there. */
/** What a node answers while it is up but not yet serving reads: just restarted, or overloaded. */
const TRANSIENT = new Set<number>([
  types.responseErrorCodes.readTimeout,
  types.responseErrorCodes.unavailableException,
  types.responseErrorCodes.overloaded,
  types.responseErrorCodes.isBootstrapping,
]);
const TRANSIENT_TRIES = 4;
const TRANSIENT_PAUSE_MS = 1000;

/**
 * A read asked again, a few times, while the node answers that it cannot serve it yet. A node
 * that has just restarted takes CQL connections before it serves reads: the persistence marker
 * read once met "Server timeout during read query" on a loaded CI machine.
 */
export async function retryingTransient<T>(
  read: () => Promise<T>,
  pauseMs = TRANSIENT_PAUSE_MS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const transient = error instanceof errors.ResponseError && TRANSIENT.has(error.code);
      if (!transient || attempt >= TRANSIENT_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}

export async function readRow(
  client: Client,
  row: CassandraProbeRow,
  at: AtConsistency = {},
): Promise<{ value: string; ttl: number | null } | null> {
  const result = await retryingTransient(() =>
    client.execute(
      `SELECT ${quoted(row.valueColumn)} AS value, TTL(${quoted(row.valueColumn)}) AS ttl FROM ${tableName(
        row,
      )} WHERE ${whereKey(row)}`,
      row.keyValues,
      { prepare: true, ...at },
    ),
  );
  const found = result.first();
  if (!found) return null;
  return { value: found['value'] as string, ttl: (found['ttl'] as number | null) ?? null };
}

export async function deleteRow(
  client: Client,
  row: CassandraProbeRow,
  at: AtConsistency = {},
): Promise<void> {
  await client.execute(`DELETE FROM ${tableName(row)} WHERE ${whereKey(row)}`, row.keyValues, {
    prepare: true,
    ...at,
  });
}

/** A row written with a 2 s TTL, and when: its expiry is watched at once, or after a restart. */
export interface ExpiringRow {
  row: CassandraProbeRow;
  writtenAt: number;
  at: AtConsistency;
}

export async function writeExpiringRow(
  client: Client,
  target: ProbeTable,
  at: AtConsistency,
): Promise<ExpiringRow> {
  const row = probeRow(target, 'expiry');
  await insertRow(client, row, EXPIRY_TTL_SECONDS, at);
  return { row, writtenAt: Date.now(), at };
}

/**
 * Seconds from the write until the row was gone, or null if it was still there when the watch
 * (which starts now) ran out. The row is removed either way.
 */
export async function secondsUntilGone(
  client: Client,
  { row, writtenAt, at }: ExpiringRow,
): Promise<number | null> {
  const watched = Date.now();
  try {
    while (Date.now() - watched < EXPIRY_DEADLINE_MS) {
      if ((await readRow(client, row, at)) === null) return (Date.now() - writtenAt) / 1000;
      await new Promise((resolve) => setTimeout(resolve, EXPIRY_POLL_MS));
    }
    return null;
  } finally {
    await deleteRow(client, row, at);
  }
}

/** The driver's option for a consistency level. */
export function atLevel(consistency: ConsistencyLevel): AtConsistency {
  return { consistency: CONSISTENCY_CODES[consistency] };
}

/** Write, read back and TTL-check one probe row (and optionally watch one expire), then remove it. */
export async function roundTripTable(
  client: Client,
  target: ProbeTable,
  runId: string,
  expiry: boolean,
  consistency: ConsistencyLevel = 'LOCAL_ONE',
): Promise<CassandraRoundTrip> {
  const at = atLevel(consistency);
  const row = probeRow(target, `round-trip ${runId}`);
  await insertRow(client, row, undefined, at);
  try {
    const read = await readRow(client, row, at);
    return {
      consistency,
      written: true,
      readBack: read?.value === row.value,
      ttlAfterInsert: read?.ttl ?? null,
      expiredAfterSeconds: expiry
        ? await secondsUntilGone(client, await writeExpiringRow(client, target, at))
        : null,
    };
  } finally {
    await deleteRow(client, row, at);
  }
}
