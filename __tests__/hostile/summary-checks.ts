// What makes a job summary unsafe: Markdown or HTML that came from a server, a file or an input
// and was rendered as markup instead of text. Our own markup is a short, known list.
const OWN_HEADINGS = [
  'Stack did not come up',
  'Infrastructure Services',
  'Kafka Topics',
  'Cassandra Schema',
  'Data Persistence',
  'Failures',
  'Skipped',
  'Timings',
  'Logs of failed services',
];
const OWN_HEADING = new RegExp(
  `^(## (✅|❌) infra-verify: [A-Z]+|### (${OWN_HEADINGS.join('|')}))$`,
);
const OWN_TAG = /^<\/?(details|summary|br)\b/i;
const GITHUB_SUMMARY_LIMIT = 1024 * 1024;

/** GFM splits a table row at every `|` not escaped by a backslash, code spans included. */
function cellCount(row: string): number {
  return row.split(/(?<!\\)\|/).length;
}

/**
 * A line without its code spans and backslash escapes, as CommonMark reads inline text: what
 * is left is where markup could be. A backtick run opens a span only if a run of the same
 * length closes it; backslashes do not escape inside a span.
 */
function outsideCode(line: string): string {
  let text = '';
  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const end = close.exec(line);
      if (end) {
        i = end.index + run.length;
        continue;
      }
      i += run.length;
      continue;
    }
    text += char;
    i++;
  }
  return text;
}

export function summaryProblems(markdown: string): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(markdown) >= GITHUB_SUMMARY_LIMIT) {
    problems.push(`summary is ${Buffer.byteLength(markdown)} bytes, over GitHub's 1 MiB`);
  }
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let tableCells: number | undefined;
  lines.forEach((line, index) => {
    const at = `line ${index + 1}: ${line.slice(0, 80)}`;
    if (fence !== undefined) {
      if (line === fence) fence = undefined;
      return;
    }
    const opening = /^(`{3,})text$/.exec(line);
    if (opening?.[1]) {
      fence = opening[1];
      return;
    }
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) problems.push(`a stray code fence, ${at}`);
    if (/^ {0,3}#{1,6}(\s|$)/.test(line) && !OWN_HEADING.test(line))
      problems.push(`a heading that is not ours, ${at}`);
    if (/^ {0,3}(={3,}|-{3,})\s*$/.test(line)) problems.push(`a setext heading rule, ${at}`);
    for (const tag of outsideCode(line).match(/<\/?[A-Za-z][^>]*>?/g) ?? []) {
      if (!OWN_TAG.test(tag)) problems.push(`raw HTML ${tag}, ${at}`);
    }
    if (line.startsWith('|')) {
      tableCells ??= cellCount(line);
      if (cellCount(line) !== tableCells) problems.push(`a table row with extra cells, ${at}`);
    } else {
      tableCells = undefined;
    }
  });
  if (fence !== undefined) problems.push('a code fence that never closes');
  return problems;
}
