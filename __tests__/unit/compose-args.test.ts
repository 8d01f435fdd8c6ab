import {
  configArgs,
  downArgs,
  inspectArgs,
  logsArgs,
  portArgs,
  psArgs,
  stopArgs,
  upArgs,
} from '../../src/runtime/compose/args';
import type { ComposeCommand } from '../../src/runtime/compose/command';
import {
  ProjectNameError,
  uniqueProjectName,
  validateProjectName,
} from '../../src/runtime/compose/project-name';

const v2: ComposeCommand = {
  file: 'docker',
  prefix: ['compose'],
  versionText: '2.29.7',
};
const standalone: ComposeCommand = {
  file: 'docker-compose',
  prefix: [],
  versionText: '2.26.1',
};
const project = {
  name: 'iv-1',
  files: ['docker-compose.yml', 'ci.override.yml'],
  directory: '/repo',
};
const base = [
  '--project-name',
  'iv-1',
  '--project-directory',
  '/repo',
  '--file',
  'docker-compose.yml',
  '--file',
  'ci.override.yml',
];

describe('compose argument builders', () => {
  it('the plugin goes through the docker CLI, a standalone compose v2 through its own binary', () => {
    expect(upArgs(v2, project)).toEqual(['compose', ...base, 'up', '--detach']);
    expect(upArgs(standalone, project)).toEqual([...base, 'up', '--detach']);
  });

  it('never asks compose to --wait', () => {
    expect(upArgs(v2, project)).not.toContain('--wait');
  });

  it('lists containers as JSON, and reads the resolved project as JSON', () => {
    expect(psArgs(v2, project)).toEqual(['compose', ...base, 'ps', '--all', '--format', 'json']);
    expect(configArgs(v2, project)).toEqual(['compose', ...base, 'config', '--format', 'json']);
  });

  it('builds port, stop, down, logs and inspect', () => {
    expect(portArgs(v2, project, 'kafka', 9092)).toEqual([
      'compose',
      ...base,
      'port',
      'kafka',
      '9092',
    ]);
    expect(stopArgs(v2, project, 30)).toEqual(['compose', ...base, 'stop', '--timeout', '30']);
    expect(downArgs(v2, project, { removeData: true })).toEqual([
      'compose',
      ...base,
      'down',
      '--volumes',
      '--timeout',
      '0',
      '--remove-orphans',
    ]);
    expect(downArgs(v2, project, { removeData: false })).toEqual([
      'compose',
      ...base,
      'down',
      '--remove-orphans',
    ]);
    expect(logsArgs(v2, project, 'kafka-init', 200)).toEqual([
      'compose',
      ...base,
      'logs',
      '--no-color',
      '--timestamps',
      '--tail',
      '200',
      'kafka-init',
    ]);
    expect(inspectArgs(['a', 'b'])).toEqual(['inspect', '--type', 'container', 'a', 'b']);
  });

  it('keeps a value full of shell metacharacters as one argument', () => {
    const hostile = { ...project, files: ['x.yml; touch /tmp/pwned'] };
    const args = upArgs(v2, hostile);
    expect(args).toContain('x.yml; touch /tmp/pwned');
    expect(args.filter((arg) => arg.includes('touch'))).toHaveLength(1);
  });
});

describe('project names', () => {
  it('are unique per run, attempt and job on GitHub', () => {
    const name = uniqueProjectName({
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_JOB: 'E2E_Fail',
    });
    expect(name).toBe('infra-verify-123-2-e2e_fail');
    expect(
      uniqueProjectName({ GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '3', GITHUB_JOB: 'E2E_Fail' }),
    ).not.toBe(name);
  });

  it('are random outside GitHub', () => {
    expect(uniqueProjectName({}, () => 'k3x9zq')).toBe('infra-verify-k3x9zq');
  });

  it('reject shell metacharacters and say what is allowed', () => {
    expect(() => validateProjectName('x; touch /tmp/pwned')).toThrow(ProjectNameError);
    expect(() => validateProjectName('x; touch /tmp/pwned')).toThrow(
      /only lowercase letters, digits/,
    );
    expect(validateProjectName('chatbattle_ci-2')).toBe('chatbattle_ci-2');
  });
});
