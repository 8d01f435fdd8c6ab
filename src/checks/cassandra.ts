// Checklist section "Cassandra Schema": per keyspace exists, strategy, replication; per table
// exists, each column, keys, TTL, compaction, clustering order; then the write/read/TTL probes,
// which run on the first table of the first keyspace.
import type {
  ObservedColumn,
  ObservedKeyspace,
  ObservedState,
  ObservedTable,
} from '../model/observed';
import type { KeyspaceSpec, Spec, TableSpec } from '../spec/types';
import type { YamlPath } from '../spec/yaml-locations';
import type { Gates } from './gates';
import { describeDuration, normaliseCqlType, shortClassName } from './normalise';
import {
  compare,
  mismatch,
  needs,
  pass,
  toResult,
  type CheckDef,
  type Locate,
  type Outcome,
} from './outcome';
import { cassandraProbeChecks, type TableChecks } from './probes';
import type { CheckResult } from '../model/report';

const SECTION = 'Cassandra Schema';

export function cassandraChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  locate: Locate,
): CheckResult[] {
  const results: CheckResult[] = [];
  const tables = new Map<string, TableChecks>();
  const check = (def: Omit<CheckDef, 'section'>, outcome: Outcome): CheckResult => {
    const result = toResult(locate, { ...def, section: SECTION }, outcome);
    results.push(result);
    return result;
  };
  // A stack without Cassandra has no Cassandra section at all.
  if (!spec.cassandra) return [];
  const observedKeyspaces = observed.cassandra.ok ? observed.cassandra.value : {};
  spec.cassandra.keyspaces.forEach((keyspace, k) => {
    const path: YamlPath = ['cassandra', 'keyspaces', k];
    const base = `cassandra.keyspace.${keyspace.name}`;
    const found = observedKeyspaces[keyspace.name];
    const exists = check(
      {
        id: `${base}.exists`,
        title: `\`${keyspace.name}\` keyspace exists`,
        path: [...path, 'name'],
      },
      gates.cassandra.use(() =>
        found
          ? pass(`${keyspace.name}: exists`)
          : mismatch(keyspace.name, 'keyspace', 'present', 'missing'),
      ),
    );
    const onKeyspace = (judge: (observedKeyspace: ObservedKeyspace) => Outcome) =>
      needs([exists], () => judge(found as ObservedKeyspace));
    const strategy = keyspace.replication.class;
    check(
      {
        id: `${base}.strategy`,
        title: `Replication strategy: ${shortClassName(strategy)}`,
        path: [...path, 'replication', 'class'],
        parent: exists.id,
      },
      onKeyspace((ks) =>
        compare(
          keyspace.name,
          'replication strategy',
          shortClassName(strategy),
          shortClassName(ks.replication.class ?? 'none'),
        ),
      ),
    );
    for (const [key, value] of Object.entries(keyspace.replication).filter(
      ([key]) => key !== 'class',
    )) {
      check(
        {
          id: `${base}.replication.${key}`,
          title:
            key === 'replication_factor'
              ? `Replication factor: ${value}`
              : `Replication ${key}: ${value}`,
          path: [...path, 'replication', key],
          parent: exists.id,
        },
        onKeyspace((ks) =>
          compare(keyspace.name, key.replace(/_/g, ' '), value, ks.replication[key] ?? 'not set'),
        ),
      );
    }
    keyspace.tables.forEach((table, t) => {
      tables.set(
        `${keyspace.name}.${table.name}`,
        tableChecks(keyspace, table, [...path, 'tables', t], exists, found, check),
      );
    });
  });
  results.push(...cassandraProbeChecks(spec, observed, tables, locate));
  return results;
}

function tableChecks(
  keyspace: KeyspaceSpec,
  table: TableSpec,
  path: YamlPath,
  keyspaceExists: CheckResult,
  keyspaceFound: ObservedKeyspace | undefined,
  check: (def: Omit<CheckDef, 'section'>, outcome: Outcome) => CheckResult,
): TableChecks {
  const base = `cassandra.table.${keyspace.name}.${table.name}`;
  const name = table.name;
  const observedTable = keyspaceFound?.tables[name];
  const exists = check(
    { id: `${base}.exists`, title: `\`${name}\` table exists`, path: [...path, 'name'] },
    needs([keyspaceExists], () =>
      observedTable
        ? pass(`${keyspace.name}.${name}: exists`)
        : mismatch(`${keyspace.name}.${name}`, 'table', 'present', 'missing'),
    ),
  );
  const child = (
    suffix: string,
    title: string,
    subPath: YamlPath,
    judge: (observed: ObservedTable) => Outcome,
  ) =>
    check(
      { id: `${base}.${suffix}`, title, path: [...path, ...subPath], parent: exists.id },
      needs([exists], () => judge(observedTable as ObservedTable)),
    );
  const columns = Object.entries(table.columns).map(([column, type]) =>
    child(`column.${column}`, `Column ${column} ${type}`, ['columns', column], (observed) => {
      const found = observed.columns.find((candidate) => candidate.name === column);
      return compare(
        name,
        `column ${column}`,
        normaliseCqlType(type),
        found ? normaliseCqlType(found.type) : 'missing',
      );
    }),
  );
  const partitionKey = describeKey(table.partitionKey);
  child('partition-key', `Partition key ${partitionKey}`, ['partitionKey'], (observed) =>
    compare(
      name,
      'partition key',
      partitionKey,
      describeKey(keyColumns(observed, 'partition_key').map((c) => c.name)),
    ),
  );
  const clusteringNames = describeKey(table.clustering.map((c) => c.column));
  const clusteringColumns = child(
    'clustering-columns',
    `Clustering columns ${clusteringNames}`,
    ['clustering'],
    (observed) =>
      compare(
        name,
        'clustering columns',
        clusteringNames,
        describeKey(keyColumns(observed, 'clustering').map((c) => c.name)),
      ),
  );
  const ttl = table.defaultTtl;
  const defaultTtl =
    ttl === undefined
      ? undefined
      : child(
          'default-ttl',
          ttl === 0
            ? 'No default TTL (default_time_to_live 0)'
            : `TTL set to ${describeDuration(ttl)} (default_time_to_live ${ttl})`,
          ['defaultTtl'],
          (observed) =>
            compare(name, 'default_time_to_live', String(ttl), String(observed.defaultTtl)),
        );
  const compaction = table.compaction;
  if (compaction) {
    child(
      'compaction',
      `Compaction strategy configured (${describeCompaction(compaction)})`,
      ['compaction'],
      (observed) => compactionOutcome(table.name, compaction, observed),
    );
  }
  const order = table.clustering.map((c) => `${c.column} ${c.order}`).join(', ');
  check(
    {
      id: `${base}.clustering-order`,
      title: `Clustering order: ${order}`,
      path: [...path, 'clustering'],
      parent: exists.id,
    },
    needs([exists, clusteringColumns], () => {
      const observedOrder = keyColumns(observedTable as ObservedTable, 'clustering')
        .map((c) => `${c.name} ${c.clusteringOrder.toUpperCase()}`)
        .join(', ');
      return compare(name, 'clustering order', order, observedOrder);
    }),
  );
  return { exists, columns, defaultTtl };
}

function describeKey(columns: string[]): string {
  return `(${columns.join(', ')})`;
}

function keyColumns(table: ObservedTable, kind: ObservedColumn['kind']): ObservedColumn[] {
  return table.columns.filter((c) => c.kind === kind).sort((a, b) => a.position - b.position);
}

type CompactionSpec = NonNullable<TableSpec['compaction']>;

function describeCompaction(compaction: CompactionSpec): string {
  const options = Object.entries(compaction.options).map(([key, value]) => `${key}=${value}`);
  return [shortClassName(compaction.class), ...options].join(', ');
}

function compactionOutcome(
  tableName: string,
  compaction: CompactionSpec,
  observed: ObservedTable,
): Outcome {
  const expectedClass = shortClassName(compaction.class);
  const actualClass = shortClassName(observed.compaction.class ?? 'none');
  // Options of a different strategy mean nothing, so a wrong class is the whole story.
  if (expectedClass !== actualClass)
    return mismatch(tableName, 'compaction class', expectedClass, actualClass);
  const differing = Object.entries(compaction.options).filter(
    ([key, value]) => observed.compaction[key] !== value,
  );
  if (differing.length === 0)
    return pass(`${tableName}: compaction ${describeCompaction(compaction)}`);
  return {
    status: 'fail',
    message: differing
      .map(
        ([key, value]) =>
          `${tableName}: compaction ${key} expected ${value}, found ${observed.compaction[key] ?? 'not set'}`,
      )
      .join('; '),
    expected: differing.map(([key, value]) => `${key}=${value}`).join(', '),
    actual: differing.map(([key]) => `${key}=${observed.compaction[key] ?? 'not set'}`).join(', '),
  };
}
