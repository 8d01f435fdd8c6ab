// What the action uses of @actions/core, from @actions/core's own modules (workflow commands,
// file commands, the job summary). Its entry module would also load, at start, its OIDC client
// (@actions/http-client and undici, ~35 ms) and its platform helpers (@actions/exec), neither of
// which this action uses: a static run pays for every millisecond it loads.
// The sources import @actions/core itself, which @github/local-action stands its own in for; the
// bundles alone take this module in its place (tools/bundle/tsconfig.json, tools/build-dist.cjs).
import { EOL } from 'node:os';
import type { AnnotationProperties } from '@actions/core';
import { issue, issueCommand } from '@actions/core/lib/command';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command';
import { toCommandProperties, toCommandValue } from '@actions/core/lib/utils';
import { inputVariable } from './input-variable';

export { summary } from '@actions/core/lib/summary';

/** The input as the runner passes it (INPUT_NAME), trimmed; '' when not given. */
export const getInput = (name: string): string => inputVariable(name);

/** A file command when the runner names its file (GITHUB_OUTPUT, GITHUB_STATE), else a workflow command. */
function keyValue(file: 'OUTPUT' | 'STATE', command: string, name: string, value: unknown): void {
  if (process.env[`GITHUB_${file}`]) {
    issueFileCommand(file, prepareKeyValueMessage(name, value));
    return;
  }
  if (file === 'OUTPUT') process.stdout.write(EOL);
  issueCommand(command, { name }, toCommandValue(value));
}

export const setOutput = (name: string, value: unknown) =>
  keyValue('OUTPUT', 'set-output', name, value);
export const saveState = (name: string, value: unknown) =>
  keyValue('STATE', 'save-state', name, value);
export const getState = (name: string): string => process.env[`STATE_${name}`] ?? '';

export const setSecret = (secret: string) => issueCommand('add-mask', {}, secret);
export const info = (message: string) => process.stdout.write(`${message}${EOL}`);
export const debug = (message: string) => issueCommand('debug', {}, message);

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), String(message));
}
export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), String(message));
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), String(message));
}

/** Fails the step: exit code 1, and the message as an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export const startGroup = (name: string) => issue('group', name);
export const endGroup = () => issue('endgroup');

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
