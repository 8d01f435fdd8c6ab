// The keyspaces and tables the inits' CQL creates (cql-schema.ts), judged against the spec's
// cassandra.keyspaces: one check per keyspace and per table, pointing at the spec's entry. What
// no init's CQL could be read for is a skip with the reason, never a pass.
import { combine, compare, mismatch, pass, skip, toResult, type Outcome } from '../checks/outcome';
import type { CheckResult } from '../model/report';
import type { KeyspaceSpec, Spec, TableSpec } from '../spec/types';
import { readCqlSchemas, type CqlSchema, type CqlTable } from './cql-schema';
import type { InitTopics } from './init-topics';

const SECTION = 'Cassandra Schema';

/** Strategy classes compare by their short name, as the spec writes them. */
const short = (name: string) => name.slice(name.lastIndexOf('.') + 1);

function keyspaceOutcome(declared: KeyspaceSpec, created: Record<string, string> | undefined) {
  if (!created)
    return mismatch(declared.name, 'keyspace', 'created by an init', 'no CREATE KEYSPACE for it');
  const { class: wanted = '', ...options } = declared.replication;
  const { class: found = '', ...foundOptions } = created;
  return combine(
    [
      compare(declared.name, 'replication class', short(wanted), short(found)),
      ...Object.entries(options).map(([key, value]) =>
        compare(declared.name, `replication ${key}`, value, foundOptions[key] ?? 'not set'),
      ),
    ],
    'as declared',
  );
}

function tableOutcome(name: string, declared: TableSpec, created: CqlTable | undefined): Outcome {
  if (!created) return mismatch(name, 'table', 'created by an init', 'no CREATE TABLE for it');
  const outcomes = [
    compare(name, 'columns', describeColumns(declared.columns), describeColumns(created.columns)),
    compare(
      name,
      'partition key',
      declared.partitionKey.join(', '),
      created.partitionKey.join(', '),
    ),
    compare(
      name,
      'clustering',
      declared.clustering.map((c) => `${c.column} ${c.order}`).join(', ') || 'none',
      created.clustering.map((c) => `${c.column} ${c.order}`).join(', ') || 'none',
    ),
    ...(declared.defaultTtl === undefined
      ? []
      : [
          compare(
            name,
            'default_time_to_live',
            String(declared.defaultTtl),
            String(created.defaultTtl ?? 0),
          ),
        ]),
    ...(declared.compaction === undefined
      ? []
      : [
          compare(
            name,
            'compaction class',
            short(declared.compaction.class),
            short(created.compaction?.class ?? 'SizeTieredCompactionStrategy'),
          ),
          ...Object.entries(declared.compaction.options).map(([key, value]) =>
            compare(name, `compaction ${key}`, value, created.compaction?.[key] ?? 'not set'),
          ),
        ]),
  ];
  return outcomes.every((outcome) => outcome.status === 'pass')
    ? pass(`${name}: created by an init as declared`)
    : combine(outcomes, 'as declared');
}

function describeColumns(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([column, type]) => `${column} ${type.replace(/\s+/g, '')}`)
    .sort()
    .join(', ');
}

export function initSchemaChecks(
  spec: Spec,
  inits: InitTopics,
  locateSpec: ((path: readonly (string | number)[]) => CheckResult['source']) | undefined,
): CheckResult[] {
  const schema: CqlSchema = readCqlSchemas(inits.cql);
  const unread =
    inits.cql.length === 0
      ? skip(
          `no init's CQL could be read: ${inits.unreadable.join('; ') || 'no one-shot service (ready: exited-0) runs cqlsh -f or -e, or mounts a .cql file'}`,
        )
      : undefined;
  const locate = (path: readonly (string | number)[]) => locateSpec?.(path);
  return (spec.cassandra?.keyspaces ?? []).flatMap((keyspace, k) => [
    toResult(
      locate,
      {
        id: `static.cassandra.keyspace.${keyspace.name}`,
        section: SECTION,
        title: `${keyspace.name} keyspace created by an init as declared`,
        path: ['cassandra', 'keyspaces', k],
      },
      unread ?? keyspaceOutcome(keyspace, schema.keyspaces[keyspace.name]),
    ),
    ...keyspace.tables.map((table, t) => {
      const name = `${keyspace.name}.${table.name}`;
      return toResult(
        locate,
        {
          id: `static.cassandra.table.${name}`,
          section: SECTION,
          title: `${name} table created by an init as declared`,
          path: ['cassandra', 'keyspaces', k, 'tables', t],
        },
        unread ??
          tableOutcome(
            name,
            table,
            schema.tables.find((c) => c.keyspace === keyspace.name && c.name === table.name),
          ),
      );
    }),
  ]);
}
