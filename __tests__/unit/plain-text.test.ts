import { withoutControlSequences } from '../../src/model/plain-text';

describe('withoutControlSequences', () => {
  it.each([
    ['erase-line and colours', '\u001b[2Kkafka  | \u001b[32mstarted\u001b[0m', 'kafka  | started'],
    ['a window title', '\u001b]0;title\u0007text', 'text'],
    [
      'a redrawn line and CRLF',
      'a\r\nprogress 10%\rprogress 100%\n',
      'a\nprogress 10%\nprogress 100%\n',
    ],
    ['bell and backspace', 'x\u0007y\bz', 'xyz'],
    ['tabs and newlines kept', 'a\tb\nc', 'a\tb\nc'],
  ])('removes %s', (_, input, expected) => {
    expect(withoutControlSequences(input)).toBe(expected);
  });
});
