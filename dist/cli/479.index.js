"use strict";
exports.id = 479;
exports.ids = [479];
exports.modules = {

/***/ 93479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cql: () => (/* binding */ cql),
/* harmony export */   down: () => (/* binding */ down),
/* harmony export */   status: () => (/* binding */ status),
/* harmony export */   up: () => (/* binding */ up)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_connection__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26887);
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80420);
/* harmony import */ var _model_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36507);
/* harmony import */ var _protocol_host_port__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(26784);
/* harmony import */ var _model_readiness__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(63103);
/* harmony import */ var _probes_stack_ready__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54887);
/* harmony import */ var _runtime__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71000);
/* harmony import */ var _runtime_local_profiles__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62510);
/* harmony import */ var _spec_for_run__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(36413);
/* harmony import */ var _spec_types__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(97472);
/* harmony import */ var _runtime_local_cql__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(15462);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(88618);
// The stack commands (up, down, status, cql): loaded only when one of them runs, since they
// reach the servers through the drivers, which `verify --static` and `--help` never need.













const progress = (message) => process.stderr.write(`${message}\n`);
/** The servers of ./infra-spec.yml when there is one: compose is asked where those listen. */
function specServers() {
    try {
        return (0,_spec_types__WEBPACK_IMPORTED_MODULE_8__/* .declaredRoles */ ._G)((0,_spec_for_run__WEBPACK_IMPORTED_MODULE_7__/* .specForRun */ .e3)(undefined, process.cwd()).spec);
    }
    catch (error) {
        if (error instanceof _spec_for_run__WEBPACK_IMPORTED_MODULE_7__/* .NoSpecError */ .zJ)
            return {};
        throw error;
    }
}
const runtimeNamed = async ({ runtime, profile }, connection) => (0,_runtime__WEBPACK_IMPORTED_MODULE_5__.createRuntime)(await (0,_runtime__WEBPACK_IMPORTED_MODULE_5__.resolveRuntimeName)(runtime), specServers(), process.env, profile, connection);
/** Waits by protocol like verify does, so `up` means ready on compose too, not just started. */
async function up(options) {
    const runtime = await runtimeNamed(options);
    const { spec: declared } = (0,_spec_for_run__WEBPACK_IMPORTED_MODULE_7__/* .specForRun */ .e3)(undefined, process.cwd());
    // A twin whose Kafka is its own controller has no ZooKeeper to wait for, whatever
    // ./infra-spec.yml declares.
    const kraft = _runtime_local_profiles__WEBPACK_IMPORTED_MODULE_6__/* .TWIN_TOPOLOGIES */ .R[options.profile].controller === 'kraft';
    const spec = kraft ? { ...declared, zookeeper: undefined } : declared;
    const timeoutMs = (0,_options__WEBPACK_IMPORTED_MODULE_10__/* .timeoutSeconds */ .rv)(options.timeout) * 1000;
    const started = Date.now();
    let notReady;
    try {
        await runtime.lifecycle.up(progress, started + timeoutMs);
        notReady = (0,_model_readiness__WEBPACK_IMPORTED_MODULE_11__/* .notReadyServices */ .pc)(await (0,_probes_stack_ready__WEBPACK_IMPORTED_MODULE_4__/* .awaitStack */ .f)(spec, runtime, started + timeoutMs, progress));
    }
    catch (error) {
        if (error instanceof _model_errors__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw error;
        notReady = [{ service: runtime.name, message: (0,_model_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) }];
    }
    if (notReady.length > 0) {
        for (const { service, message } of notReady)
            progress(`the stack did not come up: ${service}: ${message}`);
        // up leaves the stack as it is, like `docker compose up -d`: say how to clear what started.
        progress(`what did start keeps running; stop it with: infra-verify down --runtime ${runtime.name}` +
            (options.profile === 'single' ? '' : ` --profile ${options.profile}`));
        return _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.stackDown;
    }
    progress(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok;
}
async function down(options) {
    await (await runtimeNamed(options)).lifecycle.down({ removeData: Boolean(options.reset) });
    progress(options.reset ? 'stack stopped; data removed' : 'stack stopped; data kept');
    return _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok;
}
async function status(options) {
    const services = await (await runtimeNamed(options)).lifecycle.services();
    for (const s of services) {
        const detail = s.exitCode !== undefined ? `exit ${s.exitCode}` : (s.health ?? '');
        process.stdout.write(`${s.containerName.padEnd(28)} ${s.state.padEnd(8)} ${detail}\n`);
    }
    return (0,_model_runtime__WEBPACK_IMPORTED_MODULE_3__/* .stackIsUp */ .k8)(services) ? _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok : _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.stackDown;
}
async function cql(options) {
    if (Boolean(options.execute) === Boolean(options.file))
        throw new _options__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .eb('cql needs exactly one of -e STATEMENT or -f FILE');
    let text = options.execute ?? '';
    if (options.file) {
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(options.file, 'utf8');
        }
        catch (error) {
            throw new _options__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .eb(`cannot read ${options.file}: ${error.message}`);
        }
    }
    // Contact points given: the connection flags (or INFRA_VERIFY_*) say how. Else the runtime's
    // endpoints, reached with the settings given, or the runtime's own (a secured twin's admin).
    const { cassandraContactPoints, connection = _model_connection__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_CONNECTION */ ._f } = options.contactPoints
        ? {
            cassandraContactPoints: (0,_protocol_host_port__WEBPACK_IMPORTED_MODULE_12__/* .splitList */ .ry)(options.contactPoints),
            connection: (0,_options__WEBPACK_IMPORTED_MODULE_10__/* .connectionFromFlags */ .Ep)(options),
        }
        : (await runtimeNamed(options, (0,_options__WEBPACK_IMPORTED_MODULE_10__/* .givenConnection */ .k6)(options))).endpoints;
    const settings = connection.cassandra;
    try {
        await (0,_runtime_local_cql__WEBPACK_IMPORTED_MODULE_9__/* .runCql */ .S)({ contactPoints: cassandraContactPoints, settings }, text, (line) => process.stdout.write(`${line}\n`));
    }
    catch (error) {
        process.stderr.write(`${error.message}\n`);
        return _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.failed;
    }
    return _options__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok;
}


/***/ }),

/***/ 54887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ awaitStack),
/* harmony export */   s: () => (/* binding */ awaitServer)
/* harmony export */ });
/* harmony import */ var _model_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80420);
/* harmony import */ var _model_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36507);
/* harmony import */ var _protocol_cassandra__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44596);
/* harmony import */ var _protocol_connection_failure__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5111);
/* harmony import */ var _protocol_kafka__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54550);
/* harmony import */ var _protocol_wait__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67369);
/* harmony import */ var _protocol_zookeeper__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(68092);
/* harmony import */ var _spec_types__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97472);
// Waits for the whole stack by protocol (ZooKeeper srvr, Kafka metadata, a CQL query) and for
// the one-shot inits to finish, all against one deadline. Built on protocol/'s pings and wait.








async function settle(wait) {
    const started = Date.now();
    try {
        return { ok: true, value: await wait, ms: Date.now() - started };
    }
    catch (error) {
        // The log tail is fetched once for the report, so the message keeps only what was seen.
        return {
            ok: false,
            error: error instanceof _protocol_wait__WEBPACK_IMPORTED_MODULE_5__/* .ReadinessError */ .J ? (0,_model_errors__WEBPACK_IMPORTED_MODULE_0__/* .firstLineOf */ .Qy)(error) : (0,_model_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error),
            ms: Date.now() - started,
        };
    }
}
/**
 * Services that have no protocol of their own: one-shot inits (must exit 0) and sentinels that
 * just run (stack-ready). Their state comes from the runtime.
 */
/** Services declared healthy: their containers' health is judged by the engine. */
function healthyServices(spec) {
    return Object.entries(spec.compose.services).flatMap(([name, { ready }]) => ready === 'healthy' ? [name] : []);
}
function stateServices(spec) {
    return Object.entries(spec.compose.services).flatMap(([name, { ready }]) => ready === 'healthy' ? [] : [{ name, ready }]);
}
/** Resolves with the exit code (0 for a sentinel that runs) once the service has settled. */
async function settledState(runtime, service, ready) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    const state = observed?.state ?? 'missing';
    if (ready === 'running' && state === 'running')
        return 0;
    if (ready === 'exited-0' && state === 'exited')
        return observed?.exitCode ?? -1;
    throw new Error(`${service} is ${state}`);
}
/**
 * A server declared healthy that has a healthcheck: the engine has judged it (healthy or
 * unhealthy). The checks read that judgement; after a staged start it may come a tick later
 * than the protocol's answer.
 */
async function healthJudged(runtime, service) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    if (observed?.state === 'running' && observed.health === 'starting') {
        throw new Error(`${service} is running (health: starting)`);
    }
}
/** Why a started server's container will not answer any more: it exited. */
async function stopped(runtime, service) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    return observed?.state === 'exited'
        ? `${service} exited (exit ${observed.exitCode ?? 'unknown'})`
        : undefined;
}
/** Compose creates every container on up, so a service that is missing will not appear later. */
async function missingFromStack(runtime, service) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    return !observed || observed.state === 'missing'
        ? `${service} is not part of the running stack`
        : undefined;
}
/** How each server's protocol wait is made: its attempt, its address, when to stop trying. */
function serverWaits(spec, runtime, deadline, progress) {
    const logTail = (service) => () => runtime.logs(service, _model_runtime__WEBPACK_IMPORTED_MODULE_1__/* .LOG_TAIL_LINES */ .A5);
    const { zookeeper, kafkaBrokers, cassandraContactPoints, unresolved } = runtime.endpoints;
    const connection = (0,_model_runtime__WEBPACK_IMPORTED_MODULE_1__/* .connectionOf */ .ao)(runtime.endpoints);
    // Unknown addresses are never guessed (a default port may belong to another stack): a wait
    // for a server without an address gives up at once, naming why.
    const address = {
        zookeeper: zookeeper ? [zookeeper] : [],
        kafka: kafkaBrokers,
        cassandra: cassandraContactPoints,
    };
    const giveUpIfUnresolved = (role) => async () => address[role].length === 0 ? (unresolved ?? `no address is known for ${role}`) : undefined;
    // A stack the run brought up may still be creating its users; one already running is not.
    const isFinal = (error) => error instanceof _protocol_connection_failure__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionFailure */ .ls && (error.kind !== 'auth' || !runtime.lifecycle);
    const roles = (0,_spec_types__WEBPACK_IMPORTED_MODULE_7__/* .declaredRoles */ ._G)(spec);
    const serviceOf = Object.fromEntries(Object.entries(roles).map(([role, { service }]) => [role, service]));
    const attempts = {
        zookeeper: () => (0,_protocol_zookeeper__WEBPACK_IMPORTED_MODULE_6__/* .zookeeperReady */ .s7)(zookeeper),
        kafka: () => (0,_protocol_kafka__WEBPACK_IMPORTED_MODULE_4__/* .kafkaReady */ .cz)(kafkaBrokers, connection.kafka),
        cassandra: () => (0,_protocol_cassandra__WEBPACK_IMPORTED_MODULE_2__/* .cassandraReady */ .Qt)(cassandraContactPoints, connection.cassandra),
    };
    const waitFor = (role, options = {}) => {
        const service = serviceOf[role];
        if (service === undefined)
            return undefined;
        const { lifecycle } = runtime;
        return (0,_protocol_wait__WEBPACK_IMPORTED_MODULE_5__/* .waitUntil */ .a)({
            service,
            attempt: attempts[role],
            deadline,
            progress,
            logTail: logTail(service),
            giveUpIf: async () => (await giveUpIfUnresolved(role)()) ??
                (options.giveUpIfStopped && lifecycle ? await stopped(lifecycle, service) : undefined),
            isFinal,
            ...(options.maxDelayMs !== undefined ? { maxDelayMs: options.maxDelayMs } : {}),
        });
    };
    return { serviceOf, waitFor, logTail };
}
/** How often a staged start asks a server that has not answered yet: it holds back the next level. */
const RELEASE_RETRY_MS = 500;
/**
 * A staged start's release of one server: resolves once it answers its protocol, rejects with
 * what was seen when it does not by the deadline.
 */
async function awaitServer(spec, runtime, role, deadline, progress) {
    // The container was just started: once it has exited, nothing will answer (compose too gives
    // up on a dependency whose container exited).
    await serverWaits(spec, runtime, deadline, progress).waitFor(role, {
        maxDelayMs: RELEASE_RETRY_MS,
        giveUpIfStopped: true,
    });
}
/**
 * Every wait shares one deadline. A wait that gives up names the service, what was last seen
 * and its log tail; the others still finish, so the report shows the whole picture.
 */
async function awaitStack(spec, runtime, deadline, progress, scope = 'stack') {
    const { serviceOf, waitFor, logTail } = serverWaits(spec, runtime, deadline, progress);
    const settled = (wait) => wait === undefined ? Promise.resolve(undefined) : settle(wait);
    // The servers alone are awaited while a staged restart still runs beside: a server whose
    // container has exited then will not answer before the deadline, and the start that would
    // have said so is not awaited here. A CI run once waited out 600 s on a killed stack.
    const server = (role) => settled(waitFor(role, { giveUpIfStopped: scope === 'servers' }));
    // A stack without a lifecycle is seen by protocol only: it has no inits or sentinels to watch.
    const { lifecycle } = runtime;
    const whole = lifecycle && scope === 'stack';
    const others = whole ? stateServices(spec) : [];
    const judged = whole ? healthyServices(spec) : [];
    const [zk, kafka, cassandra, ...otherResults] = await Promise.all([
        server('zookeeper'),
        server('kafka'),
        server('cassandra'),
        ...(whole
            ? others.map(({ name, ready }) => settle((0,_protocol_wait__WEBPACK_IMPORTED_MODULE_5__/* .waitUntil */ .a)({
                service: name,
                attempt: () => settledState(lifecycle, name, ready),
                deadline,
                progress,
                logTail: logTail(name),
                giveUpIf: () => missingFromStack(lifecycle, name),
            })))
            : []),
        // What these waits see is not recorded: the checks read the engine's judgement from the
        // snapshot taken next, and a server still "starting" by the deadline fails there.
        ...(whole
            ? judged.map((name) => settle((0,_protocol_wait__WEBPACK_IMPORTED_MODULE_5__/* .waitUntil */ .a)({
                service: name,
                attempt: () => healthJudged(lifecycle, name),
                deadline,
                maxDelayMs: RELEASE_RETRY_MS,
                giveUpIf: () => missingFromStack(lifecycle, name),
            })))
            : []),
    ]);
    return {
        ...(zk ? { zookeeper: zk } : {}),
        ...(kafka ? { kafka: kafka } : {}),
        ...(cassandra ? { cassandra: cassandra } : {}),
        serviceOf,
        others: Object.fromEntries(others.map(({ name }, index) => [name, otherResults[index]])),
    };
}


/***/ })

};
;