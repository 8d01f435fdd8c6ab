// The hostile-input table: each row of issue 8, run through the CLI and through the action.
// A case prepares real listeners and real files in its own directory, then says what the gate
// must do: the exit code, the words that name the cause, and the deadline it must keep.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aliasBomb,
  driftedCompose,
  environSymlink,
  garbageSpec,
  hugeSpec,
  markdownSpec,
  oddCompose,
  utf16Spec,
  utf8BomSpec,
} from './files';
import { SECRET, USERNAME } from './gates';
import { listen, refusedPort, type Behaviour, type Listener } from './listeners';
import { LOOK_PAST_DEADLINE_MS, PAST_DEADLINE_MS } from '../../src/model/deadline';

export interface Invocation {
  /** CLI arguments after `infra-verify` */
  args?: string[];
  /** action inputs (runtime, endpoints, spec, timeout, ...) */
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}

export interface Expectation {
  /** the CLI's exit code */
  exit: number;
  /** the action's main step: 0 passed, 2 the user's to fix, 1 failed */
  actionExit?: number;
  /** the action refuses its inputs before it registers any secret */
  inputsRefused?: boolean;
  /** each must appear in what the user reads (CLI: stderr, stdout; action: main and post logs, summary) */
  words: RegExp[];
  /** the user's deadline for the whole run, in ms; the run may take a fixed margin beyond it */
  deadlineMs: number;
  /**
   * Waiting for the stack plus observing it (the JSON report's ready and observe timings) end
   * within this: the --timeout and at most one connect, however the servers misbehave.
   */
  readyAndObserveMs?: number;
  /** the CLI's standard output is the JSON report and nothing else */
  stdoutIsJson?: boolean;
}

export interface Prepared {
  cli?: Invocation;
  action?: Invocation;
  listeners: Listener[];
}

export interface HostileCase {
  name: string;
  /** why the action cannot meet this case (a CLI-only flag); absent: both gates run it */
  cliOnly?: string;
  expect: Expectation;
  prepare: (dir: string) => Promise<Prepared>;
}

/** What every CLI run writes, so the secret scan and the summary checks see all of it. */
export const REPORT_ARGS = [
  '--report-json',
  'out/report.json',
  '--junit',
  'out/junit.xml',
  '--summary-md',
  'out/summary.md',
];

/** The repository's own spec: a run with no spec at all is refused (exit 2) before it starts. */
const REPO_SPEC = join(__dirname, '..', '..', 'infra-spec.yml');

const TIMEOUT_S = 3;
/** One connect timeout of a probe attempt: what a readiness deadline may be overrun by. */
const CONNECT_MS = 5000;
const READY_DEADLINE_MS = TIMEOUT_S * 1000 + CONNECT_MS;
/** The longest connect of one probe attempt (CQL's connectTimeout): the most --timeout may be overrun by. */
const ONE_CONNECT_MS = 3000;
/** A file check happens before anything starts. */
const INSTANT_MS = 2000;

type Endpoints = { zookeeper: string; kafka: string; cassandra: string };

/** Misbehaving servers where the three servers should be; the rest refuse connections. */
async function servers(
  behaviours: Partial<Record<keyof Endpoints, Behaviour>>,
): Promise<{ endpoints: Endpoints; listeners: Listener[] }> {
  const listeners: Listener[] = [];
  const endpoint = async (server: keyof Endpoints) => {
    const behaviour = behaviours[server];
    if (!behaviour) return refusedPort();
    const listener = await listen(behaviour);
    listeners.push(listener);
    return listener.address;
  };
  return {
    endpoints: {
      zookeeper: await endpoint('zookeeper'),
      kafka: await endpoint('kafka'),
      cassandra: await endpoint('cassandra'),
    },
    listeners,
  };
}

/** The CLI's flags for runtime existing at these endpoints. */
function existingFlags(endpoints: Endpoints, timeoutSeconds: number): string[] {
  return [
    '--runtime',
    'existing',
    '--zookeeper',
    endpoints.zookeeper,
    '--kafka-brokers',
    endpoints.kafka,
    '--cassandra-contact-points',
    endpoints.cassandra,
    '--timeout',
    String(timeoutSeconds),
  ];
}

function existing(
  endpoints: Endpoints,
  timeoutSeconds: number,
  extra: { args?: string[]; inputs?: Record<string, string> } = {},
): Pick<Prepared, 'cli' | 'action'> {
  return {
    cli: {
      args: [
        'verify',
        ...existingFlags(endpoints, timeoutSeconds),
        '--spec',
        REPO_SPEC,
        ...REPORT_ARGS,
        ...(extra.args ?? []),
      ],
    },
    action: {
      inputs: {
        runtime: 'existing',
        zookeeper: endpoints.zookeeper,
        'kafka-brokers': endpoints.kafka,
        'cassandra-contact-points': endpoints.cassandra,
        timeout: String(timeoutSeconds),
        spec: REPO_SPEC,
        'cassandra-username': USERNAME,
        'cassandra-password': SECRET,
        ...(extra.inputs ?? {}),
      },
    },
  };
}

function listenerCase(
  name: string,
  behaviours: Partial<Record<keyof Endpoints, Behaviour>>,
  words: RegExp[],
  timeoutSeconds = TIMEOUT_S,
): HostileCase {
  return {
    name,
    expect: {
      exit: 3,
      words,
      deadlineMs: timeoutSeconds * 1000 + CONNECT_MS,
      readyAndObserveMs: timeoutSeconds * 1000 + ONE_CONNECT_MS,
    },
    prepare: async () => {
      const { endpoints, listeners } = await servers(behaviours);
      return { ...existing(endpoints, timeoutSeconds), listeners };
    },
  };
}

/** The stand-in docker's knobs (bin/docker), with the endpoints `compose port` hands out. */
function composeCase(
  name: string,
  env: (address: string) => NodeJS.ProcessEnv,
  words: RegExp[],
  deadlineMs: number,
  readyAndObserveMs?: number,
): HostileCase {
  return {
    name,
    expect: { exit: 3, words, deadlineMs, ...(readyAndObserveMs && { readyAndObserveMs }) },
    prepare: async (dir) => {
      // The project the stand-in pretends to run: a live run with no compose file is refused
      // as a usage error before any docker command.
      copyFileSync(
        join(__dirname, '..', '..', 'docker-compose.yml'),
        join(dir, 'docker-compose.yml'),
      );
      const address = await refusedPort();
      const stub = env(address);
      return {
        cli: {
          args: [
            'verify',
            '--runtime',
            'compose',
            '--timeout',
            String(TIMEOUT_S),
            '--spec',
            REPO_SPEC,
            ...REPORT_ARGS,
          ],
          env: stub,
        },
        action: {
          inputs: { runtime: 'compose', timeout: String(TIMEOUT_S), spec: REPO_SPEC },
          env: stub,
        },
        listeners: [],
      };
    },
  };
}

const FAULT_AFTER_MS = 1500;
/** A fault that infra-verify does not handle, planted into the gate mid-run (stray-fault.cjs). */
function strayFault(kind: 'exception' | 'rejection'): NodeJS.ProcessEnv {
  return {
    NODE_OPTIONS: `--require ${join(__dirname, 'stray-fault.cjs')}`,
    HOSTILE_FAULT: kind,
    HOSTILE_FAULT_AFTER_MS: String(FAULT_AFTER_MS),
  };
}

/**
 * A stray fault in a command other than verify, which has no report or teardown to finish: it
 * ends at once with exit 1 and the one line, instead of running on to its own end (a hung
 * compose command, a silent server) as if nothing had happened.
 */
function commandFaultCase(
  command: string,
  args: (endpoints: Endpoints) => string[],
  env: NodeJS.ProcessEnv,
  kind: 'exception' | 'rejection' = 'exception',
): HostileCase {
  return {
    name: `an uncaught ${kind} during \`${command}\``,
    cliOnly: `${command} is a CLI command; the action only verifies`,
    expect: {
      exit: 1,
      words: [new RegExp(`internal error: hostile stray ${kind}`), /the stack trace is in/],
      deadlineMs: FAULT_AFTER_MS + INSTANT_MS,
    },
    prepare: async (dir) => {
      // The commands read ./infra-spec.yml and ./docker-compose.yml, as in a checkout.
      for (const file of ['infra-spec.yml', 'docker-compose.yml'])
        copyFileSync(join(__dirname, '..', '..', file), join(dir, file));
      const { endpoints, listeners } = await servers({
        zookeeper: 'silent',
        kafka: 'silent',
        cassandra: 'silent',
      });
      return {
        cli: { args: [command, ...args(endpoints)], env: { ...env, ...strayFault(kind) } },
        listeners,
      };
    },
  };
}

/** The stack still goes down: verify's own teardown (CLI), or the post step's (action). */
const TEARDOWN = /taking the stack down|removing project/;

/** A spec file case: the CLI in static mode (nothing starts), the action in existing mode. */
function specCase(
  name: string,
  make: (dir: string) => string,
  expect: Pick<Expectation, 'exit' | 'words'> & { actionExit?: number },
): HostileCase {
  return {
    name,
    expect: { ...expect, deadlineMs: INSTANT_MS },
    prepare: async (dir) => {
      const spec = make(dir);
      const compose = join(__dirname, '..', '..', 'docker-compose.yml');
      const endpoints = (await servers({})).endpoints;
      return {
        cli: {
          args: ['verify', '--static', '--compose-file', compose, '--spec', spec, ...REPORT_ARGS],
        },
        action: existing(endpoints, 1, { inputs: { spec } }).action,
        listeners: [],
      };
    },
  };
}

function cliCase(
  name: string,
  cliOnly: string,
  args: (dir: string) => string[],
  expect: Pick<Expectation, 'exit' | 'words' | 'stdoutIsJson'>,
): HostileCase {
  return {
    name,
    cliOnly,
    expect: { ...expect, deadlineMs: INSTANT_MS },
    prepare: async (dir) => ({ cli: { args: args(dir) }, listeners: [] }),
  };
}

/** A compose file case: static mode, `--static` in the CLI and `mode: static` in the action. */
function staticCase(name: string, compose: (dir: string) => string, words: RegExp[]): HostileCase {
  return {
    name,
    expect: { exit: 2, words, deadlineMs: INSTANT_MS },
    prepare: async (dir) => {
      const file = compose(dir);
      return {
        cli: { args: ['verify', '--static', '--spec', REPO_SPEC, '--compose-file', file] },
        action: { inputs: { mode: 'static', spec: REPO_SPEC, 'compose-file': file } },
        listeners: [],
      };
    },
  };
}

function inputCase(
  name: string,
  inputs: (endpoints: Endpoints) => Record<string, string>,
  cliArgs: (endpoints: Endpoints) => string[],
  words: RegExp[],
): HostileCase {
  return {
    name,
    expect: { exit: 2, words, deadlineMs: INSTANT_MS, inputsRefused: true },
    prepare: async () => {
      const { endpoints } = await servers({});
      const base = existing(endpoints, 1);
      return {
        cli: { args: [...(base.cli?.args ?? []), ...cliArgs(endpoints)] },
        action: { inputs: { ...base.action?.inputs, ...inputs(endpoints) } },
        listeners: [],
      };
    },
  };
}

const staticDrift = (dir: string, ...reports: string[]) => [
  'verify',
  '--static',
  '--spec',
  REPO_SPEC,
  '--compose-file',
  driftedCompose(dir),
  ...reports,
];

export const CASES: HostileCase[] = [
  listenerCase('random bytes from the Kafka port, then close', { kafka: 'garbage' }, [/kafka/]),
  listenerCase('a flood from the Cassandra port', { cassandra: 'flood' }, [/cassandra/]),
  listenerCase('ZooKeeper sends 1 byte a second', { zookeeper: 'trickle' }, [/zookeeper/]),
  listenerCase('ZooKeeper floods', { zookeeper: 'flood' }, [/zookeeper/]),
  listenerCase(
    'a silent listener, --timeout 1',
    { zookeeper: 'silent', kafka: 'silent', cassandra: 'silent' },
    [/zookeeper/, /kafka/, /cassandra/],
    1,
  ),
  listenerCase(
    'an HTTP server with Markdown and HTML in its reply on every port',
    { zookeeper: 'http', kafka: 'http', cassandra: 'http' },
    [/zookeeper/],
  ),
  composeCase(
    'compose detection fails (no endpoint can be resolved)',
    () => ({ HOSTILE_DOCKER_PORT: 'fail' }),
    [/could not say where the stack's ports are published/, /port/],
    READY_DEADLINE_MS,
  ),
  composeCase(
    'a compose command that hangs: up',
    (address) => ({ HOSTILE_DOCKER_HANGS: 'up', HOSTILE_DOCKER_PORT: address }),
    [/up/, /did not finish/],
    READY_DEADLINE_MS,
  ),
  composeCase(
    'a compose command that hangs: ps',
    (address) => ({ HOSTILE_DOCKER_HANGS: 'ps', HOSTILE_DOCKER_PORT: address }),
    [/ps/],
    // readiness gives up at the deadline; the look at the containers after it ends within the
    // fixed margin for looks (model/deadline.ts), not a quick command's own 30 s
    READY_DEADLINE_MS + LOOK_PAST_DEADLINE_MS,
    READY_DEADLINE_MS + LOOK_PAST_DEADLINE_MS,
  ),
  composeCase(
    'a compose command that hangs: down',
    (address) => ({ HOSTILE_DOCKER_HANGS: 'down', HOSTILE_DOCKER_PORT: address }),
    [/down/, /did not finish/],
    // the teardown ends within the fixed margin past the deadline, not down's own minute
    READY_DEADLINE_MS + PAST_DEADLINE_MS,
  ),
  listenerCase(
    'a CQL port that passes the handshake, then announces a 1 GiB frame and floods',
    { cassandra: 'cql-then-flood' },
    [/cassandra/, /CQL frame of 1073741824 bytes: not Cassandra/],
  ),
  listenerCase(
    'a CQL port that passes the handshake, then sends random bytes',
    { cassandra: 'cql-then-garbage' },
    [/cassandra/, /not Cassandra|closed/],
  ),
  composeCase(
    'an uncaught exception during readiness',
    (address) => ({ HOSTILE_DOCKER_PORT: address, ...strayFault('exception') }),
    [/internal error: hostile stray exception/, /the stack trace is in/, TEARDOWN],
    READY_DEADLINE_MS,
  ),
  composeCase(
    'an unhandled rejection during readiness',
    (address) => ({ HOSTILE_DOCKER_PORT: address, ...strayFault('rejection') }),
    [/internal error: hostile stray rejection/, /the stack trace is in/, TEARDOWN],
    READY_DEADLINE_MS,
  ),
  // Each would otherwise run for 20 s or more: a silent server, or a compose verb that hangs.
  commandFaultCase(
    'init',
    (endpoints) => [...existingFlags(endpoints, 20), '--out', 'out/drafted-spec.yml'],
    {},
  ),
  commandFaultCase('up', () => ['--runtime', 'compose', '--timeout', '20'], {
    HOSTILE_DOCKER_HANGS: 'up',
  }),
  commandFaultCase(
    'status',
    () => ['--runtime', 'compose'],
    { HOSTILE_DOCKER_HANGS: 'ps' },
    'rejection',
  ),
  commandFaultCase('down', () => ['--runtime', 'compose'], { HOSTILE_DOCKER_HANGS: 'down' }),
  specCase('the spec file is a symlink to /proc/self/environ', (dir) => environSymlink(dir), {
    exit: 2,
    words: [/infra-spec\.yml/, /regular file/],
  }),
  specCase('a YAML alias bomb as the spec', (dir) => aliasBomb(dir, 'bomb-spec.yml'), {
    exit: 2,
    words: [/bomb-spec\.yml/, /alias/i],
  }),
  staticCase(
    'a YAML alias bomb as the compose file (static mode)',
    (dir) => aliasBomb(dir, 'docker-compose.yml'),
    [/docker-compose\.yml/, /alias/i],
  ),
  specCase('a 47 MB spec', (dir) => hugeSpec(dir, 47), {
    exit: 2,
    words: [/huge-spec\.yml/, /larger than \d+ KiB/],
  }),
  specCase('2 MB of garbage as the spec', (dir) => garbageSpec(dir, 2), {
    exit: 2,
    words: [/garbage-spec\.yml/, /larger than \d+ KiB/],
  }),
  specCase('a UTF-16 spec', utf16Spec, { exit: 2, words: [/utf16-spec\.yml/, /UTF-16/] }),
  specCase('a UTF-8 spec with a byte order mark (valid)', utf8BomSpec, {
    exit: 0,
    actionExit: 1,
    words: [/passed/],
  }),
  staticCase('an oddly shaped compose file (static mode)', oddCompose, [
    /docker-compose\.yml:\d+:\d+/,
    /services/,
  ]),
  {
    name: 'Markdown, HTML and fences in topic names and config values',
    expect: { exit: 3, words: [/kafka/], deadlineMs: READY_DEADLINE_MS },
    prepare: async (dir) => {
      const spec = markdownSpec(dir);
      const { endpoints, listeners } = await servers({ zookeeper: 'http' });
      return {
        ...existing(endpoints, TIMEOUT_S, { args: ['--spec', spec], inputs: { spec } }),
        listeners,
      };
    },
  },
  {
    // /proc refuses new folders, and mkdirSync's recursive mode used to spin on it for ever
    name: 'a failed check plus an unwritable report path',
    expect: {
      exit: 2,
      words: [/\/proc\/infra-verify\//, /cannot be written/],
      deadlineMs: INSTANT_MS,
    },
    prepare: async (dir) => {
      const { endpoints } = await servers({});
      return {
        cli: { args: staticDrift(dir, '--report-json', '/proc/infra-verify/report.json') },
        action: existing(endpoints, 1, { inputs: { 'report-dir': '/proc/infra-verify' } }).action,
        listeners: [],
      };
    },
  },
  cliCase(
    'a failed check plus a report that fails to write after the run',
    'the action writes its reports into report-dir, made before the run',
    (dir) => staticDrift(dir, '--report-json', '/dev/full'),
    { exit: 1, words: [/--report-json/, /\/dev\/full/] },
  ),
  inputCase(
    '--kafka-brokers host:99999',
    () => ({ 'kafka-brokers': 'localhost:99999' }),
    () => ['--kafka-brokers', 'localhost:99999'],
    [/99999/, /port/],
  ),
  inputCase(
    '[::1]:2181 as the ZooKeeper address',
    () => ({ zookeeper: '[::1]:2181' }),
    () => ['--zookeeper', '[::1]:2181'],
    [/\[::1\]:2181/, /IPv6/],
  ),
  cliCase(
    'the same path for --report-json and --junit',
    'the action names its report files itself',
    (dir) => staticDrift(dir, '--report-json', 'out/same.xml', '--junit', 'out/same.xml'),
    { exit: 2, words: [/--report-json/, /--junit/, /same/] },
  ),
  cliCase(
    'the spec file as a report path',
    'the action names its report files itself',
    (dir) => [
      'verify',
      '--static',
      '--compose-file',
      join(__dirname, '..', '..', 'docker-compose.yml'),
      '--spec',
      utf8BomSpec(dir),
      '--summary-md',
      join(dir, 'bom-spec.yml'),
    ],
    { exit: 2, words: [/--summary-md/, /spec/] },
  ),
  cliCase(
    '--report-json - writes the report to standard output',
    'a CLI flag',
    (dir) => staticDrift(dir, '--report-json', '-'),
    {
      exit: 1,
      words: [/"result": "fail"/],
      stdoutIsJson: true,
    },
  ),
  inputCase(
    '--timeout 0x10',
    () => ({ timeout: '0x10' }),
    () => ['--timeout', '0x10'],
    [/0x10/],
  ),
  inputCase(
    '--timeout 1e12',
    () => ({ timeout: '1e12' }),
    () => ['--timeout', '1e12'],
    [/1e12/],
  ),
];
