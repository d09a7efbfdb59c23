#!/usr/bin/env node
// The `onward` executable.
import { run } from './cli.js';
import { processIo } from './io.js';

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`onward: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
