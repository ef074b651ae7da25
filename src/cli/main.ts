#!/usr/bin/env node
/** Entry point of `npm run atertag`; everything else lives in cli.ts so tests can call it directly. */
import { runCli } from "./cli";
import { CLI_TEXT } from "./messages";

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
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${CLI_TEXT.internalError(detail)}\n`);
    process.exitCode = 1;
  },
);
