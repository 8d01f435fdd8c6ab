import { annotationsFor } from '../../src/action/annotations';
import { readPostState, saveResult, saveStackState } from '../../src/action/state';
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
    expect(readPostState((name) => saved.get(name) ?? '')).toEqual({
      stackStarted: true,
      projectName: 'infra-verify-1-1-e2e',
      composeFiles: ['docker-compose.yml', 'ci, with comma.yml'],
      composeProfiles: ['debug'],
      envFile: 'ci.env',
      projectDirectory: '/ws',
      keepUp: false,
      result: 'fail',
    });
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
