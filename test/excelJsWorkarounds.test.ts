/**
 * ExcelJS is pinned to one exact version (package.json) because both .xlsx writers work around its
 * quirks: the streaming writer (src/export/xlsxStream.ts) also relies on its internals, the in-memory
 * writer (src/export/xlsx.ts, the quirks listed in its file comment) on its behaviour. One test per
 * workaround, each named after it: after an upgrade, the failing test says which workaround lost what
 * it relies on (a private field renamed, a quirk fixed or changed), instead of a batch that silently
 * grows in memory or writes a file Excel repairs. Where it can, a test shows both the quirk in plain
 * ExcelJS and the writer handling it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { PlannedCell, SheetPlan } from "../src/sheet/types";
import { SheetPlanError, buildWorkbook, toXlsxBuffer } from "../src/export/xlsx";
import { SheetLayout, StreamingWorkbook, writeXlsxStream } from "../src/export/xlsxStream";

const LAYOUT: SheetLayout = {
  name: "Blad",
  columnWidths: [12, 12],
  merges: [],
  page: { orientation: "portrait", paperSize: "A4", scale: 85 },
};
const FRAME = {
  name: "Blad",
  rowCount: 2,
  colCount: 2,
  columnWidths: [12, 12],
  merges: [],
  print: {
    area: "A1:B2",
    orientation: "portrait" as const,
    paperSize: "A4" as const,
    scale: 85,
    header: "",
    footer: "",
    pageBreaksBefore: [],
  },
  names: {},
};
const CELLS: PlannedCell[] = [
  { row: 0, col: 0, value: "Kontrakt" },
  { row: 0, col: 1, value: 1000 },
  { row: 1, col: 0, value: "Dubbelt" },
  { row: 1, col: 1, formula: "B1*2", result: 2000 },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "exceljs-workarounds-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the streaming writer's private objects look like to this module (see xlsxStream.ts). */
interface Internals {
  zip: { append: unknown; abort: unknown };
  _worksheets: ({ _stream?: { pipes?: Writable[] } } | undefined)[];
}
const internalsOf = (book: StreamingWorkbook) => (book as unknown as { writer: Internals }).writer;

/** Streams the small sheet to a file; returns the XML of one part of the package. */
async function streamedPart(part: string): Promise<string> {
  const file = path.join(dir, `part-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeXlsxStream(file, async (book) => {
    const sheet = book.addSheet(LAYOUT);
    sheet.write(CELLS);
    sheet.finish(FRAME);
  });
  const entry = (await JSZip.loadAsync(fs.readFileSync(file))).file(part);
  if (!entry) throw new Error(`no ${part} in the streamed package`);
  return entry.async("string");
}

test("the pin: the installed ExcelJS is exactly the version package.json names, without a range", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  const pinned: string = pkg.dependencies.exceljs;
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  const installed = JSON.parse(
    fs.readFileSync(require.resolve("exceljs/package.json"), "utf8"),
  ).version;
  expect(installed).toBe(pinned);
});

test("workaround 'forget formula models' (StreamingSheet.write): the streaming worksheet still keeps every formula cell in _formulae", async () => {
  // Straight ExcelJS, no workaround: the field exists and grows with each formula written.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: fs.createWriteStream(path.join(dir, "formulae.xlsx")),
  });
  const ws = writer.addWorksheet("Blad");
  ws.getCell("A1").value = { formula: "1+1", result: 2 };
  ws.getRow(1).commit();
  const formulae = (ws as unknown as { _formulae?: Record<string, unknown> })._formulae;
  expect(formulae).toBeInstanceOf(Object);
  expect(Object.keys(formulae!)).toEqual(["A1"]);
  await writer.commit();

  // With the workaround: empty again after each write.
  await writeXlsxStream(path.join(dir, "formulae-cleared.xlsx"), async (book) => {
    const sheet = book.addSheet(LAYOUT);
    sheet.write(CELLS);
    const streamed = (sheet as unknown as { ws: { _formulae: object } }).ws;
    expect(streamed._formulae).toEqual({});
    sheet.finish(FRAME);
  });
});

test("workaround 'drain' (StreamingWorkbook.drain): the writer's _worksheets[id]._stream.pipes are the zip entry's streams, with _writableState.needDrain", async () => {
  await writeXlsxStream(path.join(dir, "drain.xlsx"), async (book) => {
    const sheet = book.addSheet(LAYOUT);
    sheet.write(CELLS);
    const entries = internalsOf(book)._worksheets.flatMap((ws) => ws?._stream?.pipes ?? []);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(typeof entry.once).toBe("function");
      const state = (entry as unknown as { _writableState?: { needDrain?: unknown } })
        ._writableState;
      expect(typeof (entry.writableNeedDrain ?? state?.needDrain)).toBe("boolean");
    }
    await book.drain();
    sheet.finish(FRAME);
  });
});

test("workaround 'fullCalcOnLoad' (askFullCalcOnLoad patches zip.append): the workbook part still passes through zip.append as text with an empty <calcPr/>", async () => {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: fs.createWriteStream(path.join(dir, "append.xlsx")),
  });
  const zip = (writer as unknown as Internals).zip as {
    append(source: unknown, data: { name: string }): unknown;
  };
  const seen: { name: string; source: unknown }[] = [];
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    seen.push({ name: data.name, source });
    return append(source, data);
  };
  writer.addWorksheet("Blad").commit();
  await writer.commit();
  const workbook = seen.find((s) => s.name === "/xl/workbook.xml");
  expect(typeof workbook?.source).toBe("string");
  expect(workbook!.source).toMatch(/<calcPr\b[^>]*\/>/);
  // And the patch lands in the file.
  expect(await streamedPart("xl/workbook.xml")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
});

test("workaround 'abort' (StreamingWorkbook.removeTemp): the writer's zip still has abort()", async () => {
  const book = await StreamingWorkbook.open(path.join(dir, "abort.xlsx"));
  expect(typeof internalsOf(book).zip.abort).toBe("function");
  await book.abort();
  expect(fs.existsSync(book.temp)).toBe(false);
});

test('workaround \'inline strings\' (texts as a one-run rich text): constant texts are written t="inlineStr", never t="str"', async () => {
  const xml = await streamedPart("xl/worksheets/sheet1.xml");
  expect(xml).toMatch(/<c r="A1"[^>]*t="inlineStr"/);
  expect(xml).toMatch(/<c r="A2"[^>]*t="inlineStr"/);
  expect(xml).not.toMatch(/t="str"/);
  expect(xml).toContain("Kontrakt");
});

test("workaround 'the page setup's fit flag when the sheet opens' (addSheet's pageSetup): the streamed sheet prints at the fixed scale, not fit to pages", async () => {
  const xml = await streamedPart("xl/worksheets/sheet1.xml");
  expect(xml).not.toMatch(/fitToPage="1"/);
  expect(xml).toMatch(/<pageSetup\b[^>]*scale="85"/);
});

describe("the in-memory writer (src/export/xlsx.ts)", () => {
  const CREATED = new Date(Date.UTC(2024, 0, 15, 9, 30));
  const MS_PER_DAY = 24 * 3600 * 1000;
  /** Excel's serial number of a calendar day (1900 date system: day 0 is 1899-12-30). */
  const serialOf = (y: number, m: number, d: number) =>
    (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;

  /** A small plan of seven columns; `over` replaces whole fields. */
  const planOf = (over: Partial<SheetPlan> = {}): SheetPlan => ({
    name: "Blad",
    rowCount: 4,
    colCount: 7,
    cells: [],
    merges: [],
    columnWidths: [12, 12, 12, 12, 12, 12, 12],
    print: { ...FRAME.print, area: "A1:G4" },
    names: {},
    ...over,
  });

  /** One part of a package, as text. */
  async function part(bytes: Uint8Array | ArrayBuffer, name: string): Promise<string> {
    const entry = (await JSZip.loadAsync(bytes)).file(name);
    if (!entry) throw new Error(`no ${name} in the package`);
    return entry.async("string");
  }
  /** A plain-ExcelJS workbook of one sheet, after `fill`, as bytes. */
  async function plainBook(
    fill: (ws: ExcelJS.Worksheet) => void,
    sheetName = "Blad",
  ): Promise<ArrayBuffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet(sheetName));
    return (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer;
  }
  /** The <v> of one cell in a sheet part's XML. */
  const cellValue = (xml: string, address: string) =>
    new RegExp(`<c r="${address}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml)?.[1];

  test("workaround 'dates as serial numbers' (PlannedCell.value, fillCell): ExcelJS writes a Date through its UTC milliseconds and reads a date-formatted number back as a UTC Date", async () => {
    const jan15 = serialOf(2024, 1, 15); // 45306
    // Plain ExcelJS: midnight of 15 January in Stockholm (UTC+1) is 23:00 UTC on the 14th, and is
    // written as that UTC moment, a serial on the 14th: a date cell would show the day before.
    const stockholmMidnight = new Date(Date.UTC(2024, 0, 14, 23, 0));
    const plain = await plainBook((ws) => {
      ws.getCell("A1").value = stockholmMidnight;
    });
    const written = Number(cellValue(await part(plain, "xl/worksheets/sheet1.xml"), "A1"));
    expect(written).toBeCloseTo(jan15 - 1 / 24, 9);
    expect(Math.floor(written)).toBe(jan15 - 1);

    // The writer: a plan holds the serial number itself, written as a plain number with a date format.
    const bytes = await toXlsxBuffer(
      [planOf({ cells: [{ row: 0, col: 0, value: jan15, numberFormat: "yyyy-mm-dd" }] })],
      { created: CREATED },
    );
    expect(await part(bytes, "xl/worksheets/sheet1.xml")).toMatch(
      new RegExp(`<c r="A1" s="\\d+"><v>${jan15}</v></c>`),
    );
    // Reading back, ExcelJS turns that number into a Date at UTC midnight of the day.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const cell = back.getWorksheet("Blad")!.getCell("A1");
    expect(cell.numFmt).toBe("yyyy-mm-dd");
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 0, 15)));
  });

  test("workaround '_xlfn. prefix' (toFileFormula): ExcelJS stores a formula as given, so a function newer than Excel 2007 lacks the _xlfn. prefix the file format needs", async () => {
    const plain = await plainBook((ws) => {
      ws.getCell("A1").value = { formula: "DAYS(B1,B2)", result: 3 };
    });
    expect(await part(plain, "xl/worksheets/sheet1.xml")).toContain("<f>DAYS(B1,B2)</f>");

    const bytes = await toXlsxBuffer(
      [planOf({ cells: [{ row: 0, col: 0, formula: "DAYS(B1,B2)", result: 3 }] })],
      { created: CREATED },
    );
    expect(await part(bytes, "xl/worksheets/sheet1.xml")).toContain(
      "<f>_xlfn.DAYS(B1,B2)</f><v>3</v>",
    );
  });

  test("workaround 'print area and titles' (applyPrint, uniqueSheetNames): ExcelJS puts $ before each half of a defined name and quotes the sheet name without doubling an apostrophe in it", async () => {
    // Plain ExcelJS, given the ranges as one would write them: "$A1:$G140" (rows left relative),
    // "$$80:$$80" (not a reference), and 'Kund's bil' where OOXML wants 'Kund''s bil'.
    const plain = await plainBook((ws) => {
      ws.pageSetup.printArea = "A1:G140";
      ws.pageSetup.printTitlesRow = "$80:$80";
    }, "Kund's bil");
    const plainXml = await part(plain, "xl/workbook.xml");
    expect(plainXml).toContain("&apos;Kund&apos;s bil&apos;!$A1:$G140</definedName>");
    expect(plainXml).toContain("&apos;Kund&apos;s bil&apos;!$$80:$$80</definedName>");

    // The writer: absolute references, and the apostrophe turned into "’".
    const print = { ...FRAME.print, area: "A1:G140", titleRows: "$80:$80", titleColumns: "$A:$A" };
    const bytes = await toXlsxBuffer([planOf({ name: "Kund's bil", rowCount: 140, print })], {
      created: CREATED,
    });
    const xml = await part(bytes, "xl/workbook.xml");
    const sheet = "&apos;Kund’s bil&apos;";
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">${sheet}!$A$1:$G$140</definedName>`,
    );
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">${sheet}!$A:$A,${sheet}!$80:$80</definedName>`,
    );
  });

  test("workaround 'styles and values in merges' (writeSheet): ExcelJS's merge shares the top-left cell's style object by reference and sends a value in the merge to the top-left cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad");
    ws.mergeCells("A1:C1");
    expect(ws.getCell("B1").style).toBe(ws.getCell("A1").style);
    ws.getCell("A1").font = { italic: true };
    expect(ws.getCell("C1").font).toEqual({ italic: true }); // restyled through the shared object
    ws.getCell("B1").value = "Rubrik";
    expect(ws.getCell("A1").value).toBe("Rubrik");

    // The writer: every cell of the merge has a style object of its own …
    const merged = planOf({
      merges: ["A1:C1"],
      cells: [
        { row: 0, col: 0, value: "Rubrik", style: "section" },
        { row: 0, col: 1, style: "note" },
      ],
    });
    const sheet = buildWorkbook([merged], { created: CREATED }).getWorksheet("Blad")!;
    const styles = ["A1", "B1", "C1"].map((a) => sheet.getCell(a).style);
    expect(new Set(styles).size).toBe(3);
    // … and a value planned inside the merge is refused, not moved to its top-left cell.
    const inside = { ...merged, cells: [...merged.cells, { row: 0, col: 2, value: "x" }] };
    expect(() => buildWorkbook([inside], { created: CREATED })).toThrow(SheetPlanError);
    expect(() => buildWorkbook([inside], { created: CREATED })).toThrow(
      /C1: holds content inside a merged range/,
    );
  });

  test("workaround 'page break bounds' (applyPrint): Row.addPageBreak() without arguments writes max=\"16838\", not the last column 16383", async () => {
    const plain = await plainBook((ws) => ws.getRow(3).addPageBreak());
    expect(await part(plain, "xl/worksheets/sheet1.xml")).toContain(
      '<brk id="3" max="16838" man="1"/>',
    );

    // The writer: a break before row 4 sits on row 3 and spans columns A…XFD (0-based max 16383).
    const print = { ...FRAME.print, area: "A1:G4", pageBreaksBefore: [4] };
    const bytes = await toXlsxBuffer([planOf({ print })], { created: CREATED });
    expect(await part(bytes, "xl/worksheets/sheet1.xml")).toContain(
      '<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks>',
    );
  });

  test("workaround 'non-finite numbers' (fillCell): ExcelJS writes NaN and Infinity as the text of a number, which no spreadsheet reads", async () => {
    const plain = await plainBook((ws) => {
      ws.getCell("A1").value = NaN;
      ws.getCell("A2").value = { formula: "1/0", result: Infinity };
    });
    const xml = await part(plain, "xl/worksheets/sheet1.xml");
    expect(cellValue(xml, "A1")).toBe("NaN");
    expect(cellValue(xml, "A2")).toBe("Infinity");

    // The writer refuses them, naming the cell.
    const write = (cell: PlannedCell) => () =>
      buildWorkbook([planOf({ cells: [cell] })], { created: CREATED });
    expect(write({ row: 1, col: 2, value: NaN })).toThrow(/C2: the value is NaN/);
    expect(write({ row: 1, col: 2, formula: "1/0", result: Infinity })).toThrow(
      /C2: the cached result is Infinity/,
    );
  });
});
