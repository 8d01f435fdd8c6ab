#!/usr/bin/env node
// The CLI as a shell starts it (package.json's bin runs dist/cli, bundled from here). It owns the
// exit: the code is the command's, and a socket or child left behind must not hold the process.
import { runCli } from './cli/program';

void runCli(process.argv).then((code) => process.exit(code));
