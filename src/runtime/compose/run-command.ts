// The only place compose commands are executed: an argument array, no shell, and a deadline.
import { runChild } from '../child';
import type { RunCommand } from './command';

/** A command that names no deadline of its own (version, ps, port, inspect, logs). */
export const QUICK_COMMAND_TIMEOUT_MS = 30_000;

export const runCommand: RunCommand = (file, args, options = {}) =>
  runChild(file, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? QUICK_COMMAND_TIMEOUT_MS,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
