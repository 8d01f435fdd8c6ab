// Text from a container, a command, a server or a file, made safe to show anywhere (a log, a
// terminal, a Markdown summary): terminal escape sequences (compose's `ESC[2K` line clearing,
// colours, titles) go by Node's own stripper, and the control characters it leaves, but tab and
// newline, go too. A carriage return becomes a newline: alone, it would redraw a line.
import { stripVTControlCharacters } from 'node:util';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function withoutControlSequences(text: string): string {
  return stripVTControlCharacters(text).replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
