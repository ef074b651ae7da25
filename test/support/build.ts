/**
 * One production build per test run, shared by every test that needs dist/ (the deployment check,
 * the shipped-script parse, the task pane in Chromium): `webpack --mode production --env
 * url=SAMPLE_URL`, exactly what a user runs to deploy, written to
 * node_modules/.cache/atertag-dist/<inputs hash>/ and reused while no input changes (sources, assets,
 * manifest, build configuration, lock file). Jest workers run test files in parallel: the first to
 * arrive builds under a lock directory, the others wait for it. A build is written to a temporary
 * folder and renamed into place, so a half-written dist is never seen.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "../..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "atertag-dist");

/** The deployment URL the shared build is made for (a host that exists nowhere). */
export const SAMPLE_URL = "https://addin.example.se/atertag/";

/** Files and folders whose contents decide the build. */
const INPUTS = [
  "src",
  "assets",
  "docs/conventions.md", // rendered into conventions.html
  "scripts/helpPages.js",
  "manifest.xml",
  "webpack.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Files under `entry` (a file or a folder), relative to the repository, sorted. */
function filesOf(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesOf(path.join(entry, name)));
}

function inputsHash(): string {
  const hash = createHash("sha256").update(SAMPLE_URL);
  for (const file of INPUTS.flatMap(filesOf)) {
    hash.update(`\0${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock older than this is left over from a killed run. */
const STALE_LOCK_MS = 10 * 60_000;

async function build(target: string): Promise<void> {
  const temporary = `${target}.tmp-${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  const webpack = require.resolve("webpack/bin/webpack.js");
  await promisify(execFile)(
    process.execPath,
    [webpack, "--mode", "production", "--env", `url=${SAMPLE_URL}`, "--output-path", temporary],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  // Older builds are of inputs that no longer exist.
  for (const name of fs.readdirSync(CACHE)) {
    if (!name.endsWith(".lock") && path.join(CACHE, name) !== temporary)
      fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
  fs.renameSync(temporary, target);
}

/**
 * The dist/ folder of the production build for {@link SAMPLE_URL}, built on first use. Read it, do
 * not write into it (copy what a test must change).
 */
export async function productionBuild(): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const key = inputsHash();
  const target = path.join(CACHE, key);
  const lock = path.join(CACHE, `${key}.lock`);
  for (;;) {
    if (fs.existsSync(target)) return target;
    try {
      fs.mkdirSync(lock);
    } catch {
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > STALE_LOCK_MS)
        fs.rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
      continue;
    }
    try {
      if (!fs.existsSync(target)) await build(target);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Every file of a folder, relative to it, sorted. */
export function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesIn(path.join(dir, entry.name)).map((name) => path.join(entry.name, name))
        : [entry.name],
    )
    .sort();
}
