// The topics the stack's inits would create, read statically: each one-shot service of the spec
// (ready: exited-0) is run with a recording `kafka-topics` (runtime/init-recorder.ts, handed in
// by the shell), and its `kafka-topics --create` calls are judged against the spec's topics.
// What cannot be read is a skip with its reason, never a pass.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { combine, compare, mismatch, pass, skip, toResult, type Outcome } from '../checks/outcome';
import type { InitRecording, InitRun, RecordInit } from '../model/compose';
import type { CheckResult } from '../model/report';
import type { Spec, TopicSpec } from '../spec/types';
import type { ComposeService } from './compose-file';
import type { ComposeModel } from './compose-model';

/** A topic as an init's `kafka-topics --create` call declares it. */
export interface CreatedTopic {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  configs: Record<string, string>;
  /** the init service that creates it */
  service: string;
}

/** compose's `command:`/`entrypoint:` as an argument list; a string is split as a shell would
 * split plain words (quotes kept together). */
function words(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  return [...value.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function environmentOf(service: ComposeService): Record<string, string> {
  const raw = service.environment;
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(raw ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}

/** Container path -> host path, for the init's bind mounts that exist on this machine. */
function bindMounts(service: ComposeService, directory: string): [string, string][] {
  return (service.volumes ?? []).flatMap((entry): [string, string][] => {
    const [source, target] =
      typeof entry === 'string' ? entry.split(':') : [entry.source, entry.target];
    if (!source || !target || !/^[./~]/.test(source)) return [];
    const host = path.resolve(directory, source);
    return existsSync(host) ? [[target, host]] : [];
  });
}

/** What an init runs, with its mounted files in reach, or why it cannot be run here. */
export function initRun(
  name: string,
  service: ComposeService,
  directory: string,
): InitRun | { unreadable: string } {
  const argv = [...words(service.entrypoint), ...words(service.command)];
  if (argv.length === 0) return { unreadable: `${name} runs its image's default command` };
  const mounts = bindMounts(service, directory);
  const mapped = argv.map((arg) => {
    const mount = mounts.find(([target]) => arg === target || arg.startsWith(`${target}/`));
    return mount ? mount[1] + arg.slice(mount[0].length) : arg;
  });
  return { service: name, argv: mapped, env: environmentOf(service) };
}

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === name && args[i + 1] !== undefined) values.push(args[i + 1] as string);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

/** The topics of the `--create` calls among an init's recorded `kafka-topics` calls. */
export function createdTopics(service: string, calls: string[][]): CreatedTopic[] {
  return calls
    .filter(([program = '']) => program.startsWith('kafka-topics'))
    .map((call) => call.slice(1))
    .filter((args) => args.includes('--create'))
    .flatMap((args) => {
      const [name] = option(args, '--topic');
      if (name === undefined) return [];
      const number = (flag: string) => {
        const [value] = option(args, flag);
        return value === undefined ? undefined : Number(value);
      };
      const configs = Object.fromEntries(
        option(args, '--config').map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at), pair.slice(at + 1)];
        }),
      );
      return [
        {
          name,
          partitions: number('--partitions'),
          replicationFactor: number('--replication-factor'),
          configs,
          service,
        },
      ];
    });
}

/** CQL an init runs: a file's text or an inline statement, and the keyspace it starts in. */
export interface InitCql {
  service: string;
  text: string;
  keyspace?: string;
}

/** The CQL of an init's recorded `cqlsh` calls (-f FILE, -e STATEMENT, -k KEYSPACE). */
export function cqlOfCalls(
  service: string,
  calls: string[][],
  read: (file: string) => string | undefined,
): InitCql[] {
  return calls
    .filter(([program]) => program === 'cqlsh')
    .flatMap((call) => {
      const args = call.slice(1);
      const [keyspace] = [...option(args, '-k'), ...option(args, '--keyspace')];
      const texts = [
        ...[...option(args, '-f'), ...option(args, '--file')].flatMap((file) => read(file) ?? []),
        ...option(args, '-e'),
        ...option(args, '--execute'),
      ];
      return texts.map((text) => ({ service, text, ...(keyspace ? { keyspace } : {}) }));
    });
}

/** What the inits said: the topics they create, and why some could not be read. */
export interface InitTopics {
  topics: CreatedTopic[];
  /** an init called kafka-topics at all: then a declared topic it did not create is a drift */
  kafkaRead: boolean;
  cql: InitCql[];
  /** the inits that were read, and how they were isolated */
  read: string[];
  unreadable: string[];
}

export async function readInitTopics(
  model: ComposeModel,
  spec: Spec,
  directory: string,
  record: RecordInit | undefined,
  readText: (file: string) => string | undefined,
): Promise<InitTopics> {
  const result: InitTopics = { topics: [], kafkaRead: false, cql: [], read: [], unreadable: [] };
  const inits = Object.entries(spec.compose.services).filter(([, s]) => s.ready === 'exited-0');
  if (!record) {
    result.unreadable.push("running inits is turned off (--no-run-inits, the Action's run-inits)");
    // A schema file an init mounts is read as it is, without running anything.
    for (const [name] of inits) {
      const service = model.compose.services?.[name];
      for (const [target, host] of service ? bindMounts(service, directory) : []) {
        const text = target.endsWith('.cql') ? readText(host) : undefined;
        if (text !== undefined) result.cql.push({ service: name, text });
      }
    }
    return result;
  }
  // Side by side: each init runs in a folder of its own, and each waits mostly on processes.
  const recordings = await Promise.all(
    inits.map(async ([name]): Promise<[string, InitRecording] | undefined> => {
      const service = model.compose.services?.[name];
      if (!service) return undefined;
      const run = initRun(name, service, directory);
      return [name, 'unreadable' in run ? run : await record(run)];
    }),
  );
  for (const [name, recording] of recordings.filter((entry) => entry !== undefined)) {
    if ('unreadable' in recording) {
      result.unreadable.push(`${name}: ${recording.unreadable}`);
      continue;
    }
    const created = createdTopics(name, recording.calls);
    const cql = cqlOfCalls(name, recording.calls, readText);
    if (recording.exitCode !== 0 && created.length === 0 && cql.length === 0) {
      result.unreadable.push(
        `${name}: its command exited ${recording.exitCode} before any kafka-topics --create`,
      );
      continue;
    }
    result.topics.push(...created);
    result.kafkaRead ||= recording.calls.some(([program = '']) =>
      program.startsWith('kafka-topics'),
    );
    result.cql.push(...cql);
    result.read.push(`${name} (${recording.isolation})`);
  }
  return result;
}

function topicOutcome(
  declared: TopicSpec,
  created: CreatedTopic | undefined,
  inits: InitTopics,
): Outcome {
  if (!created) {
    if (!inits.kafkaRead) {
      return skip(
        `no init could be read for its topics: ${inits.unreadable.join('; ') || 'no one-shot service of the spec (ready: exited-0) calls kafka-topics'}`,
      );
    }
    return mismatch(
      declared.name,
      'topic',
      'created by an init',
      'no kafka-topics --create call for it',
    );
  }
  const outcomes = [
    compare(
      declared.name,
      'partitions',
      String(declared.partitions),
      String(created.partitions ?? 'the broker default'),
    ),
    compare(
      declared.name,
      'replication factor',
      String(declared.replicationFactor),
      String(created.replicationFactor ?? 'the broker default'),
    ),
    ...Object.entries(declared.configs).map(([key, value]) =>
      compare(declared.name, key, value, created.configs[key] ?? 'not set'),
    ),
  ];
  const failed = outcomes.filter((outcome) => outcome.status !== 'pass');
  return failed.length > 0
    ? combine(outcomes, 'as declared')
    : pass(`${declared.name}: created by ${created.service} as declared`);
}

/** One check per declared topic, pointing at the spec's entry for it. */
export function initTopicChecks(
  spec: Spec,
  inits: InitTopics,
  locateSpec: ((path: readonly (string | number)[]) => CheckResult['source']) | undefined,
): CheckResult[] {
  return (spec.kafka?.topics ?? []).map((declared, index) =>
    toResult(
      (p) => locateSpec?.(p),
      {
        id: `static.kafka.topic.${declared.name}`,
        section: 'Kafka Topics',
        title: `${declared.name} created by an init as declared`,
        path: ['kafka', 'topics', index],
      },
      topicOutcome(
        declared,
        inits.topics.find((topic) => topic.name === declared.name),
        inits,
      ),
    ),
  );
}
