import { createRuntime } from '../../src/runtime';
import type { ComposeRuntime } from '../../src/runtime/compose';
import { composeProjectOf, NoComposeFileError } from '../../src/model/compose';
import {
  ProjectNameError,
  composeDefaultProjectName,
  composeProjectFor,
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

describe('the compose project, as compose takes it from a working directory', () => {
  const only =
    (...present: string[]) =>
    (file: string) =>
      present.includes(file);
  const project = (files: string[], env: Record<string, string> = {}, exists = only()) =>
    composeProjectOf({ directory: '/ws', files, profiles: [] }, env, exists);

  it('reads COMPOSE_FILE split on its separator, else the default file and its override', () => {
    expect(project([], { COMPOSE_FILE: 'a.yml:b.yml' }).files).toEqual(['/ws/a.yml', '/ws/b.yml']);
    expect(
      project([], { COMPOSE_FILE: 'a.yml;/c/b.yml', COMPOSE_PATH_SEPARATOR: ';' }).files,
    ).toEqual(['/ws/a.yml', '/c/b.yml']);
    const defaults = only('/ws/compose.yaml', '/ws/docker-compose.yml', '/ws/compose.override.yml');
    expect(project([], {}, defaults).files).toEqual([
      '/ws/compose.yaml',
      '/ws/compose.override.yml',
    ]);
  });

  it("takes the first file's folder as the project directory; files and env file stay the user's", () => {
    const got = composeProjectOf(
      {
        directory: '/ws',
        files: ['deploy/compose.yaml', 'ci/override.yaml'],
        profiles: ['tools'],
        envFile: 'ci/ci.env',
      },
      {},
      only(),
    );
    expect(got).toEqual({
      directory: '/ws/deploy',
      files: ['/ws/deploy/compose.yaml', '/ws/ci/override.yaml'],
      profiles: ['tools'],
      envFile: '/ws/ci/ci.env',
    });
  });

  it('names the project after that folder, as compose does, unless the shell names it', () => {
    const request = { directory: '/ws', files: ['deploy/compose.yaml'], profiles: [] };
    expect(composeProjectFor(request, {}).name).toBe('deploy');
    expect(composeProjectFor(request, { COMPOSE_PROJECT_NAME: 'mine' }).name).toBe('mine');
    expect(composeProjectFor(request, {}, 'infra-verify-1-1-e2e').name).toBe(
      'infra-verify-1-1-e2e',
    );
  });

  it('is a usage error, naming the fix, where there is no compose file', () => {
    expect(() => project([])).toThrow(NoComposeFileError);
    expect(() => project([])).toThrow(
      /no compose file in \/ws: compose looks for compose\.yaml, .*pass --compose-file/,
    );
  });
});
