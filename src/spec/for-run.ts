// The spec a run checks against, for the CLI and the Action alike: the file asked for, else
// infra-spec.yml in the working directory. A built-in spec is used only when asked for by name
// (builtin:milestone-1): another team's stack must never be judged against ChatBattle's silently.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../model/errors';
import { DEFAULT_SPEC_FILE } from '../model/settings';
import { DEFAULT_SPEC } from './default';
import { INIT_HINT, loadSpec, type LoadedSpec } from './load';
import type { Spec } from './types';

const BUILTIN_PREFIX = 'builtin:';
const BUILTIN_SPECS: Record<string, Spec> = { 'milestone-1': DEFAULT_SPEC };

export type SpecForRun = Pick<LoadedSpec, 'spec'> & Partial<Pick<LoadedSpec, 'locate' | 'file'>>;

/** No spec to check against: the user's to fix, by writing one or naming a built-in. */
export class NoSpecError extends UserError {}

/** `spec` as given: a file path (relative to workingDirectory), `builtin:NAME`, or empty. */
export function specForRun(spec: string | undefined, workingDirectory: string): SpecForRun {
  if (spec?.startsWith(BUILTIN_PREFIX)) return { spec: builtinSpec(spec) };
  const file = path.resolve(workingDirectory, spec || DEFAULT_SPEC_FILE);
  if (!spec && !existsSync(file)) {
    throw new NoSpecError(
      `no spec: ${shownPath(file)} does not exist. ${INIT_HINT} Or check against ` +
        `ChatBattle's built-in spec with ${BUILTIN_PREFIX}milestone-1.`,
    );
  }
  return loadSpec(shownPath(file));
}

function builtinSpec(name: string): Spec {
  const found = BUILTIN_SPECS[name.slice(BUILTIN_PREFIX.length)];
  if (!found) {
    const known = Object.keys(BUILTIN_SPECS).map((key) => `${BUILTIN_PREFIX}${key}`);
    throw new NoSpecError(`unknown built-in spec "${name}"; built-in specs: ${known.join(', ')}`);
  }
  return found;
}

/** Relative to the checkout when inside it, so the summary says infra-spec.yml:61:9, not /home/runner/... */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
