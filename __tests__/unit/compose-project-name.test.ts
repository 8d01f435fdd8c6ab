import { createRuntime } from '../../src/runtime';
import type { ComposeRuntime } from '../../src/runtime/compose';
import {
  ProjectNameError,
  composeDefaultFiles,
  composeDefaultProjectName,
} from '../../src/runtime/compose/project-name';

describe('the command line compose project name', () => {
  it('is what compose picks itself: COMPOSE_PROJECT_NAME, else the directory name made valid', () => {
    expect(composeDefaultProjectName({ COMPOSE_PROJECT_NAME: 'mine' }, '/x/ChatBattle')).toBe(
      'mine',
    );
    expect(composeDefaultProjectName({}, '/home/me/_Chat.Battle 2')).toBe('chatbattle2');
    expect(composeDefaultProjectName({}, '/')).toBe('infra-verify');
  });

  it('rejects an invalid COMPOSE_PROJECT_NAME with a message naming the fix', () => {
    expect(() => composeDefaultProjectName({ COMPOSE_PROJECT_NAME: 'Bad Name' }, '/x')).toThrow(
      ProjectNameError,
    );
  });

  it('is the same on every call, so up, status and down reach one project', () => {
    const name = () => (createRuntime('compose', {}) as ComposeRuntime).projectName;
    expect(name()).toBe(name());
  });
});

describe('the command line compose files', () => {
  it('are what compose reads itself: COMPOSE_FILE split on its separator, else docker-compose.yml', () => {
    expect(composeDefaultFiles({})).toEqual(['docker-compose.yml']);
    expect(composeDefaultFiles({ COMPOSE_FILE: '' })).toEqual(['docker-compose.yml']);
    expect(composeDefaultFiles({ COMPOSE_FILE: 'a.yml:b.yml' })).toEqual(['a.yml', 'b.yml']);
    expect(
      composeDefaultFiles({ COMPOSE_FILE: 'a.yml;c:/b.yml', COMPOSE_PATH_SEPARATOR: ';' }),
    ).toEqual(['a.yml', 'c:/b.yml']);
  });
});
