// Compose takes the first compose file's folder as the project directory (relative paths, the
// default .env, the project's default name), not the folder it runs from. A live run's project
// and static mode's model must be that same project: asked of the real compose CLI (no engine).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeFor } from '../../src/app/run';
import { CLI_WORDING } from '../../src/cli/options';
import { runChild } from '../../src/runtime/child';
import { ComposeRuntime } from '../../src/runtime/compose';
import { configArgs } from '../../src/runtime/compose/args';
import { COMPOSE_PLUGIN } from '../../src/runtime/compose/command';
import { resolveComposeModel } from '../../src/static/compose';
import { composeEnv, NO_COMPOSE, realComposeConfig } from './compose-cli';

const COMPOSE = `services:
  kafka:
    image: apache/kafka:\${KAFKA_VERSION}
    volumes:
      - ./topics.sh:/topics.sh:ro
`;

interface Resolved {
  name: string;
  services: { kafka: { image: string; volumes: { source: string }[] } };
}

/** `docker compose ARGS config --format json`, run from `cwd`, parsed. */
async function composeConfigJson(args: string[], cwd: string): Promise<Resolved> {
  const result = await runChild('docker', args, { cwd, timeoutMs: 30_000, env: composeEnv() });
  if (result.exitCode !== 0) throw new Error(`compose config failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Resolved;
}

describe('the project directory of --compose-file deploy/compose.yaml', () => {
  // The working directory has a .env of its own, which compose does not read for this project.
  const work = mkdtempSync(join(tmpdir(), 'project-directory-'));
  const deploy = join(work, 'deploy');
  mkdirSync(deploy);
  writeFileSync(join(work, '.env'), 'KAFKA_VERSION=from-the-working-directory\n');
  writeFileSync(join(deploy, '.env'), 'KAFKA_VERSION=3.9.1\n');
  writeFileSync(join(deploy, 'compose.yaml'), COMPOSE);
  writeFileSync(join(deploy, 'topics.sh'), '#!/bin/sh\n');
  const request = { directory: work, files: ['deploy/compose.yaml'], profiles: [] };

  it("is, to compose itself, the first file's folder", async () => {
    const own = await composeConfigJson(
      ['compose', '--file', 'deploy/compose.yaml', 'config', '--format', 'json'],
      work,
    );
    expect(own.name).toBe('deploy');
    expect(own.services.kafka.image).toBe('apache/kafka:3.9.1');
    expect(own.services.kafka.volumes[0]?.source).toBe(join(deploy, 'topics.sh'));
  });

  it('is the same project for a live run: what compose resolves from it is identical', async () => {
    const runtime = await runtimeFor({ runtime: 'compose' }, request, {}, CLI_WORDING);
    expect(runtime).toBeInstanceOf(ComposeRuntime);
    const { project } = runtime as ComposeRuntime;
    expect(project.directory).toBe(deploy);
    const command = { ...COMPOSE_PLUGIN, prefix: [...COMPOSE_PLUGIN.prefix], versionText: '' };
    // From anywhere: the project names its directory and files itself.
    const live = await composeConfigJson(configArgs(command, project), tmpdir());
    const own = await composeConfigJson(
      ['compose', '--file', 'deploy/compose.yaml', 'config', '--format', 'json'],
      work,
    );
    expect(live).toEqual(own);
  });

  it.each([
    ['docker compose config', realComposeConfig()],
    ['the fallback reader', NO_COMPOSE],
  ])('is the same project for static mode, read by %s', async (_, config) => {
    const model = await resolveComposeModel(request, config);
    expect(model.directory).toBe(deploy);
    expect(model.compose.services?.kafka?.image).toBe('apache/kafka:3.9.1');
  });
});
