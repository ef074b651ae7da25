/**
 * The command in a process of its own, as a user starts it: bin/atertag.js running the JavaScript
 * build (build/cli, brought up to date by the integration project's globalSetup,
 * test/support/cliBuild.js). The entry point (exit status 2, no stack trace), every `--json` command of
 * the documentation exactly as written there (`npx atertag`), and the message when the build is missing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT, exampleRow } from "./testkit/fixtures";

const BIN = path.join(REPO_ROOT, "bin", "atertag.js");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-process-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function badContract(): string {
  const file = path.join(dir, "bad-installments-paid.json");
  fs.writeFileSync(file, JSON.stringify({ ...exampleRow(1), installmentsPaid: 99 }), "utf8");
  return file;
}

describe("the real entry point", () => {
  test("node bin/atertag.js calc BADFILE exits 2 with one line and no stack trace", () => {
    const file = badContract();
    const result = spawnSync(process.execPath, [BIN, "calc", file], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("installmentsPaid");
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/internt fel/i);
    // npx itself may warn about the npm configuration; only the program's own lines count.
    const lines = result.stderr
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Fel: /);
  });
});
/** The user documentation: README.md and the pages of docs/ it links to. */
function userDocumentation(): string {
  const docs = fs.readdirSync(path.join(REPO_ROOT, "docs")).filter((f) => f.endsWith(".md"));
  const files = ["README.md", ...docs.map((f) => path.join("docs", f))];
  return files.map((f) => fs.readFileSync(path.join(REPO_ROOT, f), "utf8")).join("\n");
}

/**
 * The documentation's command-line examples that print JSON: each line of a ```sh block that runs
 * `npx atertag` with `--json`, except the synopsis lines (placeholders such as FILE.json or [--json]).
 */
function readmeJsonCommands(): string[] {
  const readme = userDocumentation();
  const commands: string[] = [];
  for (const [, block] of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block.split("\n")) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      const template = /\[|\b[A-Z]+\.(json|csv|xlsx)\b/.test(line);
      if (line.startsWith("npx atertag ") && line.includes("--json") && !template)
        commands.push(line);
    }
  }
  return commands;
}

describe("every --json command in the documentation prints JSON, run exactly as written there", () => {
  jest.setTimeout(240_000);
  const commands = readmeJsonCommands();

  test("the documentation shows calc --json for one file (redirected to a file), for two files, and batch --json", () => {
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^npx atertag calc \S+\.json --json > \S+\.json$/),
        expect.stringMatching(/^npx atertag calc \S+\.json \S+\.json --json$/),
        expect.stringMatching(/^npx atertag batch \S+\.csv --json$/),
      ]),
    );
  });

  test("an npm run command with --json in the documentation is silent (-s), so npm's banner stays off stdout", () => {
    const readme = userDocumentation();
    const npmRuns = [...readme.matchAll(/npm run ([^`\n]*--json[^`\n]*)/g)].map((m) => m[0]);
    expect(npmRuns.filter((run) => !/^npm run (-s|--silent) /.test(run))).toEqual([]);
  });

  test.each(commands)("%s", (command) => {
    const redirect = / > (\S+)$/.exec(command);
    const target = redirect ? path.join(REPO_ROOT, redirect[1]) : null;
    if (target)
      expect({ exists: fs.existsSync(target), target }).toEqual({ exists: false, target });
    try {
      const result = spawnSync("bash", ["-c", command], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 120_000,
      });
      // npx itself may warn about the npm configuration; the program must print nothing there.
      const stderr = result.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("npm warn"));
      expect({ status: result.status, stderr }).toEqual({ status: 0, stderr: [] });
      const printed = target ? fs.readFileSync(target, "utf8") : result.stdout;
      const parsed: unknown = JSON.parse(printed);
      const reports = (Array.isArray(parsed) ? parsed : [parsed]) as {
        caseId: string;
        statements: { lines: { amountInclInterest: number } }[];
      }[];
      // Att betala inkl. ränta at the repossession date (conventions §8): 77 551 and 93 529 kr.
      const expected: Record<string, number> = { "Övning 1": 77551, "Övning 2": 93529 };
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports)
        expect([report.caseId, report.statements[1].lines.amountInclInterest]).toEqual([
          report.caseId,
          expected[report.caseId],
        ]);
    } finally {
      if (target) fs.rmSync(target, { force: true });
    }
  });
});

describe("without the build", () => {
  test("bin/atertag.js says in Swedish how to build it, status 1, nothing on stdout", () => {
    const copy = path.join(dir, "unbuilt", "bin", "atertag.js");
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(BIN, copy);
    const result = spawnSync(process.execPath, [copy, "calc", "x.json"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "Fel: atertag är inte byggt (build/cli saknas); kör npm install eller npm run build:cli i projektmappen först\n",
    );
  });
});
