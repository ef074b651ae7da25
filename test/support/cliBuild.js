/**
 * Jest globalSetup of the integration project: brings the command's JavaScript build (build/cli,
 * `npm run build:cli`, what bin/atertag.js runs) up to date with the sources once per run, so the
 * tests that start `atertag` in a process of its own run the code in the checkout, as a user's
 * `npm install` would have built it. tsc builds incrementally: a few seconds when nothing changed.
 */
const { execSync } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");

module.exports = async function buildCli() {
  // The package script itself, so the build's stamp (bin/atertag.js compares with it) is written too.
  execSync("npm run -s build:cli", { cwd: ROOT, stdio: "inherit" });
};
