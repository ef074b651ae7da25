/**
 * The streaming batch (src/cli/batch.ts, src/export/xlsxStream.ts, SummaryRows): the CSV read in
 * chunks of any size, `--json` streamed byte for byte as `calc --json` prints it, the progress report
 * on stderr only, no half-written file after a failure, the `--sheets` limit (the streamed summary
 * recalculated by LibreOffice: test/batchStream.libreoffice.test.ts). Sizes stay small; the 20 000-contract
 * run is in the benchmark (`npm run bench`).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { CalculationReport, calculate, parseContract } from "../src/engine";
import { BATCH_MESSAGES, JsonArrayPrinter, SHEETS_LIMIT } from "../src/cli/batch";
import { openCsv, parseCsv, scanCsv } from "../src/cli/csv";
import { buildWorkbook } from "../src/export/xlsx";
import { writeXlsxStream } from "../src/export/xlsxStream";
import { planBatchWorkbook } from "../src/sheet/batch";
import { SummaryRows } from "../src/sheet/summary";
import { RESULT_COLUMNS } from "../src/sheet/summaryColumns";
import { EXAMPLE_1_FILE, EXAMPLE_2_FILE, exampleRow, scratchFolder } from "./testkit/fixtures";
import { contractsCsv as writeContractsCsv, runAtertagWith, variedContracts } from "./testkit/cli";

const FIXTURE = path.join(__dirname, "fixtures", "batch.csv");

const scratch = scratchFolder("atertag-stream-");
afterEach(() => jest.restoreAllMocks());

const run = runAtertagWith;
const contractsCsv = (name: string, rows: Record<string, unknown>[]) =>
  writeContractsCsv(scratch(), name, rows);

describe("CSV read in chunks", () => {
  // Every tricky spot of RFC 4180 and the reader's own rules, so some chunk boundary falls inside each.
  const text =
    '\uFEFFa;b;c\r\n"x;y";"sa ""hej""";3\r\n\r\n"rad1\r\nrad2";2;""\n' + 'z;"""";\r' + "sista;1;2";
  const expected = [
    { line: 2, cells: ["x;y", 'sa "hej"', "3"] },
    { line: 4, cells: ["rad1\r\nrad2", "2", ""] },
    { line: 6, cells: ["z", '"', ""] },
    { line: 7, cells: ["sista", "1", "2"] },
  ];

  test("one piece: the records written out by hand", () => {
    const table = parseCsv(text);
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["a", "b", "c"]);
    expect(table.rows).toEqual(expected);
  });

  test("read from a file (scanned, then streamed through csv-parse): the same records", async () => {
    const file = path.join(scratch(), "tricky.csv");
    fs.writeFileSync(file, text, "utf8");
    const scan = await scanCsv(file);
    expect(scan).toEqual({
      encoding: "utf-8",
      delimiter: ";",
      header: ["a", "b", "c"],
      headerLine: 1,
      rows: 4,
      blank: 1,
    });
    const csv = await openCsv(file, scan.encoding);
    expect(csv.delimiter).toBe(";");
    expect(csv.header).toEqual(["a", "b", "c"]);
    const records = [];
    for await (const record of csv.rows) records.push(record);
    expect(records).toEqual(expected);
  });
});

describe("JSON array printed element by element", () => {
  const report = (n: number) => ({ caseId: `Mål ${n}`, lines: { a: n, b: [n, "x\ny"] } });
  test.each([0, 1, 3])("%i elements: exactly JSON.stringify(array, null, 2)", (count) => {
    const lines: string[] = [];
    const printer = new JsonArrayPrinter((t) => lines.push(t));
    const values = Array.from({ length: count }, (_, i) => report(i));
    for (const v of values) printer.add(v as unknown as CalculationReport);
    printer.end();
    expect(lines.join("\n")).toBe(JSON.stringify(values, null, 2));
  });

  test("batch --json prints what calc --json prints for the same contracts, byte for byte", async () => {
    const calc = await run(["calc", EXAMPLE_1_FILE, EXAMPLE_2_FILE, "--json"]);
    const batch = await run(["batch", FIXTURE, "--json"]);
    expect(batch.out.join("\n")).toBe(calc.out.join("\n"));
    expect(JSON.parse(batch.out.join("\n"))[0].statements[0].lines.amountInclInterest).toBe(77449);
  });
});

describe("progress on stderr", () => {
  /** A clock that moves `step` ms each time it is read. */
  const clock = (step: number) => {
    let t = 0;
    return () => (t += step);
  };

  test("not a terminal: plain lines every few seconds, on stderr only; stdout is the JSON alone", async () => {
    const file = contractsCsv("progress.csv", variedContracts(4));
    const result = await run(["batch", file, "--json"], { now: clock(6000) });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.out.join("\n"))).toHaveLength(4);
    // Each row takes one 6 s tick of the clock: 4 rows, 4 lines, then the closing line.
    expect(result.err).toEqual([
      "1 av 4 ärenden (25 %), 0 per sekund, cirka 0:18 kvar",
      "2 av 4 ärenden (50 %), 0 per sekund, cirka 0:12 kvar",
      "3 av 4 ärenden (75 %), 0 per sekund, cirka 0:06 kvar",
      "4 av 4 ärenden (100 %), 0 per sekund, cirka 0:00 kvar",
      "4 av 4 ärenden på 0:30 (0/s)",
    ]);
  });

  test("a terminal: a bar redrawn in place, replaced at the end by one line", async () => {
    const file = contractsCsv("progress-tty.csv", variedContracts(2));
    const written: string[] = [];
    const result = await run(["batch", file, "--json"], {
      now: clock(500),
      progress: { isTTY: true, write: (t) => written.push(t), columns: 80 },
    });
    expect(result.err).toEqual([]);
    expect(JSON.parse(result.out.join("\n"))).toHaveLength(2);
    // 1 of 2 after 0.5 s (the constructor read the clock once): 2/s, half a second left (0:01).
    expect(written[0]).toBe(
      `\r[${"█".repeat(15)}${"░".repeat(15)}] 1/2 ärenden · 2/s · 0:01 kvar\x1b[K`,
    );
    expect(written[written.length - 1]).toBe("\r2 av 2 ärenden på 0:02 (1/s)\x1b[K\n");
    expect(written.every((t) => t.startsWith("\r"))).toBe(true);
  });

  test("a short run on a plain stderr prints no progress at all", async () => {
    const result = await run(["batch", FIXTURE, "--json"]);
    expect(result.err).toEqual([expect.stringContaining("rad 4 (Trasig): O4:")]);
  });
});

describe("no half-written file", () => {
  test("a writer that fails half-way leaves the previous workbook as it was and no temporary file", async () => {
    const sub = fs.mkdtempSync(path.join(scratch(), "fail-"));
    const target = path.join(sub, "ut.xlsx");
    fs.writeFileSync(target, "den gamla arbetsboken");
    const rows = new SummaryRows({ sheets: false, referenceRowCount: 40 });
    const calc = calculate(parseContract(exampleRow(1)));
    await expect(
      writeXlsxStream(target, async (book) => {
        const sheet = book.addSheet(rows.layout());
        sheet.write(rows.head());
        for (let i = 0; i < 200; i++) {
          sheet.write(rows.row(calc));
          if (i % 50 === 0) await book.drain();
        }
        throw new Error("injected failure after 200 rows");
      }),
    ).rejects.toThrow("injected failure after 200 rows");
    expect(fs.readdirSync(sub)).toEqual(["ut.xlsx"]);
    expect(fs.readFileSync(target, "utf8")).toBe("den gamla arbetsboken");
  });

  test("atertag batch failing on its third case: nothing at --out, no temporary file", async () => {
    const sub = fs.mkdtempSync(path.join(scratch(), "cli-fail-"));
    const file = contractsCsv("fail.csv", variedContracts(5));
    const target = path.join(sub, "ut.xlsx");
    const original = SummaryRows.prototype.row;
    let calls = 0;
    jest.spyOn(SummaryRows.prototype, "row").mockImplementation(function (this: SummaryRows, c) {
      if (++calls === 3) throw new Error("injected failure on the third case");
      return original.call(this, c);
    });
    await expect(run(["batch", file, "--out", target])).rejects.toThrow("third case");
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  test("a successful run leaves exactly the target", async () => {
    const sub = fs.mkdtempSync(path.join(scratch(), "ok-"));
    const target = path.join(sub, "ut.xlsx");
    const result = await run(["batch", FIXTURE, "--out", target]);
    expect(result.status).toBe(3);
    expect(result.out).toEqual([`Skrev ${target}`, BATCH_MESSAGES.done(2, 1)]);
    expect(fs.readdirSync(sub)).toEqual(["ut.xlsx"]);
  });
});

describe("--sheets limit", () => {
  test(`more than ${SHEETS_LIMIT} rows with --sheets: refused before any work, with the reason and the way out`, async () => {
    const header = fs.readFileSync(FIXTURE, "utf8").split("\n")[0];
    const row = fs.readFileSync(FIXTURE, "utf8").split("\n")[1];
    const file = path.join(scratch(), "many.csv");
    fs.writeFileSync(file, [header, ...Array(SHEETS_LIMIT + 1).fill(row)].join("\n"));
    const target = path.join(scratch(), "many.xlsx");
    const result = await run(["batch", file, "--out", target, "--sheets"]);
    expect(result.status).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain("högst 500 ärenden");
    expect(result.err[0]).toContain("501 rader");
    expect(result.err[0]).toContain("Kör utan --sheets");
    expect(fs.existsSync(target)).toBe(false);
  });
});

/** Every cell of a sheet: formula (or null), cached value or constant, number format; text flattened. */
async function sheetCells(file: string, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { richText?: { text: string }[] } | null;
      const value =
        cell.type === ExcelJS.ValueType.Formula
          ? [cell.formula, cell.result]
          : v && typeof v === "object" && v.richText
            ? v.richText.map((t) => t.text).join("")
            : v;
      cells[cell.address] = [value, cell.numFmt ?? null, cell.font?.bold ?? false];
    }),
  );
  const { printArea, printTitlesColumn, printTitlesRow, pageOrder, scale } = ws.pageSetup;
  const print = { printArea, printTitlesColumn, printTitlesRow, pageOrder, scale };
  return { cells, print, merges: ws.model.merges as string[] };
}

describe("the streamed summary", () => {
  test("holds the same cells, formats, merges and print set-up as the in-memory workbook", async () => {
    const target = path.join(scratch(), "streamed.xlsx");
    await run(["batch", FIXTURE, "--out", target]);
    const table = parseCsv(fs.readFileSync(FIXTURE, "utf8"));
    const { calculateRows } = await import("../src/sheet/batch");
    const { columnLetter } = await import("../src/sheet/grid");
    const result = calculateRows(
      table.header,
      table.rows.map(({ line, cells }) => ({
        where: `rad ${line}`,
        values: cells,
        addressOf: (col: number) => `${columnLetter(col)}${line}`,
      })),
    );
    const memory = path.join(scratch(), "memory.xlsx");
    await buildWorkbook(planBatchWorkbook(result, { sheets: false })).xlsx.writeFile(memory);
    for (const sheet of ["Sammanställning", "Referensräntor"]) {
      const [a, b] = await Promise.all([sheetCells(target, sheet), sheetCells(memory, sheet)]);
      expect(Object.keys(a.cells).length).toBeGreaterThan(sheet === "Sammanställning" ? 150 : 60);
      expect(a).toEqual(b);
    }
    // The cached results are the engine's: example 2's amount at repossession, in the first data row + 1.
    const summary = await sheetCells(target, "Sammanställning");
    // Readable on paper: 11-pt text at 85 % (9.35 pt) over two landscape pages, the case ids (column
    // A) on both, a band of rows across before the next. The note spans only the columns that fit
    // the first page: A4 landscape less 0.5" margins is 769.9 pt, a character at most 7 pt at 100 %.
    expect(summary.print).toMatchObject({
      scale: 85,
      printTitlesColumn: "A:A",
      pageOrder: "overThenDown",
    });
    const room = 769.9 / 0.85 / 7;
    let used = 0;
    const onFirstPage = RESULT_COLUMNS.filter((col) => (used += col.width) <= room).length;
    expect(onFirstPage).toBeLessThan(RESULT_COLUMNS.length);
    expect(summary.merges).toContain(`A2:${String.fromCharCode(64 + onFirstPage)}2`);
    expect(Object.values(summary.cells).some((c) => JSON.stringify(c).includes("93529"))).toBe(
      true,
    );
  });
});
