#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 68471:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ headStartAnswer),
/* harmony export */   q: () => (/* binding */ startStaticRun)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_compose__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(39467);
/* harmony import */ var _runtime_compose_config__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(97079);
/* harmony import */ var _runtime_init_recorder__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(88789);
// Static mode's slow outside work, started before the rest of a run is loaded: compose reading
// the project (a Go binary's start, about 45 ms) and the question whether the inits may get a
// network namespace. A shell starts it first thing, with little more than this module loaded,
// so the child processes run while the bundle's other modules load; the run then takes the
// answer that was asked for its project (app/run.ts). Nothing here decides anything: a request
// it cannot read is left for the run to refuse, with the run's own error.




function startStaticRun(request, runInits, env = process.env, config = _runtime_compose_config__WEBPACK_IMPORTED_MODULE_2__/* .composeConfig */ .Rm) {
    let project;
    try {
        project = (0,_model_compose__WEBPACK_IMPORTED_MODULE_1__/* .composeProjectOf */ .B0)(request, env, node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync);
    }
    catch {
        return undefined;
    }
    // compose first: it is the longest
    const answer = config(project);
    // Awaited by the run; a run that never gets there (a bad input) must not see it reject.
    answer.catch(() => undefined);
    if (runInits)
        void (0,_runtime_init_recorder__WEBPACK_IMPORTED_MODULE_3__/* .canUnshareNetwork */ .JO)();
    return { project, answer };
}
/** The head start's answer when it was asked for this very project, else undefined. */
function headStartAnswer(headStart, project) {
    return headStart && JSON.stringify(headStart.project) === JSON.stringify(project)
        ? headStart.answer
        : undefined;
}


/***/ }),

/***/ 33910:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ timeoutOption),
/* harmony export */   Ep: () => (/* binding */ connectionFromFlags),
/* harmony export */   M$: () => (/* binding */ stackRequest),
/* harmony export */   MD: () => (/* binding */ composeFileOption),
/* harmony export */   PP: () => (/* binding */ withConnectionOptions),
/* harmony export */   YP: () => (/* binding */ stagedStartOption),
/* harmony export */   _w: () => (/* binding */ runInitsOption),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   hn: () => (/* binding */ composeSelection),
/* harmony export */   jA: () => (/* binding */ envFileOption),
/* harmony export */   k6: () => (/* binding */ givenConnection),
/* harmony export */   ml: () => (/* binding */ CLI_WORDING),
/* harmony export */   pp: () => (/* binding */ profileOption),
/* harmony export */   rv: () => (/* binding */ timeoutSeconds),
/* harmony export */   s7: () => (/* binding */ stackCommand),
/* harmony export */   t6: () => (/* binding */ composeProfileOption),
/* harmony export */   uv: () => (/* binding */ runtimeOption)
/* harmony export */ });
/* unused harmony export addressFlag */
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(13735);
/* harmony import */ var _model_connection__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(26887);
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(80420);
/* harmony import */ var _model_settings__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(17414);
/* harmony import */ var _protocol_host_port__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(26784);
/* harmony import */ var _runtime_local_profiles__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(62510);
/* harmony import */ var _runtime_runtime_names__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(33399);
// What every command of the CLI shares: its exit codes, its usage error, and each option that
// more than one command takes, defined once.







/** Every command's exit codes: 1 is a failed check (verify) or a command's own failure (cql). */
const EXIT = { ok: 0, failed: 1, usage: 2, stackDown: 3 };
/** Bad flags or arguments: the user's to fix. */
class UsageError extends _model_errors__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
}
/** The settings the engine names by code, in the CLI's words: its flags. */
const CLI_WORDING = {
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
function runtimeOption(withExisting) {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--runtime <name>', 'where the stack runs (auto: compose if a Docker engine answers, else local)')
        .choices(['auto', ..._runtime_runtime_names__WEBPACK_IMPORTED_MODULE_4__/* .RUNTIME_NAMES */ .s, ...(withExisting ? ['existing'] : [])])
        .default('auto');
}
function profileOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--profile <name>', 'shape of the local twin (cluster: 3 brokers, 3 Cassandra nodes; kraft: no ZooKeeper; secure: Kafka 4 SASL_SSL, Cassandra TLS and passwords)')
        .choices(_runtime_local_profiles__WEBPACK_IMPORTED_MODULE_3__/* .TWIN_PROFILES */ .W)
        .default('single');
}
function timeoutOption(meaning, fallback = _model_settings__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_TIMEOUT_SECONDS */ .KU) {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--timeout <seconds>', meaning).default(String(fallback));
}
function timeoutSeconds(value) {
    const seconds = (0,_model_settings__WEBPACK_IMPORTED_MODULE_5__/* .wholeSeconds */ .$P)(value);
    if (seconds === undefined) {
        throw new UsageError(`--timeout "${value}" must be a whole number of seconds from 1 to 86400, in digits, e.g. 300`);
    }
    return seconds;
}
function addressFlag(flag, value) {
    const { addresses, invalid, why } = (0,_protocol_host_port__WEBPACK_IMPORTED_MODULE_6__/* .addressList */ .Z9)(value);
    if (invalid !== undefined)
        throw new UsageError(`${flag} has "${invalid}": ${why}`);
    if (addresses.length === 0) {
        throw new UsageError(`${flag} "${value}" is not a comma-separated list of host:port, e.g. localhost:9092`);
    }
    return addresses;
}
/** Each repeat adds one; a comma list is split too, as the Action's list inputs are. */
function repeatable(value, previous = []) {
    return [
        ...previous,
        ...value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
    ];
}
/** Repeatable, in compose's order (later files override); none: compose's own default files. */
function composeFileOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--compose-file <file>', 'a compose file, repeatable (default: compose.yaml ... docker-compose.yml and its override)')
        .argParser(repeatable)
        .default([]);
}
function composeProfileOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--compose-profile <name>', 'a compose profile to enable, repeatable')
        .argParser(repeatable)
        .default([]);
}
function envFileOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--env-file <file>', "compose's --env-file (default: the project's .env)");
}
/** Staging is on unless turned off: `--no-staged-start` gives compose's own `up --detach`. */
function stagedStartOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--no-staged-start', "compose: one plain `up --detach` instead of starting each dependency level once the verifier's own check releases it");
}
/** Static reading runs each init's own command (no network, a deadline, its own environment). */
function runInitsOption() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--no-run-inits', "static: do not run the inits' commands (no network, a deadline, their own environment only) to read the topics they create");
}
function composeSelection(flags) {
    return {
        files: flags.composeFile,
        profiles: flags.composeProfile,
        ...(flags.envFile ? { envFile: flags.envFile } : {}),
    };
}
/** A flag that falls back to its INFRA_VERIFY_* variable, then to its default. */
function withEnv(flags, description, fallback) {
    const option = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$(flags, description);
    option.env((0,_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .settingEnvName */ .RQ)((option.long ?? '').replace(/^--/, '')));
    return fallback === undefined ? option : option.default(fallback);
}
/** Where the stack runs and, for an existing one, its endpoints: verify and init read these alike. */
function stackCommand(name, description, 
/** verify dials localhost:2181 when its spec declares a ZooKeeper; init none unless given */
zookeeperDefault) {
    // addCommand, unlike program.command, inherits no settings: throw usage errors to main (exit 2).
    const command = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB(name)
        .exitOverride()
        .description(description)
        .hook('preAction', refuseUnusedEndpoints);
    return withConnectionOptions(command
        .addOption(runtimeOption(true))
        .addOption(profileOption())
        .addOption(withEnv('--kafka-brokers <list>', 'existing runtime: Kafka host:port list', 'localhost:9092'))
        .addOption(withEnv('--cassandra-contact-points <list>', 'existing runtime: Cassandra host:port list', 'localhost:9042'))
        .addOption(withEnv('--zookeeper <host:port>', zookeeperDefault
        ? 'existing runtime: ZooKeeper address'
        : 'existing runtime: ZooKeeper address (default: none, as on KRaft)', zookeeperDefault)));
}
/** The endpoint flags, by the key commander reads them into. */
const ENDPOINT_FLAGS = {
    kafkaBrokers: 'kafka-brokers',
    cassandraContactPoints: 'cassandra-contact-points',
    zookeeper: 'zookeeper',
};
/**
 * A stack that infra-verify runs itself has its own endpoints: an endpoint flag given with it is
 * refused, and one from the environment (a loaded client.env, say) is said to be unused.
 */
function refuseUnusedEndpoints(command) {
    const { runtime, static: staticMode } = command.opts();
    if (runtime === 'existing' || staticMode)
        return;
    const from = (source) => Object.entries(ENDPOINT_FLAGS)
        .filter(([key]) => command.getOptionValueSource(key) === source)
        .map(([, flag]) => flag);
    const flags = from('cli');
    if (flags.length > 0) {
        throw new UsageError(`${flags.map((flag) => `--${flag}`).join(', ')} ${flags.length > 1 ? 'are' : 'is'} for --runtime existing; ` +
            `runtime ${runtime} reaches the servers it runs at their own addresses: drop ${flags.length > 1 ? 'them' : 'it'}, or use --runtime existing`);
    }
    for (const flag of from('env')) {
        process.stderr.write(`note: ${(0,_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .settingEnvName */ .RQ)(flag)} is not used: runtime ${runtime} reaches the servers it runs at their own addresses\n`);
    }
}
const CONNECTION_FLAG_HELP = {
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
function withConnectionOptions(command, only) {
    for (const [setting, help] of Object.entries(CONNECTION_FLAG_HELP)) {
        if (only === undefined || setting.startsWith(`${only}-`)) {
            command.addOption(withEnv(`--${setting} <value>`, help));
        }
    }
    return command;
}
/** Each setting as the flags, then the environment, give it (secrets: the environment only). */
const settingLookup = (flags) => (setting) => {
    if (_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .SECRET_SETTINGS */ .Rt.includes(setting)) {
        return process.env[(0,_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .settingEnvName */ .RQ)(setting)];
    }
    const value = flags[setting.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
    return typeof value === 'string' ? value : undefined;
};
/** The connection settings the flags, then the environment, give. */
function connectionFromFlags(flags) {
    return (0,_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .parseConnectionSettings */ .Bm)(settingLookup(flags));
}
/** The same, or undefined when no setting at all is given: a runtime then uses its own. */
function givenConnection(flags) {
    return (0,_model_connection__WEBPACK_IMPORTED_MODULE_1__/* .parseGivenConnectionSettings */ .eE)(settingLookup(flags));
}
/**
 * The stack the flags name, as a run request says it. Connection settings given with a stack
 * that infra-verify runs are used by every client, never dropped (an open twin refuses them).
 */
function stackRequest(flags) {
    const { runtime, profile } = flags;
    if (profile !== 'single' && runtime !== 'local' && runtime !== 'auto') {
        throw new UsageError(`--profile ${profile} is a shape of the local twin, not of runtime ${runtime}; use --runtime local, or drop --profile`);
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
            cassandraContactPoints: addressFlag('--cassandra-contact-points', flags.cassandraContactPoints),
            zookeeper: flags.zookeeper ? addressFlag('--zookeeper', flags.zookeeper)[0] : '',
            connection: connectionFromFlags(flags),
        },
    };
}


/***/ }),

/***/ 39467:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B0: () => (/* binding */ composeProjectOf),
/* harmony export */   CV: () => (/* binding */ NoComposeFileError)
/* harmony export */ });
/* unused harmony exports COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES, defaultComposeFiles */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(80420);
// One compose project as every mode reads it (static, live, init): which files, profiles and env
// file, and the answer of `docker compose config` for it. The runner is handed in by the shells,
// so static mode stays free of process I/O and compose is asked in one place (runtime/compose).


/** The names compose looks for when given no -f, in its order; the first that exists is read. */
const COMPOSE_FILE_NAMES = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yaml',
    'docker-compose.yml',
];
/** ...and beside it, the first of these, merged over it. */
const COMPOSE_OVERRIDE_NAMES = [
    'compose.override.yaml',
    'compose.override.yml',
    'docker-compose.override.yaml',
    'docker-compose.override.yml',
];
/**
 * The files `docker compose` reads when given none: COMPOSE_FILE (split on
 * COMPOSE_PATH_SEPARATOR, ":" by default), else its default file plus its override file, when
 * they exist. Empty when there is none: compose then refuses, and so do we.
 */
function defaultComposeFiles(env, exists) {
    const listed = (env.COMPOSE_FILE ?? '')
        .split(env.COMPOSE_PATH_SEPARATOR || ':')
        .filter((file) => file !== '');
    if (listed.length > 0)
        return listed;
    const base = COMPOSE_FILE_NAMES.find(exists);
    if (!base)
        return [];
    const override = COMPOSE_OVERRIDE_NAMES.find(exists);
    return override ? [base, override] : [base];
}
/** No compose file where one was looked for: the user's to fix (exit 2). */
class NoComposeFileError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
}
/**
 * The project `docker compose` takes from a selection made in `request.directory` (the working
 * directory): the -f files (else its default files) and the env file resolved against it, and
 * the project directory the first file's folder, as compose takes it when given no
 * --project-directory. Static mode, live runs and init all hand compose this, so they agree on
 * relative paths, the default .env and the project's default name.
 */
function composeProjectOf(request, env, exists) {
    const named = request.files.length > 0
        ? request.files
        : defaultComposeFiles(env, (name) => exists((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(request.directory, name)));
    const files = named.map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(request.directory, file));
    const [first] = files;
    if (first === undefined) {
        throw new NoComposeFileError(`no compose file in ${request.directory}: compose looks for ${COMPOSE_FILE_NAMES.join(', ')}; pass --compose-file (the Action's compose-file)`);
    }
    return {
        directory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(first),
        files,
        profiles: request.profiles,
        ...(request.envFile ? { envFile: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(request.directory, request.envFile) } : {}),
    };
}


/***/ }),

/***/ 26887:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ parseConnectionSettings),
/* harmony export */   Lm: () => (/* binding */ ConnectionSettingError),
/* harmony export */   RQ: () => (/* binding */ settingEnvName),
/* harmony export */   Rt: () => (/* binding */ SECRET_SETTINGS),
/* harmony export */   _f: () => (/* binding */ OPEN_CONNECTION),
/* harmony export */   eE: () => (/* binding */ parseGivenConnectionSettings),
/* harmony export */   gc: () => (/* binding */ securingSettings)
/* harmony export */ });
/* unused harmony exports KAFKA_SECURITY_PROTOCOLS, KAFKA_SASL_MECHANISMS, CONNECTION_SETTINGS, secretsOf */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(80420);
// How infra-verify reaches a secured cluster: TLS, SASL and credentials, one set of settings for
// every shell. Each shell only supplies a lookup (CLI: flag, else INFRA_VERIFY_<NAME>; Action:
// input, else the same variable), so names, defaults and errors are the same everywhere.

const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const KAFKA_SASL_MECHANISMS = [
    'PLAIN',
    'SCRAM-SHA-256',
    'SCRAM-SHA-512',
    'OAUTHBEARER',
];
/** Settings that hold a secret: an Action input or an environment variable, never a flag. */
const SECRET_SETTINGS = [
    'kafka-password',
    'kafka-oauth-token',
    'cassandra-password',
];
/** Every connection setting, by the name it has as an Action input and a CLI flag. */
const CONNECTION_SETTINGS = [
    'kafka-security-protocol',
    'kafka-sasl-mechanism',
    'kafka-username',
    'kafka-ca-file',
    'kafka-cert-file',
    'kafka-key-file',
    'kafka-tls-servername',
    'cassandra-tls',
    'cassandra-ca-file',
    'cassandra-cert-file',
    'cassandra-key-file',
    'cassandra-username',
    'cassandra-local-dc',
    ...SECRET_SETTINGS,
];
/** `--kafka-sasl-mechanism` reads `INFRA_VERIFY_KAFKA_SASL_MECHANISM` when the flag is absent. */
function settingEnvName(setting) {
    return `INFRA_VERIFY_${setting.toUpperCase().replace(/-/g, '_')}`;
}
/** PLAINTEXT Kafka, plain CQL, no credentials, the datacenter discovered: an open local stack. */
const OPEN_CONNECTION = {
    kafka: { securityProtocol: 'PLAINTEXT' },
    cassandra: {},
};
/** A wrong connection setting: the message names the setting, the value and what is allowed. */
class ConnectionSettingError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
}
/**
 * The one parser of connection settings. Empty values count as absent (an Action input that is
 * not given reads ''). A setting that would be ignored is an error rather than a surprise: a
 * password beside PLAINTEXT, a CA file with cassandra-tls false.
 */
function parseConnectionSettings(lookup) {
    const get = (setting) => {
        const value = lookup(setting)?.trim();
        return value ? value : undefined;
    };
    return { kafka: kafkaSettings(get), cassandra: cassandraSettings(get) };
}
/**
 * The settings, or undefined when not one of them is given: a stack that infra-verify runs
 * itself then keeps its own (open, or a secured twin's admin).
 */
function parseGivenConnectionSettings(lookup) {
    const given = CONNECTION_SETTINGS.some((setting) => lookup(setting)?.trim());
    return given ? parseConnectionSettings(lookup) : undefined;
}
function oneOf(setting, value, allowed) {
    const found = allowed.find((option) => option === value.toUpperCase());
    if (found)
        return found;
    throw new ConnectionSettingError(`${setting}: "${value}" is not allowed; use one of ${allowed.join(', ')}.`);
}
/** Names every setting given that only makes sense with another one, and says which. */
function refuseUnused(get, settings, because) {
    const given = settings.filter((setting) => get(setting) !== undefined);
    if (given.length > 0) {
        throw new ConnectionSettingError(`${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set, but ${because}.`);
    }
}
function kafkaSettings(get) {
    const given = get('kafka-security-protocol');
    const securityProtocol = given
        ? oneOf('kafka-security-protocol', given, KAFKA_SECURITY_PROTOCOLS)
        : 'PLAINTEXT';
    const usesTls = securityProtocol === 'SSL' || securityProtocol === 'SASL_SSL';
    const usesSasl = securityProtocol.startsWith('SASL_');
    if (!usesTls) {
        refuseUnused(get, ['kafka-ca-file', 'kafka-cert-file', 'kafka-key-file', 'kafka-tls-servername'], `kafka-security-protocol is ${securityProtocol}: TLS needs SSL or SASL_SSL`);
    }
    if (!usesSasl) {
        refuseUnused(get, ['kafka-sasl-mechanism', 'kafka-username', 'kafka-password', 'kafka-oauth-token'], `kafka-security-protocol is ${securityProtocol}: SASL needs SASL_SSL or SASL_PLAINTEXT`);
    }
    return {
        securityProtocol,
        ...(usesTls ? { tls: tlsSettings(get, 'kafka') } : {}),
        ...(usesSasl ? { sasl: kafkaSasl(get, securityProtocol) } : {}),
    };
}
function required(get, setting, because) {
    const value = get(setting);
    if (value === undefined) {
        const from = SECRET_SETTINGS.includes(setting)
            ? `the ${setting} input or ${settingEnvName(setting)} (never a flag)`
            : `${setting} (or ${settingEnvName(setting)})`;
        throw new ConnectionSettingError(`${setting} is missing: ${because}; set ${from}.`);
    }
    return value;
}
function kafkaSasl(get, protocol) {
    const mechanism = oneOf('kafka-sasl-mechanism', required(get, 'kafka-sasl-mechanism', `kafka-security-protocol ${protocol} needs one of ${KAFKA_SASL_MECHANISMS.join(', ')}`), KAFKA_SASL_MECHANISMS);
    if (mechanism === 'OAUTHBEARER') {
        refuseUnused(get, ['kafka-username', 'kafka-password'], 'SASL OAUTHBEARER authenticates with kafka-oauth-token alone');
        return { mechanism, token: required(get, 'kafka-oauth-token', 'SASL OAUTHBEARER needs it') };
    }
    refuseUnused(get, ['kafka-oauth-token'], `SASL ${mechanism} takes a username and password`);
    const because = `SASL ${mechanism} needs kafka-username and kafka-password`;
    return {
        mechanism,
        username: required(get, 'kafka-username', because),
        password: required(get, 'kafka-password', because),
    };
}
function pemSource(value) {
    return value.includes('-----BEGIN ') ? { pem: value } : { path: value };
}
function tlsSettings(get, server) {
    const ca = get(`${server}-ca-file`);
    const cert = get(`${server}-cert-file`);
    const key = get(`${server}-key-file`);
    if ((cert === undefined) !== (key === undefined)) {
        throw new ConnectionSettingError(`${server}-cert-file and ${server}-key-file go together: a client certificate needs its key; set both, or neither.`);
    }
    const servername = server === 'kafka' ? get('kafka-tls-servername') : undefined;
    return {
        ...(ca ? { ca: pemSource(ca) } : {}),
        ...(cert && key ? { client: { cert: pemSource(cert), key: pemSource(key) } } : {}),
        ...(servername ? { servername } : {}),
    };
}
function cassandraSettings(get) {
    const tlsValue = get('cassandra-tls')?.toLowerCase() ?? 'false';
    if (tlsValue !== 'true' && tlsValue !== 'false') {
        throw new ConnectionSettingError(`cassandra-tls: "${get('cassandra-tls')}" is not allowed; use true or false.`);
    }
    const tls = tlsValue === 'true';
    if (!tls) {
        refuseUnused(get, ['cassandra-ca-file', 'cassandra-cert-file', 'cassandra-key-file'], 'cassandra-tls is false: set cassandra-tls true to connect over TLS');
    }
    const username = get('cassandra-username');
    const password = get('cassandra-password');
    if ((username === undefined) !== (password === undefined)) {
        throw new ConnectionSettingError(`cassandra-username and cassandra-password go together: set both, or neither (the password as the cassandra-password input or ${settingEnvName('cassandra-password')}, never a flag).`);
    }
    const localDc = get('cassandra-local-dc');
    return {
        ...(tls ? { tls: tlsSettings(get, 'cassandra') } : {}),
        ...(username && password ? { credentials: { username, password } } : {}),
        ...(localDc ? { localDc } : {}),
    };
}
/** The settings that secure a connection, by their names: what an open server cannot take. */
function securingSettings(settings) {
    const { kafka, cassandra } = settings;
    return [
        ...(kafka.securityProtocol === 'PLAINTEXT'
            ? []
            : [`kafka-security-protocol ${kafka.securityProtocol}`]),
        ...(cassandra.tls ? ['cassandra-tls true'] : []),
        ...(cassandra.credentials ? ['cassandra-username'] : []),
    ];
}
/** Every secret the settings hold, for masking (core.setSecret) and for scrubbing output. */
function secretsOf(settings) {
    const { sasl } = settings.kafka;
    const kafka = !sasl ? [] : 'token' in sasl ? [sasl.token] : [sasl.password];
    const inlineKeys = [settings.kafka.tls, settings.cassandra.tls].flatMap((tls) => {
        const key = tls?.client?.key;
        return key && 'pem' in key ? [key.pem] : [];
    });
    return [
        ...kafka,
        ...(settings.cassandra.credentials ? [settings.cassandra.credentials.password] : []),
        ...inlineKeys,
    ];
}


/***/ }),

/***/ 80420:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qy: () => (/* binding */ firstLineOf),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
// Errors in one vocabulary: a UserError is the user's to fix (a flag, an input, the spec, the
// compose file, twin settings) and is shown as its message alone; anything else is a fault of
// the stack or of infra-verify.
/** Something the user can fix: the message names the cause and the fix, and no trace is shown. */
class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** The message of anything thrown, without its stack: reports show causes, not traces. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/**
 * Only the first line of that message: driver errors embed multi-line inspections of their
 * inner errors, and a ReadinessError appends a log tail that is reported separately.
 */
function firstLineOf(error) {
    return (errorMessage(error).split('\n')[0] ?? '').trim();
}


/***/ }),

/***/ 17414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ wholeSeconds),
/* harmony export */   KU: () => (/* binding */ DEFAULT_TIMEOUT_SECONDS),
/* harmony export */   fO: () => (/* binding */ DEFAULT_SPEC_FILE)
/* harmony export */ });
// Values that both shells (the CLI's flags and the Action's inputs) take, parsed in one place;
// each shell words its own error, naming its flag or input.
/** The spec a run reads when none is named, in the working directory. */
const DEFAULT_SPEC_FILE = 'infra-spec.yml';
/** The readiness deadline when none is given; action.yml's timeout default says the same. */
const DEFAULT_TIMEOUT_SECONDS = 300;
/** A day: beyond it a timer would overflow, and no stack takes that long to start. */
const MAX_TIMEOUT_SECONDS = 86_400;
/**
 * A whole number of seconds from 1 to a day, written plainly (digits only: no 0x10, 1e3 or
 * 5.0), or undefined when the text is not one.
 */
function wholeSeconds(text) {
    if (!/^\d{1,6}$/.test(text.trim()))
        return undefined;
    const seconds = Number(text.trim());
    return seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS ? seconds : undefined;
}


/***/ }),

/***/ 26784:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ parseHostPort),
/* harmony export */   Z9: () => (/* binding */ addressList),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony exports endpointProblem, isHostPort */
// Addresses: the one parser of host:port, for user input, readiness dials and compose output.
/** host:port, [IPv6]:port, or an unbracketed IPv6 such as compose's ":::9092" (last colon wins). */
function parseHostPort(address) {
    const match = /^\[([^\]]+)\]:(\d{1,5})$/.exec(address) ?? /^(.*):(\d{1,5})$/.exec(address);
    if (!match)
        throw new Error(`"${address}" is not host:port`);
    return { host: match[1] ?? '', port: Number(match[2]) };
}
/**
 * Why an endpoint cannot be used by all three clients, or undefined when it can: host:port
 * with a port from 1 to 65535. An IPv6 literal is refused: kafkajs splits a broker address at
 * its first colon, so "[::1]:9092" never reaches a broker; a name that resolves to it works.
 */
function endpointProblem(address) {
    if (address.startsWith('[')) {
        return 'IPv6 literals are not supported (kafkajs cannot dial them); use a host name that resolves to the address';
    }
    const match = /^([A-Za-z0-9._-]+):(\d{1,5})$/.exec(address);
    if (!match)
        return 'use host:port, e.g. localhost:9092';
    const port = Number(match[2]);
    if (port < 1 || port > 65535)
        return `port ${match[2]} is out of range (1-65535)`;
    return undefined;
}
/** One endpoint as the CLI and the Action both accept it. */
function isHostPort(address) {
    return endpointProblem(address) === undefined;
}
/** One per line or comma-separated, as other actions take lists. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/** The addresses of a list, and the first one no client can use, with why (undefined when all can). */
function addressList(value) {
    const addresses = splitList(value);
    const invalid = addresses.find((address) => !isHostPort(address));
    return { addresses, invalid, why: invalid === undefined ? undefined : endpointProblem(invalid) };
}


/***/ }),

/***/ 42960:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  w: () => (/* binding */ runChild)
});

// UNUSED EXPORTS: ChildCommandError

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = require("node:string_decoder");
;// CONCATENATED MODULE: ../../src/runtime/child.ts
// Every child command (docker, compose, mvn) runs here: an argument array, no shell, a deadline,
// a cap on what it may print, and a kill when the run ends. Each child leads its own process
// group, so a kill also reaches what it started (the compose plugin under `docker`, mvn's JVM).



/** A child that overran its deadline or its output cap; it has been killed. */
class ChildCommandError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ChildCommandError';
    }
}
const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Process groups still running: killed when this process exits, however it exits. */
const running = new Set();
function killGroup(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // already gone
    }
}
function killRunningChildren() {
    for (const pid of running)
        killGroup(pid);
}
process.on('exit', killRunningChildren);
/**
 * Own process groups do not get the terminal's Ctrl-C, so a signal is passed on here. When
 * nobody else listens (e.g. a teardown on signal), this stands in for the default: end as the
 * signal would have.
 */
let watchingSignals = false;
function passSignalsOn() {
    if (watchingSignals)
        return;
    watchingSignals = true;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => {
            killRunningChildren();
            if (process.listenerCount(signal) === 1)
                process.exit(128 + external_node_os_.constants.signals[signal]);
        });
    }
}
/** How a command is named in errors: the executable and its verb-like arguments, no values. */
function shown(file, args) {
    const words = args.filter((arg) => /^[a-z][a-z-]*$/.test(arg)).slice(0, 3);
    return [file, ...words].join(' ');
}
function runChild(file, args, options) {
    const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    passSignalsOn();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(file, [...args], {
            cwd: options.cwd,
            env: options.env ?? process.env,
            shell: false,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const pid = child.pid;
        if (pid !== undefined)
            running.add(pid);
        const stdout = [];
        const stderr = [];
        let bytes = 0;
        let failure;
        const end = (why) => {
            failure ??= why;
            if (pid !== undefined)
                killGroup(pid);
        };
        const timer = setTimeout(() => end(`${shown(file, args)} did not finish within ${Math.ceil(options.timeoutMs / 1000)} s; it was killed`), options.timeoutMs);
        const splitters = [];
        const collect = (into) => {
            const lines = options.onLine ? new LineSplitter(options.onLine) : undefined;
            if (lines)
                splitters.push(lines);
            return (chunk) => {
                bytes += chunk.length;
                if (bytes > maxBytes) {
                    end(`${shown(file, args)} printed more than ${maxBytes} bytes; it was killed`);
                    return;
                }
                into.push(chunk);
                lines?.write(chunk);
            };
        };
        child.stdout.on('data', collect(stdout));
        child.stderr.on('data', collect(stderr));
        child.on('error', (error) => {
            clearTimeout(timer);
            if (pid !== undefined)
                running.delete(pid);
            // ENOENT and friends: the executable itself could not run
            reject(new Error(`${file}: ${error.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            for (const lines of splitters)
                lines.end();
            if (pid !== undefined) {
                // the group may still hold grandchildren that outlived their parent
                killGroup(pid);
                running.delete(pid);
            }
            if (failure !== undefined) {
                reject(new ChildCommandError(failure));
                return;
            }
            resolve({
                exitCode: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            });
        });
    });
}
/** Calls back once per line as lines complete; a character split across chunks stays whole. */
class LineSplitter {
    onLine;
    decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    pending = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    write(chunk) {
        const lines = (this.pending + this.decoder.write(chunk)).split(/\r?\n/);
        this.pending = lines.pop() ?? '';
        for (const line of lines)
            this.onLine(line);
    }
    end() {
        const rest = this.pending + this.decoder.end();
        if (rest !== '')
            this.onLine(rest);
    }
}


/***/ }),

/***/ 2836:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sf: () => (/* binding */ ComposeNotFoundError),
/* harmony export */   dl: () => (/* binding */ COMPOSE_PLUGIN),
/* harmony export */   ib: () => (/* binding */ detectCompose)
/* harmony export */ });
/* unused harmony export parseComposeVersion */
// Which compose binary to drive: the v2 plugin (`docker compose`), or a standalone v2
// `docker-compose`. Compose v1 reached end of life in 2023 and is refused with one clear error.
// Everything is an argument array; nothing is ever joined into a shell line.
/** compose v2 prints "Docker Compose version v2.29.7" (or "2.29.7" for some distro builds). */
function parseComposeVersion(output) {
    const match = /(?:docker[- ]compose version\s+)v?(\d+)\.(\d+)\.(\d+)/i.exec(output.trim());
    if (!match)
        return null;
    return { major: Number(match[1]), text: `${match[1]}.${match[2]}.${match[3]}` };
}
class ComposeNotFoundError extends Error {
}
/** The compose v2 plugin, which most machines have: tried first. */
const COMPOSE_PLUGIN = { file: 'docker', prefix: ['compose'] };
/** first: candidates tried before the plugin and the standalone binary on PATH */
async function detectCompose(run, first = []) {
    const tried = [];
    const candidates = [
        ...first,
        COMPOSE_PLUGIN,
        { file: 'docker-compose', prefix: [] },
    ];
    for (const candidate of candidates) {
        const shown = [candidate.file, ...candidate.prefix, 'version'].join(' ');
        try {
            const result = await run(candidate.file, [...candidate.prefix, 'version']);
            const version = parseComposeVersion(result.stdout);
            if (result.exitCode === 0 && version?.major === 1) {
                throw new ComposeNotFoundError(`Only Docker Compose v1 (${version.text}, "${candidate.file}") is installed; it reached ` +
                    'end of life in 2023 and infra-verify needs compose v2 or later: install the compose ' +
                    'plugin ("docker compose"), or use runtime "existing" with endpoints.');
            }
            // Compose jumped from v2 to v5 with the same CLI and output formats.
            if (result.exitCode === 0 && version) {
                return { file: candidate.file, prefix: [...candidate.prefix], versionText: version.text };
            }
            tried.push(`${shown}: exit ${result.exitCode} ${firstLine(result.stderr || result.stdout)}`);
        }
        catch (error) {
            if (error instanceof ComposeNotFoundError)
                throw error;
            tried.push(`${shown}: ${error.message}`);
        }
    }
    throw new ComposeNotFoundError(`No Docker Compose found (tried ${tried.join('; ')}). Install the compose v2 plugin ` +
        `("docker compose"), or use runtime "existing" with endpoints.`);
}
function firstLine(text) {
    return text.trim().split('\n')[0] ?? '';
}


/***/ }),

/***/ 97079:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Rm: () => (/* binding */ composeConfig)
});

// UNUSED EXPORTS: ComposeConfigError, composeConfigWith, configRequestArgs

// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __nccwpck_require__(80420);
// EXTERNAL MODULE: ../../src/runtime/compose/command.ts
var compose_command = __nccwpck_require__(2836);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ../../src/runtime/compose/plugin-binary.ts
// The compose plugin's binary where the docker CLI itself would find it, so that static mode can
// run it directly as the standalone `docker-compose` it also is. `docker compose config` starts
// the docker CLI, which first asks the plugin for its metadata and then runs it: about 50 ms
// before compose itself starts, on a run whose whole budget is 200 ms. Linux only, and only where
// docker's search is sure to end at the same file.



/** docker/cli's plugin folders on Linux after the config folder's, in its order. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
/** A docker config.json is a few KB; a larger one is not read, and docker picks. */
const MAX_CONFIG_BYTES = 1024 * 1024;
const onThisMachine = {
    env: process.env,
    platform: process.platform,
    isExecutable: (file) => {
        try {
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            return (0,external_node_fs_.statSync)(file).isFile();
        }
        catch {
            return false;
        }
    },
    mayAddPluginDirs: (configFile) => {
        if (!(0,external_node_fs_.existsSync)(configFile))
            return false;
        try {
            // Only that key is looked for; nothing else of the file is kept.
            return ((0,external_node_fs_.statSync)(configFile).size > MAX_CONFIG_BYTES ||
                (0,external_node_fs_.readFileSync)(configFile, 'utf8').includes('cliPluginsExtraDirs'));
        }
        catch {
            return true;
        }
    },
};
/** The file `docker compose` would run, or undefined where only docker can say. */
function composePluginBinary(lookup = onThisMachine) {
    if (lookup.platform !== 'linux')
        return undefined;
    const configDir = lookup.env.DOCKER_CONFIG || (0,external_node_path_.join)(lookup.env.HOME || (0,external_node_os_.homedir)(), '.docker');
    // Extra folders are searched in an order that changed between docker releases: docker picks.
    if (lookup.mayAddPluginDirs((0,external_node_path_.join)(configDir, 'config.json')))
        return undefined;
    return [(0,external_node_path_.join)(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
        .map((dir) => (0,external_node_path_.join)(dir, 'docker-compose'))
        .find((file) => lookup.isExecutable(file));
}

// EXTERNAL MODULE: ../../src/runtime/compose/project-name.ts
var project_name = __nccwpck_require__(75582);
// EXTERNAL MODULE: ../../src/runtime/compose/run-command.ts
var run_command = __nccwpck_require__(69076);
;// CONCATENATED MODULE: ../../src/runtime/compose/config.ts
// `docker compose config --format json`: the project as compose itself resolves it, with every -f
// file, the override file, include:, profiles, --env-file and the environment over .env. It needs
// no engine. Where no compose v2 CLI exists, the answer says so and callers fall back.





/** Compose refused the project (a bad file, a missing include, an unknown profile): exit 2. */
class ComposeConfigError extends errors/* UserError */.yo {
}
/** What compose's refusal says, at most this much of it. */
const MAX_ERROR_CHARS = 2000;
function configRequestArgs(command, request) {
    return [
        ...command.prefix,
        // the name compose itself would pick, so the answer is the project `up` would run
        '--project-name',
        (0,project_name/* composeDefaultProjectName */.aX)(process.env, request.directory),
        '--project-directory',
        request.directory,
        ...request.files.flatMap((file) => ['--file', file]),
        ...request.profiles.flatMap((profile) => ['--profile', profile]),
        ...(request.envFile ? ['--env-file', request.envFile] : []),
        'config',
        '--format',
        'json',
    ];
}
/** pluginBinary: the plugin's file where docker would find it (plugin-binary.ts), run directly */
function composeConfigWith(run, pluginBinary = composePluginBinary) {
    return async (request) => {
        const ask = (command) => run(command.file, configRequestArgs(command, request), {
            cwd: request.directory,
            timeoutMs: run_command/* QUICK_COMMAND_TIMEOUT_MS */.j,
        });
        const binary = pluginBinary();
        const direct = binary ? [{ file: binary, prefix: [] }] : [];
        const likely = direct[0] ?? compose_command/* COMPOSE_PLUGIN */.dl;
        // The likely compose's answer is asked beside its version, not after it: one compose start
        // on the critical path instead of two. It is dropped when another compose answers instead.
        const asked = ask(likely);
        asked.catch(() => undefined);
        let command;
        try {
            command = await (0,compose_command/* detectCompose */.ib)(run, direct);
        }
        catch (error) {
            if (error instanceof compose_command/* ComposeNotFoundError */.Sf)
                return { unavailable: error.message };
            throw error;
        }
        const result = await (command.file === likely.file ? asked : ask(command));
        if (result.exitCode !== 0) {
            const said = (result.stderr || result.stdout).trim().slice(0, MAX_ERROR_CHARS);
            throw new ComposeConfigError(`docker compose config refused the project (exit ${result.exitCode}): ${said}`);
        }
        return { json: result.stdout, warnings: result.stderr, version: command.versionText };
    };
}
/** The real compose CLI (`docker compose`, else `docker-compose`). */
const composeConfig = composeConfigWith(run_command/* runCommand */.d);


/***/ }),

/***/ 75582:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ composeProjectFor),
/* harmony export */   aX: () => (/* binding */ composeDefaultProjectName)
/* harmony export */ });
/* unused harmony exports ProjectNameError, validateProjectName, uniqueProjectName */
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(80420);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _model_compose__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(39467);
// Compose project names name every container, network and volume of a run. On GitHub two jobs
// (or a re-run of one) on the same engine must never share one; on the command line, separate
// commands (up, status, down) must all find the same one.




/** What `docker compose` itself accepts (compose-spec): lowercase letters, digits, "-" and "_". */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
class ProjectNameError extends _model_errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
}
function validateProjectName(name) {
    if (!PROJECT_NAME.test(name)) {
        throw new ProjectNameError(`project-name "${name}" is not a valid compose project name: use only lowercase letters, ` +
            `digits, "-" and "_", starting with a letter or digit (e.g. "infra-verify-ci").`);
    }
    return name;
}
/**
 * A name unique to this run, attempt and job on GitHub (re-runs get a new attempt number), or
 * random elsewhere. `random` is injected so tests can pin it.
 */
function uniqueProjectName(env, random = () => Math.random().toString(36).slice(2, 8)) {
    const parts = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB]
        .filter((part) => Boolean(part))
        .map((part) => part.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'));
    const suffix = parts.length > 0 ? parts.join('-') : random();
    return validateProjectName(`infra-verify-${suffix}`.slice(0, 63).replace(/[-_]+$/, ''));
}
/**
 * The name `docker compose` itself picks when given none: COMPOSE_PROJECT_NAME, else the
 * project directory's name made valid. So `up`, `status`, `down` and `verify --keep-up`, run
 * as separate commands, reach the same project, as do the scripts that call compose directly.
 */
function composeDefaultProjectName(env, directory) {
    const fromDirectory = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(directory)
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '')
        .replace(/^[_-]+/, '');
    return validateProjectName(env.COMPOSE_PROJECT_NAME || fromDirectory || 'infra-verify');
}
/**
 * The project a live run brings up: the one compose itself takes from the selection
 * (model/compose.ts: its files, project directory and env file), named `name` (the Action
 * names its own) or as compose names it, so that `up`, `status`, `down` and `verify`, and the
 * scripts that call compose directly, reach the same project.
 */
function composeProjectFor(request, env, name) {
    const project = (0,_model_compose__WEBPACK_IMPORTED_MODULE_3__/* .composeProjectOf */ .B0)(request, env, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync);
    return { name: name ?? composeDefaultProjectName(env, project.directory), ...project };
}


/***/ }),

/***/ 69076:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runCommand),
/* harmony export */   j: () => (/* binding */ QUICK_COMMAND_TIMEOUT_MS)
/* harmony export */ });
/* harmony import */ var _child__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(42960);
// The only place compose commands are executed: an argument array, no shell, and a deadline.

/** A command that names no deadline of its own (version, ps, port, inspect, logs). */
const QUICK_COMMAND_TIMEOUT_MS = 30_000;
const runCommand = (file, args, options = {}) => (0,_child__WEBPACK_IMPORTED_MODULE_0__/* .runChild */ .w)(file, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? QUICK_COMMAND_TIMEOUT_MS,
    ...(options.onLine ? { onLine: options.onLine } : {}),
});


/***/ }),

/***/ 88789:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JO: () => (/* binding */ canUnshareNetwork),
/* harmony export */   mT: () => (/* binding */ recordInit)
/* harmony export */ });
/* unused harmony exports INIT_DEADLINE_MS, parseRecording */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(80420);
/* harmony import */ var _child__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(42960);
// Static mode's way into an init script: run the init's own command with a recording
// `kafka-topics` first on PATH, and read back each call. That reads a script as bash reads it
// (functions, variables, loops, inline `bash -c`), which no parser of ours would. What runs is
// the pull request's own script, so it runs without network (a network namespace where the
// kernel allows one), within a deadline, with nothing of the job's environment but the init's
// own `environment:`, from an empty folder that is removed afterwards.





/** An init that creates topics is done in well under a second with the recording stand-ins. */
const INIT_DEADLINE_MS = 10_000;
const MAX_RECORD_BYTES = 1024 * 1024;
const CALL_END = '\u0001';
/** Each call appends its name and arguments, NUL-separated, then an end mark. It answers nothing
 * else. */
const RECORDER = `#!/bin/sh
printf '%s\\0' "\${0##*/}" >>"$INFRA_VERIFY_RECORD"
for arg in "$@"; do printf '%s\\0' "$arg" >>"$INFRA_VERIFY_RECORD"; done
printf '${CALL_END}\\0' >>"$INFRA_VERIFY_RECORD"
exit 0
`;
/** What an init may call or wait on: each answers "done" at once and is recorded; cqlsh too, so
 * a schema init never reaches for a server. */
const STAND_INS = ['kafka-topics', 'kafka-topics.sh', 'kafka-broker-api-versions', 'cub', 'cqlsh'];
let networkNamespace;
/** `unshare -n` needs root or unprivileged user namespaces, which some kernels forbid. Asked
 * once, without blocking: inits recorded side by side share the answer, and static mode asks
 * early, while compose resolves the project. */
function canUnshareNetwork() {
    networkNamespace ??= (0,_child__WEBPACK_IMPORTED_MODULE_4__/* .runChild */ .w)('unshare', ['-n', 'true'], { timeoutMs: 5000 }).then((result) => result.exitCode === 0, () => false);
    return networkNamespace;
}
function parseRecording(text) {
    const calls = [];
    let call = [];
    for (const part of text.split('\0').slice(0, -1)) {
        if (part === CALL_END) {
            calls.push(call);
            call = [];
        }
        else {
            call.push(part);
        }
    }
    return calls;
}
const recordInit = async ({ argv, env }) => {
    const [command, ...args] = argv;
    if (command === undefined)
        return { unreadable: 'it runs its image’s default command' };
    // `cqlsh -f schema.cql` as the whole command: the stand-in would only write down this call.
    if (STAND_INS.includes(command)) {
        return {
            calls: [[command, ...args]],
            exitCode: 0,
            isolation: `its command is ${command} itself, read as written`,
        };
    }
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'infra-verify-init-'));
    try {
        const bin = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'bin');
        const record = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'record');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(record, '');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(bin);
        for (const name of STAND_INS) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(bin, name), RECORDER);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(bin, name), 0o755);
        }
        const isolated = await canUnshareNetwork();
        const [file, fileArgs] = isolated
            ? ['unshare', ['-n', '--', command, ...args]]
            : [command, args];
        const result = await (0,_child__WEBPACK_IMPORTED_MODULE_4__/* .runChild */ .w)(file, fileArgs, {
            cwd: dir,
            timeoutMs: INIT_DEADLINE_MS,
            maxOutputBytes: MAX_RECORD_BYTES,
            env: {
                ...env,
                PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
                HOME: dir,
                INFRA_VERIFY_RECORD: record,
            },
        });
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(record, 'utf8').slice(0, MAX_RECORD_BYTES);
        return {
            calls: parseRecording(text),
            exitCode: result.exitCode,
            isolation: isolated
                ? 'no network (its own network namespace)'
                : 'no network namespace here (unshare -n is not permitted); a clean environment and a deadline',
        };
    }
    catch (error) {
        return { unreadable: `running it failed: ${(0,_model_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}` };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
};


/***/ }),

/***/ 62510:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ TWIN_TOPOLOGIES),
/* harmony export */   W: () => (/* binding */ TWIN_PROFILES)
/* harmony export */ });
const TWIN_PROFILES = ['single', 'cluster', 'kraft', 'secure'];
/** One server of each kind, as docker-compose.yml runs them, in TWIN_HOME itself. */
const SINGLE = {
    folder: '',
    label: 'twin',
    controller: 'zookeeper',
    security: 'plaintext',
    brokers: { count: 1, release: 'kafka', heap: { initial: '256m', max: '512m' }, overrides: {} },
    nodes: {
        count: 1,
        clusterName: 'chatbattle',
        heap: '1g',
        directMemory: '256m',
        extraYaml: [],
        extraProperties: [],
    },
    inits: { topicSettings: {}, extraCqlFiles: [] },
    timeouts: { controllerMs: 60_000, brokerMs: 90_000, nodeMs: 180_000, initMs: 120_000 },
};
const CLUSTER_SIZE = 3;
/**
 * One ZooKeeper, three brokers and three Cassandra nodes. Replicated internal topics and a second
 * in-sync replica required: a broker down is then visible as under-replication, as on a
 * production cluster. The inits ask for three replicas, two in sync, and a replicated keyspace.
 */
const CLUSTER = {
    folder: 'cluster',
    label: 'cluster twin',
    controller: 'zookeeper',
    security: 'plaintext',
    brokers: {
        count: CLUSTER_SIZE,
        release: 'kafka',
        heap: { initial: '128m', max: '256m' },
        overrides: {
            'offsets.topic.replication.factor': CLUSTER_SIZE,
            'transaction.state.log.replication.factor': CLUSTER_SIZE,
            'transaction.state.log.min.isr': 2,
            'default.replication.factor': CLUSTER_SIZE,
            'min.insync.replicas': 2,
        },
    },
    nodes: {
        count: CLUSTER_SIZE,
        clusterName: 'chatbattle-cluster',
        heap: '512m',
        directMemory: '128m',
        location: { datacenter: 'datacenter1', rack: 'rack1' },
        // Every node is a seed of a new, empty cluster: nothing to stream, so no bootstrap.
        extraYaml: ['auto_bootstrap: false'],
        // A node may come back in another datacenter than it left (the cluster suite retires one).
        extraProperties: ['-Dcassandra.ignore_dc=true'],
    },
    inits: {
        topicSettings: { REPLICATION_FACTOR: String(CLUSTER_SIZE), MIN_INSYNC_REPLICAS: '2' },
        extraCqlFiles: ['twin/cluster/replication.cql'],
    },
    // Three Cassandra JVMs starting at once on two shared cores: more than the single node's 180 s.
    timeouts: { controllerMs: 60_000, brokerMs: 120_000, nodeMs: 300_000, initMs: 120_000 },
};
/** The single twin with Kafka its own controller (combined mode) and no ZooKeeper. */
const KRAFT = {
    ...SINGLE,
    folder: 'kraft',
    label: 'KRaft twin',
    controller: 'kraft',
};
/**
 * A stack as teams run it in staging: Kafka 4 on KRaft behind one SASL_SSL listener with ACLs,
 * Cassandra with TLS, passwords and roles in a datacenter that is not datacenter1. Same ports as
 * the others; the controller on the ZooKeeper port, as on KRaft.
 */
const SECURE = {
    ...KRAFT,
    folder: 'secure',
    label: 'secure twin',
    security: 'secured',
    brokers: { ...SINGLE.brokers, release: 'kafka4' },
    nodes: { ...SINGLE.nodes, location: { datacenter: 'eu-west-1', rack: 'rack1' } },
};
const TWIN_TOPOLOGIES = {
    single: SINGLE,
    cluster: CLUSTER,
    kraft: KRAFT,
    secure: SECURE,
};


/***/ }),

/***/ 33399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ RUNTIME_NAMES)
/* harmony export */ });
// The runtimes a command names (`--runtime`), apart from the runtimes themselves: the shells list
// them in their options without loading what runs a stack.
const RUNTIME_NAMES = ['compose', 'local'];


/***/ }),

/***/ 42613:
/***/ ((module) => {

"use strict";
module.exports = require("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 76982:
/***/ ((module) => {

"use strict";
module.exports = require("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

"use strict";
module.exports = require("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

"use strict";
module.exports = require("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ 65692:
/***/ ((module) => {

"use strict";
module.exports = require("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

"use strict";
module.exports = require("net");

/***/ }),

/***/ 31421:
/***/ ((module) => {

"use strict";
module.exports = require("node:child_process");

/***/ }),

/***/ 77598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 71553:
/***/ ((module) => {

"use strict";
module.exports = require("node:dns/promises");

/***/ }),

/***/ 78474:
/***/ ((module) => {

"use strict";
module.exports = require("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 77030:
/***/ ((module) => {

"use strict";
module.exports = require("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

"use strict";
module.exports = require("node:process");

/***/ }),

/***/ 41692:
/***/ ((module) => {

"use strict";
module.exports = require("node:tls");

/***/ }),

/***/ 57975:
/***/ ((module) => {

"use strict";
module.exports = require("node:util");

/***/ }),

/***/ 70857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

"use strict";
module.exports = require("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

"use strict";
module.exports = require("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

"use strict";
module.exports = require("stream");

/***/ }),

/***/ 64756:
/***/ ((module) => {

"use strict";
module.exports = require("tls");

/***/ }),

/***/ 87016:
/***/ ((module) => {

"use strict";
module.exports = require("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

"use strict";
module.exports = require("util");

/***/ }),

/***/ 69154:
/***/ ((module) => {

"use strict";
module.exports = require("vm");

/***/ }),

/***/ 43106:
/***/ ((module) => {

"use strict";
module.exports = require("zlib");

/***/ }),

/***/ 7313:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { Argument } = __nccwpck_require__(20854);
const { Command } = __nccwpck_require__(49600);
const { CommanderError, InvalidArgumentError } = __nccwpck_require__(49851);
const { Help } = __nccwpck_require__(71518);
const { Option } = __nccwpck_require__(97596);

exports.DM = new Command();

exports.gu = (name) => new Command(name);
exports.Ww = (flags, description) => new Option(flags, description);
exports.er = (name, description) => new Argument(name, description);

/**
 * Expose classes
 */

exports.uB = Command;
exports.c$ = Option;
exports.ef = Argument;
exports._V = Help;

exports.b7 = CommanderError;
exports.Di = InvalidArgumentError;
exports.a2 = InvalidArgumentError; // Deprecated


/***/ }),

/***/ 20854:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(49851);

class Argument {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */

  constructor(name, description) {
    this.description = description || '';
    this.variadic = false;
    this.parseArg = undefined;
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.argChoices = undefined;

    switch (name[0]) {
      case '<': // e.g. <required>
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case '[': // e.g. [optional]
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }

    if (this._name.endsWith('...')) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }

  /**
   * Return argument name.
   *
   * @return {string}
   */

  name() {
    return this._name;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }

  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
}

/**
 * Takes an argument and returns its human readable equivalent for help usage.
 *
 * @param {Argument} arg
 * @return {string}
 * @private
 */

function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? '...' : '');

  return arg.required ? '<' + nameOutput + '>' : '[' + nameOutput + ']';
}

exports.Argument = Argument;
exports.humanReadableArgName = humanReadableArgName;


/***/ }),

/***/ 49600:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(78474).EventEmitter);
const childProcess = __nccwpck_require__(31421);
const path = __nccwpck_require__(76760);
const fs = __nccwpck_require__(73024);
const process = __nccwpck_require__(1708);

const { Argument, humanReadableArgName } = __nccwpck_require__(20854);
const { CommanderError } = __nccwpck_require__(49851);
const { Help, stripColor } = __nccwpck_require__(71518);
const { Option, DualOptions } = __nccwpck_require__(97596);
const { suggestSimilar } = __nccwpck_require__(19266);

class Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */

  constructor(name) {
    super();
    /** @type {Command[]} */
    this.commands = [];
    /** @type {Option[]} */
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    /** @type {Argument[]} */
    this.registeredArguments = [];
    this._args = this.registeredArguments; // deprecated old name
    /** @type {string[]} */
    this.args = []; // cli args with options removed
    this.rawArgs = [];
    this.processedArgs = []; // like .args but after custom processing and collecting variadic
    this._scriptPath = null;
    this._name = name || '';
    this._optionValues = {};
    this._optionValueSources = {}; // default, env, cli etc
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null; // custom name for executable
    this._executableDir = null; // custom search directory for subcommands
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = '';
    this._summary = '';
    this._argsDescription = undefined; // legacy
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {}; // a hash of arrays
    /** @type {(boolean | string)} */
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null; // used in save/restoreStateBeforeParse

    // see configureOutput() for docs
    this._outputConfiguration = {
      writeOut: (str) => process.stdout.write(str),
      writeErr: (str) => process.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () =>
        process.stdout.isTTY ? process.stdout.columns : undefined,
      getErrHelpWidth: () =>
        process.stderr.isTTY ? process.stderr.columns : undefined,
      getOutHasColors: () =>
        useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
      getErrHasColors: () =>
        useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
      stripColor: (str) => stripColor(str),
    };

    this._hidden = false;
    /** @type {(Option | null | undefined)} */
    this._helpOption = undefined; // Lazy created on demand. May be null if help option is disabled.
    this._addImplicitHelpCommand = undefined; // undecided whether true or false yet, not inherited
    /** @type {Command} */
    this._helpCommand = undefined; // lazy initialised, inherited
    this._helpConfiguration = {};
    /** @type {string | undefined} */
    this._helpGroupHeading = undefined; // soft initialised when added to parent
    /** @type {string | undefined} */
    this._defaultCommandGroup = undefined;
    /** @type {string | undefined} */
    this._defaultOptionGroup = undefined;
  }

  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue =
      sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;

    return this;
  }

  /**
   * @returns {Command[]}
   * @private
   */

  _getCommandAndAncestors() {
    const result = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }

  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */

  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === 'object' && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);

    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden); // noHelp is deprecated old name for hidden
    cmd._executableFile = opts.executableFile || null; // Custom name for executable file, set missing to null to match constructor
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);

    if (desc) return this;
    return cmd;
  }

  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */

  createCommand(name) {
    return new Command(name);
  }

  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */

  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }

  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureHelp(configuration) {
    if (configuration === undefined) return this._helpConfiguration;

    this._helpConfiguration = configuration;
    return this;
  }

  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureOutput(configuration) {
    if (configuration === undefined) return this._outputConfiguration;

    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration,
    };
    return this;
  }

  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== 'string') displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }

  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }

  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */

  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }

    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true; // modifying passed command due to existing implementation

    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();

    return this;
  }

  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */

  createArgument(name, description) {
    return new Argument(name, description);
  }

  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === 'function') {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }

  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */

  arguments(names) {
    names
      .trim()
      .split(/ +/)
      .forEach((detail) => {
        this.argument(detail);
      });
    return this;
  }

  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`,
      );
    }
    if (
      argument.required &&
      argument.defaultValue !== undefined &&
      argument.parseArg === undefined
    ) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`,
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }

  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */

  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === 'boolean') {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        // make the command to store the group
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }

    const nameAndArgs = enableOrNameAndArgs ?? 'help [command]';
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? 'display help for command';

    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    // init group unless lazy create
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);

    return this;
  }

  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    // If not passed an object, call through to helpCommand for backwards compatibility,
    // as addHelpCommand was originally used like helpCommand is now.
    if (typeof helpCommand !== 'object') {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }

  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand =
      this._addImplicitHelpCommand ??
      (this.commands.length &&
        !this._actionHandler &&
        !this._findCommand('help'));

    if (hasImplicitHelpCommand) {
      if (this._helpCommand === undefined) {
        this.helpCommand(undefined, undefined); // use default name and description
      }
      return this._helpCommand;
    }
    return null;
  }

  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */

  hook(event, listener) {
    const allowedValues = ['preSubcommand', 'preAction', 'postAction'];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }

  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */

  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== 'commander.executeSubCommandAsync') {
          throw err;
        } else {
          // Async callback from spawn events, not useful to throw.
        }
      };
    }
    return this;
  }

  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */

  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
      // Expecting this line is not reached.
    }
    process.exit(exitCode);
  }

  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */

  action(fn) {
    const listener = (args) => {
      // The .action callback takes an extra parameter which is the command or options.
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this; // backwards compatible "options"
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);

      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }

  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */

  createOption(flags, description) {
    return new Option(flags, description);
  }

  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */

  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === 'commander.invalidArgument') {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }

  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */

  _registerOption(option) {
    const matchingOption =
      (option.short && this._findOption(option.short)) ||
      (option.long && this._findOption(option.long));
    if (matchingOption) {
      const matchingFlag =
        option.long && this._findOption(option.long)
          ? option.long
          : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }

    this._initOptionGroup(option);
    this.options.push(option);
  }

  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */

  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };

    const alreadyUsed = knownBy(command).find((name) =>
      this._findCommand(name),
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join('|');
      const newCmd = knownBy(command).join('|');
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`,
      );
    }

    this._initCommandGroup(command);
    this.commands.push(command);
  }

  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);

    const oname = option.name();
    const name = option.attributeName();

    // store default value
    if (option.negate) {
      // --no-foo is special and defaults foo to true, unless a --foo option is already defined
      const positiveLongFlag = option.long.replace(/^--no-/, '--');
      if (!this._findOption(positiveLongFlag)) {
        this.setOptionValueWithSource(
          name,
          option.defaultValue === undefined ? true : option.defaultValue,
          'default',
        );
      }
    } else if (option.defaultValue !== undefined) {
      this.setOptionValueWithSource(name, option.defaultValue, 'default');
    }

    // handler for cli and env supplied values
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      // val is null for optional option used without an optional-argument.
      // val is undefined for boolean and negated option.
      if (val == null && option.presetArg !== undefined) {
        val = option.presetArg;
      }

      // custom processing
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }

      // Fill-in appropriate missing values. Long winded but easy to follow.
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = ''; // not normal, parseArg might have failed or be a mock function for testing
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };

    this.on('option:' + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, 'cli');
    });

    if (option.envVar) {
      this.on('optionEnv:' + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, 'env');
      });
    }

    return this;
  }

  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === 'object' && flags instanceof Option) {
      throw new Error(
        'To add an Option object use addOption() instead of option() or requiredOption()',
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === 'function') {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      // deprecated
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }

    return this.addOption(option);
  }

  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }

  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue,
    );
  }

  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }

  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }

  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }

  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }

  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }

  /**
   * @private
   */

  _checkForBrokenPassThrough() {
    if (
      this.parent &&
      this._passThroughOptions &&
      !this.parent._enablePositionalOptions
    ) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
      );
    }
  }

  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */

  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error('call .storeOptionsAsProperties() before adding options');
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        'call .storeOptionsAsProperties() before setting option values',
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }

  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */

  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }

  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */

  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, undefined);
  }

  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */

  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }

  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }

  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSourceWithGlobals(key) {
    // global overwrites local, like optsWithGlobals
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (cmd.getOptionValueSource(key) !== undefined) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }

  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */

  _prepareUserArgs(argv, parseOptions) {
    if (argv !== undefined && !Array.isArray(argv)) {
      throw new Error('first parameter to parse must be array or undefined');
    }
    parseOptions = parseOptions || {};

    // auto-detect argument conventions if nothing supplied
    if (argv === undefined && parseOptions.from === undefined) {
      if (process.versions?.electron) {
        parseOptions.from = 'electron';
      }
      // check node specific options for scenarios where user CLI args follow executable without scriptname
      const execArgv = process.execArgv ?? [];
      if (
        execArgv.includes('-e') ||
        execArgv.includes('--eval') ||
        execArgv.includes('-p') ||
        execArgv.includes('--print')
      ) {
        parseOptions.from = 'eval'; // internal usage, not documented
      }
    }

    // default to using process.argv
    if (argv === undefined) {
      argv = process.argv;
    }
    this.rawArgs = argv.slice();

    // extract the user args and scriptPath
    let userArgs;
    switch (parseOptions.from) {
      case undefined:
      case 'node':
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case 'electron':
        // @ts-ignore: because defaultApp is an unknown property
        if (process.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case 'user':
        userArgs = argv.slice(0);
        break;
      case 'eval':
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`,
        );
    }

    // Find default name for program from arguments.
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || 'program';

    return userArgs;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */

  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);

    return this;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */

  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);

    return this;
  }

  _prepareForParse() {
    if (this._savedState === null) {
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }

  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources },
    };
  }

  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);

    // clear state from _prepareUserArgs
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    // clear state from setOptionValueWithSource
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    // clear state from _parseCommand
    this.args = [];
    // clear state from _processArguments
    this.processedArgs = [];
  }

  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;

    const executableDirMessage = executableDir
      ? `searched for local subcommand relative to directory '${executableDir}'`
      : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory';
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }

  /**
   * Execute a sub-command executable.
   *
   * @private
   */

  _executeSubCommand(subcommand, args) {
    args = args.slice();
    let launchWithNode = false; // Use node for source targets so do not need to get permissions correct, and on Windows.
    const sourceExt = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];

    function findFile(baseDir, baseName) {
      // Look for specified file
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;

      // Stop looking if candidate already has an expected extension.
      if (sourceExt.includes(path.extname(baseName))) return undefined;

      // Try all the extensions.
      const foundExt = sourceExt.find((ext) =>
        fs.existsSync(`${localBin}${ext}`),
      );
      if (foundExt) return `${localBin}${foundExt}`;

      return undefined;
    }

    // Not checking for help first. Unlikely to have mandatory and executable, and can't robustly test for help flags in external command.
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // executableFile and executableDir might be full path, or just a name
    let executableFile =
      subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || '';
    if (this._scriptPath) {
      let resolvedScriptPath; // resolve possible symlink for installed npm binary
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir,
      );
    }

    // Look for a local file in preference to a command in PATH.
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);

      // Legacy search using prefix of script name instead of command name
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath),
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`,
          );
        }
      }
      executableFile = localFile || executableFile;
    }

    launchWithNode = sourceExt.includes(path.extname(executableFile));

    let proc;
    if (process.platform !== 'win32') {
      if (launchWithNode) {
        args.unshift(executableFile);
        // add executable arguments to spawn
        args = incrementNodeInspectorPort(process.execArgv).concat(args);

        proc = childProcess.spawn(process.argv[0], args, { stdio: 'inherit' });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: 'inherit' });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name,
      );
      args.unshift(executableFile);
      // add executable arguments to spawn
      args = incrementNodeInspectorPort(process.execArgv).concat(args);
      proc = childProcess.spawn(process.execPath, args, { stdio: 'inherit' });
    }

    if (!proc.killed) {
      // testing mainly to avoid leak warnings during unit tests with mocked spawn
      const signals = ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'];
      signals.forEach((signal) => {
        process.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            // @ts-ignore because signals not typed to known strings
            proc.kill(signal);
          }
        });
      });
    }

    // By default terminate process when spawned process terminates.
    const exitCallback = this._exitCallback;
    proc.on('close', (code) => {
      code = code ?? 1; // code is null if spawned process terminated due to a signal
      if (!exitCallback) {
        process.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            'commander.executeSubCommandAsync',
            '(close)',
          ),
        );
      }
    });
    proc.on('error', (err) => {
      // @ts-ignore: because err.code is an unknown property
      if (err.code === 'ENOENT') {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name,
        );
        // @ts-ignore: because err.code is an unknown property
      } else if (err.code === 'EACCES') {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          'commander.executeSubCommandAsync',
          '(error)',
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });

    // Store the reference to the child process
    this.runningCommand = proc;
  }

  /**
   * @private
   */

  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });

    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      'preSubcommand',
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }

  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */

  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }

    // Fallback to parsing the help flag to invoke the help.
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
    );
  }

  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */

  _checkNumberOfArguments() {
    // too few
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    // too many
    if (
      this.registeredArguments.length > 0 &&
      this.registeredArguments[this.registeredArguments.length - 1].variadic
    ) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }

  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */

  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      // Extra processing for nice error message on parsing failure.
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage,
        );
      }
      return parsedValue;
    };

    this._checkNumberOfArguments();

    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        // Collect together remaining arguments for passing together as an array.
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === undefined) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }

  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCall(promise, fn) {
    // thenable
    if (promise?.then && typeof promise.then === 'function') {
      // already have a promise, chain callback
      return promise.then(() => fn());
    }
    // callback might return a promise
    return fn();
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors()
      .reverse()
      .filter((cmd) => cmd._lifeCycleHooks[event] !== undefined)
      .forEach((hookedCommand) => {
        hookedCommand._lifeCycleHooks[event].forEach((callback) => {
          hooks.push({ hookedCommand, callback });
        });
      });
    if (event === 'postAction') {
      hooks.reverse();
    }

    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== undefined) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }

  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */

  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv(); // after cli, so parseArg not called on both cli and env
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);

    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (
      this._getHelpCommand() &&
      operands[0] === this._getHelpCommand().name()
    ) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown); // Run the help for default command from parent rather than passing to default command
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown,
      );
    }
    if (
      this.commands.length &&
      this.args.length === 0 &&
      !this._actionHandler &&
      !this._defaultCommandName
    ) {
      // probably missing subcommand and no handler, user needs help (and exit)
      this.help({ error: true });
    }

    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // We do not always call this check to avoid masking a "better" error, like unknown command.
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };

    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();

      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, 'preAction');
      promiseChain = this._chainOrCall(promiseChain, () =>
        this._actionHandler(this.processedArgs),
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown); // legacy
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, 'postAction');
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown); // legacy
    } else if (operands.length) {
      if (this._findCommand('*')) {
        // legacy default command
        return this._dispatchSubcommand('*', operands, unknown);
      }
      if (this.listenerCount('command:*')) {
        // skip option check, emit event for possible misspelling suggestion
        this.emit('command:*', operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      // This command has subcommands and nothing hooked up at this level, so display help (and exit).
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
      // fall through for caller to handle after calling .parse()
    }
  }

  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return undefined;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name),
    );
  }

  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */

  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }

  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */

  _checkForMissingMandatoryOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (
          anOption.mandatory &&
          cmd.getOptionValue(anOption.attributeName()) === undefined
        ) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }

  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === undefined) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== 'default';
    });

    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0,
    );

    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find((defined) =>
        option.conflictsWith.includes(defined.attributeName()),
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }

  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }

  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */

  parseOptions(args) {
    const operands = []; // operands, not options or values
    const unknown = []; // first unknown option and remaining unknown args
    let dest = operands;

    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === '-';
    }

    const negativeNumberArg = (arg) => {
      // return false if not a negative number
      if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
      // negative number is ok unless digit used as an option in command hierarchy
      return !this._getCommandAndAncestors().some((cmd) =>
        cmd.options
          .map((opt) => opt.short)
          .some((short) => /^-\d$/.test(short)),
      );
    };

    // parse options
    let activeVariadicOption = null;
    let activeGroup = null; // working through group of short options, like -abc
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;

      // literal
      if (arg === '--') {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }

      if (
        activeVariadicOption &&
        (!maybeOption(arg) || negativeNumberArg(arg))
      ) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;

      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        // recognised option, call listener to assign value with possible custom processing
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === undefined) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            // historical behaviour is optional value is following arg unless an option
            if (
              i < args.length &&
              (!maybeOption(args[i]) || negativeNumberArg(args[i]))
            ) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            // boolean flag
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }

      // Look for combo options following single dash, eat first one if known.
      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (
            option.required ||
            (option.optional && this._combineFlagAndOptionalValue)
          ) {
            // option with value following in same argument
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            // boolean option
            this.emit(`option:${option.name()}`);
            // remove the processed option and keep processing group
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }

      // Look for known long flag with value, like --foo=bar
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf('=');
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }

      // Not a recognised option by this command.
      // Might be a command-argument, or subcommand option, or unknown option, or help command or option.

      // An unknown option means further arguments also classified as unknown so can be reprocessed by subcommands.
      // A negative number in a leaf command is not an unknown option.
      if (
        dest === operands &&
        maybeOption(arg) &&
        !(this.commands.length === 0 && negativeNumberArg(arg))
      ) {
        dest = unknown;
      }

      // If using positionalOptions, stop processing our options at subcommand.
      if (
        (this._enablePositionalOptions || this._passThroughOptions) &&
        operands.length === 0 &&
        unknown.length === 0
      ) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (
          this._getHelpCommand() &&
          arg === this._getHelpCommand().name()
        ) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }

      // If using passThroughOptions, stop processing options at first command-argument.
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }

      // add arg
      dest.push(arg);
    }

    return { operands, unknown };
  }

  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      // Preserve original behaviour so backwards compatible when still using properties
      const result = {};
      const len = this.options.length;

      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] =
          key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }

    return this._optionValues;
  }

  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    // globals overwrite locals
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {},
    );
  }

  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    // output handling
    this._outputConfiguration.outputError(
      `${message}\n`,
      this._outputConfiguration.writeErr,
    );
    if (typeof this._showHelpAfterError === 'string') {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}\n`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr('\n');
      this.outputHelp({ error: true });
    }

    // exit handling
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || 'commander.error';
    this._exit(exitCode, code, message);
  }

  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process.env) {
        const optionKey = option.attributeName();
        // Priority check. Do not overwrite cli or options from unknown source (client-code).
        if (
          this.getOptionValue(optionKey) === undefined ||
          ['default', 'config', 'env'].includes(
            this.getOptionValueSource(optionKey),
          )
        ) {
          if (option.required || option.optional) {
            // option can take a value
            // keep very simple, optional always takes value
            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
          } else {
            // boolean
            // keep very simple, only care that envVar defined and not the value
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }

  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return (
        this.getOptionValue(optionKey) !== undefined &&
        !['default', 'implied'].includes(this.getOptionValueSource(optionKey))
      );
    };
    this.options
      .filter(
        (option) =>
          option.implied !== undefined &&
          hasCustomOptionValue(option.attributeName()) &&
          dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option,
          ),
      )
      .forEach((option) => {
        Object.keys(option.implied)
          .filter((impliedKey) => !hasCustomOptionValue(impliedKey))
          .forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              'implied',
            );
          });
      });
  }

  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */

  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: 'commander.missingArgument' });
  }

  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */

  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: 'commander.optionMissingArgument' });
  }

  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */

  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: 'commander.missingMandatoryOptionValue' });
  }

  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    // The calling code does not know whether a negated option is the source of the
    // value, so do some work to take an educated guess.
    const findBestOptionFromValue = (option) => {
      const optionKey = option.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName(),
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName(),
      );
      if (
        negativeOption &&
        ((negativeOption.presetArg === undefined && optionValue === false) ||
          (negativeOption.presetArg !== undefined &&
            optionValue === negativeOption.presetArg))
      ) {
        return negativeOption;
      }
      return positiveOption || option;
    };

    const getErrorMessage = (option) => {
      const bestOption = findBestOptionFromValue(option);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === 'env') {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };

    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: 'commander.conflictingOption' });
  }

  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */

  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = '';

    if (flag.startsWith('--') && this._showSuggestionAfterError) {
      // Looping to pick up the global options too
      let candidateFlags = [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      let command = this;
      do {
        const moreFlags = command
          .createHelp()
          .visibleOptions(command)
          .filter((option) => option.long)
          .map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }

    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: 'commander.unknownOption' });
  }

  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */

  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;

    const expected = this.registeredArguments.length;
    const s = expected === 1 ? '' : 's';
    const forSubcommand = this.parent ? ` for '${this.name()}'` : '';
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
    this.error(message, { code: 'commander.excessArguments' });
  }

  /**
   * Unknown command.
   *
   * @private
   */

  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = '';

    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp()
        .visibleCommands(this)
        .forEach((command) => {
          candidateNames.push(command.name());
          // just visible alias
          if (command.alias()) candidateNames.push(command.alias());
        });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }

    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: 'commander.unknownCommand' });
  }

  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */

  version(str, flags, description) {
    if (str === undefined) return this._version;
    this._version = str;
    flags = flags || '-V, --version';
    description = description || 'output the version number';
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);

    this.on('option:' + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}\n`);
      this._exit(0, 'commander.version', str);
    });
    return this;
  }

  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === undefined && argsDescription === undefined)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }

  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === undefined) return this._summary;
    this._summary = str;
    return this;
  }

  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */

  alias(alias) {
    if (alias === undefined) return this._aliases[0]; // just return first, for backwards compatibility

    /** @type {Command} */
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let command = this;
    if (
      this.commands.length !== 0 &&
      this.commands[this.commands.length - 1]._executableHandler
    ) {
      // assume adding alias for last added executable subcommand, rather than this
      command = this.commands[this.commands.length - 1];
    }

    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      // c.f. _registerCommand
      const existingCmd = [matchingCommand.name()]
        .concat(matchingCommand.aliases())
        .join('|');
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`,
      );
    }

    command._aliases.push(alias);
    return this;
  }

  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */

  aliases(aliases) {
    // Getter for the array of aliases is the main reason for having aliases() in addition to alias().
    if (aliases === undefined) return this._aliases;

    aliases.forEach((alias) => this.alias(alias));
    return this;
  }

  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  usage(str) {
    if (str === undefined) {
      if (this._usage) return this._usage;

      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return []
        .concat(
          this.options.length || this._helpOption !== null ? '[options]' : [],
          this.commands.length ? '[command]' : [],
          this.registeredArguments.length ? args : [],
        )
        .join(' ');
    }

    this._usage = str;
    return this;
  }

  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  name(str) {
    if (str === undefined) return this._name;
    this._name = str;
    return this;
  }

  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */

  helpGroup(heading) {
    if (heading === undefined) return this._helpGroupHeading ?? '';
    this._helpGroupHeading = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:);
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === undefined) return this._defaultCommandGroup ?? '';
    this._defaultCommandGroup = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === undefined) return this._defaultOptionGroup ?? '';
    this._defaultOptionGroup = heading;
    return this;
  }

  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }

  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }

  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or require.main.filename, or __filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(require.main.filename);
   *
   * @param {string} filename
   * @return {Command}
   */

  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));

    return this;
  }

  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(__dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */

  executableDir(path) {
    if (path === undefined) return this._executableDir;
    this._executableDir = path;
    return this;
  }

  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */

  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors,
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }

  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */

  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }

  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === 'function') {
      deprecatedCallback = contextOptions;
      contextOptions = undefined;
    }

    const outputContext = this._getOutputContext(contextOptions);
    /** @type {HelpTextEventContext} */
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this,
    };

    this._getCommandAndAncestors()
      .reverse()
      .forEach((command) => command.emit('beforeAllHelp', eventContext));
    this.emit('beforeHelp', eventContext);

    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (
        typeof helpInformation !== 'string' &&
        !Buffer.isBuffer(helpInformation)
      ) {
        throw new Error('outputHelp callback must return a string or a Buffer');
      }
    }
    outputContext.write(helpInformation);

    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long); // deprecated
    }
    this.emit('afterHelp', eventContext);
    this._getCommandAndAncestors().forEach((command) =>
      command.emit('afterAllHelp', eventContext),
    );
  }

  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help' 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */

  helpOption(flags, description) {
    // Support enabling/disabling built-in help option.
    if (typeof flags === 'boolean') {
      if (flags) {
        if (this._helpOption === null) this._helpOption = undefined; // reenable
        if (this._defaultOptionGroup) {
          // make the option to store the group
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null; // disable
      }
      return this;
    }

    // Customise flags and description.
    this._helpOption = this.createOption(
      flags ?? '-h, --help',
      description ?? 'display help for command',
    );
    // init group unless lazy create
    if (flags || description) this._initOptionGroup(this._helpOption);

    return this;
  }

  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    // Lazy create help option on demand.
    if (this._helpOption === undefined) {
      this.helpOption(undefined, undefined);
    }
    return this._helpOption;
  }

  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }

  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process.exitCode ?? 0); // process.exitCode does allow a string or an integer, but we prefer just a number
    if (
      exitCode === 0 &&
      contextOptions &&
      typeof contextOptions !== 'function' &&
      contextOptions.error
    ) {
      exitCode = 1;
    }
    // message: do not have all displayed text available so only passing placeholder.
    this._exit(exitCode, 'commander.help', '(outputHelp)');
  }

  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */

  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */

  addHelpText(position, text) {
    const allowedValues = ['beforeAll', 'before', 'after', 'afterAll'];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }

    const helpEvent = `${position}Help`;
    this.on(helpEvent, (/** @type {HelpTextEventContext} */ context) => {
      let helpStr;
      if (typeof text === 'function') {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      // Ignore falsy value when nothing to output.
      if (helpStr) {
        context.write(`${helpStr}\n`);
      }
    });
    return this;
  }

  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */

  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      // (Do not have all displayed text available so only passing placeholder.)
      this._exit(0, 'commander.helpDisplayed', '(outputHelp)');
    }
  }
}

/**
 * Scan arguments and increment port number for inspect calls (to avoid conflicts when spawning new command).
 *
 * @param {string[]} args - array of arguments from node.execArgv
 * @returns {string[]}
 * @private
 */

function incrementNodeInspectorPort(args) {
  // Testing for these options:
  //  --inspect[=[host:]port]
  //  --inspect-brk[=[host:]port]
  //  --inspect-port=[host:]port
  return args.map((arg) => {
    if (!arg.startsWith('--inspect')) {
      return arg;
    }
    let debugOption;
    let debugHost = '127.0.0.1';
    let debugPort = '9229';
    let match;
    if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
      // e.g. --inspect
      debugOption = match[1];
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
    ) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        // e.g. --inspect=1234
        debugPort = match[3];
      } else {
        // e.g. --inspect=localhost
        debugHost = match[3];
      }
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null
    ) {
      // e.g. --inspect=localhost:1234
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }

    if (debugOption && debugPort !== '0') {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}

/**
 * @returns {boolean | undefined}
 * @package
 */
function useColor() {
  // Test for common conventions.
  // NB: the observed behaviour is in combination with how author adds color! For example:
  //   - we do not test NODE_DISABLE_COLORS, but util:styletext does
  //   - we do test NO_COLOR, but Chalk does not
  //
  // References:
  // https://no-color.org
  // https://bixense.com/clicolors/
  // https://github.com/nodejs/node/blob/0a00217a5f67ef4a22384cfc80eb6dd9a917fdc1/lib/internal/tty.js#L109
  // https://github.com/chalk/supports-color/blob/c214314a14bcb174b12b3014b2b0a8de375029ae/index.js#L33
  // (https://force-color.org recent web page from 2023, does not match major javascript implementations)

  if (
    process.env.NO_COLOR ||
    process.env.FORCE_COLOR === '0' ||
    process.env.FORCE_COLOR === 'false'
  )
    return false;
  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== undefined)
    return true;
  return undefined;
}

exports.Command = Command;
exports.useColor = useColor; // exporting for tests


/***/ }),

/***/ 49851:
/***/ ((__unused_webpack_module, exports) => {

/**
 * CommanderError class
 */
class CommanderError extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = undefined;
  }
}

/**
 * InvalidArgumentError class
 */
class InvalidArgumentError extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, 'commander.invalidArgument', message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
}

exports.CommanderError = CommanderError;
exports.InvalidArgumentError = InvalidArgumentError;


/***/ }),

/***/ 71518:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { humanReadableArgName } = __nccwpck_require__(20854);

/**
 * TypeScript import types for JSDoc, used by Visual Studio Code IntelliSense and `npm run typescript-checkJS`
 * https://www.typescriptlang.org/docs/handbook/jsdoc-supported-types.html#import-types
 * @typedef { import("./argument.js").Argument } Argument
 * @typedef { import("./command.js").Command } Command
 * @typedef { import("./option.js").Option } Option
 */

// Although this is a class, methods are static in style to allow override using subclass or just functions.
class Help {
  constructor() {
    this.helpWidth = undefined;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }

  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }

  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */

  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd) => !cmd._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        // @ts-ignore: because overloaded return type
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }

  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      // WYSIWYG for order displayed in help. Short used for comparison if present. No special handling for negated.
      return option.short
        ? option.short.replace(/^-/, '')
        : option.long.replace(/^--/, '');
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }

  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    // Built-in help option.
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      // Automatically hide conflicting flags. Bit dubious but a historical behaviour that is convenient for single-command programs.
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption); // no changes needed
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description),
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description),
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }

  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];

    const globalOptions = [];
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden,
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }

  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */

  visibleArguments(cmd) {
    // Side effect! Apply the legacy descriptions before the arguments are displayed.
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description =
          argument.description || cmd._argsDescription[argument.name()] || '';
      });
    }

    // If there are any arguments with a description then return all the arguments.
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }

  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandTerm(cmd) {
    // Legacy. Ignores custom usage string, and nested commands.
    const args = cmd.registeredArguments
      .map((arg) => humanReadableArgName(arg))
      .join(' ');
    return (
      cmd._name +
      (cmd._aliases[0] ? '|' + cmd._aliases[0] : '') +
      (cmd.options.length ? ' [options]' : '') + // simplistic check for non-help option
      (args ? ' ' + args : '')
    );
  }

  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */

  optionTerm(option) {
    return option.flags;
  }

  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */

  argumentTerm(argument) {
    return argument.name();
  }

  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command)),
        ),
      );
    }, 0);
  }

  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument)),
        ),
      );
    }, 0);
  }

  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandUsage(cmd) {
    // Usage
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + '|' + cmd._aliases[0];
    }
    let ancestorCmdNames = '';
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      ancestorCmdNames = ancestorCmd.name() + ' ' + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + ' ' + cmd.usage();
  }

  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.description();
  }

  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.summary() || cmd.description();
  }

  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */

  optionDescription(option) {
    const extraInfo = [];

    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (option.defaultValue !== undefined) {
      // default for boolean and negated more for programmer than end user,
      // but show true/false for boolean option as may be for hand-rolled env or config processing.
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
        );
      }
    }
    // preset for boolean and negated are more for programmer than end user
    if (option.presetArg !== undefined && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== undefined) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }

    return option.description;
  }

  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */

  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (argument.defaultValue !== undefined) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }

  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];

    return [helper.styleTitle(heading), ...items, ''];
  }

  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = new Map();
    // Add groups in order of appearance in unsortedItems.
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    // Add items in order of appearance in visibleItems.
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }

  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */

  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80; // in case prepareContext() was not called

    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }

    // Usage
    let output = [
      `${helper.styleTitle('Usage:')} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      '',
    ];

    // Description
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth,
        ),
        '',
      ]);
    }

    // Arguments
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument)),
      );
    });
    output = output.concat(
      this.formatItemList('Arguments:', argumentList, helper),
    );

    // Options
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? 'Options:',
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option)),
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });

    if (helper.showGlobalOptions) {
      const globalOptionList = helper
        .visibleGlobalOptions(cmd)
        .map((option) => {
          return callFormatItem(
            helper.styleOptionTerm(helper.optionTerm(option)),
            helper.styleOptionDescription(helper.optionDescription(option)),
          );
        });
      output = output.concat(
        this.formatItemList('Global Options:', globalOptionList, helper),
      );
    }

    // Commands
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || 'Commands:',
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub)),
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });

    return output.join('\n');
  }

  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripColor(str).length;
  }

  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }

  styleUsage(str) {
    // Usage has lots of parts the user might like to color separately! Assume default usage string which is formed like:
    //    command subcommand [options] [command] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word === '[command]') return this.styleSubcommandText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleCommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    // This is very like usage with lots of parts! Assume default string which is formed like:
    //    subcommand [options] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleSubcommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }

  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper),
    );
  }

  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }

  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = ' '.repeat(itemIndent);
    if (!description) return itemIndentStr + term;

    // Pad the term out to a consistent width, so descriptions are aligned.
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term),
    );

    // Format the description.
    const spacerWidth = 2; // between term and description
    const helpWidth = this.helpWidth ?? 80; // in case prepareContext() was not called
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (
      remainingWidth < this.minWidthToWrap ||
      helper.preformatted(description)
    ) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        '\n' + ' '.repeat(termWidth + spacerWidth),
      );
    }

    // Construct and overall indent.
    return (
      itemIndentStr +
      paddedTerm +
      ' '.repeat(spacerWidth) +
      formattedDescription.replace(/\n/g, `\n${itemIndentStr}`)
    );
  }

  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;

    const rawLines = str.split(/\r\n|\n/);
    // split up text by whitespace
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push('');
        return;
      }

      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        // Accumulate chunks while they fit into width.
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(''));

        const nextChunk = chunk.trimStart(); // trim space at line break
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(''));
    });

    return wrappedLines.join('\n');
  }
}

/**
 * Strip style ANSI escape sequences from the string. In particular, SGR (Select Graphic Rendition) codes.
 *
 * @param {string} str
 * @returns {string}
 * @package
 */

function stripColor(str) {
  // eslint-disable-next-line no-control-regex
  const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
  return str.replace(sgrPattern, '');
}

exports.Help = Help;
exports.stripColor = stripColor;


/***/ }),

/***/ 97596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(49851);

class Option {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */

  constructor(flags, description) {
    this.flags = flags;
    this.description = description || '';

    this.required = flags.includes('<'); // A value must be supplied when the option is specified.
    this.optional = flags.includes('['); // A value is optional when the option is specified.
    // variadic test ignores <value,...> et al which might be used to describe custom splitting of single argument
    this.variadic = /\w\.\.\.[>\]]$/.test(flags); // The option can take multiple values.
    this.mandatory = false; // The option must have a value after parsing, which usually means it must be specified on command line.
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag; // May be a short flag, undefined, or even a long flag (if option has two long flags).
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith('--no-');
    }
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.presetArg = undefined;
    this.envVar = undefined;
    this.parseArg = undefined;
    this.hidden = false;
    this.argChoices = undefined;
    this.conflictsWith = [];
    this.implied = undefined;
    this.helpGroupHeading = undefined; // soft initialised when option added to command
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */

  preset(arg) {
    this.presetArg = arg;
    return this;
  }

  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */

  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }

  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === 'string') {
      // string is not documented, but easy mistake and we can do what user probably intended.
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }

  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */

  env(name) {
    this.envVar = name;
    return this;
  }

  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */

  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }

  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */

  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Return option name.
   *
   * @return {string}
   */

  name() {
    if (this.long) {
      return this.long.replace(/^--/, '');
    }
    return this.short.replace(/^-/, '');
  }

  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */

  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ''));
    }
    return camelcase(this.name());
  }

  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }

  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */

  is(arg) {
    return this.short === arg || this.long === arg;
  }

  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */

  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
}

/**
 * This class is to make it easier to work with dual options, without changing the existing
 * implementation. We support separate dual options for separate positive and negative options,
 * like `--build` and `--no-build`, which share a single option value. This works nicely for some
 * use cases, but is tricky for others where we want separate behaviours despite
 * the single shared option value.
 */
class DualOptions {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = new Map();
    this.negativeOptions = new Map();
    this.dualOptions = new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }

  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;

    // Use the value to deduce if (probably) came from the option.
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== undefined ? preset : false;
    return option.negate === (negativeValue === value);
  }
}

/**
 * Convert string from kebab-case to camelCase.
 *
 * @param {string} str
 * @return {string}
 * @private
 */

function camelcase(str) {
  return str.split('-').reduce((str, word) => {
    return str + word[0].toUpperCase() + word.slice(1);
  });
}

/**
 * Split the short and long flag out of something like '-m,--mixed <value>'
 *
 * @private
 */

function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  // short flag, single dash and single character
  const shortFlagExp = /^-[^-]$/;
  // long flag, double dash and at least one character
  const longFlagExp = /^--[^-]/;

  const flagParts = flags.split(/[ |,]+/).concat('guard');
  // Normal is short and/or long.
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  // Long then short. Rarely used but fine.
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  // Allow two long flags, like '--ws, --workspace'
  // This is the supported way to have a shortish option flag.
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }

  // Check for unprocessed flag. Fail noisily rather than silently ignore.
  if (flagParts[0].startsWith('-')) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`,
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);

    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === undefined && longFlag === undefined)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`,
    );

  return { shortFlag, longFlag };
}

exports.Option = Option;
exports.DualOptions = DualOptions;


/***/ }),

/***/ 19266:
/***/ ((__unused_webpack_module, exports) => {

const maxDistance = 3;

function editDistance(a, b) {
  // https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance
  // Calculating optimal string alignment distance, no substring is edited more than once.
  // (Simple implementation.)

  // Quick early exit, return worst case.
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);

  // distance between prefix substrings of a and b
  const d = [];

  // pure deletions turn a into empty string
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  // pure insertions turn empty string into b
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }

  // fill matrix
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost = 1;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1, // deletion
        d[i][j - 1] + 1, // insertion
        d[i - 1][j - 1] + cost, // substitution
      );
      // transposition
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }

  return d[a.length][b.length];
}

/**
 * Find close matches, restricted to same number of edits.
 *
 * @param {string} word
 * @param {string[]} candidates
 * @returns {string}
 */

function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return '';
  // remove possible duplicates
  candidates = Array.from(new Set(candidates));

  const searchingOptions = word.startsWith('--');
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }

  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return; // no one character guesses

    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        // better edit distance, throw away previous worse matches
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });

  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }

  if (similar.length > 1) {
    return `\n(Did you mean one of ${similar.join(', ')}?)`;
  }
  if (similar.length === 1) {
    return `\n(Did you mean ${similar[0]}?)`;
  }
  return '';
}

exports.suggestSimilar = suggestSimilar;


/***/ }),

/***/ 13735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b7: () => (/* binding */ CommanderError),
/* harmony export */   c$: () => (/* binding */ Option),
/* harmony export */   uB: () => (/* binding */ Command)
/* harmony export */ });
/* unused harmony exports program, createCommand, createArgument, createOption, InvalidArgumentError, InvalidOptionArgumentError, Argument, Help */
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7313);


// wrapper to provide named exports for ESM.
const {
  /* program */ "DM": program,
  /* createCommand */ "gu": createCommand,
  /* createArgument */ "er": createArgument,
  /* createOption */ "Ww": createOption,
  /* CommanderError */ "b7": CommanderError,
  /* InvalidArgumentError */ "Di": InvalidArgumentError,
  /* InvalidOptionArgumentError */ "a2": InvalidOptionArgumentError, // deprecated old name
  /* Command */ "uB": Command,
  /* Argument */ "ef": Argument,
  /* Option */ "c$": Option,
  /* Help */ "_V": Help,
} = _index_js__WEBPACK_IMPORTED_MODULE_0__;


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ../../node_modules/commander/esm.mjs
var esm = __nccwpck_require__(13735);
;// CONCATENATED MODULE: ../../package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __nccwpck_require__(80420);
// EXTERNAL MODULE: ../../src/model/settings.ts
var settings = __nccwpck_require__(17414);
;// CONCATENATED MODULE: ../../src/app/stray-faults.ts
// The safety net at the top of the CLI and of the action's steps. An uncaught exception or an
// unhandled rejection (a driver's socket, a timer, a promise nobody awaited) would otherwise end
// the process with a stack trace, no report and the stack left up. Caught here instead: the user
// reads one line naming the cause, the stack trace goes to the debug log, and the run that is
// going on hears of it (verify's strayFault) so that it ends with its report and its teardown.

/** Installs the net for the rest of the process; resolves with the first fault's cause. */
function catchStrayFaults(tell, debug) {
    return new Promise((resolve) => {
        const caught = (error) => {
            try {
                debug.write(error instanceof Error && error.stack ? error.stack : String(error));
            }
            catch {
                // an unwritable debug log costs the trace, not the run
            }
            const cause = `internal error: ${(0,errors/* firstLineOf */.Qy)(error)} (the stack trace is in ${debug.where})`;
            tell(`infra-verify: ${cause}`);
            resolve(cause);
        };
        process.on('uncaughtException', caught);
        process.on('unhandledRejection', caught);
    });
}
/**
 * A command that has no teardown of its own ends as soon as the net catches a fault, with
 * `onFault` (its exit code): the cause is already printed, and what the command still had
 * running is not worth waiting for.
 */
function untilStrayFault(work, strayFault, onFault) {
    return strayFault ? Promise.race([work, strayFault.then(() => onFault)]) : work;
}

// EXTERNAL MODULE: ../../src/cli/options.ts
var cli_options = __nccwpck_require__(33910);
;// CONCATENATED MODULE: ../../src/cli/init.ts




/** strayFault: the CLI's safety net (see stray-faults.ts); init has nothing to tear down. */
function initCommand(setExitCode, strayFault) {
    return (0,cli_options/* stackCommand */.s7)('init', 'inspect a running stack (and its compose files), or with --static the compose files alone, and write an infra-spec.yml that it passes')
        .option('--static', 'draft from the compose files and the inits alone: no server is asked')
        .addOption((0,cli_options/* composeFileOption */.MD)())
        .addOption((0,cli_options/* composeProfileOption */.t6)())
        .addOption((0,cli_options/* envFileOption */.jA)())
        .addOption((0,cli_options/* runInitsOption */._w)())
        .option('--out <file>', 'where to write the spec', settings/* DEFAULT_SPEC_FILE */.fO)
        .option('--force', 'overwrite the file if it exists')
        .addOption((0,cli_options/* timeoutOption */.D5)('how long to wait for each server to answer', 20))
        .action(async (flags) => {
        try {
            // The drivers load only now, after the flags were read.
            const { runInit } = await Promise.all(/* import() */[__nccwpck_require__.e(363), __nccwpck_require__.e(662), __nccwpck_require__.e(618), __nccwpck_require__.e(819), __nccwpck_require__.e(663), __nccwpck_require__.e(362), __nccwpck_require__.e(398), __nccwpck_require__.e(181)]).then(__nccwpck_require__.bind(__nccwpck_require__, 42562));
            setExitCode(await untilStrayFault(runInit(flags), strayFault, cli_options/* EXIT */.dc.failed));
        }
        catch (error) {
            process.stderr.write(`infra-verify init: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
            setExitCode(error instanceof errors/* UserError */.yo ? cli_options/* EXIT */.dc.usage : cli_options/* EXIT */.dc.failed);
        }
    });
}

;// CONCATENATED MODULE: ../../src/app/report-files.ts
// Where the CLI writes its reports, checked before anything starts: a path that cannot be
// written, two reports on one path, or a report over an input file is a usage error (exit 2)
// while nothing has run yet. A write that still fails after the run is reported, and the run
// keeps its own exit code.



/** Standard output, for `--report-json -`. */
const STDOUT = '-';
function canonical(file) {
    const absolute = (0,external_node_path_.resolve)(file);
    return (0,external_node_fs_.existsSync)(absolute) ? (0,external_node_fs_.realpathSync)(absolute) : absolute;
}
/**
 * Makes a folder and its missing parents one level at a time: mkdirSync's recursive mode spins
 * forever where a parent exists but refuses children (Linux /proc).
 */
function makeFolders(folder) {
    const missing = [];
    for (let dir = (0,external_node_path_.resolve)(folder); !(0,external_node_fs_.existsSync)(dir); dir = (0,external_node_path_.dirname)(dir))
        missing.unshift(dir);
    for (const dir of missing)
        (0,external_node_fs_.mkdirSync)(dir);
}
function reason(error) {
    return error.code ?? (0,errors/* errorMessage */.gJ)(error);
}
/** Opens each path for appending (creating its folder), so a bad path fails before the run. */
function checkReportFiles(reports, inputs) {
    const taken = new Map(inputs.map((file) => [canonical(file), 'it is an input of this run']));
    const toStdout = reports.filter(({ file }) => file === STDOUT);
    if (toStdout.length > 1) {
        throw new errors/* UserError */.yo(`${toStdout.map(({ flag }) => flag).join(' and ')} both write to standard output; give one of them a file`);
    }
    for (const { flag, file } of reports) {
        if (file === STDOUT)
            continue;
        const path = canonical(file);
        const clash = taken.get(path);
        if (clash)
            throw new errors/* UserError */.yo(`${flag} ${file}: ${clash}; give each report its own file`);
        taken.set(path, `${flag} writes the same file`);
        const existed = (0,external_node_fs_.existsSync)(path);
        try {
            makeFolders((0,external_node_path_.dirname)(path));
            (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(path, 'a'));
        }
        catch (error) {
            throw new errors/* UserError */.yo(`${flag} ${file} cannot be written (${reason(error)}); give a writable path`);
        }
        if (!existed)
            (0,external_node_fs_.rmSync)(path, { force: true });
    }
}
/** Writes every report; returns one message per report that could not be written. */
function writeReportFiles(reports) {
    return reports.flatMap(({ flag, file, render }) => {
        try {
            if (file === STDOUT)
                process.stdout.write(render());
            else
                (0,external_node_fs_.writeFileSync)(file, render());
            return [];
        }
        catch (error) {
            return [`${flag} ${file} could not be written after the run (${reason(error)})`];
        }
    });
}

// EXTERNAL MODULE: ../../src/app/static-head-start.ts
var static_head_start = __nccwpck_require__(68471);
;// CONCATENATED MODULE: ../../src/cli/verify.ts




const EXIT_OF = {
    pass: cli_options/* EXIT */.dc.ok,
    failed: cli_options/* EXIT */.dc.failed,
    'not-ready': cli_options/* EXIT */.dc.stackDown,
};
function elapsedProgress() {
    const started = Date.now();
    return (message) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
        process.stderr.write(`[${seconds} s] ${message}\n`);
    };
}
/**
 * Ctrl-C (or a CI timeout's SIGTERM) would otherwise kill this process before verify's own
 * teardown, and the twin's JVMs are detached: they would outlive it. So take the stack down
 * first, then exit as the signal would have. Repeats are ignored meanwhile: npx and tsx relay
 * the terminal's SIGINT, so one Ctrl-C can arrive twice.
 */
function downOnSignal(runtime, keepUp) {
    const { lifecycle } = runtime;
    if (!lifecycle || keepUp)
        return () => undefined;
    let stopping = false;
    const onSignal = (signal) => {
        if (stopping)
            return;
        stopping = true;
        process.stderr.write(`infra-verify verify: ${signal}: taking the stack down (data kept)\n`);
        void lifecycle
            .down({ removeData: false })
            .catch((error) => process.stderr.write(`taking the stack down failed: ${error.message}\n`))
            .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    };
}
/** An existing stack is usually shared: it is written to only with --allow-writes. */
function isReadOnly(flags) {
    if (flags.readOnly && flags.allowWrites) {
        throw new cli_options/* UsageError */.eb('--read-only and --allow-writes contradict each other: give one');
    }
    return Boolean(flags.readOnly) || (flags.runtime === 'existing' && !flags.allowWrites);
}
function reportFiles(flags, renderers, report) {
    const { renderJson, renderJunit, renderMarkdown } = renderers;
    const render = (to) => () => to(report());
    return [
        { flag: '--report-json', file: flags.reportJson, render: render(renderJson) },
        { flag: '--junit', file: flags.junit, render: render(renderJunit) },
        { flag: '--summary-md', file: flags.summaryMd, render: render(renderMarkdown) },
    ].flatMap(({ file, ...rest }) => (file ? [{ file, ...rest }] : []));
}
/** --static: compose's answer asked before the run loads; a flag it cannot read is left for the
 * run to refuse. */
function headStart(flags) {
    if (!flags.static)
        return undefined;
    try {
        return (0,static_head_start/* startStaticRun */.q)({ directory: process.cwd(), ...(0,cli_options/* composeSelection */.hn)(flags) }, flags.runInits);
    }
    catch {
        return undefined;
    }
}
async function runVerify(flags, strayFault) {
    const started = headStart(flags);
    const [{ runVerification }, renderers] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(662), __nccwpck_require__.e(819), __nccwpck_require__.e(362), __nccwpck_require__.e(398)]).then(__nccwpck_require__.bind(__nccwpck_require__, 76398)),
        Promise.all(/* import() */[__nccwpck_require__.e(362), __nccwpck_require__.e(500)]).then(__nccwpck_require__.bind(__nccwpck_require__, 99362)),
    ]);
    let outcome;
    const reports = reportFiles(flags, renderers, () => outcome.report);
    let release = () => undefined;
    try {
        outcome = await runVerification({
            mode: flags.static ? 'static' : 'live',
            spec: flags.spec,
            directory: process.cwd(),
            compose: (0,cli_options/* composeSelection */.hn)(flags),
            runInits: flags.runInits,
            stack: (0,cli_options/* stackRequest */.M$)(flags),
            timeoutSeconds: (0,cli_options/* timeoutSeconds */.rv)(flags.timeout),
            persistence: flags.persistence,
            ttlExpiry: flags.ttlExpiry,
            stagedStart: flags.stagedStart,
            readOnly: isReadOnly(flags),
            keepUp: Boolean(flags.keepUp),
            wording: cli_options/* CLI_WORDING */.ml,
            progress: elapsedProgress(),
            ...(strayFault ? { strayFault } : {}),
            onSpec: (loaded) => checkReportFiles(reports, [
                ...(loaded.file ? [loaded.file] : []),
                ...(flags.static ? flags.composeFile : []),
            ]),
            onRuntime: (runtime) => (release = downOnSignal(runtime, Boolean(flags.keepUp))),
            ...(started && { headStart: started }),
        });
    }
    finally {
        release();
    }
    // The exit code is decided by the outcome alone, before anything is written.
    const exitCode = EXIT_OF[outcome.verdict];
    const { report } = outcome;
    // With a report on standard output, the checklist moves to standard error.
    const console = reports.some(({ file }) => file === STDOUT) ? process.stderr : process.stdout;
    console.write(renderers.renderConsole(report));
    for (const problem of writeReportFiles(reports)) {
        process.stderr.write(`infra-verify verify: ${problem}\n`);
    }
    // The checklist already names each service; the log tails are for finding the cause.
    for (const { service } of report.notReady ?? []) {
        const log = report.logs[service];
        if (log)
            process.stderr.write(`--- last lines of the ${service} log ---\n${log}\n`);
    }
    return exitCode;
}
/** Bad flags and bad specs are the user's to fix: one message and exit 2, never a stack trace. */
async function exitCodeOf(flags, strayFault) {
    try {
        return await runVerify(flags, strayFault);
    }
    catch (error) {
        const { runError } = await Promise.all(/* import() */[__nccwpck_require__.e(662), __nccwpck_require__.e(819), __nccwpck_require__.e(362), __nccwpck_require__.e(398)]).then(__nccwpck_require__.bind(__nccwpck_require__, 76398));
        const { message, usage } = runError(error);
        process.stderr.write(`infra-verify verify: ${message}\n`);
        // Anything else (no docker engine for compose, a runtime that cannot start) means no stack.
        return usage ? cli_options/* EXIT */.dc.usage : cli_options/* EXIT */.dc.stackDown;
    }
}
/** strayFault: the CLI's safety net (see app/stray-faults.ts), for verify to hear of a fault. */
function verifyCommand(setExitCode, strayFault) {
    return (0,cli_options/* stackCommand */.s7)('verify', 'bring the stack up, check it against the spec, prove persistence, report, tear down', 'localhost:2181')
        .option('--spec <file>', `the spec file, or builtin:milestone-1 for ChatBattle's (default: ./${settings/* DEFAULT_SPEC_FILE */.fO})`)
        .addOption((0,cli_options/* composeFileOption */.MD)())
        .addOption((0,cli_options/* composeProfileOption */.t6)())
        .addOption((0,cli_options/* envFileOption */.jA)())
        .option('--report-json <file>', 'write the JSON report here ("-": standard output)')
        .option('--junit <file>', 'write a JUnit XML report here')
        .option('--summary-md <file>', 'write the Markdown summary here')
        .option('--no-persistence', 'skip the stop/start persistence test')
        .option('--no-ttl-expiry', 'skip watching a probe row expire')
        .option('--read-only', 'write nothing at all: no probes that write, no persistence test')
        .option('--allow-writes', 'existing runtime: write and remove probe records and rows (it is read-only by default)')
        .option('--keep-up', 'leave the stack running afterwards')
        .addOption((0,cli_options/* stagedStartOption */.YP)())
        .addOption((0,cli_options/* timeoutOption */.D5)('deadline for the stack to become ready'))
        .option('--static', 'check the compose files against the spec without starting anything')
        .addOption((0,cli_options/* runInitsOption */._w)())
        .action(async (flags) => setExitCode(await exitCodeOf(flags, strayFault)));
}

;// CONCATENATED MODULE: ../../src/cli/program.ts
// infra-verify on the command line: a thin shell over the runtimes and the one run.
// Exit codes: 0 ok, 1 a command's own failure (e.g. a CQL error), 2 usage error, 3 stack not up.











/** A stack command, its module loaded only when it runs: it brings the drivers, which `verify`
 * and `--help` do not need. */
const stackCommand = (name) => async (options) => {
    const run = (await Promise.all(/* import() */[__nccwpck_require__.e(363), __nccwpck_require__.e(662), __nccwpck_require__.e(618), __nccwpck_require__.e(819), __nccwpck_require__.e(663), __nccwpck_require__.e(0), __nccwpck_require__.e(505)]).then(__nccwpck_require__.bind(__nccwpck_require__, 31505)))[name];
    return run(options);
};
function buildProgram(setExitCode, strayFault) {
    const program = new esm/* Command */.uB('infra-verify')
        .description('Prove that a Kafka + Cassandra stack (compose files, a running stack, or endpoints) is what its declared spec says: servers, topics, schema, round trips, persistence')
        .version(package_namespaceObject.rE, '-V, --version', 'print the version of infra-verify')
        .exitOverride()
        .showHelpAfterError();
    // verify hears of a fault itself (its report and teardown come first); the others just end.
    const action = (run) => async (options) => setExitCode(await untilStrayFault(run(options), strayFault, cli_options/* EXIT */.dc.failed));
    program
        .command('up')
        .description('start the stack and wait until it is ready')
        .addOption((0,cli_options/* runtimeOption */.uv)(false))
        .addOption((0,cli_options/* profileOption */.pp)())
        .addOption((0,cli_options/* timeoutOption */.D5)('deadline for the stack to become ready'))
        .addOption((0,cli_options/* stagedStartOption */.YP)())
        .action(action(stackCommand('up')));
    program
        .command('down')
        .description('stop the stack (data is kept unless --reset)')
        .addOption((0,cli_options/* runtimeOption */.uv)(false))
        .addOption((0,cli_options/* profileOption */.pp)())
        .option('--reset', 'also remove all data')
        .action(action(stackCommand('down')));
    program
        .command('status')
        .description('show each service of the stack')
        .addOption((0,cli_options/* runtimeOption */.uv)(false))
        .addOption((0,cli_options/* profileOption */.pp)())
        .action(action(stackCommand('status')));
    const cqlCommand = program
        .command('cql')
        .description('run CQL against Cassandra and print rows plainly (no cqlsh needed)')
        .addOption((0,cli_options/* runtimeOption */.uv)(false))
        .addOption((0,cli_options/* profileOption */.pp)())
        .option('-e, --execute <statement>', 'CQL statement(s) to run')
        .option('-f, --file <file>', 'file of CQL statements to run')
        .option('--contact-points <list>', "Cassandra host:port list (default: the runtime's)");
    (0,cli_options/* withConnectionOptions */.PP)(cqlCommand, 'cassandra').action(action(stackCommand('cql')));
    program.addCommand(verifyCommand(setExitCode, strayFault));
    program.addCommand(initCommand(setExitCode, strayFault));
    return program;
}
async function main(argv, strayFault) {
    let exitCode = cli_options/* EXIT */.dc.ok;
    try {
        await buildProgram((code) => (exitCode = code), strayFault).parseAsync(argv);
    }
    catch (error) {
        if (error instanceof esm/* CommanderError */.b7) {
            // help and version are "errors" to commander but successes to the user
            return error.exitCode === 0 ? cli_options/* EXIT */.dc.ok : cli_options/* EXIT */.dc.usage;
        }
        process.stderr.write(`infra-verify: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return error instanceof errors/* UserError */.yo ? cli_options/* EXIT */.dc.usage : cli_options/* EXIT */.dc.failed;
    }
    return exitCode;
}
/**
 * The CLI as its entry (src/cli.ts) runs it: with the safety net on, and its stack traces in one
 * debug log that the next faulted run replaces, so they do not pile up.
 */
function runCli(argv) {
    const debugFile = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'infra-verify.debug.log');
    let written = false;
    const strayFault = catchStrayFaults((line) => process.stderr.write(`${line}\n`), {
        write: (text) => {
            (0,external_node_fs_.writeFileSync)(debugFile, `${new Date().toISOString()} ${text}\n`, {
                flag: written ? 'a' : 'w',
            });
            written = true;
        },
        where: debugFile,
    });
    return main(argv, strayFault);
}

;// CONCATENATED MODULE: ../../src/cli.ts
// The CLI as a shell starts it (package.json's bin runs dist/cli, bundled from here). It owns the
// exit: the code is the command's, and a socket or child left behind must not hold the process.

void runCli(process.argv).then((code) => process.exit(code));

})();

module.exports = __webpack_exports__;
/******/ })()
;