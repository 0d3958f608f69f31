#!/usr/bin/env node
import { commands } from './registry.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), commands, {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
});
