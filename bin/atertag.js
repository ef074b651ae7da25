#!/usr/bin/env node
"use strict";
/**
 * The `atertag` command (package.json "bin"): `atertag calc FILE.json --json > f.json`.
 *
 * Runs the command line's JavaScript build (build/cli, made from src/cli by `npm run build:cli`,
 * which `npm install` and `npm ci` run through the "prepare" script): plain Node, no TypeScript
 * compiler at each start. Unlike `npm run atertag --`, nothing but the program's own output reaches
 * stdout (npm run prints its banner there), so `--json` output can be redirected.
 *
 * A source file changed since the last build (a `git pull` without `npm install`, an edit) would
 * make the command compute with the old code without a word: it says so on stderr first. The
 * sources are the files the build compiled (listed in its .tsbuildinfo); the build's time is the
 * stamp `npm run build:cli` writes after each build (tsc leaves .tsbuildinfo as it was when no file
 * changed).
 */
const fs = require("fs");
const path = require("path");

const BUILD = path.join(__dirname, "..", "build", "cli");
const main = path.join(BUILD, "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "Fel: atertag är inte byggt (build/cli saknas); kör npm install eller npm run build:cli i projektmappen först\n",
  );
  process.exit(1);
}

/** The project's source files changed after the build's stamp; [] when none or unknown. */
function changedSinceBuild() {
  try {
    const built = fs.statSync(path.join(BUILD, ".built")).mtimeMs;
    const info = JSON.parse(fs.readFileSync(path.join(BUILD, ".tsbuildinfo"), "utf8"));
    return info.fileNames
      .filter((name) => !name.includes("node_modules"))
      .map((name) => path.resolve(BUILD, name))
      .filter((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs > built);
  } catch {
    return []; // no stamp or no build info: nothing to compare with
  }
}

const changed = changedSinceBuild();
if (changed.length > 0) {
  const first = path.relative(path.join(__dirname, ".."), changed[0]);
  const others = changed.length - 1;
  const more = others === 0 ? "" : ` och ${others} ${others === 1 ? "fil" : "filer"} till`;
  process.stderr.write(
    `Obs: ${first}${more} har ändrats eller tagits bort sedan atertag byggdes, så kommandot kör den ` +
      "gamla koden. Kör npm run build:cli (eller npm install) för att bygga om.\n",
  );
}
require(main);
