/**
 * bin/atertag.js runs the JavaScript build; when a source file it was built from has changed since
 * (a `git pull` without `npm install`), it says so on stderr before running, so nobody computes with
 * the old code unknowingly. Run here on a copy of bin/ beside a stand-in build whose main module
 * prints one word, so the real build is never touched.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const BIN = path.join(__dirname, "..", "bin", "atertag.js");

let root: string;
const source = () => path.join(root, "src", "engine", "calc.ts");
const stamp = () => path.join(root, "build", "cli", ".built");

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "stale-build-"));
  fs.mkdirSync(path.join(root, "bin"));
  fs.copyFileSync(BIN, path.join(root, "bin", "atertag.js"));
  fs.mkdirSync(path.join(root, "build", "cli", "src", "cli"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "build", "cli", "src", "cli", "main.js"),
    'process.stdout.write("körd\\n");',
  );
  // What tsc's build info lists: the library's files and the project's, relative to build/cli.
  const fileNames = ["../../node_modules/typescript/lib/lib.es5.d.ts", "../../src/engine/calc.ts"];
  fs.writeFileSync(path.join(root, "build", "cli", ".tsbuildinfo"), JSON.stringify({ fileNames }));
  fs.mkdirSync(path.dirname(source()), { recursive: true });
  fs.writeFileSync(source(), "export {};\n");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Sets a file's modification time, seconds from now. */
const age = (file: string, seconds: number) => {
  const when = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(file, when, when);
};

const run = () =>
  spawnSync(process.execPath, [path.join(root, "bin", "atertag.js")], { encoding: "utf8" });

test("built after the last change: runs the build, nothing on stderr", () => {
  fs.writeFileSync(stamp(), "");
  age(source(), -60);
  const result = run();
  expect(result.stdout).toBe("körd\n");
  expect(result.stderr).toBe("");
});

/** The note for `first` and `more` ("" or " och 1 fil till"). */
const note = (first: string, more = "") =>
  `Obs: ${first}${more} har ändrats eller tagits bort sedan atertag byggdes, så kommandot kör den ` +
  "gamla koden. Kör npm run build:cli (eller npm install) för att bygga om.\n";

test("a source changed after the build: a Swedish note naming the file and the way out, then runs", () => {
  fs.writeFileSync(stamp(), "");
  age(stamp(), -60);
  const result = run();
  expect(result.stderr).toBe(note(path.join("src", "engine", "calc.ts")));
  expect(result.stdout).toBe("körd\n");
});

test("a source the build compiled is gone (renamed by a pull): the build is stale all the same", () => {
  fs.writeFileSync(stamp(), "");
  fs.rmSync(source());
  expect(run().stderr).toBe(note(path.join("src", "engine", "calc.ts")));
});

test.each([
  [2, " och 1 fil till"],
  [3, " och 2 filer till"],
])("%i sources changed: the first named, the others counted", (count, more) => {
  const names = Array.from({ length: count }, (_, i) => `../../src/engine/calc${i}.ts`);
  fs.writeFileSync(
    path.join(root, "build", "cli", ".tsbuildinfo"),
    JSON.stringify({ fileNames: names }),
  );
  fs.writeFileSync(stamp(), "");
  age(stamp(), -60);
  for (const name of names) fs.writeFileSync(path.resolve(root, "build", "cli", name), "");
  expect(run().stderr).toBe(note(path.join("src", "engine", "calc0.ts"), more));
});

test("no stamp (a build from before the stamp existed): runs without a note", () => {
  const result = run();
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe("körd\n");
});

test("no build at all: refused with the command that builds it", () => {
  fs.rmSync(path.join(root, "build"), { recursive: true });
  const result = run();
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("kör npm install eller npm run build:cli");
});
