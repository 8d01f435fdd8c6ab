"use strict";
exports.id = 975;
exports.ids = [975];
exports.modules = {

/***/ 8975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRuntime: () => (/* binding */ createRuntime),
  resolveRuntimeName: () => (/* binding */ resolveRuntimeName)
});

// UNUSED EXPORTS: TWIN_PROFILES, UnknownRuntimeError

// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __webpack_require__(80420);
// EXTERNAL MODULE: ../../src/runtime/child.ts + 1 modules
var child = __webpack_require__(42960);
// EXTERNAL MODULE: ../../src/runtime/compose/index.ts + 4 modules
var compose = __webpack_require__(75);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../src/model/dotenv.ts
var dotenv = __webpack_require__(15761);
;// CONCATENATED MODULE: ../../src/runtime/local/config.ts
// Where a twin lives and which ports it uses. Several twins can run side by side (one per
// engineer or test run) as long as each has its own home and ports.




class TwinConfigError extends errors/* UserError */.yo {
    constructor(message) {
        super(message);
        this.name = 'TwinConfigError';
    }
}
const DEFAULT_PORTS = {
    zookeeper: 2181,
    kafka: 9092,
    cassandra: 9042,
    cassandraStorage: 7000,
};
const PORT_VARIABLES = {
    zookeeper: 'TWIN_ZOOKEEPER_PORT',
    kafka: 'TWIN_KAFKA_PORT',
    cassandra: 'TWIN_CASSANDRA_PORT',
    cassandraStorage: 'TWIN_CASSANDRA_STORAGE_PORT',
};
/** Walks up from here to the folder holding twin/pom.xml: works from src/ and from dist/. */
function findRepoRoot(start = __dirname) {
    for (let dir = (0,external_node_path_.resolve)(start);; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'twin', 'pom.xml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.env')))
            return dir;
        if ((0,external_node_path_.dirname)(dir) === dir) {
            throw new TwinConfigError(`cannot find the infra-verify repository (a folder with .env and twin/pom.xml) above ${start}; ` +
                'run from inside the repository');
        }
    }
}
function readVersions(repoRoot) {
    const file = (0,external_node_path_.join)(repoRoot, '.env');
    const values = (0,dotenv/* parseDotenv */.q)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    const need = (key) => {
        const value = values[key];
        if (!value)
            throw new TwinConfigError(`${file} has no ${key}=...; add it (it pins the image and the twin's jars)`);
        return value;
    };
    return {
        kafka: need('KAFKA_VERSION'),
        zookeeper: need('ZOOKEEPER_VERSION'),
        cassandra: need('CASSANDRA_VERSION'),
        ...(values.KAFKA4_VERSION ? { kafka4: values.KAFKA4_VERSION } : {}),
    };
}
function portFrom(env, key) {
    const variable = PORT_VARIABLES[key];
    const text = env[variable];
    if (text === undefined || text === '')
        return DEFAULT_PORTS[key];
    const port = Number(text);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new TwinConfigError(`${variable}=${text} is not a port; give an integer from 1 to 65535 or unset it`);
    }
    return port;
}
/** Environment first (TWIN_HOME, TWIN_*_PORT), then explicit overrides from code win. */
function twinConfig(overrides = {}, env = process.env) {
    const repoRoot = overrides.repoRoot ?? findRepoRoot();
    const ports = { ...DEFAULT_PORTS };
    for (const key of Object.keys(PORT_VARIABLES))
        ports[key] = portFrom(env, key);
    Object.assign(ports, overrides.ports);
    const unique = new Set(Object.values(ports));
    if (unique.size !== Object.values(ports).length) {
        throw new TwinConfigError(`twin ports must differ, got ${JSON.stringify(ports)}`);
    }
    return {
        repoRoot,
        home: (0,external_node_path_.resolve)(overrides.home ?? env.TWIN_HOME ?? (0,external_node_path_.join)(repoRoot, '.twin')),
        host: '127.0.0.1',
        ports,
        versions: readVersions(repoRoot),
        java: env.JAVA_HOME ? (0,external_node_path_.join)(env.JAVA_HOME, 'bin', 'java') : 'java',
    };
}
const twinPaths = (config) => ({
    logs: (0,external_node_path_.join)(config.home, 'logs'),
    data: (0,external_node_path_.join)(config.home, 'data'),
    run: (0,external_node_path_.join)(config.home, 'run'),
    conf: (0,external_node_path_.join)(config.home, 'conf'),
    cassandraLib: (0,external_node_path_.join)(config.repoRoot, 'twin', 'lib', 'cassandra'),
    staticConf: (0,external_node_path_.join)(config.repoRoot, 'twin', 'conf'),
});

// EXTERNAL MODULE: ../../src/model/connection.ts
var connection = __webpack_require__(26887);
// EXTERNAL MODULE: ../../src/protocol/cassandra.ts
var cassandra = __webpack_require__(44596);
// EXTERNAL MODULE: ../../src/protocol/kafka.ts + 1 modules
var kafka = __webpack_require__(54550);
// EXTERNAL MODULE: ../../src/protocol/wait.ts
var wait = __webpack_require__(67369);
// EXTERNAL MODULE: ../../src/protocol/zookeeper.ts
var zookeeper = __webpack_require__(68092);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ../../src/model/runtime.ts
var runtime = __webpack_require__(36507);
// EXTERNAL MODULE: ../../node_modules/cassandra-driver/index.js
var cassandra_driver = __webpack_require__(3971);
;// CONCATENATED MODULE: ../../src/runtime/local/cql.ts
// Runs CQL text (a statement or a whole file such as schema.cql) with cassandra-driver, because
// there is no cqlsh without Python. Statements are split on semicolons outside quotes/comments.




/** Splits CQL into statements, dropping -- // and block comments; quoted text is kept as is. */
function splitCqlStatements(text) {
    const statements = [];
    let current = '';
    let i = 0;
    while (i < text.length) {
        const rest = text.slice(i);
        const two = rest.slice(0, 2);
        if (two === '--' || two === '//') {
            const end = text.indexOf('\n', i);
            i = end === -1 ? text.length : end;
        }
        else if (two === '/*') {
            const end = text.indexOf('*/', i + 2);
            i = end === -1 ? text.length : end + 2;
            current += ' ';
        }
        else if (two === '$$') {
            const end = text.indexOf('$$', i + 2);
            const stop = end === -1 ? text.length : end + 2;
            current += text.slice(i, stop);
            i = stop;
        }
        else if (text[i] === "'" || text[i] === '"') {
            // CQL escapes a quote by doubling it, which this loop reads as closing and reopening.
            const quote = text[i];
            const end = text.indexOf(quote, i + 1);
            const stop = end === -1 ? text.length : end + 1;
            current += text.slice(i, stop);
            i = stop;
        }
        else if (text[i] === ';') {
            if (current.trim())
                statements.push(current.trim());
            current = '';
            i += 1;
        }
        else {
            current += text[i];
            i += 1;
        }
    }
    if (current.trim())
        statements.push(current.trim());
    return statements;
}
function formatValue(value) {
    if (value === null || value === undefined)
        return 'null';
    if (Array.isArray(value))
        return `[${value.map(formatValue).join(', ')}]`;
    if (typeof value === 'string')
        return value;
    if (value instanceof cassandra_driver.types.Long || typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof Map) {
        return `{${[...value].map(([k, v]) => `${formatValue(k)}: ${formatValue(v)}`).join(', ')}}`;
    }
    if (typeof value === 'object' && value.constructor === Object) {
        return `{${Object.entries(value)
            .map(([k, v]) => `${k}: ${formatValue(v)}`)
            .join(', ')}}`;
    }
    return String(value);
}
/** cqlsh-like plain rows: a header line of column names, then one line per row, " | " between. */
function formatRows(result) {
    const columns = result.columns?.map((column) => column.name) ?? [];
    if (columns.length === 0)
        return [];
    const lines = [columns.join(' | ')];
    for (const row of result.rows)
        lines.push(columns.map((name) => formatValue(row.get(name))).join(' | '));
    lines.push(`(${result.rows.length} rows)`);
    return lines;
}
async function connectForCql(contactPoints, settings) {
    let client;
    try {
        const datacenter = await (0,cassandra/* localDatacenter */.TL)(contactPoints, settings);
        // DDL such as schema.cql's waits for schema agreement: a longer read timeout than probes use.
        client = (0,cassandra/* cassandraClient */.oA)(contactPoints, settings, {
            datacenter: datacenter.name,
            readTimeoutMs: 30_000,
        });
        await client.connect();
        return client;
    }
    catch (error) {
        await client?.shutdown().catch(() => undefined);
        const explained = await (0,cassandra/* explainCassandraFailure */.aM)(error, contactPoints, settings);
        throw new Error(`cannot connect to Cassandra at ${contactPoints.join(', ')}: ${(0,errors/* firstLineOf */.Qy)(explained)}`);
    }
}
/** Executes each statement in order; stops at the first failure and names the statement. */
async function runCql({ contactPoints, settings = connection/* OPEN_CONNECTION */._f.cassandra, }, text, print) {
    const statements = splitCqlStatements(text);
    if (statements.length === 0)
        throw new Error('no CQL statement given');
    const client = await connectForCql(contactPoints, settings);
    try {
        for (const statement of statements) {
            let result;
            try {
                result = await client.execute(statement);
            }
            catch (error) {
                throw new Error(`CQL failed: ${error.message}\n  in: ${statement}`);
            }
            for (const line of formatRows(result))
                print(line);
        }
    }
    finally {
        await client.shutdown().catch(() => undefined);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ../../src/runtime/local/jars.ts
// The twin's jars come from Maven Central at the versions in .env, one folder of twin/lib per
// set. A marker file beside each, holding its versions and a hash of twin/pom.xml, says whether
// it is current, so a fresh clone, a version bump or a pom change refetches.





/** A first fetch of every jar from Maven Central; a stalled download must not hang the run. */
const MVN_TIMEOUT_MS = 20 * 60_000;
/** The .env versions each set is fetched at. */
function setVersions(config, set) {
    const { kafka, kafka4, zookeeper, cassandra } = config.versions;
    if (set === 'cassandra')
        return { cassandra };
    if (set === 'kafka')
        return { kafka, zookeeper };
    if (kafka4 === undefined) {
        throw new TwinConfigError(`${(0,external_node_path_.join)(config.repoRoot, '.env')} has no KAFKA4_VERSION=...; add it (it pins the secure twin's Kafka 4 jars)`);
    }
    return { kafka4 };
}
const jarFolder = (config, set) => (0,external_node_path_.join)(config.repoRoot, 'twin', 'lib', set);
/** Beside each folder: the versions and the pom's hash it was fetched with. */
const marker = (config, set) => (0,external_node_path_.join)(config.repoRoot, 'twin', 'lib', `${set}.json`);
function expectedMarker(config, set) {
    const pom = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(config.repoRoot, 'twin', 'pom.xml'));
    return JSON.stringify({
        ...setVersions(config, set),
        pom: (0,external_node_crypto_.createHash)('sha256').update(pom).digest('hex'),
    });
}
function jarsAreCurrent(config, set) {
    const file = marker(config, set);
    return (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.readFileSync)(file, 'utf8') === expectedMarker(config, set);
}
async function copyDependencies(config, set) {
    const outputDirectory = jarFolder(config, set);
    (0,external_node_fs_.rmSync)(outputDirectory, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(outputDirectory, { recursive: true });
    const versions = Object.entries(setVersions(config, set)).map(([name, version]) => `-D${name}.version=${version}`);
    const args = [
        '-q',
        '-B',
        '-f',
        (0,external_node_path_.join)(config.repoRoot, 'twin', 'pom.xml'),
        '-P',
        set,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${outputDirectory}`,
        ...versions,
    ];
    const detail = await (0,child/* runChild */.w)('mvn', args, { timeoutMs: MVN_TIMEOUT_MS }).then((result) => (result.exitCode === 0 ? undefined : `${result.stdout}${result.stderr}`), (error) => error.message);
    if (detail !== undefined) {
        throw new Error(`fetching the twin's ${set} jars with mvn failed; check that mvn is installed and Maven Central ` +
            `is reachable, then run "mvn ${args.join(' ')}" to see the cause:\n${detail.trim()}`);
    }
}
/** Fetches each set whose folder does not match .env and twin/pom.xml. */
async function ensureJars(config, sets, progress) {
    for (const set of sets) {
        if (jarsAreCurrent(config, set))
            continue;
        const versions = Object.values(setVersions(config, set)).join(', ');
        progress(`fetching the ${set} jars with mvn (${versions})`);
        await copyDependencies(config, set);
        (0,external_node_fs_.writeFileSync)(marker(config, set), expectedMarker(config, set));
    }
}
/** jamm is Cassandra's -javaagent; its file name carries a version, so look it up in twin/lib. */
function jammJar(config) {
    const lib = twinPaths(config).cassandraLib;
    const jar = (0,external_node_fs_.existsSync)(lib)
        ? (0,external_node_fs_.readdirSync)(lib).find((file) => /^jamm-.*\.jar$/.test(file))
        : undefined;
    // Before the jars are fetched there is nothing to point at yet; up() fetches them first.
    return (0,external_node_path_.join)(lib, jar ?? 'jamm.jar');
}

;// CONCATENATED MODULE: ../../src/runtime/local/secure.ts
// What the secure twin (`--profile secure`) has that the others do not: a throwaway CA and server
// keystores made with openssl when it starts, random passwords, two principals (an admin and a
// read-only one) on Kafka and Cassandra, and the INFRA_VERIFY_* env files that clients load.
// Every secret stays in files of mode 0600 under the twin's home: never in a process argument.





const secureFiles = (home) => ({
    tls: (0,external_node_path_.join)(home, 'tls'),
    caFile: (0,external_node_path_.join)(home, 'tls', 'ca.pem'),
    kafkaKeystore: (0,external_node_path_.join)(home, 'tls', 'kafka.p12'),
    cassandraKeystore: (0,external_node_path_.join)(home, 'tls', 'cassandra.p12'),
    secrets: (0,external_node_path_.join)(home, 'run', 'secrets.json'),
    adminClientProperties: (0,external_node_path_.join)(home, 'run', 'admin-client.properties'),
    clientEnv: (0,external_node_path_.join)(home, 'client.env'),
    readonlyEnv: (0,external_node_path_.join)(home, 'readonly.env'),
});
/** Hex: safe inside JAAS quotes, CQL quotes, kafka-storage's SCRAM syntax and env files. */
const secret = () => (0,external_node_crypto_.randomBytes)(18).toString('hex');
/** Writes a file only its owner can read, whatever the umask. */
function writePrivate(file, content) {
    (0,external_node_fs_.writeFileSync)(file, content, { mode: 0o600 });
    (0,external_node_fs_.chmodSync)(file, 0o600);
}
/** New passwords for a twin whose data is new; the kept ones for a twin that has data. */
function twinSecrets(files, fresh) {
    if (!fresh) {
        if (!(0,external_node_fs_.existsSync)(files.secrets)) {
            throw new TwinConfigError(`the secure twin has data but no passwords (${files.secrets} is gone); ` +
                'start it anew with: infra-verify down --runtime local --profile secure --reset');
        }
        return keptSecrets(files);
    }
    const secrets = {
        keystorePassword: secret(),
        controllerPassword: secret(),
        admin: { username: 'admin', password: secret() },
        readonly: { username: 'readonly', password: secret() },
        cassandraRolesMade: false,
    };
    saveSecrets(files, secrets);
    return secrets;
}
function saveSecrets(files, secrets) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(files.secrets, '..'), { recursive: true, mode: 0o700 });
    writePrivate(files.secrets, JSON.stringify(secrets, null, 2));
}
const OPENSSL_TIMEOUT_MS = 30_000;
async function openssl(args, cwd, env = {}) {
    const result = await (0,child/* runChild */.w)('openssl', args, {
        cwd,
        env: { PATH: process.env.PATH, ...env },
        timeoutMs: OPENSSL_TIMEOUT_MS,
    });
    if (result.exitCode !== 0) {
        throw new Error(`openssl ${args[0]} failed (exit ${result.exitCode}) making the secure twin's certificates; ` +
            `check that openssl is installed:\n${`${result.stdout}${result.stderr}`.trim()}`);
    }
}
/**
 * A CA that lives for one twin, and a certificate it signs for each server (SAN 127.0.0.1 and
 * localhost), packed with its key into a PKCS12 keystore. The CA's key is deleted once it has
 * signed: nothing can be issued under it afterwards. Made again whenever the keystores are missing.
 */
async function ensureCertificates(files, keystorePassword) {
    if ([files.caFile, files.kafkaKeystore, files.cassandraKeystore].every((f) => (0,external_node_fs_.existsSync)(f)))
        return;
    (0,external_node_fs_.rmSync)(files.tls, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(files.tls, { recursive: true, mode: 0o700 });
    const dir = files.tls;
    const days = ['-days', '30'];
    await openssl([
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'],
        ...[...days, '-subj', '/CN=infra-verify secure twin CA'],
        ...['-addext', 'basicConstraints=critical,CA:TRUE'],
        ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ], dir);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' +
        'keyUsage=critical,digitalSignature,keyEncipherment\n');
    for (const server of ['kafka', 'cassandra']) {
        await openssl([
            ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${server}.key`],
            ...['-out', `${server}.csr`, '-subj', `/CN=${server}.infra-verify-twin`],
        ], dir);
        await openssl([
            ...['x509', '-req', '-in', `${server}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key'],
            ...['-CAcreateserial', '-out', `${server}.pem`, ...days, '-extfile', 'server.ext'],
        ], dir);
        await openssl([
            ...['pkcs12', '-export', '-in', `${server}.pem`, '-inkey', `${server}.key`],
            ...['-certfile', 'ca.pem', '-name', server, '-out', `${server}.p12`],
            ...['-passout', 'env:TWIN_KEYSTORE_PASSWORD'],
        ], dir, { TWIN_KEYSTORE_PASSWORD: keystorePassword });
        (0,external_node_fs_.chmodSync)((0,external_node_path_.join)(dir, `${server}.p12`), 0o600);
        for (const leftover of [`${server}.key`, `${server}.csr`])
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, leftover));
    }
    for (const leftover of ['ca.key', 'ca.srl', 'server.ext'])
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, leftover), { force: true });
}
/** The passwords a twin keeps in its run directory, if it has any yet. */
function keptSecrets(files) {
    return (0,external_node_fs_.existsSync)(files.secrets)
        ? JSON.parse((0,external_node_fs_.readFileSync)(files.secrets, 'utf8'))
        : undefined;
}
/** How a principal reaches the secure twin: SASL_SSL SCRAM-SHA-512, CQL over TLS, the twin's CA. */
function connectionFor(files, principal, datacenter) {
    const tls = { ca: { path: files.caFile } };
    return {
        kafka: {
            securityProtocol: 'SASL_SSL',
            tls,
            sasl: { mechanism: 'SCRAM-SHA-512', ...principal },
        },
        cassandra: { tls, credentials: principal, localDc: datacenter },
    };
}
/** kafka-storage's --add-scram values: KRaft keeps SCRAM credentials in its metadata (KIP-900). */
const scramArguments = (secrets) => [secrets.admin, secrets.readonly].flatMap(({ username, password }) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${username},password=${password}]`,
]);
/** The broker's listeners, TLS, SASL and ACL settings for server.properties. */
function secureBrokerSettings(config, files, secrets, port, controllerPort) {
    const { host } = config;
    const scram = (p) => `org.apache.kafka.common.security.scram.ScramLoginModule required username="${p.username}" password="${p.password}";`;
    const controller = secrets.controllerPassword;
    return {
        listeners: `SASL_SSL://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
        'advertised.listeners': `SASL_SSL://${host}:${port}`,
        // The controller listener is loopback-only and speaks SASL PLAIN with a login of its own:
        // KRaft cannot check SCRAM there, its credentials live in the metadata it serves.
        'listener.security.protocol.map': 'SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT',
        'inter.broker.listener.name': 'SASL_SSL',
        'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
        'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': scram(secrets.admin),
        'sasl.mechanism.controller.protocol': 'PLAIN',
        'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.controller.plain.sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
            `username="controller" password="${controller}" user_controller="${controller}";`,
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.location': files.kafkaKeystore,
        'ssl.keystore.password': secrets.keystorePassword,
        'ssl.key.password': secrets.keystorePassword,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': files.caFile,
        'ssl.client.auth': 'none',
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': `User:${secrets.admin.username};User:controller`,
        'allow.everyone.if.no.acl.found': 'false',
    };
}
/** cassandra.yaml lines: TLS required on the native port, passwords, roles and grants. */
function secureNodeYaml(files, secrets) {
    return [
        'authenticator: PasswordAuthenticator',
        'authorizer: CassandraAuthorizer',
        'role_manager: CassandraRoleManager',
        'client_encryption_options:',
        '  enabled: true',
        '  optional: false',
        `  keystore: ${files.cassandraKeystore}`,
        `  keystore_password: ${secrets.keystorePassword}`,
        '  store_type: PKCS12',
        '  require_client_auth: false',
    ];
}
/** The admin's settings for Kafka's own tools (kafka-topics --command-config). */
function adminClientProperties(files, secrets) {
    const { username, password } = secrets.admin;
    return [
        'security.protocol=SASL_SSL',
        'sasl.mechanism=SCRAM-SHA-512',
        `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`,
        'ssl.truststore.type=PEM',
        `ssl.truststore.location=${files.caFile}`,
        '',
    ].join('\n');
}
/** INFRA_VERIFY_* lines for one principal: what `set -a; . FILE; set +a` hands infra-verify. */
function clientEnv(endpoints, files, principal) {
    const lines = {
        INFRA_VERIFY_KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
        INFRA_VERIFY_CASSANDRA_CONTACT_POINTS: endpoints.cassandraContactPoints.join(','),
        INFRA_VERIFY_KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        INFRA_VERIFY_KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        INFRA_VERIFY_KAFKA_USERNAME: principal.username,
        INFRA_VERIFY_KAFKA_PASSWORD: principal.password,
        INFRA_VERIFY_KAFKA_CA_FILE: files.caFile,
        INFRA_VERIFY_CASSANDRA_TLS: 'true',
        INFRA_VERIFY_CASSANDRA_CA_FILE: files.caFile,
        INFRA_VERIFY_CASSANDRA_USERNAME: principal.username,
        INFRA_VERIFY_CASSANDRA_PASSWORD: principal.password,
    };
    return `${Object.entries(lines)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n')}\n`;
}

// EXTERNAL MODULE: ../../node_modules/kafkajs/index.js
var kafkajs = __webpack_require__(33749);
;// CONCATENATED MODULE: ../../src/runtime/local/secure-grants.ts





/** Cassandra's own default superuser, with the password every installation starts with. */
const DEFAULT_SUPERUSER = { username: 'cassandra', password: 'cassandra' };
/** How the twin logs in: as the default superuser until the admin role exists, then as the admin. */
const cassandraLogin = (admin, secrets) => secrets.cassandraRolesMade ? admin : { ...admin, credentials: DEFAULT_SUPERUSER };
/** A CQL string literal: quotes doubled. The passwords are hex, this is only belt and braces. */
const literal = (text) => `'${text.replace(/'/g, "''")}'`;
async function withClient(contactPoints, settings, work) {
    const datacenter = settings.localDc;
    const client = (0,cassandra/* cassandraClient */.oA)(contactPoints, settings, { datacenter, readTimeoutMs: 30_000 });
    try {
        await client.connect();
        return await work(client);
    }
    finally {
        await client.shutdown().catch(() => undefined);
    }
}
/** Runs statements, naming only `what` when one fails: a statement may carry a password. */
async function execute(client, what, statements) {
    for (const statement of statements) {
        try {
            await client.execute(statement);
        }
        catch (error) {
            throw new Error(`${what} failed: ${(0,errors/* firstLineOf */.Qy)(error)}`);
        }
    }
}
/**
 * The admin role, then the default superuser retired (no login, a random password). Once done,
 * `saveRolesMade` records it, so readiness and later inits log in as the admin.
 */
async function makeCassandraAdmin(contactPoints, admin, secrets, saveRolesMade) {
    if (secrets.cassandraRolesMade)
        return;
    const { username, password } = secrets.admin;
    await withClient(contactPoints, cassandraLogin(admin, secrets), (client) => execute(client, `creating the Cassandra role ${username}`, [
        `CREATE ROLE IF NOT EXISTS "${username}" WITH PASSWORD = ${literal(password)} AND SUPERUSER = true AND LOGIN = true`,
    ]));
    const retired = (0,external_node_crypto_.randomBytes)(18).toString('hex');
    await withClient(contactPoints, admin, (client) => execute(client, 'retiring the default cassandra superuser', [
        `ALTER ROLE cassandra WITH PASSWORD = ${literal(retired)} AND SUPERUSER = false AND LOGIN = false`,
    ]));
    saveRolesMade();
}
/** The read-only role: SELECT on system_schema and on every keyspace that is not a system one. */
async function grantCassandraReadOnly(contactPoints, admin, secrets, print) {
    const { username, password } = secrets.readonly;
    await withClient(contactPoints, admin, async (client) => {
        const result = await client.execute('SELECT keyspace_name FROM system_schema.keyspaces');
        const keyspaces = result.rows
            .map((row) => row.get('keyspace_name'))
            .filter((name) => !name.startsWith('system'));
        await execute(client, `creating the Cassandra role ${username}`, [
            `CREATE ROLE IF NOT EXISTS "${username}" WITH PASSWORD = ${literal(password)} AND LOGIN = true`,
        ]);
        const grants = ['system_schema', ...keyspaces].map((keyspace) => `GRANT SELECT ON KEYSPACE "${keyspace}" TO "${username}"`);
        await execute(client, `granting SELECT to ${username}`, grants);
        print(`${username}: SELECT on keyspaces ${['system_schema', ...keyspaces].join(', ')}`);
    });
}
/** The read-only principal's ACLs: Describe and DescribeConfigs on each topic, Describe on the cluster. */
async function grantKafkaReadOnly(brokers, settings, secrets, print) {
    const client = (0,kafka/* kafkaClient */.SZ)(brokers, { clientId: 'infra-verify-twin', retries: 0, settings });
    const admin = client.admin();
    const principal = `User:${secrets.readonly.username}`;
    const allow = { principal, host: '*', permissionType: kafkajs.AclPermissionTypes.ALLOW };
    const literalName = { resourcePatternType: kafkajs.ResourcePatternTypes.LITERAL };
    try {
        await admin.connect();
        const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
        const acl = [
            ...topics.flatMap((topic) => [kafkajs.AclOperationTypes.DESCRIBE, kafkajs.AclOperationTypes.DESCRIBE_CONFIGS].map((operation) => ({
                ...allow,
                ...literalName,
                operation,
                resourceType: kafkajs.AclResourceTypes.TOPIC,
                resourceName: topic,
            }))),
            {
                ...allow,
                ...literalName,
                operation: kafkajs.AclOperationTypes.DESCRIBE,
                resourceType: kafkajs.AclResourceTypes.CLUSTER,
                resourceName: 'kafka-cluster',
            },
        ];
        await admin.createAcls({ acl });
        print(`${principal}: Describe, DescribeConfigs on topics ${topics.join(', ')}; Describe on the cluster`);
    }
    finally {
        await admin.disconnect().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ../../src/runtime/local/tail.ts

/** The last `lines` lines of a file, reading only its end: server logs grow large. */
function tailOfFile(file, lines) {
    if (!(0,external_node_fs_.existsSync)(file))
        return '';
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        const length = Math.min(size, 64 * 1024);
        const buffer = Buffer.alloc(length);
        (0,external_node_fs_.readSync)(fd, buffer, 0, length, size - length);
        return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines).join('\n');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ../../src/runtime/local/inits.ts
// The twin's one-shot inits, the very steps compose's init containers run: create-topics.sh
// (with the twin's kafka-topics) and schema.cql (through cassandra-driver: no cqlsh here). Each
// writes its output to its own log and ends with an exit code, like a container. The single twin
// and the cluster twin run the same steps; the cluster only asks for more replicas.










/**
 * kafka-init: the very create-topics.sh that compose runs, with the twin's kafka-topics; on a
 * secured twin, Kafka 4's tool logged in as the admin, then the read-only principal's ACLs.
 */
async function kafkaInit(context, log) {
    const exitCode = await createTopics(context, log);
    const { secure } = context;
    if (exitCode !== 0 || !secure)
        return exitCode;
    const write = (line) => (0,external_node_fs_.writeFileSync)(log, `${line}\n`);
    try {
        const { kafkaBrokers } = context.endpoints;
        await grantKafkaReadOnly(kafkaBrokers, secure.admin.kafka, secure.secrets, write);
        return 0;
    }
    catch (error) {
        write(`granting the read-only principal failed: ${(0,errors/* firstLineOf */.Qy)(error)}`);
        return 1;
    }
}
function createTopics(context, log) {
    const { config, endpoints, timeoutMs, topicSettings = {}, secure } = context;
    const secureTool = secure && {
        TWIN_KAFKA_LIB: jarFolder(config, 'kafka4'),
        TWIN_KAFKA_COMMAND_CONFIG: secure.files.adminClientProperties,
    };
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('bash', [(0,external_node_path_.join)(config.repoRoot, 'infrastructure', 'kafka', 'create-topics.sh')], {
            env: {
                ...process.env,
                ...topicSettings,
                ...secureTool,
                KAFKA_TOPICS: (0,external_node_path_.join)(config.repoRoot, 'scripts', 'twin', 'kafka-topics'),
                BOOTSTRAP_SERVER: endpoints.kafkaBrokers.join(','),
            },
            stdio: ['ignore', log, log],
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            resolve(code ?? (signal ? 128 + 9 : 1));
        });
    });
}
/**
 * cassandra-init: the very schema.cql that compose runs, then the cluster's own CQL if any. On a
 * secured twin: the admin role first, the schema as the admin, then the read-only role's grants.
 */
async function applySchema(context, log) {
    const write = (line) => (0,external_node_fs_.writeFileSync)(log, `${line}\n`);
    const schema = (0,external_node_path_.join)(context.config.repoRoot, 'infrastructure', 'cassandra', 'schema.cql');
    const contactPoints = context.endpoints.cassandraContactPoints;
    const { secure } = context;
    try {
        if (secure) {
            const { files, secrets, admin } = secure;
            await makeCassandraAdmin(contactPoints, admin.cassandra, secrets, () => {
                secrets.cassandraRolesMade = true;
                saveSecrets(files, secrets);
            });
            write(`Logged in as ${secrets.admin.username}; the default cassandra superuser is retired`);
        }
        const settings = secure?.admin.cassandra;
        for (const file of [schema, ...(context.extraCqlFiles ?? [])]) {
            write(`Applying ${file}`);
            await runCql({ contactPoints, ...(settings && { settings }) }, (0,external_node_fs_.readFileSync)(file, 'utf8'), write);
        }
        if (secure)
            await grantCassandraReadOnly(contactPoints, secure.admin.cassandra, secure.secrets, write);
        write('Schema ready');
        return 0;
    }
    catch (error) {
        write(error.message);
        return 1;
    }
}
/** Each init's step: output to the log file descriptor, resolves with the exit code. */
const INIT_STEPS = {
    'kafka-init': kafkaInit,
    'cassandra-init': applySchema,
};
/**
 * Runs one init's step with its output appended to logFile and its exit code kept in
 * <run dir>/<name>.exit, its start and finish in the state, as a container's; throws with the
 * log's tail unless it exited 0.
 */
async function runInit(name, context, state, logFile, progress) {
    const exitFile = (0,external_node_path_.join)(state.runDir, `${name}.exit`);
    (0,external_node_fs_.rmSync)(exitFile, { force: true });
    state.update((s) => {
        s.startedAt[name] = new Date().toISOString();
    });
    progress(`running ${name} (log: ${logFile})`);
    const log = (0,external_node_fs_.openSync)(logFile, 'a');
    let exitCode;
    try {
        exitCode = await INIT_STEPS[name](context, log);
    }
    finally {
        (0,external_node_fs_.closeSync)(log);
        state.update((s) => {
            s.finishedAt = { ...s.finishedAt, [name]: new Date().toISOString() };
        });
    }
    (0,external_node_fs_.writeFileSync)(exitFile, `${exitCode}\n`);
    if (exitCode !== 0) {
        throw new Error(`${name} exited with code ${exitCode}; last lines of its log:\n${tailOfFile(logFile, runtime/* LOG_TAIL_LINES */.A5)}`);
    }
    progress(`${name} exited 0`);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ../../src/runtime/local/processes.ts
// Detached JVMs that outlive the command that started them. Each runs under a tiny sh
// supervisor that writes the JVM's pid and, when it ends, its exit code: so `stop` can
// report the exit code even from another process than the one that started it.




// A constant script: every input arrives as a positional argument, never inside the string.
// Each file appears whole (written aside, then renamed): `echo > file` creates it empty first,
// and a reader in between took the empty pid file for a JVM that had exited. On a loaded CI
// machine that failed a cluster node and a KRaft node that were starting normally.
const SUPERVISOR = 'pidfile=$1; exitfile=$2; shift 2; "$@" & echo $! > "$pidfile.new"; mv "$pidfile.new" "$pidfile"; ' +
    'wait $!; echo $? > "$exitfile.new"; mv "$exitfile.new" "$exitfile"';
const pidFile = (p) => (0,external_node_path_.join)(p.runDir, `${p.name}.pid`);
const exitFile = (p) => (0,external_node_path_.join)(p.runDir, `${p.name}.exit`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function readNumber(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
    // Number('') is 0: an empty file holds no number
    if (!/^\d+$/.test(text))
        return undefined;
    return Number(text);
}
function isAliveAndOurs(pid, marker) {
    try {
        // A zombie has exited already; only its parent has not collected it yet.
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        if (/^\d+ \(.*\) Z/.test(stat))
            return false;
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(marker);
    }
    catch {
        return false;
    }
}
function runningPid(p) {
    const pid = readNumber(pidFile(p));
    return pid !== undefined && isAliveAndOurs(pid, p.marker) ? pid : undefined;
}
function lastExitCode(p) {
    return readNumber(exitFile(p));
}
/** `cwd` also receives what a JVM writes beside itself, such as hs_err_pid*.log after a crash. */
async function startDetached(p, command, args, logFile, cwd) {
    (0,external_node_fs_.rmSync)(pidFile(p), { force: true });
    (0,external_node_fs_.rmSync)(exitFile(p), { force: true });
    const log = (0,external_node_fs_.openSync)(logFile, 'a');
    try {
        const child = (0,external_node_child_process_.spawn)('sh', ['-c', SUPERVISOR, 'twin-supervisor', pidFile(p), exitFile(p), command, ...args], {
            cwd,
            detached: true,
            stdio: ['ignore', log, log],
        });
        child.unref();
    }
    finally {
        (0,external_node_fs_.closeSync)(log);
    }
    for (let waited = 0; waited < 5000; waited += 20) {
        const pid = readNumber(pidFile(p));
        if (pid !== undefined)
            return pid;
        await sleep(20);
    }
    throw new Error(`${p.name}: the process did not start (no pid within 5 s); see ${logFile}`);
}
/** SIGTERM, then SIGKILL once the deadline passes. Resolves when the process is gone. */
async function stopProcess(p, deadlineMs) {
    const pid = runningPid(p);
    if (pid === undefined)
        return undefined;
    const started = Date.now();
    let killed = false;
    process.kill(pid, 'SIGTERM');
    while (isAliveAndOurs(pid, p.marker)) {
        if (!killed && Date.now() - started > deadlineMs) {
            process.kill(pid, 'SIGKILL');
            killed = true;
        }
        await sleep(100);
    }
    const stopMs = Date.now() - started;
    // The supervisor writes the exit code a moment after the JVM is gone.
    for (let waited = 0; lastExitCode(p) === undefined && waited < 2000; waited += 50)
        await sleep(50);
    return { exitCode: lastExitCode(p) ?? null, stopMs, killed };
}
/** true when something already listens on host:port */
function portAnswers(host, port) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host, port });
        socket.setTimeout(1000, () => socket.destroy());
        socket.on('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.on('error', () => resolve(false));
        socket.on('close', () => resolve(false));
    });
}
function lockHolderAlive(file) {
    const pid = readNumber(file);
    if (pid === undefined)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Runs `work` while holding a lock file, so two processes bringing up the same twin at once
 * (say a test run and a shell) cannot start a second copy of a server. A lock left by a dead
 * process is taken over.
 */
async function withLock(file, timeoutMs, work) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(file, 'wx'));
            (0,external_node_fs_.writeFileSync)(file, `${process.pid}\n`);
            break;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            // Just created by another process, pid not written yet: not stale, only young.
            if ((0,external_node_fs_.readFileSync)(file, 'utf8') !== '' && !lockHolderAlive(file)) {
                (0,external_node_fs_.rmSync)(file, { force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new Error(`another process (pid ${readNumber(file)}) holds ${file}; wait for it or remove the file`);
            }
            await sleep(250);
        }
    }
    try {
        return await work();
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}

;// CONCATENATED MODULE: ../../src/runtime/local/profiles.ts
const TWIN_PROFILES = (/* unused pure expression or super */ null && (['single', 'cluster', 'kraft', 'secure']));
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

;// CONCATENATED MODULE: ../../src/runtime/local/topology.ts
/** Evenly spaced Murmur3 tokens: node i owns an equal share of the ring from the start. */
function evenTokens(count) {
    if (count === 1)
        return ['0'];
    const span = 2n ** 64n / BigInt(count);
    return Array.from({ length: count }, (_, i) => String(-(2n ** 63n) + span * BigInt(i)));
}
const numbered = (count) => Array.from({ length: count }, (_, i) => i + 1);
/**
 * One broker is `kafka` on the Kafka port; several are kafka-1..n on consecutive ports. One node
 * is `cassandra` on the twin's host; several are cassandra-1..n on 127.0.0.1..n (Linux routes
 * all of 127/8 to lo), each on the twin's CQL and storage ports.
 */
function twinLayout(config, topology) {
    const { host, ports } = config;
    const { brokers, nodes } = topology;
    const tokens = evenTokens(nodes.count);
    return {
        controller: `${host}:${ports.zookeeper}`,
        brokers: numbered(brokers.count).map((n) => ({
            name: brokers.count === 1 ? 'kafka' : `kafka-${n}`,
            brokerId: n,
            port: ports.kafka + n - 1,
            address: `${host}:${ports.kafka + n - 1}`,
        })),
        nodes: numbered(nodes.count).map((n) => {
            const address = nodes.count === 1 ? host : `127.0.0.${n}`;
            return {
                name: nodes.count === 1 ? 'cassandra' : `cassandra-${n}`,
                address,
                cql: `${address}:${ports.cassandra}`,
                initialToken: tokens[n - 1],
            };
        }),
    };
}
/** A shape the twin cannot run with these ports, named with its fix; undefined when it can. */
function topologyProblem(config, topology) {
    if (topology.controller === 'kraft' && topology.brokers.count !== 1)
        return 'a KRaft twin runs one broker, its own controller on the ZooKeeper port';
    if (topology.brokers.release === 'kafka4' && topology.controller !== 'kraft')
        return 'Kafka 4 has no ZooKeeper mode: give it the KRaft controller';
    if (topology.security === 'secured' &&
        (topology.controller !== 'kraft' || topology.nodes.count !== 1))
        return 'a secured twin is one broker on KRaft and one Cassandra node';
    const brokerPorts = twinLayout(config, topology).brokers.map((b) => b.port);
    const others = { ...config.ports, kafka: undefined };
    const clash = Object.entries(others).find(([, port]) => brokerPorts.includes(port));
    return clash
        ? `the brokers use ports ${brokerPorts.join(', ')}, which includes the ${clash[0]} port ${clash[1]}; ` +
            `choose TWIN_KAFKA_PORT so that it and the next ${brokerPorts.length - 1} ports are free`
        : undefined;
}

;// CONCATENATED MODULE: ../../src/runtime/local/servers.ts
// The twin's long-running servers: their config files and JVM command lines. Settings mirror
// docker-compose.yml (no auto-created topics, same ports); a topology says how many of each.






/** How long SIGTERM may take before SIGKILL: ZooKeeper is quick, brokers and nodes flush. */
const stopDeadlineMs = (name) => (name === 'zookeeper' ? 10_000 : 30_000);
// C1 only and a small serial collector: these servers handle test traffic, and on a shared
// 2-core machine startup time and RSS matter more than peak throughput.
const LEAN_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Djava.awt.headless=true'];
/** log4j 1 for Kafka 3.9 and ZooKeeper, log4j2 for Kafka 4: each reads only its own. */
const kafkaLogging = (config, kind) => {
    const conf = twinPaths(config).staticConf;
    const prefix = kind === 'server' ? '' : 'tools-';
    return [
        `-Dlog4j.configuration=file:${(0,external_node_path_.join)(conf, `${prefix}log4j.properties`)}`,
        `-Dlog4j2.configurationFile=${(0,external_node_path_.join)(conf, `${prefix}log4j2.properties`)}`,
    ];
};
const properties = (values) => Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n') + '\n';
/** The marker that lets the twin tell its own JVMs from anything else with the same pid. */
const processMarker = (config, name) => `-Dinfra-verify.twin=${config.home}#${name}`;
function zookeeperLaunch(config) {
    const paths = twinPaths(config);
    const file = (0,external_node_path_.join)(paths.conf, 'zookeeper.properties');
    return {
        name: 'zookeeper',
        files: {
            [file]: properties({
                dataDir: (0,external_node_path_.join)(paths.data, 'zookeeper', 'data'),
                dataLogDir: (0,external_node_path_.join)(paths.data, 'zookeeper', 'log'),
                clientPort: config.ports.zookeeper,
                clientPortAddress: config.host,
                tickTime: 2000,
                maxClientCnxns: 0,
                '4lw.commands.whitelist': 'srvr,ruok',
                'admin.enableServer': 'false',
            }),
        },
        javaArgs: [
            processMarker(config, 'zookeeper'),
            '-Xms64m',
            '-Xmx128m',
            ...LEAN_JVM,
            ...kafkaLogging(config, 'server'),
            '-cp',
            (0,external_node_path_.join)(jarFolder(config, 'kafka'), '*'),
            'org.apache.zookeeper.server.quorum.QuorumPeerMain',
            file,
        ],
    };
}
function kafkaLaunch(config, broker) {
    const paths = twinPaths(config);
    const single = broker.name === 'kafka';
    const file = (0,external_node_path_.join)(paths.conf, single ? 'server.properties' : `${broker.name}.properties`);
    const listener = `PLAINTEXT://${config.host}:${broker.port}`;
    const coordination = broker.kraft
        ? {
            'process.roles': 'broker,controller',
            'node.id': broker.brokerId,
            'controller.quorum.voters': `${broker.brokerId}@${config.host}:${broker.kraft.controllerPort}`,
            'controller.listener.names': 'CONTROLLER',
            'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
            'inter.broker.listener.name': 'PLAINTEXT',
            listeners: `${listener},CONTROLLER://${config.host}:${broker.kraft.controllerPort}`,
        }
        : {
            'broker.id': broker.brokerId,
            listeners: listener,
            'zookeeper.connect': `${config.host}:${config.ports.zookeeper}`,
            'controlled.shutdown.enable': 'true',
        };
    return {
        name: broker.name,
        files: {
            [file]: properties({
                ...coordination,
                'advertised.listeners': listener,
                'log.dirs': (0,external_node_path_.join)(paths.data, broker.name),
                'num.partitions': 1,
                'offsets.topic.replication.factor': 1,
                'offsets.topic.num.partitions': 3,
                'transaction.state.log.replication.factor': 1,
                'transaction.state.log.min.isr': 1,
                'group.initial.rebalance.delay.ms': 0,
                'auto.create.topics.enable': 'false',
                ...broker.overrides,
            }),
        },
        javaArgs: [
            processMarker(config, broker.name),
            `-Xms${broker.heap.initial}`,
            `-Xmx${broker.heap.max}`,
            ...LEAN_JVM,
            ...kafkaLogging(config, 'server'),
            `-Dkafka.logs.dir=${paths.logs}`,
            '-cp',
            (0,external_node_path_.join)(jarFolder(config, broker.release), '*'),
            'kafka.Kafka',
            file,
        ],
    };
}
function cassandraYaml(config, node) {
    const dir = (0,external_node_path_.join)(twinPaths(config).data, node.name);
    // Unknown keys abort Cassandra's startup, so this stays minimal and uses 5.0's key names.
    return [
        `cluster_name: ${node.clusterName}`,
        'num_tokens: 1',
        `initial_token: ${node.initialToken}`,
        'partitioner: org.apache.cassandra.dht.Murmur3Partitioner',
        `endpoint_snitch: ${node.location ? 'GossipingPropertyFileSnitch' : 'SimpleSnitch'}`,
        'seed_provider:',
        '  - class_name: org.apache.cassandra.locator.SimpleSeedProvider',
        '    parameters:',
        `      - seeds: "${node.seeds.join(',')}"`,
        `listen_address: ${node.address}`,
        `storage_port: ${config.ports.cassandraStorage}`,
        `rpc_address: ${node.address}`,
        `native_transport_port: ${config.ports.cassandra}`,
        'start_native_transport: true',
        'commitlog_sync: periodic',
        'commitlog_sync_period: 10000ms',
        `commitlog_directory: ${(0,external_node_path_.join)(dir, 'commitlog')}`,
        'data_file_directories:',
        `  - ${(0,external_node_path_.join)(dir, 'data')}`,
        `hints_directory: ${(0,external_node_path_.join)(dir, 'hints')}`,
        `saved_caches_directory: ${(0,external_node_path_.join)(dir, 'saved_caches')}`,
        `cdc_raw_directory: ${(0,external_node_path_.join)(dir, 'cdc_raw')}`,
        // Tests drop and recreate tables; a snapshot per drop would only fill the disk.
        'auto_snapshot: false',
        ...node.extraYaml,
        '',
    ].join('\n');
}
// From Cassandra's conf/jvm17-server.options (JPMS section): without these, 5.0 dies at startup on JDK 17.
const CASSANDRA_JPMS = [
    '-Djdk.attach.allowAttachSelf=true',
    ...[
        'java.base/jdk.internal.misc',
        'java.management.rmi/com.sun.jmx.remote.internal.rmi',
        'java.rmi/sun.rmi.registry',
        'java.rmi/sun.rmi.server',
        'java.sql/java.sql',
        'java.base/java.lang.ref',
        'jdk.unsupported/sun.misc',
        'jdk.compiler/com.sun.tools.javac.file',
        'jdk.attach/sun.tools.attach',
    ].map((target) => `--add-exports=${target}=ALL-UNNAMED`),
    ...[
        'java.base/java.lang.module',
        'java.base/jdk.internal.loader',
        'java.base/jdk.internal.ref',
        'java.base/jdk.internal.reflect',
        'java.base/jdk.internal.math',
        'java.base/jdk.internal.module',
        'java.base/jdk.internal.util.jar',
        'jdk.management/com.sun.management.internal',
        'java.base/sun.nio.ch',
        'java.base/java.io',
        'java.base/java.lang.reflect',
        'jdk.compiler/com.sun.tools.javac',
        'java.base/java.lang',
        'java.base/java.util',
    ].map((target) => `--add-opens=${target}=ALL-UNNAMED`),
    '-Dio.netty.tryReflectionSetAccessible=true',
];
function cassandraLaunch(config, jammJar, node) {
    const paths = twinPaths(config);
    const single = node.name === 'cassandra';
    const file = (0,external_node_path_.join)(paths.conf, single ? 'cassandra.yaml' : `${node.name}.yaml`);
    const rackdc = (0,external_node_path_.join)(paths.conf, `${node.name}-rackdc.properties`);
    const location = node.location;
    return {
        name: node.name,
        files: {
            [file]: cassandraYaml(config, node),
            ...(location && { [rackdc]: properties({ dc: location.datacenter, rack: location.rack }) }),
        },
        javaArgs: [
            processMarker(config, node.name),
            `-Xms${node.heap}`,
            `-Xmx${node.heap}`,
            '-XX:+UseG1GC',
            '-XX:TieredStopAtLevel=1',
            `-XX:MaxDirectMemorySize=${node.directMemory}`,
            '-XX:+ExitOnOutOfMemoryError',
            ...CASSANDRA_JPMS,
            `-javaagent:${jammJar}`,
            `-Dcassandra.config=file://${file}`,
            `-Dlogback.configurationFile=${(0,external_node_path_.join)(paths.staticConf, 'logback.xml')}`,
            `-Dcassandra.logdir=${paths.logs}`,
            `-Dcassandra.storagedir=${(0,external_node_path_.join)(paths.data, node.name)}`,
            '-Dcassandra-foreground=yes',
            '-Dcassandra.skip_wait_for_gossip_to_settle=0',
            '-Dcassandra.superuser_setup_delay_ms=0',
            ...(location ? [`-Dcassandra-rackdc.properties=file://${rackdc}`] : []),
            ...node.extraProperties,
            '-cp',
            (0,external_node_path_.join)(paths.cassandraLib, '*'),
            'org.apache.cassandra.service.CassandraDaemon',
        ],
    };
}
/**
 * Every server of a topology, in start order: ZooKeeper (unless on KRaft), the brokers, the
 * nodes. On KRaft the broker runs in combined mode, its controller on the ZooKeeper port.
 */
function twinLaunches(config, topology, jammJar, { locations = {}, secure } = {}) {
    const { brokers, nodes } = twinLayout(config, topology);
    if (topology.security === 'secured' && !secure)
        throw new Error('a secured twin launches only once its certificates and passwords exist');
    const seeds = nodes.map((node) => `${node.address}:${config.ports.cassandraStorage}`);
    const kraft = topology.controller === 'kraft' ? { kraft: { controllerPort: config.ports.zookeeper } } : {};
    return [
        ...(topology.controller === 'zookeeper' ? [zookeeperLaunch(config)] : []),
        ...brokers.map((broker) => kafkaLaunch(config, {
            name: broker.name,
            release: topology.brokers.release,
            brokerId: broker.brokerId,
            port: broker.port,
            heap: topology.brokers.heap,
            overrides: {
                ...topology.brokers.overrides,
                ...(secure &&
                    secureBrokerSettings(config, secure.files, secure.secrets, broker.port, config.ports.zookeeper)),
            },
            ...kraft,
        })),
        ...nodes.map((node) => {
            const { clusterName, heap, directMemory, extraYaml, extraProperties } = topology.nodes;
            const where = locations[node.name] ?? topology.nodes.location;
            const secureYaml = secure ? secureNodeYaml(secure.files, secure.secrets) : [];
            return cassandraLaunch(config, jammJar, {
                ...{ clusterName, heap, directMemory, extraProperties },
                extraYaml: [...extraYaml, ...secureYaml],
                name: node.name,
                address: node.address,
                initialToken: node.initialToken,
                seeds,
                ...(where ? { location: where } : {}),
            });
        }),
    ];
}
/**
 * KRaft log dirs must be formatted with a cluster id before the first start: kafka-storage's
 * own class from the same jars. --ignore-formatted keeps a formatted dir (and its data) as it is.
 * A secured twin's SCRAM credentials are added here too (KIP-900): the main class and its
 * arguments go into a java @argfile, so no password shows in a process listing.
 */
function kraftFormat(config, launch, secrets) {
    const propertiesFile = launch.javaArgs[launch.javaArgs.length - 1];
    const classpath = launch.javaArgs[launch.javaArgs.indexOf('-cp') + 1];
    return {
        javaArgs: [...LEAN_JVM, ...kafkaLogging(config, 'tools'), '-cp', classpath],
        argfile: [
            'kafka.tools.StorageTool',
            'format',
            ...['--cluster-id', kafkaClusterId(), '--config', propertiesFile, '--ignore-formatted'],
            ...(secrets ? scramArguments(secrets) : []),
        ],
    };
}
/**
 * A random id as Kafka's own Uuid.randomUuid makes it: 16 bytes in base64url, never starting
 * with '-', which kafka-storage's argument parser would read as an option (1 id in 64).
 */
function kafkaClusterId() {
    for (;;) {
        const id = (0,external_node_crypto_.randomBytes)(16).toString('base64url');
        if (!id.startsWith('-'))
            return id;
    }
}

;// CONCATENATED MODULE: ../../src/runtime/local/server-steps.ts
// The steps every twin server goes through, for the single twin and the cluster alike: launch it
// (refusing a port that someone else holds), wait for it by its protocol, stop it.









/** Refuses a port that already answers, then writes the launch's files and starts the JVM. */
async function launchServer(config, launch, managed, listens, logFile, progress) {
    for (const { host, port } of listens) {
        if (await portAnswers(host, port)) {
            throw new Error(`${launch.name}: port ${port} on ${host} is already taken by another process; stop it, ` +
                `or give this twin other ports (TWIN_ZOOKEEPER_PORT, TWIN_KAFKA_PORT, TWIN_CASSANDRA_PORT, TWIN_CASSANDRA_STORAGE_PORT)`);
        }
    }
    writeLaunchFiles(launch);
    progress(`starting ${launch.name} (log: ${logFile})`);
    await startDetached(managed, config.java, launch.javaArgs, logFile, config.home);
}
/** Owner-only: a secured twin's configs hold its keystore and login passwords. */
function writeLaunchFiles(launch) {
    for (const [file, content] of Object.entries(launch.files)) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true, mode: 0o700 });
        writePrivate(file, content);
    }
}
/**
 * KRaft: formats the broker's log dir (kept as it is when formatted already) before it starts,
 * with a secured twin's SCRAM credentials.
 */
async function formatKraftStorage(config, launch, timeoutMs, progress, secrets) {
    writeLaunchFiles(launch);
    const { javaArgs, argfile } = kraftFormat(config, launch, secrets);
    const file = (0,external_node_path_.join)(config.home, 'run', `${launch.name}-format.args`);
    writePrivate(file, `${argfile.join('\n')}\n`);
    const result = await (0,child/* runChild */.w)(config.java, [...javaArgs, `@${file}`], { timeoutMs }).finally(() => (0,external_node_fs_.rmSync)(file, { force: true }));
    if (result.exitCode !== 0) {
        throw new Error(`formatting Kafka's KRaft storage failed (exit ${result.exitCode}):\n${`${result.stdout}${result.stderr}`.trim()}`);
    }
    progress(`kafka storage: ${result.stdout.trim().split('\n').pop() ?? ''}`);
}
/** Waits until a started server answers by its protocol; gives up at once if its JVM died. */
async function awaitServer(managed, timeoutMs, logFile, progress, attempt) {
    const value = await (0,wait/* waitUntil */.a)({
        service: managed.name,
        attempt,
        deadline: Date.now() + timeoutMs,
        progress,
        logTail: async () => tailOfFile(logFile, runtime/* LOG_TAIL_LINES */.A5),
        giveUpIf: async () => runningPid(managed) === undefined
            ? `the ${managed.name} process exited (code ${lastExitCode(managed) ?? 'unknown'})`
            : undefined,
    });
    progress(`${managed.name} ready: ${JSON.stringify(value)}`);
    return value;
}
/** SIGTERM, SIGKILL after the deadline; how it stopped, or nothing when it was not running. */
async function stopServer(managed, deadlineMs, progress) {
    const outcome = await stopProcess(managed, deadlineMs);
    if (!outcome)
        return [];
    const { name } = managed;
    progress(`${name} stopped in ${outcome.stopMs} ms (exit ${outcome.exitCode ?? 'unknown'})`);
    const clean = !outcome.killed && (0,runtime/* isCleanExit */.jA)(outcome.exitCode);
    return [{ service: name, exitCode: outcome.exitCode, stopMs: outcome.stopMs, clean }];
}
/** What `down --reset` removes, like `docker compose down -v`: the data and the run state. */
function removeTwinData(paths) {
    (0,external_node_fs_.rmSync)(paths.data, { recursive: true, force: true });
    (0,external_node_fs_.rmSync)(paths.run, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ../../src/runtime/local/state.ts
// What the twin remembers between commands, beside the pid and exit files: when each service
// started, became ready and (for the inits) finished. compose keeps the same in its containers.



const INIT_NAMES = ['kafka-init', 'cassandra-init'];
/** The state file in the twin's run directory; a missing or unreadable one is a fresh state. */
class TwinStateFile {
    runDir;
    file;
    constructor(runDir) {
        this.runDir = runDir;
        this.file = (0,external_node_path_.join)(runDir, 'state.json');
    }
    read() {
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)(this.file, 'utf8'));
        }
        catch {
            return { startedAt: {}, readyAt: {} };
        }
    }
    update(change) {
        const state = this.read();
        change(state);
        (0,external_node_fs_.mkdirSync)(this.runDir, { recursive: true });
        (0,external_node_fs_.writeFileSync)(this.file, JSON.stringify(state, null, 2));
    }
}
/**
 * compose's stack-ready sentinel is a sleeping container that starts once both inits exited 0.
 * The twin needs no such process, so it reports the sentinel's meaning instead: running when
 * the servers run and both inits succeeded, started when the later init finished.
 */
function stackReadySentinel(observed, state) {
    const base = { service: 'stack-ready', containerName: 'chatbattle-stack-ready' };
    const done = observed.every((s) => INIT_NAMES.includes(s.service) ? s.exitCode === 0 : s.state === 'running');
    if (!done)
        return { ...base, state: 'missing' };
    const finished = INIT_NAMES.map((name) => state.finishedAt?.[name] ?? '').sort();
    return { ...base, state: 'running', startedAt: finished[finished.length - 1] || undefined };
}
/**
 * A service as `docker compose ps` would show its container: an init runs until its exit code is
 * written; a server is healthy once it answered by its protocol since its last start.
 */
function observeService(managed, state) {
    const service = managed.name;
    const base = {
        service,
        containerName: `chatbattle-${service}`,
        startedAt: state.startedAt[service],
    };
    const exitCode = lastExitCode(managed);
    if (INIT_NAMES.includes(service)) {
        if (exitCode === undefined) {
            return { ...base, state: state.startedAt[service] ? 'running' : 'missing' };
        }
        return { ...base, state: 'exited', exitCode };
    }
    if (runningPid(managed) !== undefined) {
        return { ...base, state: 'running', health: state.readyAt[service] ? 'healthy' : 'starting' };
    }
    return exitCode === undefined
        ? { ...base, state: 'missing' }
        : { ...base, state: 'exited', exitCode };
}

;// CONCATENATED MODULE: ../../src/runtime/local/local-runtime.ts
// The local twin: a stack of real JVM processes on 127.0.0.1 for machines without a Docker
// engine. Same servers, same init scripts, same ports as docker-compose.yml. One lifecycle for
// every topology (profiles.ts): the single stack, the cluster, KRaft, the secured stack.



















class LocalRuntime {
    topology;
    given;
    name = 'local';
    /** The stack is this runtime's own: it starts, stops and removes it. */
    get lifecycle() {
        return this;
    }
    endpoints;
    /** this topology's own config: its home is its folder under TWIN_HOME */
    config;
    layout;
    paths;
    timeouts;
    state;
    /** a secured twin's files; its passwords once bringUp has made or read them */
    secureFiles;
    secrets;
    /** how the twin reaches its own servers (its admin, on a secured twin), whoever its clients are */
    own = connection/* OPEN_CONNECTION */._f;
    /**
     * `given`: the connection settings the user gave, which verify's and init's clients then use
     * (a secured twin's read-only principal, say); absent: the twin's own.
     */
    constructor(base, topology = TWIN_TOPOLOGIES.single, timeouts = {}, given) {
        this.topology = topology;
        this.given = given;
        this.config = { ...base, home: (0,external_node_path_.join)(base.home, topology.folder) };
        const problem = topologyProblem(this.config, topology);
        if (problem)
            throw new TwinConfigError(problem);
        this.layout = twinLayout(this.config, topology);
        this.endpoints = {
            kafkaBrokers: this.layout.brokers.map((broker) => broker.address),
            cassandraContactPoints: this.layout.nodes.map((node) => node.cql),
            zookeeper: this.layout.controller,
            ...(given && { connection: given }),
        };
        const securing = given && topology.security === 'plaintext' ? (0,connection/* securingSettings */.gc)(given) : [];
        if (securing.length > 0) {
            throw new TwinConfigError(`${securing.join(', ')} ${securing.length > 1 ? 'are' : 'is'} set (a flag or INFRA_VERIFY_* variable), ` +
                `but the ${topology.label} is open: PLAINTEXT Kafka, plain CQL, no passwords. ` +
                'Unset them for it, or use the secured twin: --profile secure');
        }
        this.paths = twinPaths(this.config);
        this.timeouts = { ...topology.timeouts, ...timeouts };
        this.state = new TwinStateFile(this.paths.run);
        if (topology.security === 'secured') {
            this.secureFiles = secureFiles(this.config.home);
            // a twin that already runs: its clients need its passwords without a bring-up
            const kept = keptSecrets(this.secureFiles);
            if (kept)
                this.useSecrets(this.secureFiles, kept);
        }
    }
    /** Every server's name, in start order: zookeeper (unless KRaft), the brokers, the nodes. */
    get serverNames() {
        const { brokers, nodes } = this.layout;
        return [
            ...(this.topology.controller === 'zookeeper' ? ['zookeeper'] : []),
            ...brokers.map((b) => b.name),
            ...nodes.map((n) => n.name),
        ];
    }
    /**
     * Starts whatever is not running, waits for each server by its protocol, and runs the inits.
     * [ZooKeeper ->] the brokers -> kafka-init is one chain; the nodes -> cassandra-init run beside it.
     */
    async up(progress) {
        const { label } = this.topology;
        if (this.isFullyUp()) {
            progress(`${label} already running in ${this.config.home}; nothing to do`);
            return;
        }
        for (const dir of [this.paths.logs, this.paths.data, this.paths.run, this.paths.conf])
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        const lockTimeoutMs = this.timeouts.nodeMs + this.timeouts.initMs;
        await withLock((0,external_node_path_.join)(this.paths.run, 'up.lock'), lockTimeoutMs, async () => {
            // Whoever held the lock before may have brought everything up meanwhile.
            if (this.isFullyUp()) {
                progress(`${label} already running in ${this.config.home}; nothing to do`);
                return;
            }
            await this.bringUp(progress);
        });
    }
    async bringUp(progress) {
        await ensureJars(this.config, [this.topology.brokers.release, 'cassandra'], progress);
        await this.prepareSecurity(progress);
        const { brokers, nodes } = this.layout;
        const kafkaChain = async () => {
            if (this.topology.controller === 'zookeeper')
                await this.startServer('zookeeper', progress);
            else
                await this.formatStorage(progress);
            await Promise.all(brokers.map((broker) => this.startServer(broker.name, progress)));
            if (brokers.length > 1)
                await this.awaitAllBrokers(progress);
            await this.runInit('kafka-init', progress);
        };
        const cassandraChain = async () => {
            await Promise.all(nodes.map((node) => this.startServer(node.name, progress)));
            await this.runInit('cassandra-init', progress);
        };
        const outcomes = await Promise.allSettled([kafkaChain(), cassandraChain()]);
        const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        if (failures.length === 1)
            throw failures[0];
        if (failures.length > 1)
            throw new Error(failures.map((f) => f.message).join('\n\n'));
        this.writeClientEnvs(progress);
    }
    /**
     * A secured twin's passwords (new with new data, else the kept ones), its certificates and the
     * admin's settings for Kafka's tools, before any server starts.
     */
    async prepareSecurity(progress) {
        const files = this.secureFiles;
        if (!files)
            return;
        // New passwords only for a twin with no data yet: Kafka keeps its SCRAM credentials and
        // Cassandra its roles in their data.
        const fresh = (0,external_node_fs_.readdirSync)(this.paths.data).length === 0;
        const secrets = twinSecrets(files, fresh);
        this.useSecrets(files, secrets);
        await ensureCertificates(files, secrets.keystorePassword);
        writePrivate(files.adminClientProperties, adminClientProperties(files, secrets));
        progress(`secure twin: CA and keystores in ${files.tls}`);
    }
    /** What a secured twin's clients load: INFRA_VERIFY_* lines for each principal. */
    writeClientEnvs(progress) {
        const files = this.secureFiles;
        const secrets = this.secrets;
        if (!files || !secrets)
            return;
        writePrivate(files.clientEnv, clientEnv(this.endpoints, files, secrets.admin));
        writePrivate(files.readonlyEnv, clientEnv(this.endpoints, files, secrets.readonly));
        progress(`secure twin: client settings in ${files.clientEnv} and ${files.readonlyEnv}`);
    }
    /**
     * Whom readiness logs in to Cassandra as: the endpoints' login, except on a secured twin whose
     * admin role does not exist yet (Cassandra's default superuser then).
     */
    cassandraSettings() {
        const settings = this.own.cassandra;
        return this.secrets ? cassandraLogin(settings, this.secrets) : settings;
    }
    /** A secured twin reaches itself as its admin, and so do its clients unless settings were given. */
    useSecrets(files, secrets) {
        this.secrets = secrets;
        const datacenter = this.topology.nodes.location?.datacenter ?? 'datacenter1';
        this.own = connectionFor(files, secrets.admin, datacenter);
        this.endpoints.connection = this.given ?? this.own;
    }
    /** KRaft log dirs are formatted before the first start; formatted ones are left alone. */
    async formatStorage(progress) {
        for (const broker of this.layout.brokers) {
            // Kafka 4 refuses to format again with a new cluster id, even with --ignore-formatted.
            if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(this.paths.data, broker.name, 'meta.properties')))
                continue;
            const launch = this.launch(broker.name);
            await formatKraftStorage(this.config, launch, this.timeouts.initMs, progress, this.secrets);
        }
    }
    /** start after stop is the same as up: inits are idempotent and run again, as in compose */
    start(progress) {
        return this.up(progress);
    }
    /** Brokers before ZooKeeper (a controlled shutdown needs it); the nodes beside them. */
    async stop(progress) {
        const { brokers, nodes } = this.layout;
        const stopAll = async (names) => (await Promise.all(names.map((name) => this.stopServer(name, progress)))).flat();
        const controller = this.topology.controller === 'zookeeper' ? ['zookeeper'] : [];
        const [brokerSide, nodeSide] = await Promise.all([
            stopAll(brokers.map((b) => b.name)).then(async (stopped) => [
                ...stopped,
                ...(await stopAll(controller)),
            ]),
            stopAll(nodes.map((n) => n.name)),
        ]);
        return [...brokerSide, ...nodeSide];
    }
    /** --reset forgets a secured twin's certificates and passwords with its data. */
    async down(options) {
        await this.stop(() => undefined);
        if (!options.removeData)
            return;
        removeTwinData(this.paths);
        const files = this.secureFiles;
        if (files)
            for (const path of [files.tls, files.clientEnv, files.readonlyEnv])
                (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
    }
    /** Stops one server, keeping its data: how the cluster suite takes a broker or a node away. */
    stopServer(name, progress) {
        this.knownServer(name);
        return stopServer(this.managed(name), stopDeadlineMs(name), progress);
    }
    /**
     * Starts one server (if it is not running) and waits until it answers by its protocol. A node
     * may be given another location than its topology's: how the cluster suite retires a datacenter.
     */
    async startServer(name, progress, location) {
        const managed = this.managed(name);
        const server = this.server(name, location ? { [name]: location } : {});
        if (runningPid(managed) === undefined) {
            const { launch, listens } = server;
            await launchServer(this.config, launch, managed, listens, this.logFile(name), progress);
            this.state.update((state) => {
                state.startedAt[name] = new Date().toISOString();
                delete state.readyAt[name];
            });
        }
        await awaitServer(managed, server.timeoutMs, this.logFile(name), progress, server.ready);
        this.state.update((state) => {
            state.readyAt[name] = new Date().toISOString();
        });
    }
    async services() {
        const state = this.state.read();
        const observed = this.serviceNames().map((name) => observeService(this.managed(name), state));
        return [...observed, stackReadySentinel(observed, state)];
    }
    async logs(service, lines) {
        return tailOfFile(this.logFile(service), lines);
    }
    /** As compose lists them: [zookeeper,] the brokers, kafka-init, the nodes, cassandra-init. */
    serviceNames() {
        const { brokers, nodes } = this.layout;
        return [
            ...(this.topology.controller === 'zookeeper' ? ['zookeeper'] : []),
            ...brokers.map((b) => b.name),
            'kafka-init',
            ...nodes.map((n) => n.name),
            'cassandra-init',
        ];
    }
    /** true when every server runs and both inits last exited 0 */
    isFullyUp() {
        return (this.serverNames.every((name) => runningPid(this.managed(name)) !== undefined) &&
            INIT_NAMES.every((name) => lastExitCode(this.managed(name)) === 0));
    }
    /** Each broker answers alone; then the first one must list all of them as registered. */
    async awaitAllBrokers(progress) {
        const expected = this.layout.brokers.length;
        await (0,wait/* waitUntil */.a)({
            service: 'kafka brokers',
            deadline: Date.now() + this.timeouts.brokerMs,
            progress,
            attempt: async () => {
                const seen = await (0,kafka/* kafkaReady */.cz)(this.endpoints.kafkaBrokers, this.own.kafka);
                if (seen.brokers < expected)
                    throw new Error(`${seen.brokers} of ${expected} brokers registered`);
                return seen;
            },
        });
    }
    knownServer(name) {
        if (!this.serverNames.includes(name)) {
            throw new TwinConfigError(`the ${this.topology.label} has no server "${name}"; it has ${this.serverNames.join(', ')}`);
        }
    }
    launch(name, locations = {}) {
        this.knownServer(name);
        const files = this.secureFiles;
        const secure = files && this.secrets ? { secure: { files, secrets: this.secrets } } : {};
        const launches = twinLaunches(this.config, this.topology, jammJar(this.config), {
            locations,
            ...secure,
        });
        return launches.find((l) => l.name === name);
    }
    /** A server's launch, the ports it must find free, and its readiness by protocol. */
    server(name, locations) {
        const launch = this.launch(name, locations);
        const { host, ports } = this.config;
        const { timeouts } = this;
        if (name === 'zookeeper') {
            const ready = () => (0,zookeeper/* zookeeperReady */.s7)(this.layout.controller);
            return {
                launch,
                listens: [{ host, port: ports.zookeeper }],
                timeoutMs: timeouts.controllerMs,
                ready,
            };
        }
        const broker = this.layout.brokers.find((b) => b.name === name);
        if (broker) {
            // on KRaft, the controller listens on the ZooKeeper port
            const controller = this.topology.controller === 'kraft' ? [ports.zookeeper] : [];
            return {
                launch,
                listens: [broker.port, ...controller].map((port) => ({ host, port })),
                timeoutMs: timeouts.brokerMs,
                ready: () => (0,kafka/* kafkaReady */.cz)([broker.address], this.own.kafka),
            };
        }
        const node = this.layout.nodes.find((n) => n.name === name);
        return {
            launch,
            listens: [ports.cassandra, ports.cassandraStorage].map((port) => ({
                host: node.address,
                port,
            })),
            timeoutMs: timeouts.nodeMs,
            ready: () => (0,cassandra/* cassandraReady */.Qt)([node.cql], this.cassandraSettings()),
        };
    }
    managed(name) {
        const isInit = INIT_NAMES.includes(name);
        return {
            name,
            runDir: this.paths.run,
            marker: isInit ? name : processMarker(this.config, name),
        };
    }
    logFile(service) {
        return (0,external_node_path_.join)(this.paths.logs, `${service}.log`);
    }
    runInit(name, progress) {
        const { inits } = this.topology;
        const context = {
            config: this.config,
            endpoints: this.endpoints,
            timeoutMs: this.timeouts.initMs,
            topicSettings: inits.topicSettings,
            extraCqlFiles: inits.extraCqlFiles.map((file) => (0,external_node_path_.join)(this.config.repoRoot, file)),
            ...(this.secureFiles &&
                this.secrets && {
                secure: {
                    files: this.secureFiles,
                    secrets: this.secrets,
                    admin: this.own,
                },
            }),
        };
        return runInit(name, context, this.state, this.logFile(name), progress);
    }
}

;// CONCATENATED MODULE: ../../src/runtime/runtime-names.ts
// The runtimes a command names (`--runtime`), apart from the runtimes themselves: the shells list
// them in their options without loading what runs a stack.
const RUNTIME_NAMES = ['compose', 'local'];

;// CONCATENATED MODULE: ../../src/runtime/index.ts
// Picks the runtime a command-line command asked for by name. `existing` is not here: it needs
// endpoints, which only `verify` and the Action take.







/** Shapes of the local twin, each a topology (local/profiles.ts) that one lifecycle runs. */

class UnknownRuntimeError extends errors/* UserError */.yo {
    constructor(name) {
        super(`unknown runtime "${name}"; choose one of: ${RUNTIME_NAMES.join(', ')}`);
        this.name = 'UnknownRuntimeError';
    }
}
function isRuntimeName(name) {
    return RUNTIME_NAMES.includes(name);
}
/** A Docker engine answers: `docker info` succeeds (the client alone is not enough). */
function dockerAnswers() {
    return (0,child/* runChild */.w)('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 }).then((result) => result.exitCode === 0, () => false);
}
/** `auto`: compose when a Docker engine answers, else the local twin. */
async function resolveRuntimeName(name) {
    if (name !== 'auto')
        return name;
    return (await dockerAnswers()) ? 'compose' : 'local';
}
/**
 * `ports`: the spec's servers, which compose is asked about; the twin has its own. `connection`:
 * the settings the user gave (absent: none), which every client then uses.
 */
function createRuntime(name, ports, env = process.env, profile = 'single', connection) {
    if (!isRuntimeName(name))
        throw new UnknownRuntimeError(name);
    if (profile !== 'single' && name !== 'local') {
        throw new TwinConfigError(`--profile ${profile} is a shape of the local twin, not of runtime ${name}; use --runtime local`);
    }
    switch (name) {
        case 'local':
            return new LocalRuntime(twinConfig({}, env), TWIN_TOPOLOGIES[profile], {}, connection);
        case 'compose':
            return (0,compose/* composeRuntime */.Hn)((0,compose/* composeProjectFor */.F9)({ directory: process.cwd(), files: [], profiles: [] }, env), ports, { connection });
    }
}


/***/ })

};
;