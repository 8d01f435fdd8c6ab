// What main hands to post through the runner's state file (core.saveState -> STATE_* env), so
// the post step can tear down even when main failed halfway.
import type { ComposeCommand } from '../runtime/compose';

export interface PostState {
  /** main got as far as starting the compose project (so there may be something to remove) */
  stackStarted: boolean;
  projectName: string;
  composeFiles: string[];
  composeProfiles: string[];
  /** '' when none was given */
  envFile: string;
  /** the project directory compose was handed (the first compose file's folder) */
  projectDirectory: string;
  keepUp: boolean;
  /** "pass", "fail", or "" when main never finished */
  result: string;
  /** compose as main found it, so post need not ask for its version; absent: ask */
  composeCommand?: ComposeCommand;
}

const KEYS = {
  stackStarted: 'stack-started',
  projectName: 'project-name',
  composeFiles: 'compose-files',
  composeProfiles: 'compose-profiles',
  envFile: 'env-file',
  projectDirectory: 'project-directory',
  keepUp: 'keep-up',
  result: 'result',
  composeCommand: 'compose-command',
} as const;

type Save = (name: string, value: string) => void;
type Get = (name: string) => string;

/** Saved before `up` runs: a crash during up must still be cleaned up by post. */
export function saveStackState(save: Save, state: Omit<PostState, 'result'>): void {
  save(KEYS.stackStarted, String(state.stackStarted));
  save(KEYS.projectName, state.projectName);
  save(KEYS.composeFiles, JSON.stringify(state.composeFiles));
  save(KEYS.composeProfiles, JSON.stringify(state.composeProfiles));
  save(KEYS.envFile, state.envFile);
  save(KEYS.projectDirectory, state.projectDirectory);
  save(KEYS.keepUp, String(state.keepUp));
}

export function saveResult(save: Save, result: string): void {
  save(KEYS.result, result);
}

export function saveComposeCommand(
  save: Save,
  { file, prefix, versionText }: ComposeCommand,
): void {
  save(KEYS.composeCommand, JSON.stringify({ file, prefix, versionText }));
}

/** What main saved, in its shape; anything else (nothing saved, another file) asks compose again. */
function composeCommandOf(text: string): ComposeCommand | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { file, prefix, versionText } = value as Record<string, unknown>;
  const isText = (item: unknown): item is string => typeof item === 'string';
  if (!isText(file) || file === '' || !isText(versionText)) return undefined;
  if (!Array.isArray(prefix) || !prefix.every(isText)) return undefined;
  return { file, prefix, versionText };
}

function stringList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text || '[]');
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    // a state file from elsewhere: nothing compose-shaped to act on
    return [];
  }
}

export function readPostState(get: Get): PostState {
  const composeCommand = composeCommandOf(get(KEYS.composeCommand));
  return {
    stackStarted: get(KEYS.stackStarted) === 'true',
    projectName: get(KEYS.projectName),
    composeFiles: stringList(get(KEYS.composeFiles)),
    composeProfiles: stringList(get(KEYS.composeProfiles)),
    envFile: get(KEYS.envFile),
    projectDirectory: get(KEYS.projectDirectory),
    keepUp: get(KEYS.keepUp) === 'true',
    result: get(KEYS.result),
    ...(composeCommand && { composeCommand }),
  };
}
