// Runs CQL text (a statement or a whole file such as schema.cql) with cassandra-driver, because
// there is no cqlsh without Python. Statements are split on semicolons outside quotes/comments.
import { type Client, types } from 'cassandra-driver';
import { OPEN_CONNECTION, type CassandraSettings } from '../../model/connection';
import { firstLineOf } from '../../model/errors';
import {
  cassandraClient,
  explainCassandraFailure,
  localDatacenter,
} from '../../protocol/cassandra';

/** Splits CQL into statements, dropping -- // and block comments; quoted text is kept as is. */
export function splitCqlStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const two = rest.slice(0, 2);
    if (two === '--' || two === '//') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      current += ' ';
    } else if (two === '$$') {
      const end = text.indexOf('$$', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      current += text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'" || text[i] === '"') {
      // CQL escapes a quote by doubling it, which this loop reads as closing and reopening.
      const quote = text[i];
      const end = text.indexOf(quote, i + 1);
      const stop = end === -1 ? text.length : end + 1;
      current += text.slice(i, stop);
      i = stop;
    } else if (text[i] === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += text[i];
      i += 1;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'string') return value;
  if (value instanceof types.Long || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${formatValue(k)}: ${formatValue(v)}`).join(', ')}}`;
  }
  if (typeof value === 'object' && value.constructor === Object) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** cqlsh-like plain rows: a header line of column names, then one line per row, " | " between. */
function formatRows(result: types.ResultSet): string[] {
  const columns = result.columns?.map((column) => column.name) ?? [];
  if (columns.length === 0) return [];
  const lines = [columns.join(' | ')];
  for (const row of result.rows)
    lines.push(columns.map((name) => formatValue(row.get(name))).join(' | '));
  lines.push(`(${result.rows.length} rows)`);
  return lines;
}

async function connectForCql(contactPoints: string[], settings: CassandraSettings) {
  let client: Client | undefined;
  try {
    const datacenter = await localDatacenter(contactPoints, settings);
    // DDL such as schema.cql's waits for schema agreement: a longer read timeout than probes use.
    client = cassandraClient(contactPoints, settings, {
      datacenter: datacenter.name,
      readTimeoutMs: 30_000,
    });
    await client.connect();
    return client;
  } catch (error) {
    await client?.shutdown().catch(() => undefined);
    const explained = await explainCassandraFailure(error, contactPoints, settings);
    throw new Error(
      `cannot connect to Cassandra at ${contactPoints.join(', ')}: ${firstLineOf(explained)}`,
    );
  }
}

/** Executes each statement in order; stops at the first failure and names the statement. */
export async function runCql(
  {
    contactPoints,
    settings = OPEN_CONNECTION.cassandra,
  }: { contactPoints: string[]; settings?: CassandraSettings },
  text: string,
  print: (line: string) => void,
): Promise<void> {
  const statements = splitCqlStatements(text);
  if (statements.length === 0) throw new Error('no CQL statement given');
  const client = await connectForCql(contactPoints, settings);
  try {
    for (const statement of statements) {
      let result: types.ResultSet;
      try {
        result = await client.execute(statement);
      } catch (error) {
        throw new Error(`CQL failed: ${(error as Error).message}\n  in: ${statement}`);
      }
      for (const line of formatRows(result)) print(line);
    }
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}
