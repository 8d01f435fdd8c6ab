"use strict";
exports.id = 362;
exports.ids = [362];
exports.modules = {

/***/ 99713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ resultOf),
/* harmony export */   bP: () => (/* binding */ SECTIONS),
/* harmony export */   yX: () => (/* binding */ verifiedNothing)
/* harmony export */ });
/** The seed's Verification Checklist sections, in the seed's order. */
const SECTIONS = [
    'Infrastructure Services',
    'Kafka Topics',
    'Cassandra Schema',
    'Data Persistence',
    // Only when the spec declares cluster facts (kafka.brokers, cassandra.datacenters ...).
    'Cluster Health',
];
/** True when no check passed: every one was skipped, or there was none. Such a run verified
 * nothing, so it is never a pass (a gate is never green on nothing). */
function verifiedNothing(checks) {
    return !checks.some((check) => check.status === 'pass');
}
/** A stack that did not come up fails the run even when no check failed (say up errored). */
function resultOf(checks, notReady = []) {
    // skip is neutral beside passes (its reason is still reported), but never a pass on its own
    return notReady.length > 0 ||
        checks.some((check) => check.status === 'fail' || check.status === 'error') ||
        verifiedNothing(checks)
        ? 'fail'
        : 'pass';
}


/***/ }),

/***/ 99362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MARKS: () => (/* reexport */ MARKS),
  countChecks: () => (/* reexport */ countChecks),
  describeCounts: () => (/* reexport */ describeCounts),
  failsStep: () => (/* reexport */ failsStep),
  failureReason: () => (/* reexport */ failureReason),
  renderConsole: () => (/* reexport */ renderConsole),
  renderErrorMarkdown: () => (/* reexport */ renderErrorMarkdown),
  renderJson: () => (/* reexport */ renderJson),
  renderJunit: () => (/* reexport */ renderJunit),
  renderMarkdown: () => (/* reexport */ renderMarkdown),
  renderPrComment: () => (/* reexport */ renderPrComment),
  renderPrErrorComment: () => (/* reexport */ renderPrErrorComment)
});

// EXTERNAL MODULE: ../../src/model/report.ts
var model_report = __webpack_require__(99713);
;// CONCATENATED MODULE: ../../src/report/failure-reason.ts
// Why a run failed, in one word a nightly job can branch on. The root cause wins: a stack that
// did not come up explains whatever its checks then say.

function failureReason(report) {
    if (report.notReady?.length)
        return 'not-ready';
    if (report.checks.some((check) => check.status === 'fail'))
        return 'drift';
    if (report.checks.some((check) => check.status === 'error'))
        return 'error';
    if ((0,model_report/* verifiedNothing */.yX)(report.checks))
        return 'nothing-verified';
    return '';
}
/** Whether the step fails: `drift` also fails on a spec that cannot be used and on a run that
 * verified nothing, since then nothing was judged; a stack that did not come up, or an error, is
 * a warning there. */
function failsStep(failOn, reason) {
    if (reason === '' || failOn === 'never')
        return false;
    return (failOn === 'any' || reason === 'drift' || reason === 'spec' || reason === 'nothing-verified');
}

// EXTERNAL MODULE: ../../src/model/source.ts
var source = __webpack_require__(97118);
;// CONCATENATED MODULE: ../../src/report/checklist.ts
// What every renderer shares: the marks, the counts, durations, and the checklist as sections of
// indented bullets (a sub-bullet sits under the check named by its parent).

const MARKS = {
    pass: '✅',
    fail: '❌',
    skip: '⏭',
    error: '⚠️',
};
/** Why a run with no failure is still not a pass. */
const NOTHING_VERIFIED = 'Nothing was verified: every check was skipped (the reasons are above), so this is not a pass.';
function countChecks(checks) {
    const count = (status) => checks.filter((check) => check.status === status).length;
    return {
        total: checks.length,
        passed: count('pass'),
        failed: count('fail'),
        skipped: count('skip'),
        errors: count('error'),
    };
}
function describeCounts(counts) {
    const errors = `${counts.errors} error${counts.errors === 1 ? '' : 's'}`;
    return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${errors}`;
}
function formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** The checks of each section that has any, in the seed's section order, with nesting depth. */
function checklist(checks) {
    const byId = new Map(checks.map((check) => [check.id, check]));
    const depth = (check) => {
        const parent = check.parent ? byId.get(check.parent) : undefined;
        return parent ? depth(parent) + 1 : 0;
    };
    return model_report/* SECTIONS */.bP.map((section) => ({
        section,
        lines: checks
            .filter((check) => check.section === section)
            .map((check) => ({ check, depth: depth(check) })),
    })).filter(({ lines }) => lines.length > 0);
}
/** A section with more top-level checks than this shows the ones that passed whole as groups:
 * at thousands of topics a checklist line each is unreadable, and past GitHub's limits. */
const GROUP_PASSES_OVER = 50;
const formatCount = (count) => count.toLocaleString('en-US');
/** Kinds of item a check id names after its area (`kafka.topic.NAME.exists`,
 * `static.kafka.topic.NAME`, `services.NAME.ready`). */
const KINDS = {
    topic: 'topic',
    keyspace: 'keyspace',
    table: 'table',
    services: 'service',
};
/** What a top-level check is about, by its id; `item` where the id names no kind. */
function nounOf(check) {
    const kind = check.id
        .split('.')
        .slice(0, 3)
        .find((part) => KINDS[part] !== undefined);
    return kind === undefined ? 'item' : (KINDS[kind] ?? 'item');
}
/** How a whole subtree went, when it went one way: every check passed, or its top was skipped
 * (and so was everything under it). */
function wholeStatus(tree) {
    if (tree.every(({ check }) => check.status === 'pass'))
        return 'pass';
    return tree.every(({ check }) => check.status === 'skip') ? 'skip' : undefined;
}
/**
 * The checklist with, in a large section, the top-level checks whose whole subtree passed (or
 * was skipped for one reason) grouped by what they are about: one line per kind, where the first
 * of them stood. Every other check is listed as before, with its parent and siblings.
 */
function groupedChecklist(checks) {
    return checklist(checks).map(({ section, lines }) => {
        const trees = [];
        for (const line of lines) {
            const last = trees[trees.length - 1];
            if (line.depth === 0 || !last)
                trees.push([line]);
            else
                last.push(line);
        }
        if (trees.length <= GROUP_PASSES_OVER)
            return { section, entries: lines };
        const groups = new Map();
        const slots = [];
        const firsts = new Map();
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
            }
            else {
                const started = { status, items: 1, noun, checks: tree.length };
                if (reason !== undefined)
                    started.reason = reason;
                groups.set(key, started);
                firsts.set(started, tree);
                slots.push(started);
            }
        }
        // A group of one item is shown as it is: it would say less than its own lines.
        const entries = slots.flatMap((slot) => Array.isArray(slot) ? slot : slot.items === 1 ? (firsts.get(slot) ?? []) : [{ group: slot }]);
        return { section, entries };
    });
}
/** e.g. "4,998 topics passed, with all 19,992 of their checks", "5,000 topics skipped (20,000
 * checks): the Kafka probe failed" */
function describeGroup(group) {
    const items = `${formatCount(group.items)} ${group.noun}${group.items === 1 ? '' : 's'}`;
    if (group.status === 'skip') {
        const all = group.checks === group.items ? '' : ` (${formatCount(group.checks)} checks)`;
        return `${items} skipped${all}: ${group.reason ?? ''}`;
    }
    return group.checks === group.items
        ? `${items} passed`
        : `${items} passed, with all ${formatCount(group.checks)} of their checks`;
}
function isProblem(check) {
    return check.status === 'fail' || check.status === 'error';
}
/** The heading's mark and word; a failure that does not fail the step (fail-on) is a warning.
 * error: the verifier could not finish (a bad spec or input, say), so nothing was judged. */
function verdict(result, warnOnly) {
    if (result === 'pass')
        return `${MARKS.pass} infra-verify: PASS`;
    const word = result.toUpperCase();
    return warnOnly
        ? `${MARKS.error} infra-verify: ${word} (warning only: ${warnOnly})`
        : `${MARKS.fail} infra-verify: ${word}`;
}

;// CONCATENATED MODULE: ../../src/report/console.ts



function renderConsole(report) {
    const lines = [];
    for (const { service, message } of report.notReady ?? []) {
        lines.push(`${MARKS.error} ${service} did not come up: ${message}`);
    }
    if (report.notReady?.length)
        lines.push('');
    for (const { section, entries } of groupedChecklist(report.checks)) {
        lines.push(section);
        for (const entry of entries) {
            if ('group' in entry) {
                lines.push(`  ${MARKS[entry.group.status]} ${describeGroup(entry.group)}`);
                continue;
            }
            const { check, depth } = entry;
            const indent = '  '.repeat(depth + 1);
            const reason = check.status === 'skip' ? ` (skipped: ${check.message})` : '';
            lines.push(`${indent}${MARKS[check.status]} ${check.title}${reason}`);
            if (isProblem(check)) {
                lines.push(`${indent}   ${check.message}`);
                if (check.source)
                    lines.push(`${indent}   at ${(0,source/* formatLocation */.j)(check.source)}`);
            }
        }
        lines.push('');
    }
    const { result } = report;
    for (const note of report.notes ?? [])
        lines.push(`note: ${note}`);
    if (failureReason(report) === 'nothing-verified') {
        lines.push(NOTHING_VERIFIED);
    }
    lines.push(`${result === 'pass' ? MARKS.pass : MARKS.fail} ${result.toUpperCase()}: ${describeCounts(countChecks(report.checks))}` +
        ` (runtime ${report.runtime}, ${formatDuration(report.durationMs)})`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ../../src/report/json.ts

function renderJson(report) {
    const document = {
        result: report.result,
        summary: countChecks(report.checks),
        checks: report.checks,
        runtime: report.runtime,
        startedAt: report.startedAt,
        durationMs: report.durationMs,
        timings: report.timings,
        logs: report.logs,
        ...(report.notReady && { notReady: report.notReady }),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

;// CONCATENATED MODULE: ../../src/report/junit.ts


// Characters XML 1.0 cannot carry at all, even escaped (log tails can contain them).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function junit_text(value) {
    return value
        .replace(NOT_XML, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
function attribute(value) {
    return junit_text(value)
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
        .replace(/\t/g, '&#9;');
}
const seconds = (ms) => (ms / 1000).toFixed(3);
function counts(checks) {
    const c = countChecks(checks);
    const time = checks.reduce((sum, check) => sum + check.durationMs, 0);
    return `tests="${c.total}" failures="${c.failed}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(time)}"`;
}
function testcase(check, section) {
    const open = `    <testcase classname="${attribute(`infra-verify.${section}`)}" name="${attribute(`${check.title} [${check.id}]`)}" time="${seconds(check.durationMs)}"`;
    const details = [
        ...(check.expected !== undefined ? [`expected: ${check.expected}`] : []),
        ...(check.actual !== undefined ? [`actual: ${check.actual}`] : []),
        ...(check.source ? [`at: ${(0,source/* formatLocation */.j)(check.source)}`] : []),
    ].join('\n');
    switch (check.status) {
        case 'pass':
            return [`${open}/>`];
        case 'skip':
            return [
                `${open}>`,
                `      <skipped message="${attribute(check.message)}"/>`,
                '    </testcase>',
            ];
        case 'fail':
            return [
                `${open}>`,
                `      <failure message="${attribute(check.message)}" type="mismatch">${junit_text(details)}</failure>`,
                '    </testcase>',
            ];
        case 'error':
            return [
                `${open}>`,
                `      <error message="${attribute(check.message)}" type="probe">${junit_text(details)}</error>`,
                '    </testcase>',
            ];
    }
}
function renderJunit(report) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="infra-verify" ${counts(report.checks)} timestamp="${attribute(report.startedAt)}">`,
    ];
    for (const { section, lines: checks } of checklist(report.checks)) {
        const sectionChecks = checks.map(({ check }) => check);
        lines.push(`  <testsuite name="${attribute(section)}" ${counts(sectionChecks)}>`);
        for (const check of sectionChecks)
            lines.push(...testcase(check, section));
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ../../src/model/plain-text.ts
var plain_text = __webpack_require__(8659);
;// CONCATENATED MODULE: ../../src/report/markdown-text.ts
// Text from a spec, a server, an input or an error, made inert for a Markdown job summary: it
// shows as the characters it is, and never becomes a heading, a table cell, a link, HTML, math
// or the end of a code block. Our own `code spans` (titles such as "`channel-stats` topic
// exists") stay code; whatever a value brings in is escaped.

/** One value shown in a summary; longer ones are cut with a note of how much was cut. */
const MAX_VALUE_CHARS = 2000;
function capped(value, max) {
    if (value.length <= max)
        return value;
    return `${value.slice(0, max)}… (${value.length - max} more characters)`;
}
/**
 * Backslash escapes for every character that can start markup in the middle of a line
 * (GitHub also renders $math$ and ~strike~). An underscore inside a word cannot, so
 * channel_id stays readable. Line breaks become <br>: a raw newline could start a heading.
 */
function escapeText(text) {
    return text
        .replace(/[\\`*~$[\]|]/g, (char) => `\\${char}`)
        .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r?\n|\r/g, '<br>');
}
/**
 * A code span shows its content literally; only a line break (a space inside code) and, in a
 * table, a pipe (GFM splits cells before it sees code) need care.
 */
function codeSpan(content, inTable) {
    const literal = content.replace(/\r?\n|\r/g, ' ');
    return `\`${inTable ? literal.replace(/\|/g, '\\|') : literal}\``;
}
/** Inline text for a bullet or, with inTable, a table cell. */
function inert(value, inTable = false) {
    return capped((0,plain_text/* withoutControlSequences */.O)(value), MAX_VALUE_CHARS)
        .split(/(`[^`]+`)/)
        .map((part, index) => index % 2 === 1 ? codeSpan(part.slice(1, -1), inTable) : escapeText(part))
        .join('');
}
/** A fence longer than any backtick run inside the text, so the text cannot close it early. */
function fenceFor(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
/** Text shown verbatim in a fenced block (a log, an error): only control characters go. */
function fenced(text) {
    const body = (0,plain_text/* withoutControlSequences */.O)(text).replace(/\s+$/, '');
    const fence = fenceFor(body);
    return [`${fence}text`, body, fence];
}

;// CONCATENATED MODULE: ../../src/report/markdown.ts




/** GitHub refuses a step summary of 1 MiB or more; the rest is room for the note. */
const SUMMARY_BUDGET_BYTES = 1024 * 1024 - 16 * 1024;
/** The tail of one service's log that a summary shows; the JSON report has it all. */
const MAX_LOG_CHARS = 64 * 1024;
function cell(value) {
    return value === undefined || value === '' ? ' ' : inert(value, true);
}
function failureRow(check) {
    const where = check.source ? ` (${(0,source/* formatLocation */.j)(check.source)})` : '';
    return `| ${MARKS[check.status]} ${cell(check.title)} ${cell(`\`${check.id}\``)} | ${cell(check.expected)} | ${cell(check.actual)} | ${cell(check.message + where)} |`;
}
const block = (what, ...lines) => ({ what, lines });
function logTail(log) {
    return log.length <= MAX_LOG_CHARS
        ? log
        : `(first ${log.length - MAX_LOG_CHARS} characters left out)\n${log.slice(-MAX_LOG_CHARS)}`;
}
function checklistBlocks(report) {
    const blocks = [];
    for (const { section, entries } of groupedChecklist(report.checks)) {
        blocks.push(block('a heading', `### ${section}`, ''));
        for (const entry of entries) {
            if ('group' in entry) {
                const { group } = entry;
                const line = `- ${MARKS[group.status]} ${inert(describeGroup(group))} (each one is in the JSON report)`;
                blocks.push(block('a checklist line', line));
                continue;
            }
            const { check, depth } = entry;
            const reason = check.status === 'skip' ? ` — *skipped: ${inert(check.message)}*` : '';
            blocks.push(block('a checklist line', `${'  '.repeat(depth)}- ${MARKS[check.status]} ${inert(check.title)}${reason}`));
        }
        blocks.push(block('a blank line', ''));
    }
    return blocks;
}
function failureBlocks(report) {
    const problems = report.checks.filter(isProblem);
    if (problems.length === 0)
        return [];
    return [
        block('a heading', '### Failures', '', '| Check | Expected | Actual | Details |', '| --- | --- | --- | --- |'),
        ...problems.map((problem) => block('a failure row', failureRow(problem))),
        block('a blank line', ''),
    ];
}
/** On a red run, why each skipped check did not run, right under the failures. */
function skipBlocks(report) {
    const skipped = report.checks.filter((check) => check.status === 'skip');
    if (skipped.length === 0)
        return [];
    // Thousands of checks skipped for one reason (a server that did not answer) are one line;
    // the sub-checks of a check that did not pass are counted, that check is listed.
    const notPassed = new Set(report.checks.filter((c) => c.status !== 'pass').map((c) => c.id));
    const byReason = new Map();
    for (const check of skipped) {
        const underOne = check.parent !== undefined && notPassed.has(check.parent);
        const reason = underOne ? 'under a check that did not pass (listed)' : check.message;
        const same = byReason.get(reason);
        if (same)
            same.push(check);
        else
            byReason.set(reason, [check]);
    }
    const lines = skipped.length > GROUP_PASSES_OVER
        ? [...byReason].map(([reason, checks]) => checks.length === 1
            ? `- ${MARKS.skip} ${inert(checks[0]?.title ?? '')}: ${inert(checks[0]?.message ?? reason)}`
            : `- ${MARKS.skip} ${formatCount(checks.length)} checks: ${inert(reason)}`)
        : skipped.map((check) => `- ${MARKS.skip} ${inert(check.title)}: ${inert(check.message)}`);
    return [
        block('a heading', '### Skipped', ''),
        ...lines.map((line) => block('a skip reason', line)),
        block('a blank line', ''),
    ];
}
function blocksOf(report, warnOnly) {
    const blocks = [
        block('the verdict', 
        // our own words only: warnOnly is "fail-on: <one of three>"
        `## ${verdict(report.result, warnOnly)}`, '', `**${describeCounts(countChecks(report.checks))}** · runtime ${inert(`\`${report.runtime}\``)} · ${formatDuration(report.durationMs)} · started ${inert(report.startedAt)}`, '', ...(report.notes ?? []).flatMap((note) => [`> ${inert(note)}`, '']), ...(failureReason(report) === 'nothing-verified' ? [NOTHING_VERIFIED, ''] : [])),
    ];
    if (report.notReady?.length) {
        blocks.push(block('a heading', '### Stack did not come up', ''));
        for (const { service, message } of report.notReady) {
            blocks.push(block('a service that did not come up', `- ${MARKS.error} **${inert(service)}**: ${inert(message)}`));
        }
        blocks.push(block('a blank line', ''));
    }
    if (report.result === 'pass') {
        blocks.push(...checklistBlocks(report));
    }
    else {
        // A red run leads with what is wrong; the whole checklist folds away below it.
        blocks.push(...failureBlocks(report), ...skipBlocks(report), block('the checklist', '<details><summary>The full checklist</summary>', ''), ...checklistBlocks(report), { ...block('the end of the checklist', '</details>', ''), closes: 'the checklist' });
    }
    const timings = Object.entries(report.timings);
    if (timings.length > 0) {
        blocks.push(block('the timings', '### Timings', '', '| Phase | Duration |', '| --- | ---: |', ...timings.map(([phase, ms]) => `| ${cell(phase)} | ${formatDuration(ms)} |`), `| **total** | **${formatDuration(report.durationMs)}** |`, ''));
    }
    const logs = Object.entries(report.logs);
    if (logs.length > 0) {
        blocks.push(block('a heading', '### Logs of failed services', ''));
        for (const [service, log] of logs) {
            blocks.push(block('a service log', `<details><summary>${inert(service)}</summary>`, '', ...fenced(logTail(log)), '', '</details>', ''));
        }
    }
    return blocks;
}
/** Blocks in order while they fit; then one note of what was left out, and where it is. */
function withinBudget(blocks) {
    const out = [];
    const leftOut = new Map();
    const opened = new Set();
    let bytes = 0;
    for (const { lines, what, closes } of blocks) {
        const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
        const closing = closes !== undefined && opened.has(closes);
        if (closing || (leftOut.size === 0 && bytes + size <= SUMMARY_BUDGET_BYTES)) {
            opened.add(what);
            out.push(...lines);
            bytes += size;
        }
        else if (what !== 'a blank line') {
            leftOut.set(what, (leftOut.get(what) ?? 0) + 1);
        }
    }
    if (leftOut.size > 0) {
        const counts = [...leftOut].map(([what, count]) => `${count} × ${what}`).join(', ');
        out.push('', `**Left out to stay under GitHub's 1 MiB summary limit:** ${counts}. The JSON report has everything.`);
    }
    return out;
}
/** warnOnly: why failures do not fail the step (e.g. "fail-on: never"); they are then warnings */
function renderMarkdown(report, warnOnly) {
    return `${withinBudget(blocksOf(report, warnOnly)).join('\n').replace(/\n+$/, '')}\n`;
}
/** The summary of a run that ended before any check: why, verbatim but inert and short. */
function renderErrorMarkdown(message, warnOnly) {
    return [`## ${verdict('error', warnOnly)}`, '', ...fenced(capped(message, 16 * 1024)), ''].join('\n');
}

;// CONCATENATED MODULE: ../../src/report/pr-comment.ts

/** Rows beyond this are counted, not listed: the summary has them all. */
const MAX_ROWS = 20;
/** A value longer than this is cut: a comment is read at a glance. */
const pr_comment_MAX_VALUE_CHARS = 120;
function bounded(value) {
    const line = value.replace(/\s+/g, ' ').trim();
    return line.length > pr_comment_MAX_VALUE_CHARS ? `${line.slice(0, pr_comment_MAX_VALUE_CHARS - 1)}…` : line;
}
/** A code span that no backtick inside the value can close early; `|` escaped for tables. */
function pr_comment_codeSpan(value) {
    const text = bounded(value);
    if (text === '')
        return ' ';
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}
/** Markdown and HTML escaped: no link, image, emphasis or tag can form, and no @mention pings. */
function pr_comment_escapeText(value) {
    return value
        .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, '@\u2060');
}
function plainText(value) {
    return pr_comment_escapeText(bounded(value));
}
/** A check title keeps its own code spans (`channel-stats` topic exists); the rest is text. */
function title(value) {
    return bounded(value)
        .split(/(`[^`]+`)/)
        .map((part) => (/^`[^`]+`$/.test(part) ? pr_comment_codeSpan(part.slice(1, -1)) : pr_comment_escapeText(part)))
        .join('');
}
function where(check, options) {
    if (!check.source)
        return ' ';
    const { label, url } = options.sourceLink(check.source);
    return url ? `[${pr_comment_codeSpan(label)}](${url})` : pr_comment_codeSpan(label);
}
function row(check, options) {
    // A probe error has no expected/actual: its message says what went wrong.
    const expected = check.expected ?? (check.status === 'error' ? check.message : '');
    const actual = check.actual ?? '';
    return `| ${MARKS[check.status]} ${title(check.title)} | ${pr_comment_codeSpan(expected)} | ${pr_comment_codeSpan(actual)} | ${where(check, options)} |`;
}
function renderPrComment(report, options) {
    const counts = countChecks(report.checks);
    const out = [
        options.marker,
        `### ${plainText(verdict(report.result, options.warnOnly))}`,
        '',
        `${describeCounts(counts)} · runtime ${pr_comment_codeSpan(report.runtime)} · [job summary](${options.summaryUrl})`,
    ];
    const notReady = report.notReady ?? [];
    if (notReady.length > 0) {
        out.push('', '**Did not come up:**', '');
        for (const { service, message } of notReady.slice(0, MAX_ROWS)) {
            out.push(`- ${pr_comment_codeSpan(service)}: ${pr_comment_codeSpan(message)}`);
        }
    }
    const problems = report.checks.filter(isProblem);
    if (problems.length > 0) {
        out.push('', '| Check | Expected | Actual | Spec |', '| --- | --- | --- | --- |');
        out.push(...problems.slice(0, MAX_ROWS).map((check) => row(check, options)));
        if (problems.length > MAX_ROWS) {
            out.push('', `…and ${problems.length - MAX_ROWS} more in the job summary.`);
        }
    }
    return `${out.join('\n')}\n`;
}
/** A run that could not finish (a bad spec, say): the verdict and the message's first line. */
function renderPrErrorComment(message, options) {
    return [
        options.marker,
        `### ${plainText(verdict('error', options.warnOnly))}`,
        '',
        `${pr_comment_codeSpan(message)} · [job summary](${options.summaryUrl})`,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ../../src/report/index.ts









/***/ })

};
;