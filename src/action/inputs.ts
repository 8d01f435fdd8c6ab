// The action's inputs, typed and validated once. Pure: `get` reads one input by name, so tests
// need no environment. A bad value is an InputError that names the input and the fix.
import * as path from 'node:path';
import type { ComposeSelection } from '../model/compose';
import {
  parseConnectionSettings,
  parseGivenConnectionSettings,
  settingEnvName,
  type ConnectionSettings,
} from '../model/connection';
import { UserError, errorMessage } from '../model/errors';
import { DEFAULT_TIMEOUT_SECONDS, wholeSeconds } from '../model/settings';
import { addressList, splitList } from '../protocol/host-port';
import { uniqueProjectName, validateProjectName } from '../runtime/compose/project-name';
import type { FailOn } from '../report/failure-reason';
import { isPullRequestEvent } from './pr-comment';

export class InputError extends UserError {}

interface CommonInputs {
  workingDirectory: string;
  /** a path relative to workingDirectory, `builtin:NAME`, or undefined for infra-spec.yml */
  spec: string | undefined;
  persistence: boolean;
  ttlExpiry: boolean;
  /** start the compose stack one dependency level at a time */
  stagedStart: boolean;
  timeoutSeconds: number;
  keepUp: boolean;
  reportDir: string;
  /** post or update the pull request comment */
  comment: boolean;
  /** on a scheduled or dispatched run: open, update or close the one nightly issue */
  issue: boolean;
  githubToken: string;
  failOn: FailOn;
  /** static mode: run each init's command (no network) to read the topics it creates */
  runInits: boolean;
}

export type ActionInputs =
  /** the compose file against the spec, with no engine and nothing started */
  | (CommonInputs & { mode: 'static'; compose: ComposeSelection })
  | (CommonInputs & {
      mode: 'live';
      runtime: 'compose';
      compose: ComposeSelection;
      projectName: string;
      /** the connection inputs, when any is given */
      connection?: ConnectionSettings;
    })
  | (CommonInputs & {
      mode: 'live';
      runtime: 'existing';
      readOnly: boolean;
      kafkaBrokers: string[];
      cassandraContactPoints: string[];
      zookeeper: string;
      connection: ConnectionSettings;
    });

export type GetInput = (name: string) => string;

export function readInputs(get: GetInput, env: NodeJS.ProcessEnv): ActionInputs {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = path.resolve(workspace, get('working-directory') || '.');
  const specInput = get('spec');
  const common: CommonInputs = {
    workingDirectory,
    spec: specInput || undefined,
    persistence: booleanInput(get, 'persistence', true),
    ttlExpiry: booleanInput(get, 'ttl-expiry', true),
    stagedStart: booleanInput(get, 'staged-start', true),
    timeoutSeconds: timeoutInput(get('timeout')),
    keepUp: booleanInput(get, 'keep-up', false),
    reportDir: path.resolve(workingDirectory, get('report-dir') || 'infra-verify-reports'),
    comment: booleanInput(get, 'comment', isPullRequestEvent(env)),
    issue: booleanInput(get, 'issue', false),
    githubToken: get('github-token'),
    failOn: failOnInput(get('fail-on')),
    runInits: booleanInput(get, 'run-inits', true),
  };
  // Empty: compose's own default files (compose.yaml ... docker-compose.yml, and the override).
  const envFile = get('env-file');
  const compose = (): ComposeSelection => ({
    files: splitList(get('compose-file')),
    profiles: splitList(get('compose-profiles')),
    ...(envFile ? { envFile } : {}),
  });
  const mode = get('mode') || 'live';
  if (mode === 'static') return { ...common, mode, compose: compose() };
  if (mode !== 'live') {
    throw new InputError(`Input "mode" is "${mode}": use "live" or "static".`);
  }
  const runtime = get('runtime') || 'compose';
  // Each endpoint and connection input falls back to its INFRA_VERIFY_* variable, as the CLI's
  // flags do: a workflow may set them once in `env:` for every step.
  const withEnv: GetInput = (name) => get(name) || env[settingEnvName(name)] || '';
  if (runtime === 'compose') {
    const projectName = get('project-name');
    // A compose stack with TLS or SASL is reached with the settings given; none: an open one.
    const connection = connectionInputs(() => parseGivenConnectionSettings(withEnv));
    return {
      ...common,
      mode,
      runtime,
      compose: compose(),
      projectName: projectName ? checkedProjectName(projectName) : uniqueProjectName(env),
      ...(connection && { connection }),
    };
  }
  if (runtime === 'existing') {
    return {
      ...common,
      mode,
      runtime,
      // Usually a shared cluster: probes write there only when asked to.
      readOnly: booleanInput(get, 'read-only', true),
      kafkaBrokers: endpointList(withEnv, 'kafka-brokers'),
      cassandraContactPoints: endpointList(withEnv, 'cassandra-contact-points'),
      zookeeper: endpointList(withEnv, 'zookeeper')[0] ?? '',
      connection: connectionInputs(() => parseConnectionSettings(withEnv)),
    };
  }
  throw new InputError(`runtime "${runtime}" is not known: use "compose" or "existing".`);
}

/** The connection inputs; a bad one is an input error, worded as the CLI words it. */
function connectionInputs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new InputError(errorMessage(error));
  }
}

function checkedProjectName(name: string): string {
  try {
    return validateProjectName(name);
  } catch (error) {
    throw new InputError(errorMessage(error));
  }
}

// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function booleanInput(get: GetInput, name: string, fallback: boolean): boolean {
  const value = get(name).trim();
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`Input "${name}" is "${value}": use true or false.`);
}

function timeoutInput(value: string): number {
  if (value.trim() === '') return DEFAULT_TIMEOUT_SECONDS;
  const seconds = wholeSeconds(value);
  if (seconds === undefined) {
    throw new InputError(
      `Input "timeout" is "${value}": use a whole number of seconds from 1 to 86400, in digits, e.g. 300.`,
    );
  }
  return seconds;
}

/** May be empty here: whether it is required depends on the spec's servers (main checks). */
function endpointList(get: GetInput, name: string): string[] {
  const { addresses, invalid, why } = addressList(get(name));
  if (invalid !== undefined) {
    throw new InputError(`Input "${name}" has "${invalid}": ${why}.`);
  }
  return addresses;
}

const FAIL_ON: readonly FailOn[] = ['drift', 'any', 'never'];

function failOnInput(value: string): FailOn {
  const failOn = value.trim() || 'any';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new InputError(`Input "fail-on" is "${value}": use drift, any or never.`);
  }
  return failOn as FailOn;
}
