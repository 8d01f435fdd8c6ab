// Text from a container or a command, made safe to show: terminal control sequences (compose's
// `ESC[2K` line clearing, colours, titles) and other control characters removed.

// CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ESC \`), and any other two-byte escape.
const ESCAPE_SEQUENCE = new RegExp(
  String.raw`\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])`,
  'g',
);
// Control characters but tab and newline (a lone carriage return redraws a line: a newline).
const CONTROL = new RegExp(String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f]`, 'g');

export function withoutControlSequences(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
