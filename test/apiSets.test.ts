/**
 * Requirement sets as a test (issue 20 point 4): every Office member the add-in uses, resolved by
 * the TypeScript checker to its declaration in @types/office-js or @types/custom-functions-runtime,
 * needs no more than manifest.xml declares. The walk covers src/: property accesses and calls on
 * Excel.*, Office.*, CustomFunctions.* and OfficeExtension.* and on every object typed by those
 * declarations (a `Range` from `getActiveCell()`), and the properties of object literals typed by them
 * (`Excel.RunOptions`). Each declaration's JSDoc names its set: `[Api set: ExcelApi 1.9]` in the
 * Excel and custom-functions declarations, `**Requirement set**: {@link … | SharedRuntime 1.1}` in
 * Office's common API. A member in a set the manifest lacks, above its version, or in beta / preview
 * fails the test, listed with where it is used. One Program for all of src/ (and a small probe).
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { descendants, parseXml } from "./support/xml";

const ROOT = path.resolve(__dirname, "..");
const PROBE = path.join(ROOT, "test", "__apiSetsProbe.ts");
/** A probe the walk must catch: a member above the manifest's ExcelApi, one of an undeclared set. */
const PROBE_SOURCE = `
export async function probe(context: Excel.RequestContext): Promise<void> {
  const range = context.workbook.getActiveCell();
  range.getMergedAreasOrNullObject();
  Office.context.ui.displayDialogAsync("https://example.org/");
}
`;

/**
 * A requirement: a set and its version ("preview" for beta / preview members); `alternative` when
 * the JSDoc lists several sets, one per host (`**Requirement sets**:` then `- {@link … | DialogApi}`,
 * `- {@link … | Mailbox 1.4}`): then one of them suffices.
 */
interface Requirement {
  set: string;
  version: string;
  alternative?: true;
}

/** The requirements a declaration's JSDoc names (none: available everywhere the API is). */
function requirementsIn(doc: string): Requirement[] {
  const found: Requirement[] = [];
  const add = (text: string) => {
    let last = "";
    for (const part of text.split(/[,;/]/)) {
      const named = /([A-Za-z]+)\s+(\d+(?:\.\d+)*|BETA|beta|Preview|preview)/.exec(part);
      const bare = /^\s*(\d+(?:\.\d+)*)\b/.exec(part);
      // "Starting with Excel Api 1.3" names no set of its own: the version is the last set's.
      if (named && named[1] !== "Api") last = named[1];
      const version = named?.[2] ?? bare?.[1];
      if (last && version)
        found.push({ set: last, version: /^\d/.test(version) ? version : "preview" });
      else if (/beta|preview/i.test(part)) found.push({ set: last || "?", version: "preview" });
    }
  };
  for (const match of doc.matchAll(/\[\s*Api set:\s*([^\]]*)\]/g)) add(match[1]);
  for (const match of doc.matchAll(
    /Requirement set\*\*:\s*(?:\{@link [^|}]*\|\s*([^}]*)\}|([^\n]*))/g,
  ))
    add(match[1] ?? match[2] ?? "");
  for (const list of doc.matchAll(/Requirement sets\*\*:((?:[\s*]*-\s*\{@link [^}]*\})+)/g))
    for (const item of list[1].matchAll(
      /\{@link [^|}]*\|\s*([A-Za-z]+)(?:\s+(\d+(?:\.\d+)*))?\s*\}/g,
    ))
      found.push({ set: item[1], version: item[2] ?? "1.1", alternative: true });
  return found;
}

const versionParts = (v: string) => v.split(".").map(Number);
function compareVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The sets manifest.xml's base <Requirements> declares, e.g. ExcelApi → 1.9. */
function declaredSets(): Map<string, string> {
  const root = parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  const requirements = root.children.find((e) => e.local === "Requirements")!;
  return new Map(
    descendants(requirements)
      .filter((e) => e.local === "Set")
      .map((e) => {
        const value = (name: string) => e.attributes.find((a) => a.qname === name)?.value ?? "";
        return [value("Name"), value("MinVersion") || "1.1"] as const;
      }),
  );
}

/** An Office member used in the code: its name, its requirements, and where. */
interface Use {
  member: string;
  requirements: Requirement[];
  at: string;
}

const OFFICE_TYPES = /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;

function officeDeclarations(symbol: ts.Symbol | undefined): ts.Declaration[] {
  return (symbol?.declarations ?? []).filter((d) => OFFICE_TYPES.test(d.getSourceFile().fileName));
}

/** The leading JSDoc text of a declaration. */
function docOf(declaration: ts.Node): string {
  return declaration.getFullText().slice(0, declaration.getLeadingTriviaWidth());
}

/** The qualified name of a declaration, e.g. `Excel.Range.getTables`. */
function memberName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

/** Every Office member `file` uses. */
function usesIn(file: ts.SourceFile, checker: ts.TypeChecker): Use[] {
  const uses: Use[] = [];
  const record = (symbol: ts.Symbol | undefined, node: ts.Node, declarations?: ts.Node[]) => {
    const decls = declarations ?? officeDeclarations(symbol);
    if (symbol === undefined || decls.length === 0) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    uses.push({
      member: memberName(checker, symbol),
      requirements: decls.flatMap((d) => requirementsIn(docOf(d))),
      at: `${path.relative(ROOT, file.fileName)}:${line + 1}`,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      const call = node.parent;
      // A call: the overload actually called (its own tag), when it is an Office declaration.
      const signature =
        ts.isCallExpression(call) && call.expression === node
          ? checker.getResolvedSignature(call)?.declaration
          : undefined;
      const exact =
        signature && OFFICE_TYPES.test(signature.getSourceFile().fileName)
          ? [signature]
          : undefined;
      record(symbol, node.name, exact);
    } else if (ts.isObjectLiteralExpression(node)) {
      const type = checker.getContextualType(node);
      for (const property of node.properties) {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : null;
        if (type && name) record(type.getProperty(name), property);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

/** Why a use needs more than the manifest declares, or null. */
function excess(use: Use, declared: Map<string, string>): string | null {
  const shortOf = ({ set, version }: Requirement): string | null => {
    const has = declared.get(set);
    if (version === "preview") return `is ${set} beta/preview`;
    if (has === undefined) return `needs ${set} ${version}, not declared`;
    if (compareVersions(version, has) > 0)
      return `needs ${set} ${version}, manifest declares ${has}`;
    return null;
  };
  const all = use.requirements.filter((r) => !r.alternative);
  const anyOf = use.requirements.filter((r) => r.alternative);
  const problems = all.map(shortOf).filter((p) => p !== null);
  const alternatives = anyOf.map(shortOf);
  if (anyOf.length > 0 && alternatives.every((p) => p !== null)) problems.push(alternatives[0]);
  return problems.length > 0 ? `${use.member} (${use.at}) ${problems[0]}` : null;
}

/** src/'s TypeScript files (and the probe), in ONE Program, and the uses in each. */
function walk(): { src: Use[]; probe: Use[] } {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => f.startsWith(path.join(ROOT, "src") + path.sep));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) =>
    path.resolve(name) === PROBE
      ? ts.createSourceFile(name, PROBE_SOURCE, language)
      : getSourceFile.call(host, name, language, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => path.resolve(name) === PROBE || fileExists.call(host, name);
  const program = ts.createProgram({
    rootNames: [...files, PROBE],
    options: { ...parsed.options, noEmit: true },
    host,
  });
  const checker = program.getTypeChecker();
  const usesOf = (names: string[]) =>
    names.flatMap((name) => usesIn(program.getSourceFile(name)!, checker));
  return { src: usesOf(files), probe: usesOf([PROBE]) };
}

let uses: { src: Use[]; probe: Use[] };
const declared = declaredSets();
beforeAll(() => {
  uses = walk();
}, 120_000);

const setsOf = (member: string) => {
  const found = uses.src.filter((u) => u.member === member);
  if (found.length === 0) throw new Error(`${member} is not used in src/`);
  return [...new Set(found.flatMap((u) => u.requirements.map((r) => `${r.set} ${r.version}`)))];
};

describe("requirement sets of the Office members src/ uses", () => {
  test("the manifest declares ExcelApi 1.9, SharedRuntime 1.1 and CustomFunctionsRuntime 1.3", () => {
    expect(Object.fromEntries(declared)).toEqual({
      ExcelApi: "1.9",
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.3",
    });
  });

  test("no member needs more than the manifest declares (none in beta or preview)", () => {
    const problems = [...new Set(uses.src.map((u) => excess(u, declared)).filter(Boolean))];
    expect(problems).toEqual([]);
  });

  test("the walk resolves members on objects typed by Office's declarations to their sets", () => {
    expect(setsOf("Excel.Workbook.getSelectedRanges")).toEqual(["ExcelApi 1.9"]);
    expect(setsOf("Excel.Range.getVisibleView")).toEqual(["ExcelApi 1.3"]);
    expect(setsOf("Excel.Worksheet.getUsedRangeOrNullObject")).toEqual(["ExcelApi 1.4"]);
    expect(setsOf("Office.Addin.onVisibilityModeChanged")).toEqual(["SharedRuntime 1.1"]);
    expect(setsOf("CustomFunctions.ErrorCode.invalidValue")).toEqual([
      "CustomFunctionsRuntime 1.3",
    ]);
    // An object literal typed by Office (Excel.run's options, src/excel/context.ts).
    expect(uses.src.some((u) => u.member === "Excel.RunOptions.delayForCellEdit")).toBe(true);
    // Members are found in the pane's entry file and the functions too, not only in src/excel/.
    const files = new Set(uses.src.map((u) => u.at.replace(/:\d+$/, "")));
    expect(files).toContain(path.join("src", "taskpane", "taskpane.ts"));
    expect(files).toContain(path.join("src", "functions", "adapter.ts"));
  });

  test("a probe above the manifest's sets fails, naming each member and its set", () => {
    const problems = uses.probe.map((u) => excess(u, declared)).filter(Boolean);
    expect(problems).toEqual([
      expect.stringMatching(
        /^Excel\.Range\.getMergedAreasOrNullObject .* needs ExcelApi 1\.13, manifest declares 1\.9$/,
      ),
      expect.stringMatching(
        /^Office\.UI\.displayDialogAsync .* needs DialogApi 1\.1, not declared$/,
      ),
    ]);
  });

  test.each`
    doc                                                                                        | requirements
    ${"* [Api set: ExcelApi 1.9]"}                                                             | ${[{ set: "ExcelApi", version: "1.9" }]}
    ${"* [Api set: ExcelApi 1.1 for get, 1.8 for set]"}                                        | ${[{ set: "ExcelApi", version: "1.1" }, { set: "ExcelApi", version: "1.8" }]}
    ${"* [Api set: ExcelApi BETA (PREVIEW ONLY)]"}                                             | ${[{ set: "ExcelApi", version: "preview" }]}
    ${"* **Requirement set**: {@link https://learn.microsoft.com/x | SharedRuntime 1.1}"}      | ${[{ set: "SharedRuntime", version: "1.1" }]}
    ${"* [Api set: ExcelApi 1.1 / 1.3.  Starting with Excel Api 1.3, a Range]"}                | ${[{ set: "ExcelApi", version: "1.1" }, { set: "ExcelApi", version: "1.3" }]}
    ${"* **Requirement sets**:\n *\n * - {@link u | DialogApi}\n * - {@link v | Mailbox 1.4}"} | ${[{ set: "DialogApi", version: "1.1", alternative: true }, { set: "Mailbox", version: "1.4", alternative: true }]}
    ${"* Gets the value."}                                                                     | ${[]}
  `("requirementsIn($doc)", ({ doc, requirements }) => {
    expect(requirementsIn(doc)).toEqual(requirements);
  });
});
