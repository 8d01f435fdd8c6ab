"use strict";
exports.id = 618;
exports.ids = [618];
exports.modules = {

/***/ 44596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qt: () => (/* binding */ cassandraReady),
/* harmony export */   TL: () => (/* binding */ localDatacenter),
/* harmony export */   aM: () => (/* binding */ explainCassandraFailure),
/* harmony export */   oA: () => (/* binding */ cassandraClient)
/* harmony export */ });
/* unused harmony exports MAX_CQL_FRAME_BYTES, cqlHandshake */
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71553);
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var cassandra_driver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3971);
/* harmony import */ var cassandra_driver_lib_connection__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39311);
/* harmony import */ var cassandra_driver_lib_connection__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(cassandra_driver_lib_connection__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80420);
/* harmony import */ var _connection_failure__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5111);
/* harmony import */ var _frame_guard__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(68555);
/* harmony import */ var _host_port__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(26784);
/* harmony import */ var _tls__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(39451);
// The one way infra-verify makes a Cassandra client, and Cassandra's readiness ping.










/** Cassandra's own cap on a frame: native_transport_max_frame_size defaults to 16 MiB. */
const MAX_CQL_FRAME_BYTES = 16 * 1024 * 1024;
/** A CQL response frame (v3 and later): a 9-byte header whose last 4 bytes are the body length. */
const CQL_FRAMING = {
    headerBytes: 9,
    bodyBytes: (header) => {
        const version = header[0];
        if ((version & 0x80) === 0 || (version & 0x7f) < 3) {
            return `the server sent a frame with version byte ${version}, not a CQL response: not Cassandra`;
        }
        const length = header.readInt32BE(5);
        return length < 0 || length > MAX_CQL_FRAME_BYTES
            ? `the server announced a CQL frame of ${length} bytes: not Cassandra`
            : length;
    },
};
/**
 * A server can pass the handshake and misbehave afterwards, and cassandra-driver has no socket
 * factory: so each connection gets the frame guard as it binds its socket, and the driver's
 * parsing stages get the 'error' listeners it leaves out (an 'error' without a listener ends
 * the process). Their errors end the connection, which fails its pending requests.
 */
const bindSocketListeners = (cassandra_driver_lib_connection__WEBPACK_IMPORTED_MODULE_4___default().prototype).bindSocketListeners;
(cassandra_driver_lib_connection__WEBPACK_IMPORTED_MODULE_4___default().prototype).bindSocketListeners = function guardedBind() {
    (0,_frame_guard__WEBPACK_IMPORTED_MODULE_8__/* .guardFrames */ .Q)(this.netClient, CQL_FRAMING);
    bindSocketListeners.call(this);
    for (const stage of [this.protocol, this.parser]) {
        stage.on('error', (error) => this.netClient.destroy(error));
    }
};
/** The contact points' CQL port (the 9042 default without one): a cluster's nodes share it. */
function nativePort(contactPoints) {
    const port = /:(\d+)$/.exec(contactPoints[0] ?? '')?.[1];
    return port === undefined ? 9042 : Number(port);
}
/**
 * cassandra-driver turns certificate verification off unless told (its sslOptions default
 * rejectUnauthorized to false): infra-verify always turns it on.
 */
function sslOptions(settings) {
    return settings.tls
        ? { ...(0,_tls__WEBPACK_IMPORTED_MODULE_7__/* .tlsOptions */ .YF)(settings.tls, 'cassandra'), rejectUnauthorized: true }
        : undefined;
}
/** Probes, readiness attempts and `cql` all connect through here. */
function cassandraClient(contactPoints, settings, options = {}) {
    const ssl = sslOptions(settings);
    return new cassandra_driver__WEBPACK_IMPORTED_MODULE_3__.Client({
        ...(options.policies ? { policies: options.policies } : {}),
        contactPoints,
        ...(options.datacenter ? { localDataCenter: options.datacenter } : {}),
        // The driver reaches the nodes it discovers on this port, not on the contact points' own.
        protocolOptions: { port: nativePort(contactPoints) },
        socketOptions: { connectTimeout: 3_000, readTimeout: options.readTimeoutMs ?? 10_000 },
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        ...(ssl ? { sslOptions: ssl } : {}),
    });
}
/**
 * cassandra-local-dc, else the datacenter of the first contact point that answers, as its own
 * system.local says. Asked by a client that needs no local datacenter: the driver refuses a
 * datacenter that does not exist only after it connected, and then leaves that socket open.
 */
async function localDatacenter(contactPoints, settings, readTimeoutMs = 5_000) {
    const [first] = contactPoints;
    if (first === undefined)
        throw new Error('no contact point');
    const client = cassandraClient([first], settings, {
        readTimeoutMs,
        policies: { loadBalancing: new cassandra_driver__WEBPACK_IMPORTED_MODULE_3__.policies.loadBalancing.RoundRobinPolicy() },
    });
    try {
        await client.connect();
        if (settings.localDc) {
            const known = new Set([...client.hosts.values()].map((host) => host.datacenter));
            if (!known.has(settings.localDc)) {
                throw new _connection_failure__WEBPACK_IMPORTED_MODULE_6__/* .ConnectionFailure */ .ls(`cassandra-local-dc "${settings.localDc}" is not a datacenter of this cluster; it has: ${[...known].sort().join(', ')}`, 'setting');
            }
            return { name: settings.localDc, discovered: false };
        }
        const host = await hostOf(client, first);
        const result = await client.execute('SELECT data_center FROM system.local', [], host ? { host } : {});
        const name = result.first()?.get('data_center');
        if (!name)
            throw new Error(`${first}: system.local names no data_center`);
        return { name, discovered: true };
    }
    finally {
        await client.shutdown().catch(() => undefined);
    }
}
/** The driver's host for a contact point, so that system.local is asked of that node itself. */
async function hostOf(client, contactPoint) {
    const { host, port } = (0,_host_port__WEBPACK_IMPORTED_MODULE_9__/* .parseHostPort */ .Dv)(contactPoint);
    const addresses = await (0,node_dns_promises__WEBPACK_IMPORTED_MODULE_0__.lookup)(host, { all: true }).catch(() => []);
    const wanted = new Set(addresses.map(({ address }) => `${address}:${port}`));
    return [...client.hosts.values()].find((candidate) => wanted.has(candidate.address));
}
/** A SUPPORTED answer is a few hundred bytes. */
const MAX_OPTIONS_BODY_BYTES = 64 * 1024;
/** OPTIONS in native protocol v4: version, flags, stream 0, opcode 0x05, empty body. */
const OPTIONS_FRAME = Buffer.from([0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00]);
/**
 * One OPTIONS request over a raw socket, bounded in time and bytes, before the driver is let
 * near the port: cassandra-driver trusts the frames it reads, and garbage or a flood from a
 * port that is not Cassandra crashes it or fills memory. Resolves once a CQL frame came back.
 */
function cqlHandshake(address, timeoutMs, tls) {
    const { host, port } = (0,_host_port__WEBPACK_IMPORTED_MODULE_9__/* .parseHostPort */ .Dv)(address);
    return new Promise((resolve, reject) => {
        const socket = tls
            ? (0,node_tls__WEBPACK_IMPORTED_MODULE_2__.connect)({ host, port, ...(0,_tls__WEBPACK_IMPORTED_MODULE_7__/* .withServername */ .Z_)(tls, host) })
            : (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ host, port });
        let received = Buffer.alloc(0);
        const fail = (why) => socket.destroy(new Error(`${address}: ${why}`));
        const timer = setTimeout(() => fail(`no CQL answer within ${timeoutMs} ms`), timeoutMs);
        socket.on(tls ? 'secureConnect' : 'connect', () => socket.write(OPTIONS_FRAME));
        socket.on('data', (chunk) => {
            received = Buffer.concat([received, chunk]);
            if (received.length < 9)
                return;
            const version = received[0];
            const opcode = received[4];
            const length = received.readInt32BE(5);
            const isResponse = (version & 0x80) !== 0 && [3, 4, 5].includes(version & 0x7f);
            if (!isResponse || ![0x00, 0x06].includes(opcode)) {
                fail('the answer is not a CQL frame: not Cassandra');
            }
            else if (length < 0 || length > MAX_OPTIONS_BODY_BYTES) {
                fail(`the answer announces ${length} bytes: not Cassandra`);
            }
            else if (received.length >= 9 + length) {
                clearTimeout(timer);
                socket.destroy();
                resolve();
            }
        });
        socket.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        socket.on('close', () => {
            clearTimeout(timer);
            reject(new Error(`${address}: closed before a CQL answer`));
        });
    });
}
/**
 * Cassandra is ready when a fresh client can read release_version. A fresh Client per attempt,
 * because a long-lived one sits in its reconnection backoff (up to ~30 s) after a refusal.
 */
async function cassandraReady(contactPoints, settings) {
    try {
        return await askCassandra(contactPoints, settings);
    }
    catch (error) {
        throw await explainCassandraFailure(error, contactPoints, settings);
    }
}
/**
 * The failure as one line naming its cause and the setting to change, where it is a TLS or
 * authentication failure or a datacenter that does not exist. A plain client dropped without
 * an answer asks the port whether it speaks TLS.
 */
async function explainCassandraFailure(error, contactPoints, settings) {
    const classified = (0,_connection_failure__WEBPACK_IMPORTED_MODULE_6__/* .classifyCassandraFailure */ .jg)(error, settings);
    if (classified ||
        settings.tls ||
        !/closed before a CQL answer|ECONNRESET/.test((0,_model_errors__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error))) {
        return classified ?? error;
    }
    const first = contactPoints[0];
    if (first === undefined)
        return error;
    const { host, port } = (0,_host_port__WEBPACK_IMPORTED_MODULE_9__/* .parseHostPort */ .Dv)(first);
    return (0,_connection_failure__WEBPACK_IMPORTED_MODULE_6__/* .classifyCassandraFailure */ .jg)(error, settings, await (0,_tls__WEBPACK_IMPORTED_MODULE_7__/* .speaksTls */ .pD)(host, port, 2000)) ?? error;
}
async function askCassandra(contactPoints, settings) {
    const tls = sslOptions(settings);
    // One contact point that speaks CQL is enough for the driver; it is the one it is given.
    const handshakes = await Promise.allSettled(contactPoints.map((point) => cqlHandshake(point, 3000, tls).then(() => point)));
    const speaking = handshakes.flatMap((result) => result.status === 'fulfilled' ? [result.value] : []);
    if (speaking.length === 0) {
        throw (handshakes[0]?.reason ?? new Error('no contact point'));
    }
    const datacenter = await localDatacenter(speaking, settings);
    const client = cassandraClient(speaking, settings, {
        datacenter: datacenter.name,
        readTimeoutMs: 5000,
    });
    try {
        await client.connect();
        const result = await client.execute('SELECT release_version FROM system.local');
        const version = result.first()?.get('release_version');
        if (!version)
            throw new Error('system.local has no release_version yet');
        return { releaseVersion: version, datacenter };
    }
    finally {
        await client.shutdown().catch(() => undefined);
    }
}


/***/ }),

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lc: () => (/* binding */ classifyKafkaFailure),
/* harmony export */   VH: () => (/* binding */ droppedLikeTls),
/* harmony export */   jg: () => (/* binding */ classifyCassandraFailure),
/* harmony export */   ls: () => (/* binding */ ConnectionFailure),
/* harmony export */   ps: () => (/* binding */ causes)
/* harmony export */ });
/* harmony import */ var _model_connection__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26887);

class ConnectionFailure extends Error {
    kind;
    constructor(message, kind) {
        super(message);
        this.kind = kind;
        this.name = 'ConnectionFailure';
    }
}
/** The error and what it wraps: kafkajs's originalError and cause, the driver's innerErrors. */
function causes(error, depth = 0) {
    if (typeof error !== 'object' || error === null || depth > 4)
        return [];
    const nested = error;
    const inner = typeof nested.innerErrors === 'object' && nested.innerErrors !== null
        ? Object.values(nested.innerErrors)
        : [];
    return [
        nested,
        ...[nested.cause, nested.originalError, ...inner].flatMap((e) => causes(e, depth + 1)),
    ];
}
const UNKNOWN_AUTHORITY = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_UNTRUSTED',
]);
const text = (value) => (typeof value === 'string' ? value : '');
/** TLS causes that read the same for both servers; `prefix` is kafka or cassandra. */
function tlsFailure(all, prefix, hasCa, hasClientCert) {
    const server = prefix === 'kafka' ? 'the broker' : 'the node';
    const codes = all.map((e) => text(e.code));
    const messages = all.map((e) => text(e.message)).join('\n');
    const fail = (message) => new ConnectionFailure(message, 'tls');
    if (codes.some((code) => UNKNOWN_AUTHORITY.has(code))) {
        return fail(hasCa
            ? `certificate signed by an unknown authority: ${server}'s certificate is not signed by the CA in ${prefix}-ca-file`
            : `certificate signed by an unknown authority: pass ${prefix}-ca-file`);
    }
    if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
        const altnames = /.*altnames: (.*)$/m.exec(messages)?.[1] ?? '';
        return fail(`${server}'s certificate does not name the address dialled (${altnames.trim()})` +
            (prefix === 'kafka' ? ': set kafka-tls-servername to a name it carries' : ''));
    }
    if (codes.includes('CERT_HAS_EXPIRED'))
        return fail(`${server}'s certificate has expired`);
    if (codes.includes('CERT_NOT_YET_VALID'))
        return fail(`${server}'s certificate is not valid yet`);
    if (/certificate required|handshake failure/i.test(messages) && !hasClientCert) {
        return fail(`${server} asks for a client certificate: pass ${prefix}-cert-file and ${prefix}-key-file`);
    }
    if (/bad certificate|unknown ca|certificate unknown/i.test(messages)) {
        return fail(`${server} refused the client certificate in ${prefix}-cert-file`);
    }
    if (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') ||
        /disconnected before secure TLS connection/i.test(messages)) {
        return new ConnectionFailure(prefix === 'kafka'
            ? 'the server does not speak TLS: its listener is PLAINTEXT or SASL_PLAINTEXT, set kafka-security-protocol to match'
            : 'the server does not speak TLS: set cassandra-tls false, or enable client_encryption_options on the node', 'protocol');
    }
    return undefined;
}
function settingFailure(all) {
    const setting = all.find((e) => e instanceof _model_connection__WEBPACK_IMPORTED_MODULE_0__/* .ConnectionSettingError */ .Lm);
    return setting ? new ConnectionFailure(text(setting.message), 'setting') : undefined;
}
/**
 * One Kafka failure, classified. `speaksTls`: what a TLS handshake on the port found, asked
 * when a plaintext client was dropped (see kafkaReady); undefined when nobody asked.
 */
function classifyKafkaFailure(error, settings, speaksTls) {
    const all = causes(error);
    const sasl = settings.sasl;
    if (sasl && all.some((e) => e.name === 'KafkaJSSASLAuthenticationError')) {
        if (all.some((e) => /mechanism is not supported by the server/.test(text(e.message)))) {
            return new ConnectionFailure(`the broker does not offer SASL ${sasl.mechanism} on this listener: set kafka-sasl-mechanism to one it offers`, 'setting');
        }
        return new ConnectionFailure('token' in sasl
            ? 'SASL OAUTHBEARER authentication failed: the broker refused the token in kafka-oauth-token'
            : `SASL ${sasl.mechanism} authentication failed for user ${sasl.username}`, 'auth');
    }
    if (speaksTls && !settings.tls) {
        return new ConnectionFailure(`the server speaks TLS: set kafka-security-protocol (SSL or SASL_SSL; it is ${settings.securityProtocol})`, 'protocol');
    }
    return (settingFailure(all) ??
        (settings.tls
            ? tlsFailure(all, 'kafka', settings.tls.ca !== undefined, settings.tls.client !== undefined)
            : undefined));
}
/** Whether a plaintext Kafka attempt ended the way a TLS listener ends it: dropped, or garbage. */
function droppedLikeTls(error) {
    const messages = causes(error)
        .map((e) => `${text(e.message)} ${text(e.code)}`)
        .join('\n');
    return /closed|ECONNRESET|EPIPE|not a Kafka broker|Connection timeout/i.test(messages);
}
function classifyCassandraFailure(error, settings, speaksTls) {
    const all = causes(error);
    const messages = all.map((e) => text(e.message)).join('\n');
    if (all.some((e) => e.name === 'AuthenticationError')) {
        if (!settings.credentials) {
            return new ConnectionFailure('Cassandra requires authentication: set cassandra-username and cassandra-password', 'setting');
        }
        return new ConnectionFailure(`Cassandra authentication failed for user ${settings.credentials.username}`, 'auth');
    }
    const dc = /localDataCenter was configured as '([^']*)', but only found hosts in data centers: \[([^\]]*)\]/.exec(messages);
    if (dc) {
        return new ConnectionFailure(`cassandra-local-dc "${dc[1]}" is not a datacenter of this cluster; it has: ${dc[2]}`, 'setting');
    }
    if (speaksTls && !settings.tls) {
        return new ConnectionFailure('the server speaks TLS: set cassandra-tls true', 'protocol');
    }
    return (settingFailure(all) ??
        (settings.tls
            ? tlsFailure(all, 'cassandra', settings.tls.ca !== undefined, settings.tls.client !== undefined)
            : undefined));
}


/***/ }),

/***/ 68555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ guardFrames)
/* harmony export */ });
function guardFrames(socket, framing) {
    let header = Buffer.alloc(0);
    let remaining = 0;
    const accept = (chunk) => {
        let offset = 0;
        while (offset < chunk.length) {
            if (remaining > 0) {
                const take = Math.min(remaining, chunk.length - offset);
                remaining -= take;
                offset += take;
                continue;
            }
            const take = Math.min(framing.headerBytes - header.length, chunk.length - offset);
            header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
            offset += take;
            if (header.length < framing.headerBytes)
                return undefined;
            const body = framing.bodyBytes(header);
            header = Buffer.alloc(0);
            if (typeof body === 'string')
                return body;
            remaining = body;
        }
        return undefined;
    };
    const emit = socket.emit.bind(socket);
    socket.emit = ((event, ...args) => {
        if (event !== 'data')
            return emit(event, ...args);
        const problem = accept(args[0]);
        if (problem) {
            socket.destroy(new Error(problem));
            return false;
        }
        try {
            return emit(event, ...args);
        }
        catch (error) {
            socket.destroy(error instanceof Error ? error : new Error(String(error)));
            return false;
        }
    });
}


/***/ }),

/***/ 54550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SZ: () => (/* binding */ kafkaClient),
  cz: () => (/* binding */ kafkaReady)
});

// UNUSED EXPORTS: MAX_KAFKA_FRAME_BYTES, explainKafkaFailure

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ../../node_modules/kafkajs/index.js
var kafkajs = __webpack_require__(33749);
// EXTERNAL MODULE: ../../src/protocol/frame-guard.ts
var frame_guard = __webpack_require__(68555);
// EXTERNAL MODULE: ../../src/protocol/host-port.ts
var host_port = __webpack_require__(26784);
// EXTERNAL MODULE: ../../node_modules/kafkajs/src/protocol/requests/index.js
var requests = __webpack_require__(70692);
// EXTERNAL MODULE: ../../node_modules/kafkajs/src/protocol/requests/apiKeys.js
var apiKeys = __webpack_require__(71224);
var apiKeys_default = /*#__PURE__*/__webpack_require__.n(apiKeys);
// EXTERNAL MODULE: ../../src/protocol/tls.ts
var protocol_tls = __webpack_require__(39451);
;// CONCATENATED MODULE: ../../src/protocol/kafka-api-versions.ts
// Whether a broker and kafkajs share a version of every API infra-verify calls. kafkajs picks
// min(its newest, the broker's newest) without looking at the broker's oldest, so a broker that
// dropped old versions (Kafka 4, KIP-896) fails later with a bare protocol error; asked first,
// the answer names the API.





/** The APIs that readiness, observation, the probes and the markers send (SASL ones when set). */
const USED_APIS = [
    'ApiVersions',
    'Metadata',
    'DescribeConfigs',
    'Produce',
    'Fetch',
    'ListOffsets',
    'GroupCoordinator',
    'JoinGroup',
    'SyncGroup',
    'Heartbeat',
    'LeaveGroup',
    'OffsetFetch',
    'OffsetCommit',
    'DeleteGroups',
];
const SASL_APIS = ['SaslHandshake', 'SaslAuthenticate'];
/** A broker's ApiVersions answer is a few hundred bytes; one this large is not a broker. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const CLIENT_ID = 'infra-verify';
/** A request frame: size, then header v1 (api key, version, correlation id, client id), body. */
function requestFrame(api, version, correlationId, body) {
    const clientId = Buffer.from(CLIENT_ID);
    const header = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
    header.writeInt16BE((apiKeys_default())[api], 0);
    header.writeInt16BE(version, 2);
    header.writeInt32BE(correlationId, 4);
    header.writeInt16BE(clientId.length, 8);
    clientId.copy(header, 10);
    const size = Buffer.alloc(4);
    size.writeInt32BE(header.length + body.length);
    return Buffer.concat([size, header, body]);
}
const API_VERSIONS_ID = 1;
const METADATA_ID = 2;
/** ApiVersions v0: every broker answers it, before any SASL exchange. */
const apiVersionsRequest = () => requestFrame('ApiVersions', 0, API_VERSIONS_ID, Buffer.alloc(0));
/**
 * Metadata v4 (Kafka 0.11 to 4.x): the oldest version that can ask for no topic at all (an empty
 * list; null asks for every one) without creating any. kafkajs cannot ask that: it sends an empty
 * list as null, so on a cluster of 5,000 topics each of its pings reads them all.
 */
const METADATA_VERSION = 4;
const metadataRequest = () => requestFrame('Metadata', METADATA_VERSION, METADATA_ID, Buffer.from([0, 0, 0, 0, 0]));
function parseApiVersions(frame) {
    // size, correlation id, error code, then [api key, min, max] entries
    const errorCode = frame.readInt16BE(8);
    if (errorCode !== 0)
        throw new Error(`the broker answered ApiVersions with error ${errorCode}`);
    const count = frame.readInt32BE(10);
    if (count < 0 || 14 + count * 6 > frame.length) {
        throw new Error('the ApiVersions answer is cut short: not a Kafka broker');
    }
    const versions = new Map();
    for (let i = 0; i < count; i += 1) {
        const at = 14 + i * 6;
        versions.set(frame.readInt16BE(at), {
            min: frame.readInt16BE(at + 2),
            max: frame.readInt16BE(at + 4),
        });
    }
    return versions;
}
/** Reads a Metadata v4 answer to a request for no topic: the brokers and the cluster id. */
function parseClusterMetadata(frame) {
    let at = 8; // size, correlation id
    const need = (bytes) => {
        if (at + bytes > frame.length)
            throw new Error('the metadata answer is cut short: not a Kafka broker');
        const from = at;
        at += bytes;
        return from;
    };
    const string = (nullable) => {
        const length = frame.readInt16BE(need(2));
        if (length < 0 && nullable)
            return undefined;
        if (length < 0)
            throw new Error('the metadata answer has a null host: not a Kafka broker');
        const from = need(length);
        return frame.toString('utf8', from, from + length);
    };
    need(4); // throttle time
    const brokers = frame.readInt32BE(need(4));
    // each broker takes at least 12 bytes: a bound before the loop, not a count to trust
    if (brokers < 0 || brokers * 12 > frame.length) {
        throw new Error('the metadata answer is cut short: not a Kafka broker');
    }
    for (let i = 0; i < brokers; i += 1) {
        need(4); // node id
        string(false);
        need(4); // port
        string(true); // rack
    }
    const clusterId = string(true);
    if (clusterId === undefined)
        throw new Error('the metadata answer names no cluster id');
    return { clusterId, brokers };
}
/**
 * A broker that answered ApiVersions and then drops the connection at Metadata: what a listener
 * that wants a SASL login does with any other request first. Not final: a broker shutting down
 * drops connections too, so the wait goes on, and this is what it reports if it never ends.
 */
const SASL_WANTED = 'the broker ended the connection at the first request after ApiVersions, as a listener that wants a SASL login does: set kafka-sasl-mechanism and its credentials, and kafka-security-protocol to SASL_PLAINTEXT or SASL_SSL';
const speaks = (versions, api, version) => {
    const range = versions.get((apiKeys_default())[api]);
    return range !== undefined && range.min <= version && version <= range.max;
};
/**
 * ApiVersions, then (where `askCluster`: a listener without SASL, which answers nothing else
 * before a login) Metadata for no topic, on one socket, bounded in time and bytes.
 */
function brokerHello(host, port, tls, timeoutMs, askCluster = false) {
    return new Promise((resolve, reject) => {
        const socket = tls
            ? (0,external_node_tls_.connect)({ host, port, ...(0,protocol_tls/* withServername */.Z_)(tls, host) })
            : (0,external_node_net_.connect)({ host, port });
        let received = Buffer.alloc(0);
        let versions;
        const timer = setTimeout(() => socket.destroy(new Error(`no ${versions ? 'metadata' : 'ApiVersions'} answer within ${timeoutMs} ms`)), timeoutMs);
        const settle = (hello) => {
            clearTimeout(timer);
            socket.destroy();
            resolve(hello);
        };
        const onFrame = (frame) => {
            if (versions)
                return settle({ versions, cluster: parseClusterMetadata(frame) });
            versions = parseApiVersions(frame);
            if (askCluster && speaks(versions, 'Metadata', METADATA_VERSION)) {
                socket.write(metadataRequest());
            }
            else
                settle({ versions });
        };
        socket.on(tls ? 'secureConnect' : 'connect', () => socket.write(apiVersionsRequest()));
        socket.on('data', (chunk) => {
            received = Buffer.concat([received, chunk]);
            if (received.length < 4)
                return;
            const size = received.readInt32BE(0);
            if (size < 10 || size > MAX_RESPONSE_BYTES) {
                socket.destroy(new Error(`the server sent a frame of ${size} bytes: not a Kafka broker`));
            }
            else if (received.length >= 4 + size) {
                const frame = received.subarray(0, 4 + size);
                received = received.subarray(4 + size);
                try {
                    onFrame(frame);
                }
                catch (error) {
                    clearTimeout(timer);
                    socket.destroy();
                    reject(error);
                }
            }
        });
        socket.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        socket.on('close', () => {
            clearTimeout(timer);
            reject(new Error(versions ? SASL_WANTED : 'Connection closed by the server before an ApiVersions answer'));
        });
    });
}
/**
 * Each API the client needs that has no version both sides speak, as one sentence per API;
 * empty when every one overlaps.
 */
function apiVersionGaps(broker, withSasl) {
    const needed = withSasl ? [...USED_APIS, ...SASL_APIS] : USED_APIS;
    return needed.flatMap((api) => {
        const offered = broker.get((apiKeys_default())[api]);
        const spoken = (requests.requests[api]?.versions ?? []).map(Number);
        if (!offered)
            return [`the broker does not offer ${api}`];
        const used = Math.min(Math.max(...spoken), offered.max);
        if (spoken.includes(used) && used >= offered.min)
            return [];
        return [
            `${api}: the broker speaks v${offered.min}-v${offered.max}, kafkajs v${Math.min(...spoken)}-v${Math.max(...spoken)}`,
        ];
    });
}

// EXTERNAL MODULE: ../../src/protocol/connection-failure.ts
var connection_failure = __webpack_require__(5111);
;// CONCATENATED MODULE: ../../src/protocol/kafka.ts
// The one way infra-verify makes a Kafka client, and Kafka's readiness ping.








/**
 * The largest response frame accepted: above a fetch's 10 MiB default and any metadata of a
 * real cluster. A "Kafka" port that sends garbage announces absurd sizes and is cut off here.
 */
const MAX_KAFKA_FRAME_BYTES = 16 * 1024 * 1024;
/** Kafka's framing: a 4-byte size, then that many bytes. Garbage announces absurd sizes. */
const KAFKA_FRAMING = {
    headerBytes: 4,
    bodyBytes: (header) => {
        const size = header.readInt32BE(0);
        return size < 4 || size > MAX_KAFKA_FRAME_BYTES
            ? `the server sent a frame of ${size} bytes: not a Kafka broker`
            : size;
    },
};
/**
 * The socket as kafkajs's own factory makes it (TLS when it hands us `ssl`, with the host as
 * servername unless one is set), plus the frame guard on what the driver reads.
 */
const guardedSocketFactory = ({ host, port, ssl, onConnect }) => {
    const socket = ssl
        ? (0,external_node_tls_.connect)({ host, port, ...(0,protocol_tls/* withServername */.Z_)(ssl, host) }, onConnect)
        : (0,external_node_net_.connect)({ host, port }, onConnect);
    socket.setKeepAlive(true, 60_000);
    (0,frame_guard/* guardFrames */.Q)(socket, KAFKA_FRAMING);
    return socket;
};
function saslOptions(sasl) {
    switch (sasl.mechanism) {
        case 'OAUTHBEARER':
            return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: sasl.token }) };
        case 'PLAIN':
            return { mechanism: 'plain', username: sasl.username, password: sasl.password };
        case 'SCRAM-SHA-256':
            return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
        case 'SCRAM-SHA-512':
            return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
    }
}
/**
 * kafkajs 2.2.4 sets negative timeouts, which Node 24 reports once per process as a
 * TimeoutNegativeWarning on stderr (kafkajs issue 1751; Node runs them after 1 ms, as kafkajs
 * meant). The Action runs on node24, so every run would print it. Only that warning is dropped.
 */
function dropTimeoutNegativeWarning() {
    if (emitWarning !== undefined)
        return;
    emitWarning = process.emitWarning;
    const original = emitWarning;
    process.emitWarning = function filtered(warning, ...rest) {
        const option = rest[0];
        const type = warning instanceof Error
            ? warning.name
            : typeof option === 'string'
                ? option
                : option?.type;
        if (type === 'TimeoutNegativeWarning')
            return;
        original.call(process, warning, ...rest);
    };
}
let emitWarning;
function kafkaClient(brokers, options) {
    dropTimeoutNegativeWarning();
    const { tls, sasl } = options.settings;
    return new kafkajs.Kafka({
        clientId: options.clientId,
        brokers,
        // kafkajs logs its own retries to stdout; our callers report failures themselves.
        logLevel: kafkajs.logLevel.NOTHING,
        connectionTimeout: 3_000,
        socketFactory: guardedSocketFactory,
        ...(tls ? { ssl: (0,protocol_tls/* tlsOptions */.YF)(tls, 'kafka') } : {}),
        ...(sasl ? { sasl: saslOptions(sasl) } : {}),
        ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
        retry: options.retries === 0 ? { retries: 0 } : { retries: options.retries, initialRetryTime: 200 },
    });
}
/**
 * The failure as one line naming its cause and the setting to change, where it is a TLS, SASL
 * or protocol mismatch. A plaintext client dropped without an answer asks the port whether it
 * speaks TLS, because the broker gives no other sign.
 */
async function explainKafkaFailure(error, brokers, settings) {
    const classified = (0,connection_failure/* classifyKafkaFailure */.Lc)(error, settings);
    if (classified || settings.tls || !(0,connection_failure/* droppedLikeTls */.VH)(error))
        return classified ?? error;
    const first = brokers[0];
    if (first === undefined)
        return error;
    const { host, port } = (0,host_port/* parseHostPort */.Dv)(first);
    return (0,connection_failure/* classifyKafkaFailure */.Lc)(error, settings, await (0,protocol_tls/* speaksTls */.pD)(host, port, 2000)) ?? error;
}
/**
 * Kafka is ready when a broker shares a version of every API infra-verify sends and answers a
 * metadata request with its cluster id.
 */
async function kafkaReady(brokers, settings) {
    try {
        return await askKafka(brokers, settings);
    }
    catch (error) {
        throw await explainKafkaFailure(error, brokers, settings);
    }
}
async function askKafka(brokers, settings) {
    const first = brokers[0];
    if (first === undefined)
        throw new Error('no broker address');
    const { host, port } = (0,host_port/* parseHostPort */.Dv)(first);
    // Without SASL the same socket asks for the cluster; a SASL listener answers only after a login.
    const hello = await brokerHello(host, port, settings.tls ? (0,protocol_tls/* tlsOptions */.YF)(settings.tls, 'kafka') : undefined, 5000, settings.sasl === undefined);
    const gaps = apiVersionGaps(hello.versions, settings.sasl !== undefined);
    if (gaps.length > 0) {
        throw new connection_failure/* ConnectionFailure */.ls(`the broker and kafkajs share no version of ${gaps.join('; ')}`, 'protocol');
    }
    const cluster = hello.cluster ?? (await clusterAfterLogin(brokers, settings));
    if (cluster.brokers === 0)
        throw new Error('metadata lists no broker yet');
    return cluster;
}
/** kafkajs logs in; its describeCluster then reads every topic's metadata, twice. */
async function clusterAfterLogin(brokers, settings) {
    const admin = kafkaClient(brokers, {
        clientId: 'infra-verify-readiness',
        retries: 0,
        requestTimeoutMs: 5000,
        settings,
    }).admin();
    try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
    }
    finally {
        await admin.disconnect().catch(() => undefined);
    }
}


/***/ }),

/***/ 39451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YF: () => (/* binding */ tlsOptions),
/* harmony export */   Z_: () => (/* binding */ withServername),
/* harmony export */   pD: () => (/* binding */ speaksTls)
/* harmony export */ });
/* unused harmony export isCertificateError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _model_connection__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26887);
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80420);
// TLS settings as Node's TLS options, shared by the Kafka and Cassandra clients. Certificate
// verification always stays on: a CA the system does not trust is passed, never waved through.





/** A CA bundle of a few hundred certificates is well under this; anything larger is not PEM. */
const MAX_PEM_BYTES = 1024 * 1024;
const FILE_ERRORS = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
};
function readPem(source, setting) {
    if ('pem' in source)
        return source.pem;
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(source.path).size;
        if (size > MAX_PEM_BYTES) {
            throw new Error(`${size} bytes, more than the ${MAX_PEM_BYTES} a PEM file may have`);
        }
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(source.path, 'utf8');
        if (!text.includes('-----BEGIN '))
            throw new Error('it holds no PEM block (-----BEGIN ...)');
        return text;
    }
    catch (error) {
        const code = error.code;
        const why = code ? (FILE_ERRORS[code] ?? code) : (0,_model_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error);
        throw new _model_connection__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionSettingError */ .Lm(`${setting}: cannot use ${source.path}: ${why}`);
    }
}
/**
 * Node TLS options for one server's settings; `server` names the settings in errors
 * (kafka-ca-file, cassandra-key-file ...). Files are read on every call: they are small, and a
 * certificate renewed between runs of `status` is picked up.
 */
function tlsOptions(tls, server) {
    return {
        ...(tls.ca ? { ca: readPem(tls.ca, `${server}-ca-file`) } : {}),
        ...(tls.client
            ? {
                cert: readPem(tls.client.cert, `${server}-cert-file`),
                key: readPem(tls.client.key, `${server}-key-file`),
            }
            : {}),
        ...(tls.servername ? { servername: tls.servername } : {}),
    };
}
/** SNI and the name checked against the certificate: the host dialled, unless told otherwise. */
function withServername(options, host) {
    return options.servername || (0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIP)(host) ? options : { ...options, servername: host };
}
/**
 * Whether a port completes (or fails only on trust) a TLS handshake: the cause when a plaintext
 * client is dropped without an answer. Verification stays on: a certificate the client does not
 * trust still proves that the server speaks TLS.
 */
function speaksTls(host, port, timeoutMs) {
    return new Promise((resolve) => {
        const socket = (0,node_tls__WEBPACK_IMPORTED_MODULE_1__.connect)(withServername({ host, port }, host));
        const done = (answer) => {
            clearTimeout(timer);
            socket.destroy();
            resolve(answer);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        socket.on('secureConnect', () => done(true));
        socket.on('error', (error) => done(isCertificateError(error)));
    });
}
/** OpenSSL's verification codes, as Node puts them on `error.code`. */
const CERTIFICATE_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
]);
function isCertificateError(error) {
    return typeof error.code === 'string' && CERTIFICATE_CODES.has(error.code);
}


/***/ }),

/***/ 68092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s7: () => (/* binding */ zookeeperReady)
/* harmony export */ });
/* unused harmony exports MAX_SRVR_BYTES, zookeeperSrvr */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _host_port__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26784);
// ZooKeeper's four-letter words over plain TCP (what a compose healthcheck asks), and its readiness ping.


/** A real srvr answer is a few hundred bytes; a server that sends more is not ZooKeeper. */
const MAX_SRVR_BYTES = 16 * 1024;
/**
 * Sends `srvr` and reads until ZooKeeper closes the connection: within timeoutMs in all (a
 * server that trickles a byte a second never gets an idle timeout) and within MAX_SRVR_BYTES.
 */
function zookeeperSrvr(host, port, timeoutMs) {
    return new Promise((resolve, reject) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        const chunks = [];
        let bytes = 0;
        const timer = setTimeout(() => socket.destroy(new Error(`no complete srvr answer within ${timeoutMs} ms`)), timeoutMs);
        socket.on('connect', () => socket.end('srvr'));
        socket.on('data', (chunk) => {
            bytes += chunk.length;
            if (bytes > MAX_SRVR_BYTES) {
                socket.destroy(new Error(`the srvr answer is over ${MAX_SRVR_BYTES} bytes: not ZooKeeper`));
                return;
            }
            chunks.push(chunk);
        });
        socket.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        socket.on('close', (hadError) => {
            clearTimeout(timer);
            if (hadError)
                return;
            const raw = Buffer.concat(chunks).toString('utf8');
            // A server that has not whitelisted srvr answers with this sentence instead.
            if (raw.includes('is not executed because it is not in the whitelist')) {
                reject(new Error('srvr is not in 4lw.commands.whitelist'));
                return;
            }
            const field = (name) => new RegExp(`^${name}: (.+)$`, 'm').exec(raw)?.[1]?.trim();
            resolve({ mode: field('Mode'), version: field('Zookeeper version'), raw });
        });
    });
}
/** ZooKeeper is ready when it answers `srvr` with its mode (standalone, leader, follower). */
async function zookeeperReady(address) {
    const { host, port } = (0,_host_port__WEBPACK_IMPORTED_MODULE_1__/* .parseHostPort */ .Dv)(address);
    const srvr = await zookeeperSrvr(host, port, 3000);
    if (!srvr.mode) {
        throw new Error(`srvr answered without a Mode line: ${JSON.stringify(srvr.raw.slice(0, 80))}`);
    }
    return { mode: srvr.mode };
}


/***/ })

};
;