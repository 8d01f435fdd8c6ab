// Files a pull request could carry: each one made on the spot in the case's own directory.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../action/runner';
import { HOSTILE_TEXT } from './listeners';

const SPEC = () => readFileSync(join(REPO, 'infra-spec.yml'), 'utf8');

function write(dir: string, name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The spec "file" is the process's own environment, secrets and all. */
export function environSymlink(dir: string, name = 'infra-spec.yml'): string {
  const file = join(dir, name);
  symlinkSync('/proc/self/environ', file);
  return file;
}

/** Nine levels of nine aliases: a few hundred bytes that expand to 9^9 nodes. */
export function aliasBomb(dir: string, name: string): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const previous = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(previous).join(',')}]`);
  }
  lines.push('services: *i');
  return write(dir, name, `${lines.join('\n')}\n`);
}

/** A valid spec grown to the given size with more and more topics. */
export function hugeSpec(dir: string, megabytes: number): string {
  const spec = SPEC();
  const anchor = '  topics:\n';
  const topic = (i: number) =>
    `    - name: topic-${i}\n      partitions: 1\n      replicationFactor: 1\n`;
  const parts: string[] = [];
  let size = spec.length;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const entry = topic(i);
    parts.push(entry);
    size += entry.length;
  }
  return write(dir, 'huge-spec.yml', spec.replace(anchor, anchor + parts.join('')));
}

/** Printable garbage with YAML's special characters in it, deterministic. */
export function garbageSpec(dir: string, megabytes: number): string {
  const alphabet = 'abc: -[]{}&*!|>\'"%@`#,?\n\t';
  let seed = 42;
  const bytes = Buffer.alloc(megabytes * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = alphabet.charCodeAt(seed % alphabet.length);
  }
  return write(dir, 'garbage-spec.yml', bytes);
}

/** The real spec, saved as UTF-16 with its byte order mark, as some Windows editors do. */
export function utf16Spec(dir: string): string {
  return write(
    dir,
    'utf16-spec.yml',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPEC(), 'utf16le')]),
  );
}

/** The real spec with a UTF-8 byte order mark: valid, and must stay valid. */
export function utf8BomSpec(dir: string): string {
  return write(dir, 'bom-spec.yml', `\ufeff${SPEC()}`);
}

/** A topic whose name and config value carry Markdown, HTML and fences. */
export function markdownSpec(dir: string): string {
  const spec = SPEC()
    .replace('name: channel-stats', `name: ${JSON.stringify('stats`|## fake<img src=x>')}`)
    .replace('cleanup.policy: compact', `cleanup.policy: ${JSON.stringify(HOSTILE_TEXT)}`);
  return write(dir, 'markdown-spec.yml', spec);
}

/** A compose file whose services is a list, not a mapping. */
export function oddCompose(dir: string): string {
  return write(dir, 'docker-compose.yml', 'services:\n  - zookeeper\n  - kafka\n');
}

/** The repository's compose file with Kafka's image changed: static mode finds drift. */
export function driftedCompose(dir: string): string {
  const compose = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
  const env = readFileSync(join(REPO, '.env'), 'utf8');
  write(dir, '.env', env);
  return write(
    dir,
    'docker-compose.yml',
    compose.replace(
      'container_name: chatbattle-kafka\n',
      'container_name: chatbattle-kafka-drifted\n',
    ),
  );
}
