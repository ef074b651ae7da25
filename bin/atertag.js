#!/usr/bin/env node
"use strict";
/**
 * The `atertag` command (package.json "bin"): `atertag calc FILE.json --json > f.json`.
 *
 * Runs the command line's JavaScript build (build/cli, made from src/cli by `npm run build:cli`,
 * which `npm install` and `npm ci` run through the "prepare" script): plain Node, no TypeScript
 * compiler at each start. Unlike `npm run atertag --`, nothing but the program's own output reaches
 * stdout (npm run prints its banner there), so `--json` output can be redirected.
 */
const fs = require("fs");
const path = require("path");

const main = path.join(__dirname, "..", "build", "cli", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "Fel: atertag är inte byggt (build/cli saknas); kör npm install eller npm run build:cli i projektmappen först\n",
  );
  process.exit(1);
}
require(main);
