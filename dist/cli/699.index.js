"use strict";
exports.id = 699;
exports.ids = [699];
exports.modules = {

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