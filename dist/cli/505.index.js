"use strict";
exports.id = 505;
exports.ids = [505,699];
exports.modules = {

/***/ 31505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cql: () => (/* binding */ stack_commands_cql),
  down: () => (/* binding */ down),
  status: () => (/* binding */ stack_commands_status),
  up: () => (/* binding */ up)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ../../src/model/connection.ts
var model_connection = __webpack_require__(26887);
// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __webpack_require__(80420);
// EXTERNAL MODULE: ../../src/model/runtime.ts
var runtime = __webpack_require__(36507);
// EXTERNAL MODULE: ../../src/protocol/host-port.ts
var host_port = __webpack_require__(26784);
// EXTERNAL MODULE: ../../src/model/readiness.ts
var model_readiness = __webpack_require__(63103);
// EXTERNAL MODULE: ../../src/engine/release.ts
var engine_release = __webpack_require__(25217);
// EXTERNAL MODULE: ../../src/probes/observer.ts
var probes_observer = __webpack_require__(47699);
;// CONCATENATED MODULE: ../../src/app/stack-up.ts


/** Starts the stack and waits for it; throws what stopped the start itself. */
async function startStack(spec, runtime, { deadline, stagedStart, progress }, observer = probes_observer.probeObserver) {
    const release = stagedStart ? (0,engine_release/* protocolRelease */.u)(observer, spec, runtime, progress) : undefined;
    await runtime.lifecycle.up(progress, deadline, release);
    return observer.awaitStack(spec, runtime, deadline, progress);
}

// EXTERNAL MODULE: ../../src/runtime/index.ts + 12 modules
var src_runtime = __webpack_require__(71000);
// EXTERNAL MODULE: ../../src/runtime/local/profiles.ts
var profiles = __webpack_require__(62510);
// EXTERNAL MODULE: ../../src/spec/for-run.ts + 1 modules
var for_run = __webpack_require__(36413);
// EXTERNAL MODULE: ../../src/spec/types.ts
var types = __webpack_require__(97472);
// EXTERNAL MODULE: ../../src/runtime/local/cql.ts
var cql = __webpack_require__(15462);
// EXTERNAL MODULE: ../../src/cli/options.ts
var cli_options = __webpack_require__(33910);
;// CONCATENATED MODULE: ../../src/cli/stack-commands.ts
// The stack commands (up, down, status, cql): loaded only when one of them runs, since they
// reach the servers through the drivers, which `verify --static` and `--help` never need.













const progress = (message) => process.stderr.write(`${message}\n`);
/** The servers of ./infra-spec.yml when there is one: compose is asked where those listen. */
function specServers() {
    try {
        return (0,types/* declaredRoles */._G)((0,for_run/* specForRun */.e)(undefined, process.cwd()).spec);
    }
    catch (error) {
        if (error instanceof for_run/* NoSpecError */.z)
            return {};
        throw error;
    }
}
const runtimeNamed = async ({ runtime, profile }, connection) => (0,src_runtime.createRuntime)(await (0,src_runtime.resolveRuntimeName)(runtime), specServers(), process.env, profile, connection);
/** Waits by protocol like verify does, so `up` means ready on compose too, not just started. */
async function up(options) {
    const runtime = await runtimeNamed(options);
    const { spec: declared } = (0,for_run/* specForRun */.e)(undefined, process.cwd());
    // A twin whose Kafka is its own controller has no ZooKeeper to wait for, whatever
    // ./infra-spec.yml declares.
    const kraft = profiles/* TWIN_TOPOLOGIES */.R[options.profile].controller === 'kraft';
    const spec = kraft ? { ...declared, zookeeper: undefined } : declared;
    const timeoutMs = (0,cli_options/* timeoutSeconds */.rv)(options.timeout) * 1000;
    const started = Date.now();
    let notReady;
    try {
        const readiness = await startStack(spec, runtime, {
            deadline: started + timeoutMs,
            stagedStart: options.stagedStart,
            progress,
        });
        notReady = (0,model_readiness/* notReadyServices */.pc)(readiness);
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        notReady = [{ service: runtime.name, message: (0,errors/* errorMessage */.gJ)(error) }];
    }
    if (notReady.length > 0) {
        for (const { service, message } of notReady)
            progress(`the stack did not come up: ${service}: ${message}`);
        // up leaves the stack as it is, like `docker compose up -d`: say how to clear what started.
        progress(`what did start keeps running; stop it with: infra-verify down --runtime ${runtime.name}` +
            (options.profile === 'single' ? '' : ` --profile ${options.profile}`));
        return cli_options/* EXIT */.dc.stackDown;
    }
    progress(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return cli_options/* EXIT */.dc.ok;
}
async function down(options) {
    await (await runtimeNamed(options)).lifecycle.down({ removeData: Boolean(options.reset) });
    progress(options.reset ? 'stack stopped; data removed' : 'stack stopped; data kept');
    return cli_options/* EXIT */.dc.ok;
}
async function stack_commands_status(options) {
    const services = await (await runtimeNamed(options)).lifecycle.services();
    for (const s of services) {
        const detail = s.exitCode !== undefined ? `exit ${s.exitCode}` : (s.health ?? '');
        process.stdout.write(`${s.containerName.padEnd(28)} ${s.state.padEnd(8)} ${detail}\n`);
    }
    return (0,runtime/* stackIsUp */.k8)(services) ? cli_options/* EXIT */.dc.ok : cli_options/* EXIT */.dc.stackDown;
}
async function stack_commands_cql(options) {
    if (Boolean(options.execute) === Boolean(options.file))
        throw new cli_options/* UsageError */.eb('cql needs exactly one of -e STATEMENT or -f FILE');
    let text = options.execute ?? '';
    if (options.file) {
        try {
            text = (0,external_node_fs_.readFileSync)(options.file, 'utf8');
        }
        catch (error) {
            throw new cli_options/* UsageError */.eb(`cannot read ${options.file}: ${error.message}`);
        }
    }
    // Contact points given: the connection flags (or INFRA_VERIFY_*) say how. Else the runtime's
    // endpoints, reached with the settings given, or the runtime's own (a secured twin's admin).
    const { cassandraContactPoints, connection = model_connection/* OPEN_CONNECTION */._f } = options.contactPoints
        ? {
            cassandraContactPoints: (0,host_port/* splitList */.ry)(options.contactPoints),
            connection: (0,cli_options/* connectionFromFlags */.Ep)(options),
        }
        : (await runtimeNamed(options, (0,cli_options/* givenConnection */.k6)(options))).endpoints;
    const settings = connection.cassandra;
    try {
        await (0,cql/* runCql */.S)({ contactPoints: cassandraContactPoints, settings }, text, (line) => process.stdout.write(`${line}\n`));
    }
    catch (error) {
        process.stderr.write(`${error.message}\n`);
        return cli_options/* EXIT */.dc.failed;
    }
    return cli_options/* EXIT */.dc.ok;
}


/***/ }),

/***/ 47699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   probeObserver: () => (/* binding */ probeObserver)
/* harmony export */ });
/* harmony import */ var _observe_stack__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10889);
/* harmony import */ var _stack_ready__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54887);


const probeObserver = {
    awaitStack: _stack_ready__WEBPACK_IMPORTED_MODULE_1__/* .awaitStack */ .fy,
    awaitServer: _stack_ready__WEBPACK_IMPORTED_MODULE_1__/* .awaitServer */ .sc,
    async observeServices(spec, runtime, readiness, deadline, lookDeadline) {
        await (0,_stack_ready__WEBPACK_IMPORTED_MODULE_1__/* .awaitJudged */ .wt)(spec, runtime, deadline);
        return (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .observeServices */ .RD)(runtime, readiness, lookDeadline);
    },
    async connect(endpoints, readiness) {
        const clients = await (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .connectStack */ .rC)(endpoints, readiness);
        return {
            observeServers: (spec, runtime, ready) => (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .observeServers */ .zr)(runtime, ready, clients, (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .lookScope */ .ed)(spec)),
            roundTrip: (spec, live, runId, expiry) => (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .observeRoundTrip */ .Iw)(spec, live, clients, runId, expiry),
            writeMarkers: (spec, live, runId, expiring) => (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .writeMarkers */ .RJ)(spec, live, clients, runId, expiring),
            readMarkers: (markers) => (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .readMarkers */ .mC)(markers, clients),
            close: () => clients.close(),
        };
    },
};


/***/ })

};
;