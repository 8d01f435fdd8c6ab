// The keyspaces and tables a CQL schema file creates, read without a server: CREATE KEYSPACE and
// CREATE TABLE as tokens (names, quoted strings, numbers, punctuation; comments dropped), in the
// shapes the spec declares. Anything else in the file (inserts, grants, types) is passed over.
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
