// The head start (src/app/static-head-start.ts): a shell asks compose about the project before
// the run is loaded, and the run takes that answer instead of asking again, for that project
// only.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposeConfig, ComposeProjectRequest } from '../../src/model/compose';
import { runVerification, type RunRequest } from '../../src/app/run';
import { headStartAnswer, startStaticRun } from '../../src/app/static-head-start';

const ROOT = join(__dirname, '..', '..');

/** A compose config that answers "unavailable" with its own words, and counts its calls. */
function standIn(): { config: ComposeConfig; asked: ComposeProjectRequest[] } {
  const asked: ComposeProjectRequest[] = [];
  return {
    asked,
    config: (project) => {
      asked.push(project);
      return Promise.resolve({ unavailable: 'the head start stand-in answered' });
    },
  };
}

function staticRequest(directory: string, headStart: RunRequest['headStart']): RunRequest {
  return {
    mode: 'static',
    spec: undefined,
    directory,
    compose: { files: [], profiles: [] },
    runInits: false,
    stack: { runtime: 'auto' },
    timeoutSeconds: 60,
    persistence: true,
    ttlExpiry: true,
    stagedStart: true,
    readOnly: true,
    keepUp: false,
    wording: {
      noPersistence: 'x',
      readOnly: 'x',
      allowWrites: 'x',
      endpoints: { kafka: 'k', cassandra: 'c', zookeeper: 'z' },
    },
    ...(headStart && { headStart }),
  };
}

describe('the static head start', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'head-start-'));
    for (const name of ['docker-compose.yml', 'infra-spec.yml', '.env']) {
      cpSync(join(ROOT, name), join(dir, name));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks compose once, for the project the run reads, and the run takes that answer', async () => {
    const { config, asked } = standIn();
    const headStart = startStaticRun(
      { directory: dir, files: [], profiles: [] },
      false,
      {},
      config,
    );
    expect(asked).toEqual([
      { directory: dir, files: [join(dir, 'docker-compose.yml')], profiles: [] },
    ]);
    const { report } = await runVerification(staticRequest(dir, headStart));
    expect((report.notes ?? []).join('\n')).toContain('the head start stand-in answered');
    expect(asked).toHaveLength(1);
  });

  it('hands its answer only to the project it asked about', () => {
    const { config } = standIn();
    const headStart = startStaticRun(
      { directory: dir, files: [], profiles: [] },
      false,
      {},
      config,
    );
    const project = { directory: dir, files: [join(dir, 'docker-compose.yml')], profiles: [] };
    expect(headStartAnswer(headStart, project)).toBe(headStart?.answer);
    expect(headStartAnswer(headStart, { ...project, profiles: ['tools'] })).toBeUndefined();
    expect(headStartAnswer(undefined, project)).toBeUndefined();
  });

  it('starts nothing where the run will refuse the project (no compose file)', () => {
    const { config, asked } = standIn();
    rmSync(join(dir, 'docker-compose.yml'));
    expect(
      startStaticRun({ directory: dir, files: [], profiles: [] }, false, {}, config),
    ).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
