#!/usr/bin/env node
"use strict";
/**
 * The `atertag` command (package.json "bin"): `npx atertag calc FILE.json --json > f.json`.
 *
 * Runs the TypeScript command line (src/cli/main.ts) straight from source through tsx, which
 * `npm install` puts in node_modules with the other devDependencies: nothing to build first, and the
 * command is always the code in the checkout. Unlike `npm run atertag --`, nothing but the program's
 * own output reaches stdout (npm run prints its banner there), so `--json` output can be redirected.
 */
const path = require("path");

let register;
try {
  ({ register } = require("tsx/cjs/api"));
} catch {
  process.stderr.write("fel: tsx saknas; kör npm install i projektmappen först\n");
  process.exit(1);
}
register();
require(path.join(__dirname, "..", "src", "cli", "main.ts"));
