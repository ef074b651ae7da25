/**
 * The layers' edges (docs/architecture.md): ESLint refuses an import upward from the engine or the
 * sheet plan and any package but decimal.js there. Each case lints a one-line module as if it stood
 * in the folder.
 */
import { ESLint } from "eslint";
import * as fs from "fs";
import path from "path";
import ts from "typescript";

// The project's own configuration, loaded directly (ESLint's config loader needs ES module support
// that jest's VM lacks).
const config = require("../eslint.config.js");
const eslint = new ESLint({
  cwd: path.resolve(__dirname, ".."),
  overrideConfigFile: true,
  overrideConfig: config,
});

async function restrictedImports(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("no-restricted-imports keeps the pure layers pure", () => {
  test.each`
    file                     | source                                         | refused | scenario
    ${"src/engine/probe.ts"} | ${'import { x } from "../sheet/headers";'}     | ${1}    | ${"engine → sheet"}
    ${"src/engine/probe.ts"} | ${'import { x } from "../taskpane/messages";'} | ${1}    | ${"engine → task pane"}
    ${"src/engine/probe.ts"} | ${'import x from "exceljs";'}                  | ${1}    | ${"engine → ExcelJS"}
    ${"src/engine/probe.ts"} | ${'import { x } from "./schema";'}             | ${0}    | ${"engine → engine"}
    ${"src/engine/probe.ts"} | ${'import x from "decimal.js";'}               | ${0}    | ${"engine → decimal.js"}
    ${"src/sheet/probe.ts"}  | ${'import { x } from "../excel/writer";'}      | ${1}    | ${"sheet → excel"}
    ${"src/sheet/probe.ts"}  | ${'import { x } from "../cli/cli";'}           | ${1}    | ${"sheet → cli"}
    ${"src/sheet/probe.ts"}  | ${'import { x } from "office-addin-mock";'}    | ${1}    | ${"sheet → an Office package"}
    ${"src/sheet/probe.ts"}  | ${'import { x } from "../engine";'}            | ${0}    | ${"sheet → engine"}
    ${"src/cli/probe.ts"}    | ${'import { x } from "../sheet/plan";'}        | ${0}    | ${"cli → sheet (downward)"}
    ${"src/guide/probe.ts"}  | ${'import { x } from "../taskpane/dom";'}      | ${1}    | ${"guide model → task pane"}
    ${"src/guide/probe.ts"}  | ${'import { x } from "../engine";'}            | ${0}    | ${"guide model → engine"}
  `("$scenario: $refused refusal(s)", async ({ file, source, refused }) => {
    expect(await restrictedImports(file, source)).toBe(refused);
  });
});

describe("the task pane's hosts keep to themselves", () => {
  test.each`
    file                                      | source                                            | refusals
    ${"src/taskpane/standaloneMode/probe.ts"} | ${'import { x } from "../excelMode/excelTasks";'} | ${1}
    ${"src/taskpane/excelMode/probe.ts"}      | ${'import { x } from "../standaloneMode/link";'}  | ${1}
    ${"src/taskpane/excelMode/probe.ts"}      | ${'import { x } from "../ui/messages";'}          | ${0}
  `("$file: $source → $refusals refusal(s)", async ({ file, source, refusals }) => {
    expect(await restrictedImports(file, source)).toBe(refusals);
  });
});

describe("the training layer is pure like the sheet plans", () => {
  test.each`
    file                       | source                                         | refused | scenario
    ${"src/training/probe.ts"} | ${'import { x } from "../taskpane/messages";'} | ${1}    | ${"training → task pane"}
    ${"src/training/probe.ts"} | ${'import x from "exceljs";'}                  | ${1}    | ${"training → ExcelJS"}
    ${"src/training/probe.ts"} | ${'import { x } from "../sheet/plan";'}        | ${0}    | ${"training → sheet"}
  `("$scenario: $refused refusal(s)", async ({ file, source, refused }) => {
    expect(await restrictedImports(file, source)).toBe(refused);
  });
});

/**
 * Every relative import in src/, type-only ones included (import-x/no-cycle in the lint sees only
 * those that load code), as module → modules it imports.
 */
function importGraph(): Map<string, string[]> {
  const root = path.resolve(__dirname, "..", "src");
  const files = fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(root, f));
  const resolve = (from: string, spec: string) =>
    [".ts", "/index.ts"]
      .map((ext) => path.resolve(path.dirname(from), spec) + ext)
      .find(fs.existsSync);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
      const targets = importedFiles
        .filter(({ fileName }) => fileName.startsWith("."))
        .map(({ fileName }) => resolve(file, fileName))
        .filter((target): target is string => target !== undefined);
      return [file, targets];
    }),
  );
}

/** The import circles of a graph, each as the path from a module back to itself. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at !== -1) return void found.push([...trail.slice(at), node]);
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  const src = path.resolve(__dirname, "..");
  return found.map((circle) => circle.map((file) => path.relative(src, file)));
}

describe("no import circles in src/, type-only imports included", () => {
  test("the check finds a circle when there is one", () => {
    const graph = new Map([
      ["/r/src/a.ts", ["/r/src/b.ts"]],
      ["/r/src/b.ts", ["/r/src/c.ts"]],
      ["/r/src/c.ts", ["/r/src/a.ts"]],
    ]);
    expect(circles(graph)).toHaveLength(1);
    expect(circles(graph)[0]).toHaveLength(4);
  });

  test("src/ has none", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  });
});
