/**
 * Jest globalSetup/globalTeardown: each test run gets a temporary folder of its own. Every test file,
 * worker, browser and LibreOffice process of the run inherits TMPDIR pointing there (os.tmpdir()), so a
 * test that looks at "the temporary folder" sees only this run, and several runs on one machine (other
 * checkouts, CI jobs, a developer's watch mode) do not see or clean up each other's files. The folder is
 * removed at the end of the run.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Set for the run's processes: the run's own folder (what os.tmpdir() returns inside the tests). */
const RUN_TMPDIR = "ATERTAG_TEST_RUN_TMPDIR";
const SAVED = "ATERTAG_TEST_SAVED_TMPDIR";

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-jest-"));
  process.env[SAVED] = process.env.TMPDIR ?? "";
  process.env.TMPDIR = dir;
  process.env[RUN_TMPDIR] = dir;
}

async function teardown() {
  const dir = process.env[RUN_TMPDIR];
  if (process.env[SAVED]) process.env.TMPDIR = process.env[SAVED];
  else delete process.env.TMPDIR;
  delete process.env[SAVED];
  delete process.env[RUN_TMPDIR];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { setup, teardown, RUN_TMPDIR };
