// Static mode: docker-compose.yml against the spec, before any container starts. Reading the
// compose file and its .env is the only I/O here; parsing is in compose-file.ts and the pure
// checks in compose-checks.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDotenv, type Env } from '../model/dotenv';
import { resultOf, type CheckResult, type VerifyReport } from '../model/report';
import { readTextFile, TextFileProblem } from '../spec/text-file';
import type { Spec } from '../spec/types';
import { composeChecks } from './compose-checks';
import { ComposeFileError, parseComposeFile } from './compose-file';

export { ComposeFileError } from './compose-file';

/** Static mode's whole run, as the report every renderer takes. */
export function staticReport(composeFile: string, spec: Spec): VerifyReport {
  const started = Date.now();
  const checks = verifyStatic(composeFile, spec);
  return {
    result: resultOf(checks),
    runtime: 'static',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    timings: { static: Date.now() - started },
    checks,
    logs: {},
  };
}

function readComposeText(file: string, what: string): string {
  try {
    return readTextFile(file);
  } catch (error) {
    if (!(error instanceof TextFileProblem)) throw error;
    throw new ComposeFileError(
      `${what} ${file}: ${error.message}; run from the repository root or pass the compose file path`,
    );
  }
}

export function verifyStatic(composeFile: string, spec: Spec): CheckResult[] {
  const text = readComposeText(composeFile, 'compose file');
  // Like compose itself, variables come from the .env next to the compose file.
  const envFile = join(dirname(composeFile), '.env');
  const env = existsSync(envFile) ? parseDotenv(readComposeText(envFile, 'the .env file')) : {};
  return checkCompose(text, composeFile, env, spec);
}

export function checkCompose(text: string, file: string, env: Env, spec: Spec): CheckResult[] {
  const { compose, locate } = parseComposeFile(text, file);
  return composeChecks(compose, file, env, spec, locate);
}
