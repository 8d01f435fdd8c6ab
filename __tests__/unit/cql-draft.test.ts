// init --static drafts the schema from the inits' CQL the way static mode reads it: the draft of
// a table states what its CQL set on purpose, and a table with no keyspace to go in is left out
// with the reason.
import { draftSpec } from '../../src/spec/draft';
import { observedKeyspaces, readCqlSchemas } from '../../src/static/cql-schema';

const roles = { cassandra: { service: 'cassandra', port: 9042 } };

function draftOf(...texts: { text: string; keyspace?: string }[]) {
  const { keyspaces, left } = observedKeyspaces(readCqlSchemas(texts));
  return { keyspaces: draftSpec({ roles, keyspaces }, undefined).cassandra?.keyspaces, left };
}

describe('a draft from CQL', () => {
  it('declares keys, clustering order, TTL and compaction as the CQL sets them', () => {
    const { keyspaces, left } = draftOf({
      text: `
        CREATE KEYSPACE IF NOT EXISTS chat
          WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3};
        CREATE TABLE chat.messages (
          room text, bucket int, sent timeuuid, id uuid, tags set<text>,
          PRIMARY KEY ((room, bucket), sent, id)
        ) WITH CLUSTERING ORDER BY (sent DESC)
          AND default_time_to_live = 3600
          AND compaction = {'class': 'org.apache.cassandra.db.compaction.LeveledCompactionStrategy',
                            'sstable_size_in_mb': '160'};`,
    });
    expect(left).toEqual([]);
    expect(keyspaces).toEqual([
      {
        name: 'chat',
        replication: { class: 'NetworkTopologyStrategy', dc1: '3' },
        tables: [
          {
            name: 'messages',
            columns: {
              room: 'text',
              bucket: 'int',
              sent: 'timeuuid',
              id: 'uuid',
              tags: 'set<text>',
            },
            partitionKey: ['room', 'bucket'],
            clustering: [
              { column: 'sent', order: 'DESC' },
              { column: 'id', order: 'ASC' },
            ],
            defaultTtl: 3600,
            compaction: {
              class: 'LeveledCompactionStrategy',
              options: { sstable_size_in_mb: '160' },
            },
          },
        ],
      },
    ]);
  });

  it('leaves out the defaults a table without options has', () => {
    const { keyspaces } = draftOf({
      text: `CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
             CREATE TABLE k.t (id int PRIMARY KEY, v text);`,
    });
    const [table] = keyspaces?.[0]?.tables ?? [];
    expect(table).toEqual({
      name: 't',
      columns: { id: 'int', v: 'text' },
      partitionKey: ['id'],
      clustering: [],
    });
  });

  it('reads a keyspace from USE, from cqlsh -k, and across files', () => {
    const { keyspaces, left } = draftOf(
      {
        text: `CREATE KEYSPACE a WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      },
      { text: 'CREATE TABLE from_k (id int PRIMARY KEY);', keyspace: 'a' },
      { text: 'USE a; CREATE TABLE from_use (id int PRIMARY KEY);' },
    );
    expect(left).toEqual([]);
    expect(keyspaces?.[0]?.tables.map((t) => t.name)).toEqual(['from_k', 'from_use']);
  });

  it('leaves out, with the reason, a table whose keyspace no CQL creates or names', () => {
    const { keyspaces, left } = draftOf({
      text: 'CREATE TABLE elsewhere.t (id int PRIMARY KEY); CREATE TABLE loose (id int PRIMARY KEY);',
    });
    expect(keyspaces).toEqual([]);
    expect(left).toEqual([
      "table elsewhere.t: no init's CQL creates keyspace elsewhere",
      'table loose: its CQL names no keyspace (no USE, no keyspace.table)',
    ]);
  });
});
