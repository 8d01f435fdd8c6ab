// The spec a run checks against: the spec input, else infra-spec.yml in the working directory
// if there is one, else the built-in Milestone-1 spec.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SPEC } from '../spec/default';
import { loadSpec, type LoadedSpec } from '../spec/load';

export type SpecForRun = Pick<LoadedSpec, 'spec'> & Partial<Pick<LoadedSpec, 'locate' | 'file'>>;

export function specFor(specInput: string | undefined, workingDirectory: string): SpecForRun {
  const file = specInput ?? path.join(workingDirectory, 'infra-spec.yml');
  if (!specInput && !existsSync(file)) return { spec: DEFAULT_SPEC };
  return loadSpec(shownPath(file));
}

/** Relative to the checkout when inside it, so the summary says infra-spec.yml:61:9, not /home/runner/... */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
