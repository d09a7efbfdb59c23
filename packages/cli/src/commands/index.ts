// Every `onward` command. To add one (e.g. `onward report`): write commands/report.ts exporting a Command
// (see ../command.ts and content-check.ts for the shape), import it below and add it to COMMANDS. That is all:
// help, dispatch and exit codes come from cli.ts.
import type { Command } from '../command.js';
import { contentCheck } from './content-check.js';
import { importCommand } from './import.js';
import { report } from './report.js';
import { setup } from './setup.js';

export const COMMANDS: readonly Command[] = [contentCheck, importCommand, report, setup];
