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
    awaitStack: _stack_ready__WEBPACK_IMPORTED_MODULE_1__/* .awaitStack */ .f,
    awaitServer: _stack_ready__WEBPACK_IMPORTED_MODULE_1__/* .awaitServer */ .s,
    async connect(endpoints, readiness) {
        const clients = await (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .connectStack */ .rC)(endpoints, readiness);
        return {
            observeLive: (spec, runtime, ready, lookDeadline) => (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .observeLive */ .Td)(runtime, ready, clients, (0,_observe_stack__WEBPACK_IMPORTED_MODULE_0__/* .lookScope */ .ed)(spec), lookDeadline),
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