/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 470:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.issueCommand = issueCommand;
exports.issue = issue;
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(274);
/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 933:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// For internal use, subject to change.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.issueFileCommand = issueFileCommand;
exports.prepareKeyValueMessage = prepareKeyValueMessage;
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = __importStar(__nccwpck_require__(982));
const fs = __importStar(__nccwpck_require__(896));
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(274);
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${(0, utils_1.toCommandValue)(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = (0, utils_1.toCommandValue)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 491:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.summary = exports.markdownSummary = exports.SUMMARY_DOCS_URL = exports.SUMMARY_ENV_VAR = void 0;
const os_1 = __nccwpck_require__(857);
const fs_1 = __nccwpck_require__(896);
const { access, appendFile, writeFile } = fs_1.promises;
exports.SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
exports.SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[exports.SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${exports.SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs_1.constants.R_OK | fs_1.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os_1.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
exports.markdownSummary = _summary;
exports.summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 274:
/***/ ((__unused_webpack_module, exports) => {


// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toCommandValue = toCommandValue;
exports.toCommandProperties = toCommandProperties;
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

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
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/command.js
var command = __nccwpck_require__(470);
// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/file-command.js
var file_command = __nccwpck_require__(933);
// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/utils.js
var utils = __nccwpck_require__(274);
// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/summary.js
var summary = __nccwpck_require__(491);
;// CONCATENATED MODULE: ../../src/action/toolkit.ts
// What the action uses of @actions/core, from @actions/core's own modules (workflow commands,
// file commands, the job summary). Its entry module would also load, at start, its OIDC client
// (@actions/http-client and undici, ~35 ms) and its platform helpers (@actions/exec), neither of
// which this action uses: a static run pays for every millisecond it loads.
// The sources import @actions/core itself, which @github/local-action stands its own in for; the
// bundles alone take this module in its place (tools/bundle/tsconfig.json, tools/build-dist.cjs).






/** The input as the runner passes it (INPUT_NAME), trimmed; '' when not given. */
const getInput = (name) => inputVariable(name);
/** A file command when the runner names its file (GITHUB_OUTPUT, GITHUB_STATE), else a workflow command. */
function keyValue(file, command, name, value) {
    if (process.env[`GITHUB_${file}`]) {
        issueFileCommand(file, prepareKeyValueMessage(name, value));
        return;
    }
    if (file === 'OUTPUT')
        process.stdout.write(EOL);
    issueCommand(command, { name }, toCommandValue(value));
}
const setOutput = (name, value) => keyValue('OUTPUT', 'set-output', name, value);
const saveState = (name, value) => keyValue('STATE', 'save-state', name, value);
const getState = (name) => process.env[`STATE_${name}`] ?? '';
const setSecret = (secret) => issueCommand('add-mask', {}, secret);
const info = (message) => process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
const debug = (message) => (0,command.issueCommand)('debug', {}, message);
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), String(message));
}
function warning(message, properties = {}) {
    (0,command.issueCommand)('warning', (0,utils.toCommandProperties)(properties), String(message));
}
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), String(message));
}
/** Fails the step: exit code 1, and the message as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
const startGroup = (name) => (0,command.issue)('group', name);
const endGroup = () => (0,command.issue)('endgroup');
async function group(name, fn) {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}

;// CONCATENATED MODULE: ../../src/model/clock.ts
// Where the engine reads the time. Injected, so that a test can fix it and assert a deadline to
// the millisecond instead of a window around the wall clock.
const systemClock = { now: () => Date.now() };

;// CONCATENATED MODULE: ../../src/model/deadline.ts
// A deadline that several waits share: the caller stops waiting at it, whatever the work does.

class DeadlineError extends Error {
}
/**
 * How far past the user's --timeout a run may go, at most (README, "Deadlines"): what still has
 * to happen once a deadline has passed gets this. A look at the containers (compose ps, inspect,
 * logs) ends within LOOK_PAST_DEADLINE_MS of the deadline, the teardown within the whole margin.
 */
const PAST_DEADLINE_MS = 30_000;
const LOOK_PAST_DEADLINE_MS = 10_000;
/**
 * The promise's outcome, or a DeadlineError once the deadline passes. The work itself is left
 * to its own timeouts (a connect timeout at most); the caller stops waiting for it.
 */
function beforeDeadline(work, deadline, what, clock = systemClock) {
    let timer;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError(`${what} was still running at the deadline`)), Math.max(0, deadline - clock.now()));
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
;// CONCATENATED MODULE: ../../src/model/plain-text.ts
// Text from a container, a command, a server or a file, made safe to show anywhere (a log, a
// terminal, a Markdown summary): terminal escape sequences (compose's `ESC[2K` line clearing,
// colours, titles) go by Node's own stripper, and the control characters it leaves, but tab and
// newline, go too. A carriage return becomes a newline: alone, it would redraw a line.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function withoutControlSequences(text) {
    return (0,external_node_util_namespaceObject.stripVTControlCharacters)(text).replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

;// CONCATENATED MODULE: ../../src/model/errors.ts
// Errors in one vocabulary: a UserError is the user's to fix (a flag, an input, the spec, the
// compose file, twin settings) and is shown as its message alone; anything else is a fault of
// the stack or of infra-verify.
/** Something the user can fix: the message names the cause and the fix, and no trace is shown. */
class errors_UserError extends Error {
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

;// CONCATENATED MODULE: ../../src/model/connection.ts
// How infra-verify reaches a secured cluster: TLS, SASL and credentials, one set of settings for
// every shell. Each shell only supplies a lookup (CLI: flag, else INFRA_VERIFY_<NAME>; Action:
// input, else the same variable), so names, defaults and errors are the same everywhere.

const KAFKA_SECURITY_PROTOCOLS = (/* unused pure expression or super */ null && (['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']));
const KAFKA_SASL_MECHANISMS = (/* unused pure expression or super */ null && ([
    'PLAIN',
    'SCRAM-SHA-256',
    'SCRAM-SHA-512',
    'OAUTHBEARER',
]));
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
const connection_OPEN_CONNECTION = {
    kafka: { securityProtocol: 'PLAINTEXT' },
    cassandra: {},
};
/** A wrong connection setting: the message names the setting, the value and what is allowed. */
class ConnectionSettingError extends (/* unused pure expression or super */ null && (UserError)) {
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

;// CONCATENATED MODULE: ../../src/model/runtime.ts
// One interface for every way of having a stack: compose, the local twin, or endpoints that
// are already running. Runtimes do I/O; checks only see what they return.

/** How every client reaches these endpoints. */
function connectionOf(endpoints) {
    return endpoints.connection ?? OPEN_CONNECTION;
}
/** Exit codes of a service that stopped when asked: a normal exit, or SIGTERM (128 + 15). */
const CLEAN_EXIT_CODES = [0, 143];
function isCleanExit(exitCode) {
    return exitCode !== null && exitCode !== undefined && CLEAN_EXIT_CODES.includes(exitCode);
}
/** How many lines of a service's log a readiness failure or a report shows. */
const LOG_TAIL_LINES = 30;
/** Why a runtime without a lifecycle cannot judge containers: it sees servers by their protocols only. */
const EXISTING_SEES_PROTOCOLS_ONLY = 'runtime existing sees servers by protocol only: one-shot inits, start order, networks and mounts are not observable';
/** Why a runtime without a lifecycle cannot prove persistence. */
const NO_LIFECYCLE_REASON = 'runtime existing has no lifecycle: it cannot stop and start the stack';
/** Up as `compose ps` would say it: every one-shot service exited 0, every other one runs. */
function stackIsUp(services) {
    return (services.length > 0 &&
        services.every((s) => (s.exitCode !== undefined ? s.exitCode === 0 : s.state === 'running')));
}

;// CONCATENATED MODULE: ../../src/runtime/compose/args.ts
function projectArgs(command, project) {
    return [
        ...command.prefix,
        '--project-name',
        project.name,
        '--project-directory',
        project.directory,
        ...project.files.flatMap((file) => ['--file', file]),
        ...(project.profiles ?? []).flatMap((profile) => ['--profile', profile]),
        ...(project.envFile ? ['--env-file', project.envFile] : []),
    ];
}
/** `up --detach`; with services, those alone (--no-deps): a staged start's one step. */
function upArgs(command, project, services) {
    // Not --wait: it fails on one-shot inits that exit 0 and no engine here can prove its
    // behaviour; readiness is awaited by protocol and by `ps` instead.
    return [
        ...projectArgs(command, project),
        'up',
        '--detach',
        ...(services ? ['--no-deps', ...services] : []),
    ];
}
function psArgs(command, project) {
    return [...projectArgs(command, project), 'ps', '--all', '--format', 'json'];
}
/** The project as compose resolves it (files merged, variables filled in), as JSON. */
function configArgs(command, project) {
    return [...projectArgs(command, project), 'config', '--format', 'json'];
}
/** Every container on the engine: its name and the compose project that owns it, if any. */
function containerOwnersArgs() {
    return ['ps', '--all', '--format', '{{.Names}}\t{{.Label "com.docker.compose.project"}}'];
}
function inspectArgs(containerIds) {
    return ['inspect', '--type', 'container', ...containerIds];
}
function portArgs(command, project, service, port) {
    return [...projectArgs(command, project), 'port', service, String(port)];
}
function stopArgs(command, project, timeoutSeconds) {
    // All at once: compose stops dependants before what they depend on (Kafka before ZooKeeper).
    return [...projectArgs(command, project), 'stop', '--timeout', String(timeoutSeconds)];
}
function downArgs(command, project, options) {
    return [
        ...projectArgs(command, project),
        'down',
        // Containers whose volumes go with them need no graceful stop: nothing they flush is kept.
        ...(options.removeData ? ['--volumes', '--timeout', '0'] : []),
        '--remove-orphans',
    ];
}
function logsArgs(command, project, service, lines) {
    return [
        ...projectArgs(command, project),
        'logs',
        '--no-color',
        '--timestamps',
        '--tail',
        String(lines),
        service,
    ];
}

;// CONCATENATED MODULE: ../../src/runtime/compose/command.ts
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
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
                process.exit(128 + external_node_os_namespaceObject.constants.signals[signal]);
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
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, [...args], {
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

;// CONCATENATED MODULE: ../../src/runtime/compose/run-command.ts
// The only place compose commands are executed: an argument array, no shell, and a deadline.

/** A command that names no deadline of its own (version, ps, port, inspect, logs). */
const QUICK_COMMAND_TIMEOUT_MS = 30_000;
const runCommand = (file, args, options = {}) => runChild(file, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? QUICK_COMMAND_TIMEOUT_MS,
    ...(options.onLine ? { onLine: options.onLine } : {}),
});

;// CONCATENATED MODULE: ../../src/protocol/host-port.ts
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

;// CONCATENATED MODULE: ../../src/runtime/compose/parse.ts
// Parsers of what compose and the docker CLI print. Pure: text in, typed values out.

class ComposeOutputError extends Error {
}
/**
 * compose v2 before 2.21 printed one JSON array; since 2.21 it prints one JSON object per line.
 * Both are accepted, and an empty project prints nothing (or "[]").
 */
function parsePs(output) {
    const text = output.trim();
    if (text === '')
        return [];
    const raw = text.startsWith('[')
        ? asArray(parseJson(text, 'docker compose ps'))
        : text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => parseJson(line, 'docker compose ps'));
    return raw.map(toPsEntry);
}
function toPsEntry(value) {
    const entry = asRecord(value, 'docker compose ps');
    const state = toState(stringField(entry, 'State'));
    const health = toHealth(stringField(entry, 'Health'));
    const exitCode = typeof entry.ExitCode === 'number' ? entry.ExitCode : undefined;
    return {
        id: stringField(entry, 'ID'),
        name: stringField(entry, 'Name'),
        service: stringField(entry, 'Service'),
        state,
        ...(health ? { health } : {}),
        // compose reports ExitCode 0 for running containers too; it only means something once exited
        ...(state === 'exited' && exitCode !== undefined ? { exitCode } : {}),
    };
}
/** The fixed `container_name`s of `docker compose config --format json`, by service. */
function parseContainerNames(output) {
    const config = asRecord(parseJson(output, 'docker compose config'), 'docker compose config');
    const services = asRecord(config.services ?? {}, 'docker compose config services');
    const names = new Map();
    for (const [service, value] of Object.entries(services)) {
        const name = asRecord(value, `docker compose config service ${service}`).container_name;
        if (typeof name === 'string' && name !== '')
            names.set(name, service);
    }
    return names;
}
/** The services of `docker compose config --format json`, each with what it waits for. */
function parseStartGraph(output) {
    const config = asRecord(parseJson(output, 'docker compose config'), 'docker compose config');
    const services = asRecord(config.services ?? {}, 'docker compose config services');
    const graph = {};
    for (const [service, value] of Object.entries(services)) {
        const definition = asRecord(value, `docker compose config service ${service}`);
        const dependsOn = {};
        const listed = definition.depends_on ?? {};
        for (const [dependency, entry] of Object.entries(asRecord(listed, `depends_on of ${service}`))) {
            const { condition, required } = asRecord(entry, `depends_on ${dependency} of ${service}`);
            // compose skips an optional dependency that is not part of the project (profiles)
            if (required === false && !(dependency in services))
                continue;
            dependsOn[dependency] = toCondition(condition, service, dependency);
        }
        const healthcheck = definition.healthcheck === undefined
            ? undefined
            : asRecord(definition.healthcheck, `healthcheck of ${service}`);
        graph[service] = {
            dependsOn,
            ...(healthcheck && healthcheck.disable !== true && healthcheck.test !== undefined
                ? { healthcheck: healthcheck.test }
                : {}),
        };
    }
    return graph;
}
const CONDITIONS = [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
];
function toCondition(value, service, dependency) {
    // compose fills in service_started where the file gives a plain list
    if (value === undefined)
        return 'service_started';
    const condition = CONDITIONS.find((known) => known === value);
    if (!condition) {
        throw new ComposeOutputError(`docker compose config gave ${service} an unknown depends_on condition for ${dependency}: ${JSON.stringify(value)}`);
    }
    return condition;
}
/** `docker ps --format '{{.Names}}\t{{.Label "com.docker.compose.project"}}'`: name -> project. */
function parseContainerOwners(output) {
    const owners = new Map();
    for (const line of output.split('\n')) {
        const [name = '', project = ''] = line.split('\t');
        if (name.trim() !== '')
            owners.set(name.trim(), project.trim());
    }
    return owners;
}
/** `docker compose port kafka 9092` prints "0.0.0.0:9092", "[::]:9092" or ":::9092". */
function parsePort(output) {
    const line = (output.trim().split('\n')[0] ?? '').trim();
    let bound;
    try {
        bound = parseHostPort(line);
    }
    catch {
        throw new ComposeOutputError(`docker compose port printed "${line}", expected HOST:PORT`);
    }
    // A wildcard bind is reachable on loopback; clients must not dial 0.0.0.0 or ::.
    const wildcard = bound.host === '0.0.0.0' || bound.host === '::' || bound.host === '';
    return { host: wildcard ? '127.0.0.1' : bound.host, port: bound.port };
}
/**
 * `docker inspect` of the project's containers, as observations. Compose prefixes network and
 * volume names with the project ("<project>_chatbattle-network") unless the file gives them a
 * fixed `name:`; the prefix is removed so they compare with the spec.
 */
function parseInspect(output, projectName) {
    return asArray(parseJson(output, 'docker inspect')).map((value) => {
        const container = asRecord(value, 'docker inspect');
        const config = asRecord(container.Config ?? {}, 'docker inspect Config');
        const labels = asRecord(config.Labels ?? {}, 'docker inspect Config.Labels');
        const state = asRecord(container.State ?? {}, 'docker inspect State');
        const health = state.Health
            ? toHealth(stringField(asRecord(state.Health, 'Health'), 'Status'))
            : undefined;
        const status = toState(stringField(state, 'Status'));
        const networks = Object.keys(asRecord(asRecord(container.NetworkSettings ?? {}, 'NetworkSettings').Networks ?? {}, 'Networks')).map((network) => withoutProject(network, projectName));
        const mounts = {};
        for (const mountValue of asArray(container.Mounts ?? [])) {
            const mount = asRecord(mountValue, 'docker inspect Mounts');
            if (mount.Type === 'volume' && typeof mount.Name === 'string') {
                mounts[withoutProject(mount.Name, projectName)] = stringField(mount, 'Destination');
            }
        }
        const service = labels['com.docker.compose.service'];
        const startedAt = stringField(state, 'StartedAt');
        const finishedAt = stringField(state, 'FinishedAt');
        return {
            service: typeof service === 'string' ? service : '',
            containerName: stringField(container, 'Name').replace(/^\//, ''),
            state: status,
            ...(health ? { health } : {}),
            ...(status === 'exited' && typeof state.ExitCode === 'number'
                ? { exitCode: state.ExitCode }
                : {}),
            // docker's zero time means "never started"
            ...(isSet(startedAt) ? { startedAt } : {}),
            ...(status === 'exited' && isSet(finishedAt) ? { finishedAt } : {}),
            networks,
            mounts,
        };
    });
}
/** docker prints its zero time, 0001-01-01T00:00:00Z, for "never" */
function isSet(time) {
    return time !== '' && !time.startsWith('0001-');
}
function withoutProject(name, projectName) {
    const prefix = `${projectName}_`;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
function toState(value) {
    switch (value) {
        case 'running':
        case 'exited':
        case 'restarting':
        case 'created':
            return value;
        case 'dead':
        case 'removing':
            return 'exited';
        case 'paused':
            return 'running';
        default:
            return 'missing';
    }
}
function toHealth(value) {
    return value === 'healthy' || value === 'unhealthy' || value === 'starting' ? value : undefined;
}
function parseJson(text, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ComposeOutputError(`${what} printed output that is not JSON: ${text.slice(0, 200)}`);
    }
}
function asArray(value) {
    if (!Array.isArray(value))
        throw new ComposeOutputError(`expected a JSON array, got ${typeof value}`);
    return value;
}
function asRecord(value, what) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ComposeOutputError(`${what}: expected a JSON object`);
    }
    return value;
}
function stringField(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : '';
}

;// CONCATENATED MODULE: ../../src/protocol/wait.ts
// Waiting for a service by its real protocol: one attempt function, retried with backoff until
// a deadline that several waits can share. It knows nothing about servers or runtimes.


class ReadinessError extends Error {
    service;
    lastSeen;
    logTail;
    constructor(service, lastSeen, logTail, why) {
        super(`${service} is not ready: ${why}${lastSeen ? `; last seen: ${lastSeen}` : ''}` +
            (logTail ? `\n--- last lines of the ${service} log ---\n${logTail}` : ''));
        this.service = service;
        this.lastSeen = lastSeen;
        this.logTail = logTail;
        this.name = 'ReadinessError';
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A log tail is worth waiting a moment for after the deadline, not longer. */
const LOG_TAIL_GRACE_MS = 3000;
async function waitUntil(options) {
    const started = Date.now();
    const { deadline } = options;
    let delay = options.firstDelayMs ?? 250;
    const maxDelay = options.maxDelayMs ?? 2000;
    let lastSeen = 'nothing yet';
    let lastReported = '';
    const fail = async (why, seen = lastSeen) => {
        const tail = options.logTail
            ? await beforeDeadline(options.logTail(), Date.now() + LOG_TAIL_GRACE_MS, 'reading the log').catch(() => '')
            : '';
        throw new ReadinessError(options.service, seen, tail, why);
    };
    for (;;) {
        try {
            // Every attempt races the shared deadline: a server that answers a byte a second, or a
            // command that hangs, cannot hold the wait past it.
            return await beforeDeadline(options.attempt(), deadline, 'an attempt');
        }
        catch (error) {
            if (options.isFinal?.(error))
                return fail(firstLineOf(error), '');
            // First line only: whole driver messages would flood the progress output.
            if (!(error instanceof DeadlineError))
                lastSeen = firstLineOf(error);
        }
        // The look runs beside the pause before the next attempt, not before it: a look that takes
        // as long as the pause (a `compose ps` under load) would otherwise halve how often the
        // server is asked, and delay hearing it answer.
        const giveUp = options.giveUpIf
            ? beforeDeadline(options.giveUpIf(), deadline, 'a look at the service').catch(() => undefined)
            : Promise.resolve(undefined);
        if (Date.now() + delay > deadline) {
            return fail((await giveUp) ??
                `no answer within ${Math.round(Math.max(0, deadline - started) / 1000)} s`);
        }
        // Report a new observation once, not every attempt, so progress output stays readable.
        if (options.progress && lastSeen !== lastReported) {
            const waited = Math.round((Date.now() - started) / 1000);
            options.progress(`waiting for ${options.service} (${waited} s): ${lastSeen}`);
            lastReported = lastSeen;
        }
        const paused = sleep(delay);
        const reason = await giveUp;
        if (reason)
            return fail(reason);
        await paused;
        delay = Math.min(maxDelay, Math.round(delay * 1.5));
    }
}

;// CONCATENATED MODULE: ../../src/runtime/compose/start-graph.ts
// The order a staged start follows: each service with what it waits for (compose's depends_on,
// as `docker compose config` resolved it), and the schedule that starts a service the moment
// everything it depends on is released. Pure: the starting and the releasing are handed in.
/** A dependency that is not in the project, or services that wait for each other. */
class StartGraphError extends Error {
}
/**
 * The dependency levels: level 0 depends on nothing, level n on something of level n-1 and
 * nothing later. Throws on a dependency outside the project and on a cycle, which compose
 * refuses too.
 */
function startLevels(graph) {
    for (const [service, { dependsOn }] of Object.entries(graph)) {
        const unknown = Object.keys(dependsOn).find((dependency) => !(dependency in graph));
        if (unknown !== undefined) {
            throw new StartGraphError(`${service} depends on ${unknown}, which is not in the project`);
        }
    }
    const levelOf = new Map();
    const levels = [];
    let remaining = Object.keys(graph).sort();
    while (remaining.length > 0) {
        const level = remaining.filter((service) => Object.keys(graph[service]?.dependsOn ?? {}).every((dependency) => levelOf.has(dependency)));
        if (level.length === 0) {
            throw new StartGraphError(`services depend on each other: ${remaining.join(', ')}`);
        }
        for (const service of level)
            levelOf.set(service, levels.length);
        levels.push(level);
        remaining = remaining.filter((service) => !levelOf.has(service));
    }
    return levels;
}
/**
 * Starts every service as soon as each of its dependencies has reached its condition, never
 * later than its level would: a slow server (Cassandra) holds back only what depends on it, not
 * a whole level. Services released in the same turn of the event loop start in one batch. Every
 * branch goes as far as it can; then the first failure, if any, is thrown.
 */
async function startInStages(graph, steps) {
    startLevels(graph);
    const started = new Map();
    const reached = new Map();
    let batch;
    let batchStarted = Promise.resolve();
    const joinBatch = (service) => {
        if (!batch) {
            const services = [];
            batch = services;
            batchStarted = new Promise((resolve) => setImmediate(resolve)).then(() => {
                batch = undefined;
                return steps.start(services);
            });
        }
        batch.push(service);
        return batchStarted;
    };
    const reach = (service, condition) => {
        const key = `${service}\n${condition}`;
        let promise = reached.get(key);
        if (!promise) {
            promise = startOf(service).then(() => condition === 'service_started' ? undefined : steps.reach(service, condition));
            reached.set(key, promise);
        }
        return promise;
    };
    const startOf = (service) => {
        let promise = started.get(service);
        if (!promise) {
            const dependsOn = Object.entries(graph[service]?.dependsOn ?? {});
            promise = Promise.all(dependsOn.map(([dependency, condition]) => reach(dependency, condition))).then(() => joinBatch(service));
            started.set(service, promise);
        }
        return promise;
    };
    const outcomes = await Promise.allSettled(Object.keys(graph).map(startOf));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed)
        throw failed.reason;
}

;// CONCATENATED MODULE: ../../src/runtime/compose/compose-runtime.ts









/** `up` and `down` pull, create and remove; a run's own readiness deadline comes on top. */
const LIFECYCLE_TIMEOUT_MS = 10 * 60_000;
/**
 * `down` stops every container (10 s grace each, in parallel) and removes them: a minute is
 * ample, and a teardown that hangs must not hold the run or the post step much longer.
 */
const DOWN_TIMEOUT_MS = 60_000;
/** What `stop` may take beyond the stop timeout it hands compose. */
const STOP_MARGIN_MS = 60_000;
/** The least a command is given when its caller's deadline has passed or nearly so. */
const MIN_COMMAND_MS = 1_000;
/** A command's timeout: its own limit, cut to the time left before the caller's deadline. */
function withinDeadline(limitMs, deadline) {
    if (deadline === undefined)
        return limitMs;
    return Math.min(limitMs, Math.max(MIN_COMMAND_MS, deadline - Date.now()));
}
class ComposeCommandError extends Error {
}
/** A container this project needs, by its fixed name, belongs to another compose project. */
class ComposeConflictError extends ComposeCommandError {
}
/** No endpoints: probes then say that nothing answers, instead of asking a stranger. */
const NOWHERE = { zookeeper: '', kafkaBrokers: [], cassandraContactPoints: [] };
const SERVERS = ['zookeeper', 'kafka', 'cassandra'];
/** How often a staged start looks at a container it waits for (its exit, its health). */
const STAGE_POLL_MS = 500;
/** What a staged start saw that waiting will not change: an init that failed, a dead server. */
class StageFailure extends ComposeCommandError {
}
class ComposeRuntime {
    options;
    name = 'compose';
    /** The stack is this runtime's own: it starts, stops and removes it. */
    get lifecycle() {
        return this;
    }
    /** found once: callers that start side by side share the one `version` call */
    command;
    resolved;
    /** why compose could not say where a server is published, by server */
    unresolved = new Map();
    ports;
    /** `compose config`'s answer: the project does not change during a run */
    config;
    /** the look at the containers under way, and when it ends at the latest */
    look;
    /**
     * The project's container ids as the last `ps` listed them, and the generation that `ps` began
     * in: a look in that same generation is one `docker inspect` of those. Compose's own `ps`
     * reads and resolves the whole project each time, about a tenth of a second of CPU, and a
     * staged start looks dozens of times beside the servers it starts.
     */
    listed;
    /**
     * Moves on whenever an `up` or a `down` ends. A listing is used only in the generation its
     * `ps` began in, so a look sees the containers of every change that ended before it began
     * (what a change still running creates, a fresh `ps` may miss too; what it removed, inspect
     * fails on, and the look lists again).
     */
    generation = 0;
    constructor(options) {
        this.options = options;
        this.ports = options.ports;
    }
    /** The container ports on loopback until `up` has asked compose where they are published. */
    get endpoints() {
        const { zookeeper, kafka, cassandra } = this.ports;
        const { connection } = this.options;
        return {
            ...(this.resolved ?? {
                zookeeper: zookeeper ? `127.0.0.1:${zookeeper.port}` : '',
                kafkaBrokers: kafka ? [`127.0.0.1:${kafka.port}`] : [],
                cassandraContactPoints: cassandra ? [`127.0.0.1:${cassandra.port}`] : [],
            }),
            ...(connection && { connection }),
        };
    }
    get projectName() {
        return this.options.project.name;
    }
    /** What compose is handed: the post step tears down this same project. */
    get project() {
        return this.options.project;
    }
    async up(progress, deadline, release, exited) {
        await this.bringUp(progress, { restart: false, deadline, release, exited });
    }
    async bringUp(progress, how) {
        const command = await this.composeCommand();
        // Until compose says where this project's servers listen, there is nowhere to probe: the
        // default ports may belong to another stack (the one a conflict below is about).
        this.resolved = NOWHERE;
        this.unresolved.clear();
        // The run's deadline bounds `up` itself: a stack that cannot even start uses up the same
        // timeout as one that starts and never turns ready.
        const deadline = how.deadline ?? Date.now() + this.lifecycleTimeoutMs;
        const remainingMs = () => Math.max(1_000, deadline - Date.now());
        // A restart is of the project this run has just brought up and stopped: its containers are
        // its own, and none of them runs.
        if (!how.restart) {
            // On a stack that is already up, a plain `up` runs the one-shot inits again but leaves
            // their running dependents alone, which then look started before them (verify after
            // `infra-verify up` failed services.start-order). Stopped first, as the persistence
            // restart does, every service starts in the order the run is there to check; the data
            // is kept. The look only reads, so it runs beside the check for foreign containers.
            const look = this.exec(psArgs(command, this.options.project), 'ps', remainingMs());
            look.catch(() => undefined);
            await this.refuseForeignContainers(command, remainingMs());
            const ps = await look;
            if (parsePs(ps).some((container) => container.state === 'running')) {
                progress(`project ${this.projectName} is already up: stopping it first (data kept)`);
                await this.stopAll(command, progress, remainingMs());
            }
        }
        progress(`docker compose ${command.versionText}: starting project ${this.projectName}`);
        try {
            if (how.release) {
                await this.upInStages(command, progress, deadline, how.release, how.exited);
            }
            else {
                await this.changing(upArgs(command, this.options.project), 'up', remainingMs(), undefined, streamTo(progress));
            }
        }
        finally {
            // Even after a failed up: whatever did start must be probed where it really listens,
            // never at the default ports, where some other stack may answer.
            await this.resolveEndpoints(this.unpublished());
        }
    }
    /**
     * One dependency level at a time, each service started (`up --no-deps`) as soon as what it
     * depends on is released: a server once the release passes (the verifier's protocol check,
     * where it equals the healthcheck) or else once the engine calls it healthy, an init once it
     * exited 0. Compose would wait for each server's next healthcheck tick instead.
     */
    async upInStages(command, progress, deadline, release, exited) {
        const graph = parseStartGraph(await this.configOf(command, deadline - Date.now()));
        // compose's own answer (and error) for a project without services
        if (Object.keys(graph).length === 0) {
            await this.changing(upArgs(command, this.options.project), 'up', Math.max(MIN_COMMAND_MS, deadline - Date.now()), undefined, streamTo(progress));
            return;
        }
        progress(`staged start: ${startLevels(graph)
            .map((level) => level.join(' + '))
            .join(' → ')}`);
        const releasedByProtocol = [];
        const stages = startInStages(graph, {
            start: async (services) => {
                await this.changing(upArgs(command, this.options.project, services), 'up', Math.max(MIN_COMMAND_MS, deadline - Date.now()), undefined, streamTo(progress));
                await this.resolveEndpoints(services);
            },
            reach: (service, condition) => {
                if (condition === 'service_completed_successfully') {
                    return this.settled(service, deadline, exitedZero).then(() => exited?.(service));
                }
                const own = release(service, graph[service]?.healthcheck, deadline);
                if (own)
                    releasedByProtocol.push(service);
                return own ?? this.settled(service, deadline, healthyByEngine);
            },
        });
        try {
            await stages;
        }
        catch (error) {
            // Compose starts nothing after a server until the engine has called it healthy, so a
            // failed start finds those servers judged. Left as compose would leave them, the look
            // that follows reports each as the engine sees it, not as still "starting".
            await Promise.allSettled(releasedByProtocol.map((service) => this.settled(service, deadline, judgedByEngine)));
            throw error;
        }
    }
    /** Waits until judge says the service is there (true), or throws what it saw instead. */
    async settled(service, deadline, judge) {
        await waitUntil({
            service,
            attempt: async () => {
                const container = (await this.containers(deadline)).find((c) => c.service === service);
                if (!judge(container, service))
                    throw new Error(`${service} is ${describe(container)}`);
            },
            deadline,
            isFinal: (error) => error instanceof StageFailure,
            firstDelayMs: STAGE_POLL_MS,
            maxDelayMs: STAGE_POLL_MS,
        });
    }
    /** For a project that is already up (init inspects it): learn where its servers listen. */
    async attach() {
        this.resolved = NOWHERE;
        this.unresolved.clear();
        await this.resolveEndpoints(this.unpublished());
    }
    async services(deadline) {
        return (await this.containers(deadline)).map((container) => {
            const observation = { ...container };
            delete observation.finishedAt;
            return observation;
        });
    }
    async stop(progress) {
        const command = await this.composeCommand();
        const running = (await this.containers()).filter((service) => service.state === 'running');
        progress(`stopping ${running.map((service) => service.service).join(', ')}`);
        const issuedAt = Date.now();
        await this.stopAll(command, progress, Infinity);
        const after = await this.containers();
        // Each container's own FinishedAt times its stop; compose stops several at once.
        return running.map(({ service }) => {
            const stopped = after.find((container) => container.service === service);
            const exitCode = stopped?.state === 'exited' ? (stopped.exitCode ?? null) : null;
            const finishedAt = stopped?.finishedAt ? Date.parse(stopped.finishedAt) : Date.now();
            return {
                service,
                exitCode,
                stopMs: Math.max(0, finishedAt - issuedAt),
                clean: isCleanExit(exitCode),
            };
        });
    }
    async start(progress, deadline, release) {
        // `up` rather than `start`: it honours depends_on conditions and re-runs the idempotent inits.
        await this.bringUp(progress, { restart: true, deadline, release });
    }
    async down(options) {
        const command = await this.composeCommand();
        await this.changing(downArgs(command, this.options.project, options), 'down', withinDeadline(Math.min(this.lifecycleTimeoutMs, DOWN_TIMEOUT_MS), options.deadline), undefined, options.progress && streamTo(options.progress));
    }
    async logs(service, lines, deadline) {
        const command = await this.composeCommand();
        const result = await this.options.run(command.file, logsArgs(command, this.options.project, service, lines), { timeoutMs: withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline) });
        return `${result.stdout}${result.stderr}`.trimEnd();
    }
    /** An `up` or a `down`: it may create or remove containers, so its end starts a generation. */
    async changing(...args) {
        try {
            return await this.exec(...args);
        }
        finally {
            this.generation += 1;
        }
    }
    /** `compose stop`, within the stop timeout and limitMs, whichever ends first. */
    async stopAll(command, progress, limitMs) {
        const timeout = this.options.stopTimeoutSeconds ?? 60;
        await this.exec(stopArgs(command, this.options.project, timeout), 'stop', Math.min(timeout * 1000 + STOP_MARGIN_MS, limitMs), undefined, streamTo(progress));
    }
    /**
     * One `ps` and one `inspect` per poll: a waiter that asks while a look is under way shares
     * it, unless that look may outlast the waiter's own deadline.
     */
    containers(deadline) {
        const until = Date.now() + withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline);
        if (this.look && this.look.until <= until)
            return this.look.containers;
        const containers = this.lookAtContainers(deadline).finally(() => {
            if (this.look?.containers === containers)
                this.look = undefined;
        });
        this.look = { until, containers };
        return containers;
    }
    async lookAtContainers(deadline) {
        const command = await this.composeCommand();
        const timeoutMs = () => withinDeadline(QUICK_COMMAND_TIMEOUT_MS, deadline);
        const listed = this.listed?.generation === this.generation ? this.listed.ids : undefined;
        if (listed) {
            // State, health and exit code then come from inspect alone, still from one source.
            const seen = await this.exec(inspectArgs(listed), 'inspect', timeoutMs(), 'docker').then((output) => parseInspect(output, this.projectName), 
            // a container that went away (removed by hand): list them again
            () => undefined);
            if (seen)
                return seen;
            this.listed = undefined;
        }
        const { generation } = this;
        const psEntries = parsePs(await this.exec(psArgs(command, this.options.project), 'ps', timeoutMs()));
        const ids = psEntries.map((entry) => entry.id);
        if (ids.length === 0)
            return [];
        this.listed = { ids, generation };
        const inspected = parseInspect(await this.exec(inspectArgs(ids), 'inspect', timeoutMs(), 'docker'), this.projectName);
        // ps is compose's own view of state and health; inspect adds times, networks and mounts.
        // State, health and exit code are taken together from one source so they never disagree.
        return inspected.map((container) => {
            const entry = psEntries.find((candidate) => candidate.name === container.containerName);
            if (!entry)
                return container;
            const merged = { ...container, state: entry.state };
            delete merged.health;
            delete merged.exitCode;
            return {
                ...merged,
                ...(entry.health ? { health: entry.health } : {}),
                ...(entry.exitCode !== undefined ? { exitCode: entry.exitCode } : {}),
            };
        });
    }
    /** The servers whose address is not known yet. */
    unpublished() {
        const known = this.resolved ?? NOWHERE;
        const has = {
            zookeeper: known.zookeeper !== '',
            kafka: known.kafkaBrokers.length > 0,
            cassandra: known.cassandraContactPoints.length > 0,
        };
        return SERVERS.flatMap((server) => {
            const ports = this.ports[server];
            return ports && !has[server] ? [ports.service] : [];
        });
    }
    /**
     * Where each of these services' servers is published. Each is asked on its own: one service
     * that is not running (compose cannot say its port) leaves only its own endpoint empty, and
     * its probe then says that nothing answers, instead of asking a stranger on the default port.
     */
    async resolveEndpoints(services) {
        const command = await this.composeCommand();
        const asked = SERVERS.filter((server) => {
            const ports = this.ports[server];
            return ports !== undefined && services.includes(ports.service);
        });
        const answers = await Promise.all(asked.map(async (server) => {
            const { service, port } = this.ports[server];
            try {
                const published = parsePort(await this.exec(portArgs(command, this.options.project, service, port), 'port'));
                this.unresolved.delete(server);
                return [server, `${published.host}:${published.port}`];
            }
            catch (error) {
                this.unresolved.set(server, `${service}: ${firstLineOf(error)}`);
                return [server, undefined];
            }
        }));
        const known = { ...(this.resolved ?? NOWHERE) };
        for (const [server, address] of answers) {
            if (address === undefined)
                continue;
            if (server === 'zookeeper')
                known.zookeeper = address;
            if (server === 'kafka')
                known.kafkaBrokers = [address];
            if (server === 'cassandra')
                known.cassandraContactPoints = [address];
        }
        delete known.unresolved;
        const problems = [...this.unresolved.values()];
        this.resolved = {
            ...known,
            ...(problems.length > 0
                ? {
                    unresolved: `compose could not say where the stack's ports are published (${problems.join('; ')})`,
                }
                : {}),
        };
    }
    /**
     * A compose file that fixes container names (docker-compose.yml does) can run once per
     * engine. When another project holds one of those names, `up` would fail on it, or worse,
     * a later `down` could be taken to mean that stack: refuse before touching anything.
     */
    async refuseForeignContainers(command, limitMs) {
        const quickMs = Math.min(QUICK_COMMAND_TIMEOUT_MS, limitMs);
        // Both only read: asked side by side.
        const owned = this.exec(containerOwnersArgs(), 'ps', quickMs, 'docker');
        owned.catch(() => undefined);
        const names = parseContainerNames(await this.configOf(command, quickMs));
        if (names.size === 0)
            return;
        const owners = parseContainerOwners(await owned);
        for (const [name, service] of names) {
            const owner = owners.get(name);
            if (owner === undefined || owner === this.projectName)
                continue;
            const held = owner === '' ? 'a container outside compose' : `compose project "${owner}"`;
            throw new ComposeConflictError(`container "${name}" (service ${service}) already exists and belongs to ${held}. ` +
                'The compose file fixes its container_name, so one such stack can run per Docker ' +
                'engine: wait for the other run to end, or remove it' +
                (owner === '' ? ` (docker rm -f ${name}).` : ` (docker compose -p ${owner} down).`));
        }
    }
    /** The project as compose resolves it, asked once: the first caller's limit bounds it. */
    configOf(command, limitMs) {
        this.config ??= this.exec(configArgs(command, this.options.project), 'config', Math.max(1_000, Math.min(QUICK_COMMAND_TIMEOUT_MS, limitMs)));
        return this.config;
    }
    /** The compose this runtime drives: the one it was handed, else the one `version` finds. */
    composeCommand() {
        const { command } = this.options;
        this.command ??= command ? Promise.resolve(command) : detectCompose(this.options.run);
        return this.command;
    }
    get lifecycleTimeoutMs() {
        return this.options.lifecycleTimeoutMs ?? LIFECYCLE_TIMEOUT_MS;
    }
    /**
     * Runs compose (or `docker` for inspect) and returns stdout; a non-zero exit is an error.
     * Without a timeout of its own, the command gets the runner's deadline for quick commands.
     */
    async exec(args, what, timeoutMs, file, onLine) {
        const command = await this.composeCommand();
        const executable = file ?? command.file;
        // No cwd: the project names its directory and its files itself (--project-directory,
        // absolute -f paths), and a missing first file's folder is then compose's to report.
        const result = await this.options.run(executable, args, {
            ...(timeoutMs !== undefined ? { timeoutMs } : {}),
            ...(onLine ? { onLine } : {}),
        });
        if (result.exitCode !== 0) {
            throw new ComposeCommandError(`docker compose ${what} failed (exit ${result.exitCode}): ` +
                `${(result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n')}`);
        }
        return result.stdout;
    }
}
/** Compose's own lines, live, as progress: what it pulls, creates and starts, as it happens. */
function streamTo(progress) {
    return (line) => {
        const text = withoutControlSequences(line).trim();
        if (text !== '')
            progress(`compose: ${text}`);
    };
}
function describe(container) {
    if (!container)
        return 'not created';
    if (container.state === 'exited')
        return `exited (exit ${container.exitCode ?? 'unknown'})`;
    return container.health ? `${container.state} (${container.health})` : container.state;
}
/** An init's release: it exited 0; any other exit is final. */
function exitedZero(container, service) {
    if (container?.state !== 'exited')
        return false;
    if (container.exitCode === 0)
        return true;
    throw new StageFailure(`${service} exited with code ${container.exitCode ?? 'unknown'}`);
}
/**
 * A service without a check of the verifier's own is released when the engine calls it healthy,
 * as compose would; like compose, it refuses one that has no healthcheck (in the compose file or
 * its image) to ask.
 */
function healthyByEngine(container, service) {
    if (container?.health === 'healthy')
        return true;
    if (container?.state === 'exited' || container?.health === 'unhealthy') {
        throw new StageFailure(`${service} is ${describe(container)}`);
    }
    if (container?.state === 'running' && container.health === undefined) {
        throw new StageFailure(`${service} has no healthcheck, but a service depends on it being healthy`);
    }
    return false;
}
/** The engine has judged the service's health (or it has none, or no longer runs). */
function judgedByEngine(container) {
    return container?.state !== 'running' || container.health !== 'starting';
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ../../src/model/compose.ts
// One compose project as every mode reads it (static, live, init): which files, profiles and env
// file, and the answer of `docker compose config` for it. The runner is handed in by the shells,
// so static mode stays free of process I/O and compose is asked in one place (runtime/compose).


/** The names compose looks for when given no -f, in its order; the first that exists is read. */
const COMPOSE_FILE_NAMES = (/* unused pure expression or super */ null && ([
    'compose.yaml',
    'compose.yml',
    'docker-compose.yaml',
    'docker-compose.yml',
]));
/** ...and beside it, the first of these, merged over it. */
const COMPOSE_OVERRIDE_NAMES = (/* unused pure expression or super */ null && ([
    'compose.override.yaml',
    'compose.override.yml',
    'docker-compose.override.yaml',
    'docker-compose.override.yml',
]));
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
class NoComposeFileError extends (/* unused pure expression or super */ null && (UserError)) {
}
/**
 * The project `docker compose` takes from a selection made in `request.directory` (the working
 * directory): the -f files (else its default files) and the env file resolved against it, and
 * the project directory the first file's folder, as compose takes it when given no
 * --project-directory. Static mode, live runs and init all hand compose this, so they agree on
 * relative paths, the default .env and the project's default name.
 */
function compose_composeProjectOf(request, env, exists) {
    const named = request.files.length > 0
        ? request.files
        : defaultComposeFiles(env, (name) => exists(resolve(request.directory, name)));
    const files = named.map((file) => resolve(request.directory, file));
    const [first] = files;
    if (first === undefined) {
        throw new NoComposeFileError(`no compose file in ${request.directory}: compose looks for ${COMPOSE_FILE_NAMES.join(', ')}; pass --compose-file (the Action's compose-file)`);
    }
    return {
        directory: dirname(first),
        files,
        profiles: request.profiles,
        ...(request.envFile ? { envFile: resolve(request.directory, request.envFile) } : {}),
    };
}

;// CONCATENATED MODULE: ../../src/runtime/compose/project-name.ts
// Compose project names name every container, network and volume of a run. On GitHub two jobs
// (or a re-run of one) on the same engine must never share one; on the command line, separate
// commands (up, status, down) must all find the same one.




/** What `docker compose` itself accepts (compose-spec): lowercase letters, digits, "-" and "_". */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
class ProjectNameError extends errors_UserError {
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
    const fromDirectory = (0,external_node_path_namespaceObject.basename)(directory)
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
    const project = composeProjectOf(request, env, existsSync);
    return { name: name ?? composeDefaultProjectName(env, project.directory), ...project };
}

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
            (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
            return (0,external_node_fs_namespaceObject.statSync)(file).isFile();
        }
        catch {
            return false;
        }
    },
    mayAddPluginDirs: (configFile) => {
        if (!(0,external_node_fs_namespaceObject.existsSync)(configFile))
            return false;
        try {
            // Only that key is looked for; nothing else of the file is kept.
            return ((0,external_node_fs_namespaceObject.statSync)(configFile).size > MAX_CONFIG_BYTES ||
                (0,external_node_fs_namespaceObject.readFileSync)(configFile, 'utf8').includes('cliPluginsExtraDirs'));
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
    const configDir = lookup.env.DOCKER_CONFIG || (0,external_node_path_namespaceObject.join)(lookup.env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.docker');
    // Extra folders are searched in an order that changed between docker releases: docker picks.
    if (lookup.mayAddPluginDirs((0,external_node_path_namespaceObject.join)(configDir, 'config.json')))
        return undefined;
    return [(0,external_node_path_namespaceObject.join)(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
        .map((dir) => (0,external_node_path_namespaceObject.join)(dir, 'docker-compose'))
        .find((file) => lookup.isExecutable(file));
}

;// CONCATENATED MODULE: ../../src/runtime/compose/config.ts
// `docker compose config --format json`: the project as compose itself resolves it, with every -f
// file, the override file, include:, profiles, --env-file and the environment over .env. It needs
// no engine. Where no compose v2 CLI exists, the answer says so and callers fall back.





/** Compose refused the project (a bad file, a missing include, an unknown profile): exit 2. */
class ComposeConfigError extends errors_UserError {
}
/** What compose's refusal says, at most this much of it. */
const MAX_ERROR_CHARS = 2000;
function configRequestArgs(command, request) {
    return [
        ...command.prefix,
        // the name compose itself would pick, so the answer is the project `up` would run
        '--project-name',
        composeDefaultProjectName(process.env, request.directory),
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
            timeoutMs: QUICK_COMMAND_TIMEOUT_MS,
        });
        const binary = pluginBinary();
        const direct = binary ? [{ file: binary, prefix: [] }] : [];
        const likely = direct[0] ?? COMPOSE_PLUGIN;
        // The likely compose's answer is asked beside its version, not after it: one compose start
        // on the critical path instead of two. It is dropped when another compose answers instead.
        const asked = ask(likely);
        asked.catch(() => undefined);
        let command;
        try {
            command = await detectCompose(run, direct);
        }
        catch (error) {
            if (error instanceof ComposeNotFoundError)
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
const composeConfig = composeConfigWith(runCommand);

;// CONCATENATED MODULE: ../../src/runtime/compose/index.ts




/**
 * A compose runtime that really runs `docker compose` (or `docker-compose`). known: how clients
 * reach the servers, and compose itself when an earlier step already found it (post: main's).
 */
function composeRuntime(project, ports, known = {}) {
    const { connection, command } = known;
    return new ComposeRuntime({
        project,
        run: runCommand,
        ports,
        ...(connection && { connection }),
        ...(command && { command }),
    });
}


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
            const cause = `internal error: ${firstLineOf(error)} (the stack trace is in ${debug.where})`;
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

;// CONCATENATED MODULE: ../../src/action/debug-log.ts
// Where a step's stack traces go: the runner's debug log, shown when a job is re-run with it.

const stepDebugLog = {
    write: (text) => debug(text),
    where: "the step's debug log (re-run the job with debug logging)",
};

;// CONCATENATED MODULE: ../../src/action/state.ts
const KEYS = {
    stackStarted: 'stack-started',
    projectName: 'project-name',
    composeFiles: 'compose-files',
    composeProfiles: 'compose-profiles',
    envFile: 'env-file',
    projectDirectory: 'project-directory',
    keepUp: 'keep-up',
    result: 'result',
    composeCommand: 'compose-command',
};
/** Saved before `up` runs: a crash during up must still be cleaned up by post. */
function saveStackState(save, state) {
    save(KEYS.stackStarted, String(state.stackStarted));
    save(KEYS.projectName, state.projectName);
    save(KEYS.composeFiles, JSON.stringify(state.composeFiles));
    save(KEYS.composeProfiles, JSON.stringify(state.composeProfiles));
    save(KEYS.envFile, state.envFile);
    save(KEYS.projectDirectory, state.projectDirectory);
    save(KEYS.keepUp, String(state.keepUp));
}
function saveResult(save, result) {
    save(KEYS.result, result);
}
function saveComposeCommand(save, { file, prefix, versionText }) {
    save(KEYS.composeCommand, JSON.stringify({ file, prefix, versionText }));
}
/** What main saved, in its shape; anything else (nothing saved, another file) asks compose again. */
function composeCommandOf(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const { file, prefix, versionText } = value;
    const isText = (item) => typeof item === 'string';
    if (!isText(file) || file === '' || !isText(versionText))
        return undefined;
    if (!Array.isArray(prefix) || !prefix.every(isText))
        return undefined;
    return { file, prefix, versionText };
}
function stringList(text) {
    try {
        const parsed = JSON.parse(text || '[]');
        return Array.isArray(parsed) ? parsed.map(String) : [];
    }
    catch {
        // a state file from elsewhere: nothing compose-shaped to act on
        return [];
    }
}
function readPostState(get) {
    const composeCommand = composeCommandOf(get(KEYS.composeCommand));
    return {
        stackStarted: get(KEYS.stackStarted) === 'true',
        projectName: get(KEYS.projectName),
        composeFiles: stringList(get(KEYS.composeFiles)),
        composeProfiles: stringList(get(KEYS.composeProfiles)),
        envFile: get(KEYS.envFile),
        projectDirectory: get(KEYS.projectDirectory),
        keepUp: get(KEYS.keepUp) === 'true',
        result: get(KEYS.result),
        ...(composeCommand && { composeCommand }),
    };
}

;// CONCATENATED MODULE: ../../src/action/post.ts
// The action's post step: runs even when the job failed. Prints the stack's logs when main did
// not pass, then removes the project with its volumes, unless keep-up. It never throws: a
// failed teardown is a warning, not a second red step hiding the first.







const LOG_LINES = 200;
/** The post step, as GitHub's tooling calls it; it never exits the process itself. */
async function run() {
    // The teardown never ends on a stray fault either: one warning, the trace in the debug log.
    void catchStrayFaults((line) => warning(line), stepDebugLog);
    try {
        const state = readPostState((name) => getState(name));
        if (!state.stackStarted) {
            info('infra-verify: main did not start a compose stack; nothing to tear down');
            return;
        }
        // Logs and down need no server endpoints; compose is the one main found.
        const runtime = composeRuntime({
            name: state.projectName,
            files: state.composeFiles,
            directory: state.projectDirectory,
            profiles: state.composeProfiles,
            ...(state.envFile ? { envFile: state.envFile } : {}),
        }, {}, { command: state.composeCommand });
        // main's deadline has passed: what post still does takes the fixed margins past it, from now
        const deadline = Date.now();
        if (state.result !== 'pass')
            await printLogs(runtime, deadline + LOOK_PAST_DEADLINE_MS);
        if (state.keepUp) {
            info(`infra-verify: keep-up is set; project ${state.projectName} keeps running`);
            return;
        }
        await group('infra-verify: teardown', async () => {
            info(`infra-verify: removing project ${state.projectName} and its volumes`);
            await runtime.down({
                removeData: true,
                progress: (line) => info(line),
                deadline: deadline + PAST_DEADLINE_MS,
            });
        });
    }
    catch (error) {
        warning(`infra-verify teardown failed: ${error.message}`);
    }
}
async function printLogs(runtime, deadline) {
    const services = await runtime.services(deadline).catch(() => []);
    for (const { service, state, exitCode } of services) {
        startGroup(`logs: ${service} (${state}${exitCode !== undefined ? `, exit ${exitCode}` : ''})`);
        const log = await runtime
            .logs(service, LOG_LINES, deadline)
            .catch((error) => error.message);
        info(withoutControlSequences(log));
        endGroup();
    }
}

;// CONCATENATED MODULE: ../../src/post.ts
// The action's post step as the runner starts it (action.yml runs dist/post, bundled from here).
// Exit when the step is done: a driver socket or a child that outlived its deadline must not
// hold the step open.

void run().finally(() => process.exit());

module.exports = __webpack_exports__;
/******/ })()
;