// The runtimes a command names (`--runtime`), apart from the runtimes themselves: the shells list
// them in their options without loading what runs a stack.
export const RUNTIME_NAMES = ['compose', 'local'] as const;
export type RuntimeName = (typeof RUNTIME_NAMES)[number];
