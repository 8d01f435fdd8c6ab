// The spec a run checks against, for the CLI and the Action alike: the file asked for, else
// infra-spec.yml in the working directory if there is one, else the built-in Milestone-1 spec.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SPEC } from './default';
import { loadSpec, type LoadedSpec } from './load';

export const DEFAULT_SPEC_FILE = 'infra-spec.yml';

export type SpecForRun = Pick<LoadedSpec, 'spec'> & Partial<Pick<LoadedSpec, 'locate' | 'file'>>;

export function specForRun(specFile: string | undefined, workingDirectory: string): SpecForRun {
  const file = specFile || path.join(workingDirectory, DEFAULT_SPEC_FILE);
  if (!specFile && !existsSync(file)) return { spec: DEFAULT_SPEC };
  return loadSpec(shownPath(file));
}

/** Relative to the checkout when inside it, so the summary says infra-spec.yml:61:9, not /home/runner/... */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
