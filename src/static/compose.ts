// Static mode: the compose project against the spec, before any container starts. The project is
// read as compose reads it (compose-model.ts); reading its files is the only I/O here, and
// compose itself is asked through the ComposeConfig the shell hands in.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  composeProjectOf,
  type ComposeConfig,
  type ComposeConfigAnswer,
  type ComposeProjectRequest,
  type RecordInit,
} from '../model/compose';
import { parseDotenv, type Env } from '../model/dotenv';
import { resultOf, type CheckResult, type VerifyReport } from '../model/report';
import { readTextFile, TextFileProblem } from '../spec/text-file';
import type { LoadedSpec } from '../spec/load';
import type { Spec } from '../spec/types';
import { initSchemaChecks } from './init-schema';
import { initTopicChecks, readInitTopics } from './init-topics';
import { composeChecks } from './compose-checks';
import { ComposeFileError, parseComposeFile } from './compose-file';
import {
  modelFromConfig,
  modelFromFiles,
  type ComposeModel,
  type ComposeSource,
} from './compose-model';

export { ComposeFileError } from './compose-file';
export type { ComposeModel } from './compose-model';

/** include: may nest; deeper than this is a loop or a maze, not a stack. */
const MAX_INCLUDE_DEPTH = 5;

/** Relative to the working directory when inside it: summaries say compose.yaml:12:5. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative;
}

function readComposeText(file: string, what: string): string {
  try {
    return readTextFile(file);
  } catch (error) {
    if (!(error instanceof TextFileProblem)) throw error;
    throw new ComposeFileError(
      `${what} ${shown(file)}: ${error.message}; run from the project's directory or pass the compose file path`,
    );
  }
}

/** include: entries, as paths relative to the including file. */
function includedFiles(data: unknown, from: string): string[] {
  const include = (data as { include?: unknown } | null)?.include;
  if (!Array.isArray(include)) return [];
  return include.flatMap((entry: unknown) => {
    const paths =
      typeof entry === 'string' ? [entry] : [(entry as { path?: unknown } | null)?.path].flat();
    return paths
      .filter((p): p is string => typeof p === 'string')
      .map((p) => path.resolve(path.dirname(from), p));
  });
}

/** Every file the project reads, included ones before the file that includes them (which
 * overrides them), each parsed and located. */
export function readComposeSources(files: readonly string[]): ComposeSource[] {
  const sources: ComposeSource[] = [];
  const seen = new Set<string>();
  const visit = (file: string, depth: number) => {
    if (seen.has(file) || depth > MAX_INCLUDE_DEPTH) return;
    seen.add(file);
    const { compose, locate } = parseComposeFile(
      readComposeText(file, 'compose file'),
      shown(file),
    );
    for (const included of includedFiles(compose, file)) visit(included, depth + 1);
    sources.push({ file: shown(file), data: compose, locate });
  };
  for (const file of files) visit(file, 0);
  return sources;
}

/** compose's rule: the environment wins over the env file (--env-file, else the .env in the
 * project directory, which is the first compose file's folder). */
function variablesFor(project: ComposeProjectRequest, env: Env): Env {
  const envFile = project.envFile ?? path.join(project.directory, '.env');
  const fromFile =
    project.envFile !== undefined || existsSync(envFile)
      ? parseDotenv(readComposeText(envFile, 'env file'))
      : {};
  return { ...fromFile, ...env };
}

/** A file an init reads (its CQL), or undefined: what cannot be read is skipped, not fatal. */
export function readableText(file: string): string | undefined {
  try {
    return readTextFile(file);
  } catch (error) {
    if (error instanceof TextFileProblem) return undefined;
    throw error;
  }
}

/** The project as compose resolves it; `config` unset or without a CLI: the fallback reader. */
export async function resolveComposeModel(
  request: ComposeProjectRequest,
  config: ComposeConfig | undefined,
  env: Env = process.env as Env,
): Promise<ComposeModel> {
  const project = composeProjectOf(request, env, existsSync);
  // compose answers while the files are parsed here (for their locations): it starts first.
  const asked: Promise<ComposeConfigAnswer> = config
    ? config(project)
    : Promise.resolve({ unavailable: 'none was asked' });
  asked.catch(() => undefined);
  const sources = readComposeSources(project.files);
  const answer = await asked;
  const model =
    'json' in answer
      ? modelFromConfig(answer, sources, project.directory)
      : modelFromFiles(
          sources,
          variablesFor(project, env),
          project.profiles,
          answer.unavailable,
          project.directory,
        );
  if (Object.keys(model.compose.services ?? {}).length === 0) {
    throw new ComposeFileError(
      `${model.files.join(', ')}: the compose project defines no services${request.profiles.length ? ` (profiles: ${request.profiles.join(', ')})` : ''}; point --compose-file (the Action's compose-file) at the stack's compose files`,
    );
  }
  return model;
}

/** How static mode reads what it cannot parse: compose itself, and the inits' own commands. */
export interface StaticReaders {
  config?: ComposeConfig;
  /** unset: inits are not run (--no-run-inits), and what only they say is skipped */
  recordInit?: RecordInit;
}

/** Static mode's whole run, as the report every renderer takes. */
export async function staticReport(
  request: ComposeProjectRequest,
  loaded: { spec: Spec; locate?: LoadedSpec['locate'] },
  readers: StaticReaders,
): Promise<VerifyReport> {
  const started = Date.now();
  const model = await resolveComposeModel(request, readers.config);
  return staticReportOf(model, loaded, readers.recordInit, started);
}

/** The report on a model already resolved (the shells start resolving it before the spec is
 * read, so that compose runs while the spec is parsed). */
export async function staticReportOf(
  model: ComposeModel,
  loaded: { spec: Spec; locate?: LoadedSpec['locate'] },
  recordInit: RecordInit | undefined,
  started: number,
): Promise<VerifyReport> {
  const { spec } = loaded;
  const inits =
    spec.kafka?.topics.length || spec.cassandra?.keyspaces.length
      ? await readInitTopics(model, spec, model.directory, recordInit, readableText)
      : undefined;
  const checks = [
    ...checkModel(model, spec),
    ...(inits ? initTopicChecks(spec, inits, loaded.locate) : []),
    ...(inits ? initSchemaChecks(spec, inits, loaded.locate) : []),
  ];
  return {
    result: resultOf(checks),
    runtime: 'static',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    timings: { static: Date.now() - started },
    checks,
    logs: {},
    notes: [
      `compose project read by ${model.resolvedBy} from ${model.files.join(', ')}`,
      ...model.limits,
      ...(inits?.read.length ? [`topics read by running ${inits.read.join(', ')}`] : []),
      // An init that creates nothing is no loss when another one was read.
      ...(inits && inits.topics.length === 0 && inits.cql.length === 0 ? inits.unreadable : []).map(
        (why) => `init not read: ${why}`,
      ),
    ],
  };
}

export function checkModel(model: ComposeModel, spec: Spec): CheckResult[] {
  return composeChecks(model, spec);
}

/** One compose text read by the fallback reader: the pure path the unit tests drive. */
export function checkCompose(text: string, file: string, env: Env, spec: Spec): CheckResult[] {
  const { compose, locate } = parseComposeFile(text, file);
  const model = modelFromFiles([{ file, data: compose, locate }], env, [], 'a test', '.');
  if (Object.keys(model.compose.services ?? {}).length === 0) {
    throw new ComposeFileError(`${file}: the compose file defines no services`);
  }
  return composeChecks(model, spec);
}
