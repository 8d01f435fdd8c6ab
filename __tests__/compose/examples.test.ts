// Every example passes `infra-verify verify --static` run from its own folder with compose's
// default file names, and `init --static` there drafts a spec that passes too.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCliIn } from './compose-cli';

const EXAMPLES = join(ROOT, 'examples');
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Each case starts the CLI (node + tsx) once or twice: seconds, more on a loaded machine.
jest.setTimeout(60_000);

describe('examples/', () => {
  it('holds the four examples', () => {
    expect(examples.sort()).toEqual([
      'cassandra-only',
      'chatbattle-with-tools',
      'kafka-only',
      'kraft',
    ]);
  });

  it.each(examples)('%s passes verify --static from its own folder', async (name) => {
    const run = await runCliIn(join(EXAMPLES, name), ['verify', '--static']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/✅ PASS: \d+ passed, 0 failed, 0 skipped/);
    expect(run.code).toBe(0);
  });
});

describe('init --static', () => {
  // What each example's draft must hold: the sections, and what its inits create.
  it.each([
    ['kraft', { zookeeper: false, kafka: /partitions: 3/, cassandra: null }],
    ['kafka-only', { zookeeper: true, kafka: /name: events-dlq/, cassandra: null }],
    [
      'cassandra-only',
      {
        zookeeper: false,
        kafka: null,
        cassandra: /name: orders\n[^]*placed_at: timestamp[^]*column: placed_at\n\s+order: DESC/,
      },
    ],
  ])(
    'drafts a spec for %s, with no server, that passes verify --static',
    async (name, expected) => {
      const dir = mkdtempSync(join(tmpdir(), `init-static-${name}-`));
      cpSync(join(EXAMPLES, name), dir, { recursive: true });
      rmSync(join(dir, 'infra-spec.yml'));
      const init = await runCliIn(dir, ['init', '--static']);
      expect(init.stderr).toContain('wrote infra-spec.yml');
      expect(init.stderr).not.toContain('not in the draft');
      expect(init.code).toBe(0);
      const drafted = readFileSync(join(dir, 'infra-spec.yml'), 'utf8');
      expect(/^zookeeper:/m.test(drafted)).toBe(expected.zookeeper);
      for (const section of ['kafka', 'cassandra'] as const) {
        const pattern = expected[section];
        if (pattern) expect(drafted).toMatch(pattern);
        else expect(drafted).not.toMatch(new RegExp(`^${section}:`, 'm'));
      }
      const verify = await runCliIn(dir, ['verify', '--static']);
      expect(verify.stdout).toMatch(/✅ PASS: \d+ passed, 0 failed, 0 skipped/);
      expect(verify.code).toBe(0);
    },
  );

  it("drafts the repository's stack: both topics from create-topics.sh, the schema from its CQL", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-static-repo-'));
    for (const name of ['docker-compose.yml', '.env', 'infrastructure']) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
    const init = await runCliIn(dir, ['init', '--static']);
    expect(init.code).toBe(0);
    const drafted = readFileSync(join(dir, 'infra-spec.yml'), 'utf8');
    expect(drafted).toContain('name: channel-stats');
    expect(drafted).toContain('cleanup.policy: compact');
    // The schema from infrastructure/cassandra/schema.cql, which cassandra-init runs.
    expect(drafted).toContain('name: raw_chat_messages');
    expect(drafted).toContain('defaultTtl: 604800');
    expect(drafted).toContain('class: TimeWindowCompactionStrategy');
    const verify = await runCliIn(dir, ['verify', '--static']);
    expect(verify.stdout).toMatch(/✅ twitch_chat\.raw_chat_messages table created by an init/);
    expect(verify.code).toBe(0);
  });
});
