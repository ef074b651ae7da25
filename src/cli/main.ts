#!/usr/bin/env node
/** Entry point of `npm run atertag`; everything else lives in cli.ts so tests can call it directly. */
import { runCli } from "./cli";

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  progress: {
    isTTY: process.stderr.isTTY === true,
    write: (text) => process.stderr.write(text),
    columns: process.stderr.columns,
  },
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // A bug, not bad input: keep the stack for the report, and a distinct status.
    process.stderr.write(`internt fel: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
