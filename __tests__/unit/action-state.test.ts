import { annotationsFor, withinGitHubLimit, type Annotation } from '../../src/action/annotations';
import {
  readPostState,
  saveComposeCommand,
  saveResult,
  saveStackState,
} from '../../src/action/state';
import type { CheckResult } from '../../src/model/report';

describe('post state', () => {
  it('round-trips what main saves into what post reads', () => {
    const saved = new Map<string, string>();
    const save = (name: string, value: string) => void saved.set(name, value);
    saveStackState(save, {
      stackStarted: true,
      projectName: 'infra-verify-1-1-e2e',
      composeFiles: ['docker-compose.yml', 'ci, with comma.yml'],
      composeProfiles: ['debug'],
      envFile: 'ci.env',
      projectDirectory: '/ws',
      keepUp: false,
    });
    saveResult(save, 'fail');
    saveComposeCommand(save, { file: 'docker', prefix: ['compose'], versionText: '2.26.1' });
    expect(readPostState((name) => saved.get(name) ?? '')).toEqual({
      stackStarted: true,
      projectName: 'infra-verify-1-1-e2e',
      composeFiles: ['docker-compose.yml', 'ci, with comma.yml'],
      composeProfiles: ['debug'],
      envFile: 'ci.env',
      projectDirectory: '/ws',
      keepUp: false,
      result: 'fail',
      composeCommand: { file: 'docker', prefix: ['compose'], versionText: '2.26.1' },
    });
  });

  it.each([
    ['nothing saved', ''],
    ['not JSON', 'docker compose'],
    ['no file', '{"file":"","prefix":[],"versionText":"2.26.1"}'],
    [
      'a prefix that is not a list of words',
      '{"file":"docker","prefix":"compose","versionText":"2"}',
    ],
    ['no version', '{"file":"docker","prefix":["compose"]}'],
  ])('leaves post to ask compose itself when the saved compose is %s', (_case, saved) => {
    const state = readPostState((name) => (name === 'compose-command' ? saved : ''));
    expect(state).not.toHaveProperty('composeCommand');
  });

  it('reads "nothing started" when main never saved anything', () => {
    expect(readPostState(() => '')).toMatchObject({
      stackStarted: false,
      composeFiles: [],
      result: '',
    });
  });
});

describe('annotationsFor', () => {
  const check = (status: CheckResult['status'], source?: CheckResult['source']): CheckResult => ({
    id: `kafka.topic.channel-stats.${status}`,
    section: 'Kafka Topics',
    title: 'Log compaction enabled',
    status,
    message: 'channel-stats: cleanup.policy expected compact, found delete',
    durationMs: 1,
    ...(source ? { source } : {}),
  });

  it('annotates failures and errors at their spec line, relative to the workspace', () => {
    const source = { file: '/ws/stack/infra-spec.yml', line: 61, column: 9 };
    expect(
      annotationsFor(
        [check('fail', source), check('pass', source), check('skip'), check('error')],
        '/ws',
      ),
    ).toEqual([
      {
        level: 'error',
        title: 'infra-verify: Log compaction enabled',
        message: 'channel-stats: cleanup.policy expected compact, found delete',
        file: 'stack/infra-spec.yml',
        startLine: 61,
        startColumn: 9,
      },
      {
        level: 'error',
        title: 'infra-verify: Log compaction enabled',
        message: 'channel-stats: cleanup.policy expected compact, found delete',
      },
    ]);
  });

  it('warns of a skip a failure caused, not of one that was turned off', () => {
    const blocked = { ...check('skip'), blockedBy: 'kafka.topic.channel-stats.exists' };
    expect(annotationsFor([blocked, check('skip')], '/ws')).toEqual([
      expect.objectContaining({
        level: 'warning',
        title: 'infra-verify: Log compaction enabled (skipped)',
      }),
    ]);
  });

  it('makes every annotation a warning when failures do not fail the step', () => {
    const levels = annotationsFor([check('fail'), check('error')], '/ws', false).map(
      (annotation) => annotation.level,
    );
    expect(levels).toEqual(['warning', 'warning']);
  });

  it('resolves a relative source against the workspace', () => {
    const [annotation] = annotationsFor(
      [check('fail', { file: 'docker-compose.yml', line: 3, column: 1 })],
      '/ws',
    );
    expect(annotation?.file).toBe('docker-compose.yml');
  });
});

describe('withinGitHubLimit', () => {
  const annotation = (level: Annotation['level'], n: number): Annotation => ({
    level,
    message: `${level} ${n}`,
    title: `infra-verify: check ${n}`,
  });
  const many = (level: Annotation['level'], count: number) =>
    Array.from({ length: count }, (_, n) => annotation(level, n + 1));

  it('keeps every annotation, and adds no notice, while each kind fits', () => {
    const all = [...many('error', 9), ...many('warning', 10)];
    expect(withinGitHubLimit(all, { error: 1 })).toEqual({ shown: all });
  });

  it('shows the first of each kind, room left for the verdict, and counts the rest in one notice', () => {
    const errors = many('error', 14);
    const warnings = many('warning', 11);
    const { shown, leftOut } = withinGitHubLimit([...errors, ...warnings], { error: 1 });
    expect(shown).toEqual([...errors.slice(0, 9), ...warnings.slice(0, 10)]);
    expect(leftOut).toBe(
      '5 errors and 1 warning more are not annotated here (GitHub shows 10 of each kind per ' +
        'step); the job summary lists every check.',
    );
  });

  it('counts a kind per kind: warnings beyond the limit leave the errors alone', () => {
    const all = [...many('warning', 12), annotation('error', 1)];
    const { shown, leftOut } = withinGitHubLimit(all, { warning: 1 });
    expect(shown.filter((a) => a.level === 'error')).toEqual([annotation('error', 1)]);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(9);
    expect(leftOut).toMatch(/^3 warnings more are not annotated here/);
  });
});
