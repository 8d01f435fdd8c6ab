// The keyspaces and tables a CQL schema file creates, read without a server: CREATE KEYSPACE and
// CREATE TABLE as tokens (names, quoted strings, numbers, punctuation; comments dropped), in the
// shapes the spec declares. Anything else in the file (inserts, grants, types) is passed over.
// Static mode judges the spec against it (init-schema.ts); `init --static` drafts from it.
import type { ObservedColumn, ObservedKeyspace, ObservedTable } from '../model/observed';
import type { ClusteringOrder } from '../spec/types';

export interface CqlTable {
  keyspace: string;
  name: string;
  /** column -> type, as system_schema spells it (lower case, no spaces) */
  columns: Record<string, string>;
  partitionKey: string[];
  clustering: { column: string; order: ClusteringOrder }[];
  defaultTtl?: number;
  compaction?: Record<string, string>;
}

export interface CqlSchema {
  keyspaces: Record<string, Record<string, string>>;
  tables: CqlTable[];
}

/** Words, quoted strings ('…' with '' inside), numbers, and single punctuation characters. */
function tokens(text: string): string[] {
  const out: string[] = [];
  const pattern =
    /--[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|\S/g;
  for (const [token] of text.matchAll(pattern)) {
    if (!/^(--|\/\/|\/\*)/.test(token)) out.push(token);
  }
  return out;
}

/** A name as Cassandra stores it: quoted names keep their case, others are lower-cased. */
function identifier(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

function literal(token: string): string {
  return token.startsWith("'") ? token.slice(1, -1).replace(/''/g, "'") : token;
}

class Reader {
  private at = 0;
  constructor(private readonly list: string[]) {}
  peek(offset = 0): string {
    return this.list[this.at + offset] ?? '';
  }
  next(): string {
    return this.list[this.at++] ?? '';
  }
  is(word: string, offset = 0): boolean {
    return this.peek(offset).toUpperCase() === word;
  }
  accept(...words: string[]): boolean {
    if (!words.every((word, i) => this.is(word, i))) return false;
    this.at += words.length;
    return true;
  }
  done(): boolean {
    return this.at >= this.list.length;
  }
  /** ks.name or name */
  qualifiedName(): [string | undefined, string] {
    const first = identifier(this.next());
    if (this.peek() !== '.') return [undefined, first];
    this.next();
    return [first, identifier(this.next())];
  }
  /** { 'k': 'v', ... } */
  map(): Record<string, string> {
    const map: Record<string, string> = {};
    if (this.next() !== '{') return map;
    while (!this.done() && this.peek() !== '}') {
      const key = literal(this.next());
      this.next(); // ':'
      map[key] = literal(this.next());
      if (this.peek() === ',') this.next();
    }
    this.next();
    return map;
  }
  /** a type such as list<text> or map<text, frozen<list<int>>>, spelled as system_schema does */
  type(): string {
    let type = this.next().toLowerCase();
    if (this.peek() !== '<') return type;
    let depth = 0;
    do {
      const token = this.next();
      depth += token === '<' ? 1 : token === '>' ? -1 : 0;
      type += token === ',' ? ', ' : token.toLowerCase();
    } while (depth > 0 && !this.done());
    return type;
  }
  skipToStatementEnd(): void {
    while (!this.done() && this.next() !== ';');
  }
}

/** PRIMARY KEY ((a, b), c, d) or (a, c, d): the partition key, then the clustering columns. */
function primaryKey(reader: Reader): { partition: string[]; clustering: string[] } {
  reader.next(); // '('
  const partition: string[] = [];
  if (reader.peek() === '(') {
    reader.next();
    while (reader.peek() !== ')' && !reader.done()) {
      const token = reader.next();
      if (token !== ',') partition.push(identifier(token));
    }
    reader.next();
  } else {
    partition.push(identifier(reader.next()));
  }
  const clustering: string[] = [];
  while (reader.peek() !== ')' && !reader.done()) {
    const token = reader.next();
    if (token !== ',') clustering.push(identifier(token));
  }
  reader.next();
  return { partition, clustering };
}

function createTable(reader: Reader, schema: CqlSchema): void {
  reader.accept('IF', 'NOT', 'EXISTS');
  const [keyspace, name] = reader.qualifiedName();
  const table: CqlTable = {
    keyspace: keyspace ?? '',
    name,
    columns: {},
    partitionKey: [],
    clustering: [],
  };
  let clusteringColumns: string[] = [];
  reader.next(); // '('
  while (!reader.done() && reader.peek() !== ')') {
    if (reader.accept('PRIMARY', 'KEY')) {
      const key = primaryKey(reader);
      table.partitionKey = key.partition;
      clusteringColumns = key.clustering;
    } else {
      const column = identifier(reader.next());
      table.columns[column] = reader.type();
      if (reader.accept('PRIMARY', 'KEY')) table.partitionKey = [column];
    }
    if (reader.peek() === ',') reader.next();
  }
  reader.next(); // ')'
  const orders: Record<string, ClusteringOrder> = {};
  while (reader.accept('WITH') || reader.accept('AND')) {
    if (reader.accept('CLUSTERING', 'ORDER', 'BY')) {
      reader.next(); // '('
      while (!reader.done() && reader.peek() !== ')') {
        const column = identifier(reader.next());
        orders[column] = reader.next().toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
        if (reader.peek() === ',') reader.next();
      }
      reader.next();
    } else if (reader.accept('DEFAULT_TIME_TO_LIVE', '=')) {
      table.defaultTtl = Number(reader.next());
    } else if (reader.accept('COMPACTION', '=')) {
      table.compaction = reader.map();
    } else {
      // another option: name = value or a map
      reader.next();
      reader.next();
      if (reader.peek() === '{') reader.map();
      else reader.next();
    }
  }
  table.clustering = clusteringColumns.map((column) => ({
    column,
    order: orders[column] ?? 'ASC',
  }));
  schema.tables.push(table);
}

export function readCqlSchema(text: string, useKeyspace?: string): CqlSchema {
  const schema: CqlSchema = { keyspaces: {}, tables: [] };
  const reader = new Reader(tokens(text));
  let current = useKeyspace;
  while (!reader.done()) {
    if (reader.accept('CREATE', 'KEYSPACE')) {
      reader.accept('IF', 'NOT', 'EXISTS');
      const name = identifier(reader.next());
      if (reader.accept('WITH', 'REPLICATION', '=')) schema.keyspaces[name] = reader.map();
    } else if (reader.accept('CREATE', 'TABLE') || reader.accept('CREATE', 'COLUMNFAMILY')) {
      createTable(reader, schema);
      const table = schema.tables.at(-1);
      if (table && table.keyspace === '') table.keyspace = current ?? '';
    } else if (reader.accept('USE')) {
      current = identifier(reader.next());
    }
    reader.skipToStatementEnd();
  }
  return schema;
}

/** Every CQL text the inits run or mount, read as one schema: later files add to earlier ones. */
export function readCqlSchemas(texts: readonly { text: string; keyspace?: string }[]): CqlSchema {
  const schema: CqlSchema = { keyspaces: {}, tables: [] };
  for (const { text, keyspace } of texts) {
    const read = readCqlSchema(text, keyspace);
    Object.assign(schema.keyspaces, read.keyspaces);
    schema.tables.push(...read.tables);
  }
  return schema;
}

function observedTable(table: CqlTable): ObservedTable {
  const column = (name: string, type: string): ObservedColumn => {
    const partition = table.partitionKey.indexOf(name);
    const clustering = table.clustering.findIndex((c) => c.column === name);
    if (partition >= 0)
      return { name, type, kind: 'partition_key', position: partition, clusteringOrder: 'none' };
    if (clustering >= 0) {
      const order = table.clustering[clustering]?.order === 'DESC' ? 'desc' : 'asc';
      return { name, type, kind: 'clustering', position: clustering, clusteringOrder: order };
    }
    return { name, type, kind: 'regular', position: -1, clusteringOrder: 'none' };
  };
  return {
    name: table.name,
    columns: Object.entries(table.columns).map(([name, type]) => column(name, type)),
    // What a table created without these options shows in system_schema.
    defaultTtl: table.defaultTtl ?? 0,
    compaction: table.compaction ?? {},
  };
}

/**
 * The schema as system_schema would show it once the CQL ran, for a draft spec. Tables whose
 * keyspace no CREATE KEYSPACE makes (or that name none) are left out, each with the reason.
 */
export function observedKeyspaces(schema: CqlSchema): {
  keyspaces: Record<string, ObservedKeyspace>;
  left: string[];
} {
  const keyspaces: Record<string, ObservedKeyspace> = {};
  for (const [name, replication] of Object.entries(schema.keyspaces)) {
    keyspaces[name] = { name, replication, tables: {} };
  }
  const left: string[] = [];
  for (const table of schema.tables) {
    const keyspace = keyspaces[table.keyspace];
    if (keyspace) keyspace.tables[table.name] = observedTable(table);
    else if (table.keyspace === '')
      left.push(`table ${table.name}: its CQL names no keyspace (no USE, no keyspace.table)`);
    else
      left.push(
        `table ${table.keyspace}.${table.name}: no init's CQL creates keyspace ${table.keyspace}`,
      );
  }
  return { keyspaces, left };
}
