/**
 * The .xlsx exporter (src/export): a synthetic SheetPlan written with ExcelJS and read back, cell by
 * cell and setting by setting; sheet names; the atomic file write.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip dependency, used to look at the raw XML
import { CellLook, STYLE_LOOKS } from "../src/sheet/styles";
import type { SheetPlan } from "../src/sheet/types";
import { OutputPathError, writeXlsxFile } from "../src/export/writeFile";
import {
  SheetPlanError,
  WORKBOOK_CREATOR,
  buildWorkbook,
  toFileFormula,
  toXlsxBuffer,
  uniqueSheetNames,
} from "../src/export/xlsx";
import { toExcelSerial } from "./support/libreoffice";
import { syntheticPlan, withResults } from "./support/syntheticPlan";

const CREATED = new Date(Date.UTC(2012, 11, 20, 9, 30, 0));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings call its argument a Buffer of their own (extends ArrayBuffer); a Node Buffer works.
  await wb.xlsx.load(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
  );
  return wb;
}

async function rawXml(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the package`);
  return file.async("string");
}

const a1 = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
/** The colour of a solid fill, or undefined (ExcelJS reads "no fill" as pattern "none"). */
const solidFill = (cell: ExcelJS.Cell) => {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
};
const isDateFormat = (fmt?: string) => fmt !== undefined && /y/.test(fmt);

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe("buildWorkbook / toXlsxBuffer: the synthetic plan read back with ExcelJS", () => {
  const { plan } = syntheticPlan();
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const t0 = Date.now();
    bytes = await toXlsxBuffer([plan], { created: CREATED });
    process.stdout.write(
      `export: ${plan.cells.length} cells -> ${bytes.byteLength} bytes in ${Date.now() - t0} ms\n`,
    );
    wb = await load(bytes);
    ws = wb.getWorksheet("Syntetisk")!;
  });

  it("returns a plain Uint8Array holding a zip package", () => {
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("has one sheet named after the plan, and the workbook metadata", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Syntetisk"]);
    expect(wb.creator).toBe(WORKBOOK_CREATOR);
    expect(wb.lastModifiedBy).toBe(WORKBOOK_CREATOR);
    expect(wb.created.toISOString()).toBe(CREATED.toISOString());
    expect(wb.modified.toISOString()).toBe(CREATED.toISOString());
  });

  it("asks Excel to recalculate fully on load", async () => {
    expect(await rawXml(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("writes every constant and every formula with its cached result and number format", () => {
    const problems: string[] = [];
    for (const c of plan.cells) {
      const addr = a1(c.row, c.col);
      const cell = ws.getCell(addr);
      if (c.formula !== undefined) {
        const got = { formula: cell.formula, result: toExcelSerial(cell.result) };
        const want = { formula: toFileFormula(c.formula), result: c.result };
        if (JSON.stringify(got) !== JSON.stringify(want))
          problems.push(`${addr}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      } else if (c.value !== undefined) {
        const got = isDateFormat(c.numberFormat) ? toExcelSerial(cell.value) : cell.value;
        if (got !== c.value)
          problems.push(`${addr}: want ${JSON.stringify(c.value)} got ${JSON.stringify(got)}`);
      }
      if (c.numberFormat !== undefined && cell.numFmt !== c.numberFormat) {
        problems.push(`${addr}: numFmt want ${c.numberFormat} got ${cell.numFmt}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps the formulas the test relies on, with _xlfn. only where Excel needs it", () => {
    expect(ws.getCell("B11").formula).toBe('COUNTIF(E22:E93,"<"&B7)');
    expect(ws.getCell("B13").formula).toBe("ROUND(B12*(B12+1)*B6/(B4*(B4+1)),0)");
    expect(ws.getCell("B14").formula).toBe("EDATE(B5,B11)");
    expect(ws.getCell("B15").formula).toBe("_xlfn.DAYS(B7,B5)");
    expect(ws.getCell("B16").formula).toBe(
      "ROUND(B8*INDEX(G22:G25,MATCH(B7,F22:F25,1))*B15/365,2)",
    );
    expect(ws.getCell("E22").formula).toBe("EDATE($B$5,D22-1)");
    expect(ws.getCell("B17").result).toBe("reducering");
    expect(ws.getCell("B18").result).toBe(true);
  });

  it("stores dates as the plan's serial numbers, unshifted, in the raw XML", async () => {
    const xml = await rawXml(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<c r="B5"[^>]*><v>40086<\/v><\/c>/); // 2009-09-30
    expect(xml).toMatch(/<c r="B7"[^>]*><v>41263<\/v><\/c>/); // 2012-12-20
    expect(xml).toMatch(/<c r="B14"[^>]*><f>EDATE\(B5,B11\)<\/f><v>41273<\/v><\/c>/); // 2012-12-30
    expect(xml).toMatch(/<c r="B15"[^>]*><f>_xlfn\.DAYS\(B7,B5\)<\/f><v>1177<\/v><\/c>/);
  });

  it("draws every styled cell by the shared looks of src/sheet/styles.ts", () => {
    const problems: string[] = [];
    for (const c of plan.cells) {
      const addr = a1(c.row, c.col);
      const look: CellLook = c.style ? STYLE_LOOKS[c.style] : {};
      const cell = ws.getCell(addr);
      const got = {
        bold: cell.font?.bold ?? false,
        italic: cell.font?.italic ?? false,
        size: cell.font?.size,
        color: cell.font?.color?.argb,
        fill: solidFill(cell),
        top: cell.border?.top?.style,
        bottom: cell.border?.bottom?.style,
      };
      const want = {
        bold: look.bold ?? false,
        italic: look.italic ?? false,
        size: look.fontSize ?? 11,
        color: look.fontColor ? `FF${look.fontColor.slice(1)}` : undefined,
        fill: look.fill ? `FF${look.fill.slice(1)}` : undefined,
        top: look.borderTop ? "thin" : undefined,
        bottom: look.borderBottom ? "thin" : undefined,
      };
      if (JSON.stringify(got) !== JSON.stringify(want))
        problems.push(
          `${addr} (${c.style}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`,
        );
    }
    expect(problems).toEqual([]);
  });

  it("marks inputs with a light yellow fill and totals bold with a top border", () => {
    for (const addr of ["B4", "B5", "F22", "G25"])
      expect(solidFill(ws.getCell(addr))).toBe("FFFFF2CC");
    expect(ws.getCell("B19").font.bold).toBe(true);
    expect(ws.getCell("B19").border.top?.style).toBe("thin");
    expect(solidFill(ws.getCell("E61"))).toBe("FFFCE4D6"); // the marked schedule row, k = 40
    expect(solidFill(ws.getCell("E60"))).toBeUndefined();
  });

  it("styles the other cells of a merge like its top-left cell (a section's border runs across)", () => {
    expect(ws.getCell("B3").border.bottom?.style).toBe("thin");
    expect(ws.getCell("G1").font).toMatchObject({ bold: true, size: 14 });
  });

  it("gives every written cell its own style object (ExcelJS's merge shares one by reference)", () => {
    // On the built workbook: on a workbook read back, ExcelJS shares one object per style id anyway.
    const built = buildWorkbook([plan]).worksheets[0];
    built.getCell("C1").font = { bold: false };
    built.getCell("B3").border = {};
    expect(built.getCell("A1").font.bold).toBe(true);
    expect(built.getCell("D1").font.bold).toBe(true);
    expect(built.getCell("A3").border.bottom?.style).toBe("thin");
  });

  it("writes merges and column widths", () => {
    expect([...(ws.model.merges as string[])].sort()).toEqual([...plan.merges].sort());
    plan.columnWidths.forEach((w, i) =>
      expect({ col: i + 1, width: ws.getColumn(i + 1).width }).toEqual({ col: i + 1, width: w }),
    );
  });

  it("writes the print settings: A4, the plan's fixed scale and the common margins, print area, title rows, header and footer", () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      scale: 85,
      margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
      printArea: "A1:G94",
      printTitlesRow: "21:21",
    });
    expect(ws.headerFooter.oddHeader).toBe(plan.print.header);
    expect(ws.headerFooter.oddFooter).toBe(plan.print.footer);
  });

  it("writes absolute print-area and title-row names, and row breaks before the planned rows", async () => {
    const book = await rawXml(bytes, "xl/workbook.xml");
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Syntetisk&apos;!$A$1:$G$94</definedName>`,
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Syntetisk&apos;!$21:$21</definedName>`,
    );
    const sheet = await rawXml(bytes, "xl/worksheets/sheet1.xml");
    // OOXML: a break with id r sits below row r, so "before row 21" is id 20.
    expect(sheet).toContain(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="59" max="16383" man="1"/></rowBreaks>',
    );
    // A fixed scale, not "fit to page" (src/sheet/page.ts): no fitToPage flag, scale="85".
    expect(sheet).not.toMatch(/fitToPage="1"/);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*scale="85"/);
    expect(sheet).toMatch(/<pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5"/);
  });

  it("can leave out every cached result (formulas only)", async () => {
    const blank = await load(
      await toXlsxBuffer([withResults(plan, () => undefined)], { created: CREATED }),
    );
    const sheet = blank.getWorksheet("Syntetisk")!;
    expect(sheet.getCell("B13").formula).toBe("ROUND(B12*(B12+1)*B6/(B4*(B4+1)),0)");
    expect(sheet.getCell("B13").result).toBeUndefined();
    expect(sheet.getCell("B17").result).toBeUndefined();
  });
});

describe("toFileFormula", () => {
  it.each([
    ["DAYS(B7,B5)", "_xlfn.DAYS(B7,B5)", "Excel 2013 function gets the prefix"],
    ["=ROUND(A1,0)", "ROUND(A1,0)", "a leading = is dropped"],
    ["IFNA(MATCH(A1,B:B,0),-1)", "_xlfn.IFNA(MATCH(A1,B:B,0),-1)", "IFNA is Excel 2013"],
    ["_xlfn.DAYS(B7,B5)", "_xlfn.DAYS(B7,B5)", "an existing prefix is kept, not doubled"],
    ['IF(A1>0,"DAYS(x)","")', 'IF(A1>0,"DAYS(x)","")', "text in quotes is left alone"],
    ['"a""DAYS(""b"&DAYS(A1,A2)', '"a""DAYS(""b"&_xlfn.DAYS(A1,A2)', "doubled quotes inside text"],
    [
      "'DAYS(1'!A1+days(A2,A3)",
      "'DAYS(1'!A1+_xlfn.days(A2,A3)",
      "sheet names in quotes are left alone; any case",
    ],
    [
      "EDATE(B5,1)+EOMONTH(B5,0)+COUNTIF(A:A,1)",
      "EDATE(B5,1)+EOMONTH(B5,0)+COUNTIF(A:A,1)",
      "2007 functions need no prefix",
    ],
    ["SUM(DAYS)", "SUM(DAYS)", "a name that is not called is not a function"],
  ])("%s -> %s (%s)", (input, output) => {
    expect(toFileFormula(input)).toBe(output);
  });
});

describe("sheet names", () => {
  it.each([
    [["Övning 1"], ["Övning 1"], "a valid name is kept"],
    [
      ["a/b\\c:d?e*f[g]h"],
      ["a-b-c-d-e-f-g-h"],
      "forbidden characters become - (src/sheet/sheetNames.ts)",
    ],
    [
      ["'Kund's bil'"],
      ["Kund’s bil"],
      "edge apostrophes go, inner ones become ’ (ExcelJS would mis-quote them)",
    ],
    [["   "], ["Beräkning"], "an empty name gets a fallback"],
    [["History"], ["History (2)"], "Excel reserves History"],
    [["x".repeat(40)], ["x".repeat(31)], "at most 31 characters"],
  ])("uniqueSheetNames(%j) = %j (%s)", (wanted, got) => {
    expect(uniqueSheetNames(wanted)).toEqual(got);
  });

  it("writes a sheet whose name had an apostrophe with valid print-area names", async () => {
    const bytes = await toXlsxBuffer([syntheticPlan("Kund's bil").plan], { created: CREATED });
    expect(await rawXml(bytes, "xl/workbook.xml")).toContain("&apos;Kund’s bil&apos;!$A$1:$G$94");
    expect((await load(bytes)).worksheets[0].pageSetup.printArea).toBe("A1:G94");
  });

  it("makes names unique, case-insensitively, with (2), (3) … within 31 characters", () => {
    const long = "Mål 1234-56 Återtagande personbil"; // 33 characters
    expect(
      uniqueSheetNames(["Övning 1", "Övning 1", "övning 1", "Övning 1 (2)", long, long]),
    ).toEqual([
      "Övning 1",
      "Övning 1 (2)",
      "övning 1 (3)",
      "Övning 1 (2) (2)",
      "Mål 1234-56 Återtagande personb",
      "Mål 1234-56 Återtagande per (2)",
    ]);
  });

  it("writes two plans with the same name as two sheets", async () => {
    const one = syntheticPlan("Övning 1").plan;
    const wb = await load(
      await toXlsxBuffer([one, one, syntheticPlan("Öv:ning/2").plan], { created: CREATED }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Övning 1", "Övning 1 (2)", "Öv-ning-2"]);
    // Each sheet has its own print area under its own name.
    expect(wb.worksheets.map((w) => w.pageSetup.printArea)).toEqual(["A1:G94", "A1:G94", "A1:G94"]);
    expect(wb.getWorksheet("Övning 1 (2)")!.getCell("B13").formula).toBe(
      "ROUND(B12*(B12+1)*B6/(B4*(B4+1)),0)",
    );
  });
});

describe("plans the writer refuses", () => {
  const base = () => syntheticPlan().plan;
  const cases: Array<[string, (p: SheetPlan) => SheetPlan, RegExp]> = [
    [
      "overlapping merges",
      (p) => ({ ...p, merges: [...p.merges, "B1:C2"] }),
      /merge B1:C2: Cannot merge already merged cells/,
    ],
    [
      "a value inside a merge",
      (p) => ({ ...p, cells: [...p.cells, { row: 0, col: 3, value: "x" }] }),
      /D1: holds content inside a merged range/,
    ],
    [
      "a cell planned twice",
      (p) => ({ ...p, cells: [...p.cells, { row: 3, col: 1, value: 1 }] }),
      /B4: planned twice/,
    ],
    [
      "value and formula",
      (p) => ({ ...p, cells: [...p.cells, { row: 30, col: 8, value: 1, formula: "1+1" }] }),
      /I31: has both/,
    ],
    [
      "NaN result",
      (p) => ({ ...p, cells: [...p.cells, { row: 30, col: 8, formula: "0/0", result: NaN }] }),
      /I31: the cached result is NaN/,
    ],
    [
      "Infinity value",
      (p) => ({ ...p, cells: [...p.cells, { row: 30, col: 8, value: Infinity }] }),
      /I31: the value is Infinity/,
    ],
    [
      "negative row",
      (p) => ({ ...p, cells: [...p.cells, { row: -1, col: 0, value: 1 }] }),
      /row -1 col 0/,
    ],
    [
      "bad print area",
      (p) => ({ ...p, print: { ...p.print, area: "A1" } }),
      /print area: "A1" is not an A1 range/,
    ],
    ["bad title rows", (p) => ({ ...p, print: { ...p.print, titleRows: "A1:B2" } }), /title rows/],
    [
      "break before row 1",
      (p) => ({ ...p, print: { ...p.print, pageBreaksBefore: [1] } }),
      /break before row 1/,
    ],
  ];
  it.each(cases)("%s", (_what, change, message) => {
    const plan = change(base());
    expect(() => buildWorkbook([plan])).toThrow(SheetPlanError);
    expect(() => buildWorkbook([plan])).toThrow(message);
  });

  it("accepts style-only cells inside a merge", () => {
    const p = base();
    const plan = { ...p, cells: [...p.cells, { row: 0, col: 6, style: "note" as const }] };
    const ws = buildWorkbook([plan]).worksheets[0];
    expect(ws.getCell("G1").font.italic).toBe(true);
    expect(ws.getCell("A1").font.bold).toBe(true);
  });
});

describe("writeXlsxFile: atomic write", () => {
  const { plan } = syntheticPlan();
  const bad: SheetPlan = { ...plan, merges: [...plan.merges, "A1:B1"] }; // overlaps A1:G1
  let dir: string;
  beforeEach(() => {
    dir = tmpDir("export-write-");
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const listing = (d = dir) => fs.readdirSync(d).sort();

  it("writes a readable workbook and leaves no temp file", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    const t0 = Date.now();
    expect(await writeXlsxFile([plan], out, { created: CREATED })).toBe(out);
    process.stdout.write(`writeXlsxFile took ${Date.now() - t0} ms\n`);
    expect(listing(path.dirname(out))).toEqual(["kalkyl.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Syntetisk")!.getCell("B13").result).toBe(4785);
  });

  it("replaces an existing file", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    fs.writeFileSync(out, "old");
    await writeXlsxFile([plan], out, { created: CREATED });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(listing()).toEqual(["kalkyl.xlsx"]);
  });

  it("refuses a path that is an existing directory, and leaves it alone", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    fs.mkdirSync(out);
    await expect(writeXlsxFile([plan], out)).rejects.toThrow(/en mapp; ange ett filnamn/);
    expect(fs.statSync(out).isDirectory()).toBe(true);
    expect(listing()).toEqual(["kalkyl.xlsx"]);
    expect(listing(out)).toEqual([]);
  });

  it("refuses a folder that does not exist, naming it, and creates nothing (a typo is not a new folder)", async () => {
    const out = path.join(dir, "a", "b", "kalkyl.xlsx");
    await expect(writeXlsxFile([plan], out)).rejects.toThrow(
      new OutputPathError(
        out,
        `mappen ${path.join(dir, "a", "b")} finns inte; skapa den först eller rätta sökvägen`,
      ),
    );
    expect(listing()).toEqual([]);
  });

  it("writes nothing at all for a plan the writer rejects", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    await expect(writeXlsxFile([bad], out)).rejects.toThrow(SheetPlanError);
    expect(listing()).toEqual([]);
  });

  it("keeps the old file and removes the temp file when the final rename fails", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    fs.writeFileSync(out, "old");
    const rename = jest
      .spyOn(fs.promises, "rename")
      .mockRejectedValue(Object.assign(new Error("EIO: simulated"), { code: "EIO" }));
    await expect(writeXlsxFile([plan], out)).rejects.toThrow(/simulated/);
    expect(rename).toHaveBeenCalledTimes(1);
    const tempPath = String(rename.mock.calls[0][0]);
    expect(path.dirname(tempPath)).toBe(dir); // same directory: same file system, atomic rename
    expect(fs.existsSync(tempPath)).toBe(false);
    expect(listing()).toEqual(["kalkyl.xlsx"]);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
  });

  it("removes the temp file when writing it fails half-way", async () => {
    const out = path.join(dir, "kalkyl.xlsx");
    const realOpen = fs.promises.open;
    jest
      .spyOn(fs.promises, "open")
      .mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
        const handle = await realOpen(...args);
        jest.spyOn(handle, "writeFile").mockImplementation(async () => {
          await handle.write(Buffer.from("PK\x03\x04half")); // some bytes reach the disk …
          throw Object.assign(new Error("ENOSPC: simulated disk full"), { code: "ENOSPC" }); // … then the disk is full
        });
        return handle;
      });
    await expect(writeXlsxFile([plan], out)).rejects.toThrow(/disk full/);
    expect(listing()).toEqual([]);
  });

  it("refuses a folder that is a file, naming it", async () => {
    const blocker = path.join(dir, "blocker");
    fs.writeFileSync(blocker, "x");
    await expect(writeXlsxFile([plan], path.join(blocker, "kalkyl.xlsx"))).rejects.toThrow(
      `${blocker} är ingen mapp`,
    );
    expect(listing()).toEqual(["blocker"]);
  });
});

describe("browser safety", () => {
  it("src/export/xlsx.ts and what it imports from src/ use no Node built-in module", () => {
    const { builtinModules } = require("module") as { builtinModules: string[] };
    const seen = new Set<string>();
    const external: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, "utf8");
      for (const [, spec] of source.matchAll(/^import [^;]*? from "([^"]+)";$/gms)) {
        if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), `${spec}.ts`));
        else external.push(spec);
      }
    };
    visit(path.join(__dirname, "../src/export/xlsx.ts"));
    expect(seen.size).toBeGreaterThan(1);
    expect(
      external.filter(
        (m) => builtinModules.includes(m.replace(/^node:/, "")) || m.startsWith("node:"),
      ),
    ).toEqual([]);
    expect([...new Set(external)]).toEqual(["exceljs"]);
  });
});

describe("the printed protocol's layout in the file: hidden field column, wrapped rows, checks, ISO date", () => {
  const plan: SheetPlan = {
    name: "Utskrift",
    rowCount: 4,
    colCount: 9,
    cells: [
      { row: 0, col: 0, value: "Kontroll", style: "note" },
      { row: 2, col: 1, formula: 'IF(1=1,"OK","fel")', result: "OK", style: "derived" },
      { row: 2, col: 8, value: "caseId" },
      { row: 3, col: 0, value: "En lång anteckning som ska brytas.", style: "note", wrap: true },
      { row: 3, col: 3, value: "Ränta", style: "tableHeader", align: "right" },
    ],
    merges: [],
    columnWidths: [44, 17, 17, 15, 15, 15, 15, 26, 20],
    hiddenColumns: [8],
    rowHeights: { 3: 45 },
    conditionalFormats: [{ range: "B3", formula: 'B3<>"OK"', style: "warning" }],
    print: {
      area: "A1:H4",
      orientation: "portrait",
      paperSize: "A4",
      scale: 100,
      header: "&LÅtertagande&RSkapad {skapad}",
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: {},
  };
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await toXlsxBuffer([plan], { created: CREATED });
  });

  it("hides the field-name column and sets the wrapped row's height", async () => {
    const ws = (await load(bytes)).getWorksheet(plan.name)!;
    expect(ws.getColumn(9).hidden).toBe(true);
    expect(ws.getColumn(8).hidden).toBe(false);
    expect(ws.getRow(4).height).toBe(45);
    expect(ws.getCell("A4").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("D4").alignment).toMatchObject({ horizontal: "right" });
  });

  it("stores the check's red as a conditional format: drawn only while the cell is not OK", async () => {
    const sheet = await rawXml(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(
      /<conditionalFormatting sqref="B3"><cfRule type="expression" dxfId="(\d+)" priority="1"><formula>B3&lt;&gt;&quot;OK&quot;<\/formula><\/cfRule><\/conditionalFormatting>/,
    );
    const styles = await rawXml(bytes, "xl/styles.xml");
    // The warning look (bold, #C00000) as a differential format; the cell's own style stays neutral.
    expect(styles).toMatch(
      /<dxfs count="1"><dxf><font><b\/><color rgb="FFC00000"\/><\/font><\/dxf><\/dxfs>/,
    );
    const ws = (await load(bytes)).getWorksheet(plan.name)!;
    expect(ws.getCell("B3").font?.color).toBeUndefined();
    expect(ws.getCell("B3").font?.bold).toBeUndefined();
  });

  it("prints the day the file was written in the header as ISO text, not Excel's locale date &D", () => {
    // CREATED is 2012-12-20 09:30 UTC: that calendar day in every time zone from UTC−9 to UTC+14.
    return load(bytes).then((wb) =>
      expect(wb.getWorksheet(plan.name)!.headerFooter.oddHeader).toBe(
        "&LÅtertagande&RSkapad 2012-12-20",
      ),
    );
  });
});
