// The secure twin verified green through the bundled action (dist/main, then dist/post) as the
// runner runs it: runtime existing, the connection settings as inputs, the passwords as masked
// inputs that never reach the step's output, summary or outputs file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDotenv } from '../../src/model/dotenv';
import { secureFiles } from '../../src/runtime/local/secure';
import { newJob, readFileCommand, removeJob, runMain, runPost, type Job } from '../action/runner';
import { suiteSecureTwin } from '../setup/secure';

jest.setTimeout(180_000);

const twin = suiteSecureTwin();
const files = secureFiles(twin.config.home);

/** INFRA_VERIFY_KAFKA_CA_FILE -> kafka-ca-file: the inputs the env file's settings are. */
function asInputs(settings: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([name]) => name.startsWith('INFRA_VERIFY_'))
      .map(([name, value]) => [
        name
          .replace(/^INFRA_VERIFY_/, '')
          .toLowerCase()
          .replace(/_/g, '-'),
        value,
      ]),
  );
}

describe('the action against the secure twin', () => {
  let job: Job;
  beforeAll(async () => {
    job = await newJob('secure');
  });
  afterAll(() => removeJob(job));

  it('is green with runtime existing and the settings as inputs, passwords masked', async () => {
    const settings = parseDotenv(readFileSync(files.readonlyEnv, 'utf8'));
    const inputs = {
      ...asInputs(settings),
      runtime: 'existing',
      spec: join(__dirname, '..', '..', 'twin', 'secure', 'infra-spec.yml'),
      timeout: '60',
    };
    const started = Date.now();
    const main = await runMain(job, inputs);
    const post = await runPost(job);
    const ms = Date.now() - started;
    process.stderr.write(`[secure] dist/main + post, readonly: exit ${main.exitCode}, ${ms} ms\n`);
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    const outputs = readFileCommand(job.files.output);
    expect(outputs).toMatchObject({ result: 'pass', 'failure-reason': '' });
    const passwords = Object.entries(settings)
      .filter(([name]) => /PASSWORD|TOKEN/.test(name))
      .map(([, value]) => value);
    expect(passwords.length).toBe(2);
    // masked: the runner is told each one before anything can print it
    for (const password of passwords) expect(main.stdout).toContain(`::add-mask::${password}`);
    const shown = [
      main.stdout.replace(/^::add-mask::.*$/gm, ''),
      main.stderr,
      post.stdout,
      readFileSync(job.files.summary, 'utf8'),
      readFileSync(job.files.output, 'utf8'),
    ].join('\n');
    const report = readFileSync(outputs['report-json'] ?? '', 'utf8');
    for (const password of passwords) expect(shown + report).not.toContain(password);
    expect(report).toContain('local datacenter eu-west-1 (discovered');
  });
});
