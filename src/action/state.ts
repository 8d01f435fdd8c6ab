// What main hands to post through the runner's state file (core.saveState -> STATE_* env), so
// the post step can tear down even when main failed halfway.

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
  return {
    stackStarted: get(KEYS.stackStarted) === 'true',
    projectName: get(KEYS.projectName),
    composeFiles: stringList(get(KEYS.composeFiles)),
    composeProfiles: stringList(get(KEYS.composeProfiles)),
    envFile: get(KEYS.envFile),
    projectDirectory: get(KEYS.projectDirectory),
    keepUp: get(KEYS.keepUp) === 'true',
    result: get(KEYS.result),
  };
}
