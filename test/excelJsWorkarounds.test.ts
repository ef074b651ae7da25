/**
 * ExcelJS is pinned to one exact version (package.json) because the streaming writer
 * (src/export/xlsxStream.ts) relies on its internals and works around its quirks. One test per
 * workaround, each named after it: after an upgrade, the failing test says which workaround lost what
 * it relies on (a private field renamed, a quirk fixed or changed), instead of a batch that silently
 * grows in memory or writes a file Excel repairs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { PlannedCell } from "../src/sheet/types";
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
