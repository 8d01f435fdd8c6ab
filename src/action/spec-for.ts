// The spec a run checks against: the spec input, else infra-spec.yml in the working directory
// if there is one, else the built-in Milestone-1 spec.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SPEC } from '../spec/default';
import { loadSpec, type LoadedSpec } from '../spec/load';

export type SpecForRun = Pick<LoadedSpec, 'spec'> & Partial<Pick<LoadedSpec, 'locate' | 'file'>>;

export function specFor(specInput: string | undefined, workingDirectory: string): SpecForRun {
  if (specInput) return loadSpec(specInput);
  const inRepo = path.join(workingDirectory, 'infra-spec.yml');
  return existsSync(inRepo) ? loadSpec(inRepo) : { spec: DEFAULT_SPEC };
}
