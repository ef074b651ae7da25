/**
 * The layers' edges (STYLE.md): ESLint refuses an import upward from the engine or the sheet plan and
 * any package but decimal.js there. Each case lints a one-line module as if it stood in the folder.
 */
import { ESLint } from "eslint";
import path from "path";

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
