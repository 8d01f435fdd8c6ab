// Text from a spec, a server, an input or an error, made inert for a Markdown job summary: it
// shows as the characters it is, and never becomes a heading, a table cell, a link, HTML, math
// or the end of a code block. Our own `code spans` (titles such as "`channel-stats` topic
// exists") stay code; whatever a value brings in is escaped.

import { withoutControlSequences } from '../model/plain-text';

/** One value shown in a summary; longer ones are cut with a note of how much was cut. */
export const MAX_VALUE_CHARS = 2000;

export function capped(value: string, max: number): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}… (${value.length - max} more characters)`;
}

/**
 * Backslash escapes for every character that can start markup in the middle of a line
 * (GitHub also renders $math$ and ~strike~). An underscore inside a word cannot, so
 * channel_id stays readable. Line breaks become <br>: a raw newline could start a heading.
 */
function escapeText(text: string): string {
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
function codeSpan(content: string, inTable: boolean): string {
  const literal = content.replace(/\r?\n|\r/g, ' ');
  return `\`${inTable ? literal.replace(/\|/g, '\\|') : literal}\``;
}

/** Inline text for a bullet or, with inTable, a table cell. */
export function inert(value: string, inTable = false): string {
  return capped(withoutControlSequences(value), MAX_VALUE_CHARS)
    .split(/(`[^`]+`)/)
    .map((part, index) =>
      index % 2 === 1 ? codeSpan(part.slice(1, -1), inTable) : escapeText(part),
    )
    .join('');
}

/** A fence longer than any backtick run inside the text, so the text cannot close it early. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Text shown verbatim in a fenced block (a log, an error): only control characters go. */
export function fenced(text: string): string[] {
  const body = withoutControlSequences(text).replace(/\s+$/, '');
  const fence = fenceFor(body);
  return [`${fence}text`, body, fence];
}
