// What every command of the CLI shares: its exit codes, its usage error, and each option that
// more than one command takes, defined once.
import { Command, Option } from 'commander';
import {
  parseConnectionSettings,
  parseGivenConnectionSettings,
  SECRET_SETTINGS,
  settingEnvName,
  type ConnectionSettingName,
  type ConnectionSettings,
  type SettingLookup,
} from '../model/connection';
import { UserError } from '../model/errors';
import { DEFAULT_TIMEOUT_SECONDS, wholeSeconds } from '../model/settings';
import { addressList } from '../protocol/host-port';
import { TWIN_PROFILES, type TwinProfile } from '../runtime/local/profiles';
import { RUNTIME_NAMES } from '../runtime/runtime-names';
import type { RunRequest } from '../app/run';
import type { ComposeSelection } from '../model/compose';

/** Every command's exit codes: 1 is a failed check (verify) or a command's own failure (cql). */
export const EXIT = { ok: 0, failed: 1, usage: 2, stackDown: 3 } as const;

/** Bad flags or arguments: the user's to fix. */
export class UsageError extends UserError {}

/** The settings the engine names by code, in the CLI's words: its flags. */
export const CLI_WORDING: RunRequest['wording'] = {
  noPersistence: '--no-persistence',
  readOnly: '--read-only',
  allowWrites: '--allow-writes',
  endpoints: {
    kafka: '--kafka-brokers',
    cassandra: '--cassandra-contact-points',
    zookeeper: '--zookeeper',
  },
};

/** The runtimes a command can name; `existing` only where the command takes endpoints. */
export function runtimeOption(withExisting: boolean): Option {
  return new Option(
    '--runtime <name>',
    'where the stack runs (auto: compose if a Docker engine answers, else local)',
  )
    .choices(['auto', ...RUNTIME_NAMES, ...(withExisting ? ['existing'] : [])])
    .default('auto');
}

export function profileOption(): Option {
  return new Option(
    '--profile <name>',
    'shape of the local twin (cluster: 3 brokers, 3 Cassandra nodes; kraft: no ZooKeeper; secure: Kafka 4 SASL_SSL, Cassandra TLS and passwords)',
  )
    .choices(TWIN_PROFILES)
    .default('single');
}

export function timeoutOption(meaning: string, fallback = DEFAULT_TIMEOUT_SECONDS): Option {
  return new Option('--timeout <seconds>', meaning).default(String(fallback));
}

export function timeoutSeconds(value: string): number {
  const seconds = wholeSeconds(value);
  if (seconds === undefined) {
    throw new UsageError(
      `--timeout "${value}" must be a whole number of seconds from 1 to 86400, in digits, e.g. 300`,
    );
  }
  return seconds;
}

export function addressFlag(flag: string, value: string): string[] {
  const { addresses, invalid, why } = addressList(value);
  if (invalid !== undefined) throw new UsageError(`${flag} has "${invalid}": ${why}`);
  if (addresses.length === 0) {
    throw new UsageError(
      `${flag} "${value}" is not a comma-separated list of host:port, e.g. localhost:9092`,
    );
  }
  return addresses;
}

/** Each repeat adds one; a comma list is split too, as the Action's list inputs are. */
function repeatable(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ];
}

/** Repeatable, in compose's order (later files override); none: compose's own default files. */
export function composeFileOption(): Option {
  return new Option(
    '--compose-file <file>',
    'a compose file, repeatable (default: compose.yaml ... docker-compose.yml and its override)',
  )
    .argParser(repeatable)
    .default([]);
}

export function composeProfileOption(): Option {
  return new Option('--compose-profile <name>', 'a compose profile to enable, repeatable')
    .argParser(repeatable)
    .default([]);
}

export function envFileOption(): Option {
  return new Option('--env-file <file>', "compose's --env-file (default: the project's .env)");
}

/** Staging is on unless turned off: `--no-staged-start` gives compose's own `up --detach`. */
export function stagedStartOption(): Option {
  return new Option(
    '--no-staged-start',
    "compose: one plain `up --detach` instead of starting each dependency level once the verifier's own check releases it",
  );
}

/** Static reading runs each init's own command (no network, a deadline, its own environment). */
export function runInitsOption(): Option {
  return new Option(
    '--no-run-inits',
    "static: do not run the inits' commands (no network, a deadline, their own environment only) to read the topics they create",
  );
}

export interface ComposeFlags {
  composeFile: string[];
  composeProfile: string[];
  envFile?: string;
}

export function composeSelection(flags: ComposeFlags): ComposeSelection {
  return {
    files: flags.composeFile,
    profiles: flags.composeProfile,
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
  };
}

export interface StackFlags extends ConnectionFlags {
  runtime: 'auto' | 'compose' | 'local' | 'existing';
  profile: TwinProfile;
  kafkaBrokers: string;
  cassandraContactPoints: string;
  /** absent: no ZooKeeper is asked (init without one given) */
  zookeeper?: string;
}

/** A flag that falls back to its INFRA_VERIFY_* variable, then to its default. */
function withEnv(flags: string, description: string, fallback?: string): Option {
  const option = new Option(flags, description);
  option.env(settingEnvName((option.long ?? '').replace(/^--/, '')));
  return fallback === undefined ? option : option.default(fallback);
}

/** Where the stack runs and, for an existing one, its endpoints: verify and init read these alike. */
export function stackCommand(
  name: string,
  description: string,
  /** verify dials localhost:2181 when its spec declares a ZooKeeper; init none unless given */
  zookeeperDefault?: string,
): Command {
  // addCommand, unlike program.command, inherits no settings: throw usage errors to main (exit 2).
  const command = new Command(name)
    .exitOverride()
    .description(description)
    .hook('preAction', refuseUnusedEndpoints);
  return withConnectionOptions(
    command
      .addOption(runtimeOption(true))
      .addOption(profileOption())
      .addOption(
        withEnv(
          '--kafka-brokers <list>',
          'existing runtime: Kafka host:port list',
          'localhost:9092',
        ),
      )
      .addOption(
        withEnv(
          '--cassandra-contact-points <list>',
          'existing runtime: Cassandra host:port list',
          'localhost:9042',
        ),
      )
      .addOption(
        withEnv(
          '--zookeeper <host:port>',
          zookeeperDefault
            ? 'existing runtime: ZooKeeper address'
            : 'existing runtime: ZooKeeper address (default: none, as on KRaft)',
          zookeeperDefault,
        ),
      ),
  );
}

/** The endpoint flags, by the key commander reads them into. */
const ENDPOINT_FLAGS = {
  kafkaBrokers: 'kafka-brokers',
  cassandraContactPoints: 'cassandra-contact-points',
  zookeeper: 'zookeeper',
} as const;

/**
 * A stack that infra-verify runs itself has its own endpoints: an endpoint flag given with it is
 * refused, and one from the environment (a loaded client.env, say) is said to be unused.
 */
function refuseUnusedEndpoints(command: Command): void {
  const { runtime, static: staticMode } = command.opts<{ runtime: string; static?: boolean }>();
  if (runtime === 'existing' || staticMode) return;
  const from = (source: string) =>
    Object.entries(ENDPOINT_FLAGS)
      .filter(([key]) => command.getOptionValueSource(key) === source)
      .map(([, flag]) => flag);
  const flags = from('cli');
  if (flags.length > 0) {
    throw new UsageError(
      `${flags.map((flag) => `--${flag}`).join(', ')} ${flags.length > 1 ? 'are' : 'is'} for --runtime existing; ` +
        `runtime ${runtime} reaches the servers it runs at their own addresses: drop ${flags.length > 1 ? 'them' : 'it'}, or use --runtime existing`,
    );
  }
  for (const flag of from('env')) {
    process.stderr.write(
      `note: ${settingEnvName(flag)} is not used: runtime ${runtime} reaches the servers it runs at their own addresses\n`,
    );
  }
}

/** Every connection flag, as `--kafka-ca-file` is read: `kafkaCaFile`. */
export type ConnectionFlags = Partial<Record<string, unknown>>;

const CONNECTION_FLAG_HELP: Record<
  Exclude<ConnectionSettingName, (typeof SECRET_SETTINGS)[number]>,
  string
> = {
  'kafka-security-protocol': 'PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL',
  'kafka-sasl-mechanism': 'PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER',
  'kafka-username': 'SASL user (the password only from INFRA_VERIFY_KAFKA_PASSWORD)',
  'kafka-ca-file': 'CA of the brokers (default: the system CAs)',
  'kafka-cert-file': 'client certificate, with --kafka-key-file',
  'kafka-key-file': "the client certificate's key",
  'kafka-tls-servername': "the name the brokers' certificates carry",
  'cassandra-tls': 'true: connect to Cassandra over TLS',
  'cassandra-ca-file': 'CA of the Cassandra nodes (default: the system CAs)',
  'cassandra-cert-file': 'client certificate, with --cassandra-key-file',
  'cassandra-key-file': "the client certificate's key",
  'cassandra-username': 'Cassandra user (the password only from INFRA_VERIFY_CASSANDRA_PASSWORD)',
  'cassandra-local-dc': 'local datacenter (default: discovered from the first contact point)',
};

/**
 * The connection flags, each falling back to its INFRA_VERIFY_* variable. Secrets have no flag
 * (a flag shows in `ps`): passwords and tokens come from the environment only.
 */
export function withConnectionOptions(command: Command, only?: 'kafka' | 'cassandra'): Command {
  for (const [setting, help] of Object.entries(CONNECTION_FLAG_HELP)) {
    if (only === undefined || setting.startsWith(`${only}-`)) {
      command.addOption(withEnv(`--${setting} <value>`, help));
    }
  }
  return command;
}

/** Each setting as the flags, then the environment, give it (secrets: the environment only). */
const settingLookup =
  (flags: ConnectionFlags): SettingLookup =>
  (setting) => {
    if ((SECRET_SETTINGS as readonly string[]).includes(setting)) {
      return process.env[settingEnvName(setting)];
    }
    const value = flags[setting.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    return typeof value === 'string' ? value : undefined;
  };

/** The connection settings the flags, then the environment, give. */
export function connectionFromFlags(flags: ConnectionFlags): ConnectionSettings {
  return parseConnectionSettings(settingLookup(flags));
}

/** The same, or undefined when no setting at all is given: a runtime then uses its own. */
export function givenConnection(flags: ConnectionFlags): ConnectionSettings | undefined {
  return parseGivenConnectionSettings(settingLookup(flags));
}

/**
 * The stack the flags name, as a run request says it. Connection settings given with a stack
 * that infra-verify runs are used by every client, never dropped (an open twin refuses them).
 */
export function stackRequest(flags: StackFlags): RunRequest['stack'] {
  const { runtime, profile } = flags;
  if (profile !== 'single' && runtime !== 'local' && runtime !== 'auto') {
    throw new UsageError(
      `--profile ${profile} is a shape of the local twin, not of runtime ${runtime}; use --runtime local, or drop --profile`,
    );
  }
  if (runtime !== 'existing') {
    const connection = givenConnection(flags);
    const given = connection ? { connection } : {};
    return runtime === 'compose' ? { runtime, ...given } : { runtime, profile, ...given };
  }
  return {
    runtime: 'existing',
    endpoints: {
      kafkaBrokers: addressFlag('--kafka-brokers', flags.kafkaBrokers),
      cassandraContactPoints: addressFlag(
        '--cassandra-contact-points',
        flags.cassandraContactPoints,
      ),
      zookeeper: flags.zookeeper ? (addressFlag('--zookeeper', flags.zookeeper)[0] as string) : '',
      connection: connectionFromFlags(flags),
    },
  };
}
