"use strict";
exports.id = 500;
exports.ids = [500];
exports.modules = {

/***/ 8659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ withoutControlSequences)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
// Text from a container, a command, a server or a file, made safe to show anywhere (a log, a
// terminal, a Markdown summary): terminal escape sequences (compose's `ESC[2K` line clearing,
// colours, titles) go by Node's own stripper, and the control characters it leaves, but tab and
// newline, go too. A carriage return becomes a newline: alone, it would redraw a line.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function withoutControlSequences(text) {
    return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.stripVTControlCharacters)(text).replace(/\r\n?/g, '\n').replace(CONTROL, '');
}


/***/ }),

/***/ 97118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ formatLocation)
/* harmony export */ });
// Where something was declared (a spec entry, a compose line), for annotations and messages.
function formatLocation(location) {
    return `${location.file}:${location.line}:${location.column}`;
}


/***/ })

};
;