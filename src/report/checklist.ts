// What every renderer shares: the marks, the counts, durations, and the checklist as sections of
// indented bullets (a sub-bullet sits under the check named by its parent).
import { SECTIONS, type CheckResult, type CheckStatus, type Section } from '../model/report';

export const MARKS: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  skip: '⏭',
  error: '⚠️',
};

/** Why a run with no failure is still not a pass. */
export const NOTHING_VERIFIED =
  'Nothing was verified: every check was skipped (the reasons are above), so this is not a pass.';

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

export function countChecks(checks: CheckResult[]): Counts {
  const count = (status: CheckStatus) => checks.filter((check) => check.status === status).length;
  return {
    total: checks.length,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    errors: count('error'),
  };
}

export function describeCounts(counts: Counts): string {
  const errors = `${counts.errors} error${counts.errors === 1 ? '' : 's'}`;
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${errors}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export interface ChecklistLine {
  check: CheckResult;
  depth: number;
}

/** The checks of each section that has any, in the seed's section order, with nesting depth. */
export function checklist(checks: CheckResult[]): { section: Section; lines: ChecklistLine[] }[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const depth = (check: CheckResult): number => {
    const parent = check.parent ? byId.get(check.parent) : undefined;
    return parent ? depth(parent) + 1 : 0;
  };
  return SECTIONS.map((section) => ({
    section,
    lines: checks
      .filter((check) => check.section === section)
      .map((check) => ({ check, depth: depth(check) })),
  })).filter(({ lines }) => lines.length > 0);
}

/** A section with more top-level checks than this shows the ones that passed whole as groups:
 * at thousands of topics a checklist line each is unreadable, and past GitHub's limits. */
export const GROUP_PASSES_OVER = 50;

/** Items of one kind whose whole subtrees passed, or were skipped for one reason. */
export interface CheckGroup {
  status: 'pass' | 'skip';
  items: number;
  noun: string;
  checks: number;
  /** skip: the reason the top-level checks share */
  reason?: string;
}

/** A checklist line, or a group shown as one line (`4,998 topics passed ...`). */
export type ChecklistEntry = { check: CheckResult; depth: number } | { group: CheckGroup };

export const formatCount = (count: number) => count.toLocaleString('en-US');

/** Kinds of item a check id names after its area (`kafka.topic.NAME.exists`,
 * `static.kafka.topic.NAME`, `services.NAME.ready`). */
const KINDS: Record<string, string> = {
  topic: 'topic',
  keyspace: 'keyspace',
  table: 'table',
  services: 'service',
};

/** What a top-level check is about, by its id; `item` where the id names no kind. */
function nounOf(check: CheckResult): string {
  const kind = check.id
    .split('.')
    .slice(0, 3)
    .find((part) => KINDS[part] !== undefined);
  return kind === undefined ? 'item' : (KINDS[kind] ?? 'item');
}

/** How a whole subtree went, when it went one way: every check passed, or its top was skipped
 * (and so was everything under it). */
function wholeStatus(tree: ChecklistLine[]): 'pass' | 'skip' | undefined {
  if (tree.every(({ check }) => check.status === 'pass')) return 'pass';
  return tree.every(({ check }) => check.status === 'skip') ? 'skip' : undefined;
}

/**
 * The checklist with, in a large section, the top-level checks whose whole subtree passed (or
 * was skipped for one reason) grouped by what they are about: one line per kind, where the first
 * of them stood. Every other check is listed as before, with its parent and siblings.
 */
export function groupedChecklist(
  checks: CheckResult[],
): { section: Section; entries: ChecklistEntry[] }[] {
  return checklist(checks).map(({ section, lines }) => {
    const trees: ChecklistLine[][] = [];
    for (const line of lines) {
      const last = trees[trees.length - 1];
      if (line.depth === 0 || !last) trees.push([line]);
      else last.push(line);
    }
    if (trees.length <= GROUP_PASSES_OVER) return { section, entries: lines };
    const groups = new Map<string, CheckGroup>();
    const slots: (ChecklistLine[] | CheckGroup)[] = [];
    const firsts = new Map<CheckGroup, ChecklistLine[]>();
    for (const tree of trees) {
      const [top] = tree;
      const status = wholeStatus(tree);
      if (!top || !status) {
        slots.push(tree);
        continue;
      }
      const noun = nounOf(top.check);
      const reason = status === 'skip' ? top.check.message : undefined;
      const key = JSON.stringify([status, noun, reason]);
      const group = groups.get(key);
      if (group) {
        group.items += 1;
        group.checks += tree.length;
      } else {
        const started: CheckGroup = { status, items: 1, noun, checks: tree.length };
        if (reason !== undefined) started.reason = reason;
        groups.set(key, started);
        firsts.set(started, tree);
        slots.push(started);
      }
    }
    // A group of one item is shown as it is: it would say less than its own lines.
    const entries = slots.flatMap((slot): ChecklistEntry[] =>
      Array.isArray(slot) ? slot : slot.items === 1 ? (firsts.get(slot) ?? []) : [{ group: slot }],
    );
    return { section, entries };
  });
}

/** e.g. "4,998 topics passed, with all 19,992 of their checks", "5,000 topics skipped (20,000
 * checks): the Kafka probe failed" */
export function describeGroup(group: CheckGroup): string {
  const items = `${formatCount(group.items)} ${group.noun}${group.items === 1 ? '' : 's'}`;
  if (group.status === 'skip') {
    const all = group.checks === group.items ? '' : ` (${formatCount(group.checks)} checks)`;
    return `${items} skipped${all}: ${group.reason ?? ''}`;
  }
  return group.checks === group.items
    ? `${items} passed`
    : `${items} passed, with all ${formatCount(group.checks)} of their checks`;
}

export function isProblem(check: CheckResult): boolean {
  return check.status === 'fail' || check.status === 'error';
}

/** The heading's mark and word; a failure that does not fail the step (fail-on) is a warning.
 * error: the verifier could not finish (a bad spec or input, say), so nothing was judged. */
export function verdict(result: 'pass' | 'fail' | 'error', warnOnly?: string): string {
  if (result === 'pass') return `${MARKS.pass} infra-verify: PASS`;
  const word = result.toUpperCase();
  return warnOnly
    ? `${MARKS.error} infra-verify: ${word} (warning only: ${warnOnly})`
    : `${MARKS.fail} infra-verify: ${word}`;
}
