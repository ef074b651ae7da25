/**
 * LibreOffice helpers for end-to-end tests: recalculate an .xlsx with a
 * headless `soffice` (so formula cells get real, freshly computed cached
 * values) and read those cached values back with exceljs.
 *
 * Every call uses its own throw-away LibreOffice profile, HOME and TMPDIR, so
 * concurrent calls (in this run or in another test run on the machine) do not
 * talk to each other's soffice process, and all temp dirs are removed
 * afterwards (the recalculated copy is written where the caller says, by
 * default next to the input as `<name>.recalc.xlsx`). Any other soffice call
 * in the tests must isolate itself the same way (test/harness.test.ts checks
 * that every soffice command line in test/ names its own profile).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import { writeXlsxFile } from "../../src/export/writeFile";
import { positionOf } from "../../src/sheet/grid";
import type { SheetPlan } from "../../src/sheet/types";
import { requireTool } from "./requireTool";
import { isExecutableFile, whichSync } from "./which";

/** Absolute path of `soffice` (or `libreoffice`) found on PATH, or null. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && isExecutableFile(fromEnv)) return fromEnv;
  for (const name of ["soffice", "libreoffice"]) {
    const found = whichSync(name);
    if (found) return found;
  }
  return null;
}

/**
 * LibreOffice "Recalculation on file load" values
 * (Tools > Options > Calc > Formula): 0 = always, 1 = never, 2 = prompt.
 */
export type RecalcMode = 0 | 1 | 2;

export interface RecalculateOptions {
  /** Where to write the recalculated copy. Default: `<dir>/<base>.recalc.xlsx` next to the input. */
  outputPath?: string;
  /** Kill soffice after this many ms. Default 120 000. */
  timeoutMs?: number;
  /** OOXMLRecalcMode/ODFRecalcMode written into the fresh profile. Default 0 (always). Only tests should change it. */
  recalcMode?: RecalcMode;
  /** soffice binary; default findSoffice(). */
  soffice?: string;
  /** Folder for the call's scratch folder (profile, copies); default os.tmpdir(). */
  tmpDir?: string;
}

/** A registrymodifications.xcu that makes Calc recalculate every formula on load. */
export function registryModificationsXcu(mode: RecalcMode = 0): string {
  const item = (prop: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load">` +
    `<prop oor:name="${prop}" oor:op="fuse"><value>${mode}</value></prop></item>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    item("OOXMLRecalcMode"),
    item("ODFRecalcMode"),
    `</oor:items>`,
    ``,
  ].join("\n");
}

/** Create a fresh LibreOffice user profile dir; returns its root (pass as -env:UserInstallation). */
function makeProfile(root: string, mode: RecalcMode): string {
  const profile = path.join(root, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    registryModificationsXcu(mode),
  );
  return profile;
}

/** The argv (after the binary) used for one conversion. Exposed for documentation / debugging. */
function sofficeArgs(profileDir: string, outDir: string, inputPath: string): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nolockcheck",
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    inputPath,
  ];
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // detached => own process group, so a timeout can kill soffice.bin as well
    // as the oosplash/shell wrappers in front of it.
    const child = spawn(cmd, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Open `xlsxPath` in a headless LibreOffice whose fresh profile forces
 * "recalculate on load", save it again as xlsx, and return the path of that
 * recalculated copy (cached `<v>` values now computed by LibreOffice).
 */
export async function recalculateXlsx(
  xlsxPath: string,
  options: RecalculateOptions = {},
): Promise<string> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice)
    throw new Error(
      "recalculateXlsx: soffice/libreoffice not found on PATH (apt-get install libreoffice-calc-nogui)",
    );
  const input = path.resolve(xlsxPath);
  if (!fs.existsSync(input)) throw new Error(`recalculateXlsx: input file not found: ${input}`);
  // LibreOffice happily "converts" an empty or garbage file (text import) and
  // exits 0, so insist on a zip container up front.
  const magic = Buffer.alloc(4);
  const fd = fs.openSync(input, "r");
  try {
    fs.readSync(fd, magic, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new Error(`recalculateXlsx: ${input} is not an xlsx (zip) file`);
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const outputPath = path.resolve(
    options.outputPath ??
      path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.recalc.xlsx`),
  );

  const root = fs.mkdtempSync(path.join(options.tmpDir ?? os.tmpdir(), "lo-recalc-"));
  try {
    const profile = makeProfile(root, options.recalcMode ?? 0);
    const outDir = path.join(root, "out");
    const inDir = path.join(root, "in");
    fs.mkdirSync(outDir);
    fs.mkdirSync(inDir);
    // Copy the input to a private, ASCII-named file: the output name is derived
    // from the input's base name, and the input must not live in outDir.
    const privateInput = path.join(inDir, "book.xlsx");
    fs.copyFileSync(input, privateInput);

    const args = sofficeArgs(profile, outDir, privateInput);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: root, TMPDIR: root };
    delete env.SAL_USE_VCLPLUGIN;
    const res = await run(soffice, args, timeoutMs, env);
    const produced = path.join(outDir, "book.xlsx");
    const describe = () =>
      `command: ${soffice} ${args.map((a) => JSON.stringify(a)).join(" ")}\n` +
      `exit code: ${res.code} signal: ${res.signal}\nstdout: ${res.stdout.trim()}\nstderr: ${res.stderr.trim()}`;
    if (res.timedOut)
      throw new Error(`recalculateXlsx: soffice timed out after ${timeoutMs} ms\n${describe()}`);
    // soffice exits 0 even when a conversion fails, so check the file too.
    if (res.code !== 0 || !fs.existsSync(produced) || fs.statSync(produced).size === 0) {
      throw new Error(`recalculateXlsx: soffice failed to convert ${input}\n${describe()}`);
    }
    fs.mkdirSync(path.dirname(outputPath), { recursive: true });
    fs.copyFileSync(produced, outputPath);
    return outputPath;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Read a sheet with exceljs and return address -> value, where formula cells
 * give their cached result (`cell.result`) and other cells `cell.value`.
 * Empty cells are omitted. Dates come back as JS Date (UTC) when the cell has
 * a date number format; use `toExcelSerial` to compare as numbers.
 * Errors come back as `{ error: "#N/A" }`.
 */
export async function readCellValues(
  xlsxPath: string,
  sheetName: string,
): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
    throw new Error(`readCellValues: no sheet "${sheetName}" in ${xlsxPath} (sheets: ${names})`);
  }
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.set(cell.address, cellValue(cell));
    });
  });
  return out;
}

/** Formula text of every formula cell (without leading "="), keyed by address. */
export async function readFormulas(
  xlsxPath: string,
  sheetName: string,
): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`readFormulas: no sheet "${sheetName}" in ${xlsxPath}`);
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula)
        out.set(cell.address, cell.formula);
    });
  });
  return out;
}

function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result;
  const v = cell.value;
  if (v && typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return v;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Excel 1900-system serial of a UTC calendar date (valid from 1900-03-01). */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** Date (as read by exceljs, UTC) or number -> Excel serial number; anything else unchanged. */
export function toExcelSerial(v: unknown): unknown {
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY;
  return v;
}

/**
 * `describe` where LibreOffice is installed; elsewhere `describe.skip` after one line saying how to
 * install it (with CI=true a missing soffice fails instead: see requireTool).
 */
export function describeWithSoffice(): jest.Describe {
  const have = requireTool(
    "soffice",
    findSoffice() !== null,
    "apt-get install libreoffice-calc-nogui",
  );
  return have ? describe : describe.skip;
}

/** A workbook written from plans and recalculated by LibreOffice, read back. */
export interface RecalculatedPlans {
  /** The value LibreOffice computed (or the constant) at `a1` of the sheet named `sheet`. */
  at(sheet: string, a1: string): unknown;
  /** The value at a plan's named figure (SheetPlan.names), the plan given by its place in the list. */
  named(plan: number, name: string): unknown;
}

/**
 * Writes `plans` to `file` (.xlsx) with the project's writer, recalculates it with LibreOffice and
 * reads every sheet back (formula cells give LibreOffice's results). Strip the cached results first
 * ({@link withoutCachedResults}) so that only LibreOffice's own evaluation can produce a value.
 */
export async function recalculatedPlans(
  plans: SheetPlan[],
  file: string,
): Promise<RecalculatedPlans> {
  await writeXlsxFile(plans, file);
  const recalc = await recalculateXlsx(file);
  const sheets = new Map<string, Map<string, unknown>>();
  for (const plan of plans) sheets.set(plan.name, await readCellValues(recalc, plan.name));
  return {
    at: (sheet, a1) => sheets.get(sheet)?.get(a1),
    named: (plan, name) => sheets.get(plans[plan].name)?.get(plans[plan].names[name]),
  };
}

/**
 * The plan with every formula's cached result removed, and the named input cells
 * (SheetPlan.names) set to new values — as a user editing the workbook before Excel recalculates.
 */
export function withoutCachedResults(
  plan: SheetPlan,
  edits: Record<string, string | number | undefined> = {},
): SheetPlan {
  const targets = new Map(
    Object.entries(edits).map(([name, v]) => [JSON.stringify(positionOf(plan.names[name])), v]),
  );
  return {
    ...plan,
    cells: plan.cells.map((cell) => {
      const key = JSON.stringify({ row: cell.row, col: cell.col });
      if (targets.has(key)) return { ...cell, value: targets.get(key) };
      return cell.formula ? { ...cell, result: undefined } : cell;
    }),
  };
}
