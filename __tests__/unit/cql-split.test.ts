import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCqlStatements } from '../../src/runtime/local/cql';

describe('splitCqlStatements', () => {
  it('splits on semicolons and drops --, // and block comments', () => {
    const text = `-- a comment; with a semicolon
CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy'}; // trailing; comment
/* block;
   comment */ SELECT * FROM t;`;
    expect(splitCqlStatements(text)).toEqual([
      "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy'}",
      'SELECT * FROM t',
    ]);
  });

  it('keeps semicolons and comment markers inside quotes and $$ strings', () => {
    const text = `INSERT INTO t (a, b) VALUES ('x;--y', 'it''s; fine');
SELECT "odd;name" FROM t;
CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$`;
    expect(splitCqlStatements(text)).toEqual([
      "INSERT INTO t (a, b) VALUES ('x;--y', 'it''s; fine')",
      'SELECT "odd;name" FROM t',
      'CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$',
    ]);
  });

  it('finds the two statements of the repository schema.cql', () => {
    const schema = readFileSync(
      join(__dirname, '../../infrastructure/cassandra/schema.cql'),
      'utf8',
    );
    const statements = splitCqlStatements(schema);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^CREATE KEYSPACE IF NOT EXISTS twitch_chat/);
    expect(statements[1]).toMatch(/^CREATE TABLE IF NOT EXISTS twitch_chat\.raw_chat_messages/);
  });
});
