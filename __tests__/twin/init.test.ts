// `infra-verify init` against the real twin: the spec it writes passes `verify` on the same
// stack, a drift made afterwards fails it, it takes only what was set on purpose, and it never
// overwrites a file without --force.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResourceTypes } from 'kafkajs';
import { parseSpec } from '../../src/spec/load';
import { runCli } from '../setup/run-cli';
import { sharedTwin } from '../setup/twin';
import { kafkaClient } from './clients';

jest.setTimeout(240_000);

const twin = sharedTwin();
const DRIFT_TOPIC = 'adopt-init-drift';

async function withAdmin<T>(
  use: (admin: ReturnType<ReturnType<typeof kafkaClient>['admin']>) => Promise<T>,
): Promise<T> {
  const admin = kafkaClient(twin.endpoints.kafkaBrokers).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

const setRetention = (ms: string) =>
  withAdmin((admin) =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: DRIFT_TOPIC,
          configEntries: [{ name: 'retention.ms', value: ms }],
        },
      ],
    }),
  );

describe('init against the twin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'init-'));
  const out = join(dir, 'infra-spec.yml');
  const verifyArgs = [
    'verify',
    '--runtime',
    'local',
    '--spec',
    out,
    '--no-persistence',
    '--no-ttl-expiry',
    '--keep-up',
  ];
  let text = '';

  beforeAll(async () => {
    // A topic of the user's own with one config set on it, beside ChatBattle's.
    await withAdmin((admin) =>
      admin.createTopics({
        topics: [
          {
            topic: DRIFT_TOPIC,
            numPartitions: 2,
            replicationFactor: 1,
            configEntries: [{ name: 'retention.ms', value: '3600000' }],
          },
        ],
      }),
    );
    const init = await runCli(['init', '--runtime', 'local', '--out', out]);
    expect(init.stderr).toContain(`wrote ${out}`);
    expect(init.code).toBe(0);
    text = readFileSync(out, 'utf8');
  });

  afterAll(() => withAdmin((admin) => admin.deleteTopics({ topics: [DRIFT_TOPIC] })));

  it('writes a commented spec that loads, with only what was set on purpose', () => {
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/\S+\/infra-spec\.schema\.json\n# Written by `infra-verify init`/,
    );
    const { spec } = parseSpec(text, out);
    expect(spec.kafka?.topics.find((t) => t.name === DRIFT_TOPIC)).toEqual({
      name: DRIFT_TOPIC,
      partitions: 2,
      replicationFactor: 1,
      configs: { 'retention.ms': '3600000' },
    });
    // broker defaults are not "set on the topic"; internal topics and system keyspaces are out
    expect(spec.kafka?.topics.find((t) => t.name === 'channel-stats')?.configs).toEqual({
      'cleanup.policy': 'compact',
    });
    expect(spec.kafka?.topics.map((t) => t.name).filter((name) => name.startsWith('__'))).toEqual(
      [],
    );
    expect(
      spec.cassandra?.keyspaces.map((k) => k.name).filter((name) => name.startsWith('system')),
    ).toEqual([]);
    expect(spec.cassandra?.keyspaces.map((k) => k.name)).toContain('twitch_chat');
    expect(Object.keys(spec.compose.services)).toContain('kafka-init');
  });

  it('verify with that spec passes against the same stack', async () => {
    const { code, stdout } = await runCli(verifyArgs);
    expect(stdout).toMatch(/PASS/);
    expect(code).toBe(0);
  });

  it('catches drift made after init', async () => {
    await setRetention('7200000');
    try {
      const { code, stdout } = await runCli(verifyArgs);
      expect(stdout).toMatch(
        new RegExp(`${DRIFT_TOPIC}: retention.ms expected 3600000, found 7200000`),
      );
      expect(code).toBe(1);
    } finally {
      await setRetention('3600000');
    }
  });

  it('never overwrites a file without --force', async () => {
    writeFileSync(out, '# mine\n');
    const refused = await runCli(['init', '--runtime', 'local', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists; init never overwrites it unless you pass --force');
    expect(readFileSync(out, 'utf8')).toBe('# mine\n');
    expect(existsSync(out)).toBe(true);
  });
});
