// The action on a stack that kafka-init drifts (its script, as the workspace mounts it, makes
// channel-stats without compaction), with keep-up: main fails naming the drift and annotating
// the spec line, post prints every service's log and leaves the stack running for later steps.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  errorAnnotations,
  readFileCommand,
  removeJob,
  runMain,
  runPost,
  type Job,
  type StepResult,
} from '../action/runner';
import {
  ENGINE_COMPOSE_FILES,
  engineEnv,
  keepAsDocs,
  newEngineJob,
  projectLeftovers,
  removeProject,
  runningContainers,
} from './engine';
import { TEST_PROJECT_PREFIX } from './globalSetup';

jest.setTimeout(20 * 60_000);

const PROJECT = `${TEST_PROJECT_PREFIX}drift-keep-up`;

describe('the action on a drifted stack, with keep-up', () => {
  let job: Job;
  let main: StepResult;
  let post: StepResult;
  let runningAfterPost: string[];

  beforeAll(async () => {
    job = await newEngineJob('drift-keep-up');
    const script = join(job.workspace, 'infrastructure', 'kafka', 'create-topics.sh');
    const text = readFileSync(script, 'utf8');
    expect(text).toContain('cleanup.policy=compact');
    writeFileSync(script, text.replace('cleanup.policy=compact', 'cleanup.policy=delete'));
    main = await runMain(
      job,
      {
        'compose-file': ENGINE_COMPOSE_FILES,
        'project-name': PROJECT,
        timeout: '600',
        persistence: 'false',
        'ttl-expiry': 'false',
        'keep-up': 'true',
      },
      engineEnv(),
    );
    post = await runPost(job, engineEnv());
    const running = await runningContainers(PROJECT, '{{.Names}}');
    runningAfterPost = running.stdout.split('\n').filter(Boolean).sort();
  });

  afterAll(async () => {
    await removeProject(job.workspace, PROJECT);
    expect(await projectLeftovers(PROJECT)).toEqual([]);
    removeJob(job);
  });

  it('fails the step and names the drift in the summary', () => {
    expect(main.exitCode).toBe(1);
    const summary = readFileSync(job.files.summary, 'utf8');
    expect(summary).toMatch(/^## ❌ infra-verify: FAIL/);
    expect(summary).toContain('❌ Log compaction enabled');
    expect(summary).toContain('### Failures');
    expect(summary).toMatch(/channel-stats: cleanup\.policy expected compact, found delete/);
    expect(summary).toContain('✅ `twitch-chat-messages` topic exists');
    expect(readFileCommand(job.files.output)).toMatchObject({
      result: 'fail',
      'failure-reason': 'drift',
    });
    keepAsDocs(summary, 'summary-fail.md');
  });

  it('annotates the spec line of the drifted config', () => {
    const spec = readFileSync(join(job.workspace, 'infra-spec.yml'), 'utf8').split('\n');
    const line = spec.findIndex((text) => text.includes('cleanup.policy')) + 1;
    const annotations = errorAnnotations(main.stdout);
    const drift = annotations.find((a) => a.message.includes('cleanup.policy'));
    expect(drift?.properties).toMatchObject({ file: 'infra-spec.yml', line: String(line) });
    expect(annotations.filter((a) => !a.message.includes('channel-stats'))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/check\(s\) failed/) }),
    ]);
  });

  it("prints every service's log in a group, then leaves the stack running", () => {
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toMatch(
      /::group::logs: kafka-init \(exited, exit 0\)\n[^]*channel-stats[^]*::endgroup::/,
    );
    expect(post.stdout).toContain(`keep-up is set; project ${PROJECT} keeps running`);
    expect(runningAfterPost).toEqual(
      expect.arrayContaining(['chatbattle-cassandra', 'chatbattle-kafka', 'chatbattle-zookeeper']),
    );
  });
});
