// Preloaded into the gate under test (NODE_OPTIONS=--require): a fault that no code of
// infra-verify handles, HOSTILE_FAULT_AFTER_MS after start, while the run is under way.
//   HOSTILE_FAULT=exception  an Error thrown from a timer: an uncaught exception
//   HOSTILE_FAULT=rejection  a rejected promise that nobody awaits: an unhandled rejection
const { setTimeout } = require('node:timers');

const kind = process.env.HOSTILE_FAULT;
if (kind === 'exception' || kind === 'rejection') {
  setTimeout(
    () => {
      if (kind === 'exception') throw new Error('hostile stray exception');
      void Promise.reject(new Error('hostile stray rejection'));
    },
    Number(process.env.HOSTILE_FAULT_AFTER_MS ?? 1500),
  ).unref();
}
