/**
 * Contract tables as Swedish Excel saves them, given to `atertag batch` (src/cli/table.ts, csv.ts):
 * "CSV (semikolonavgränsad)" in Windows-1252 (bytes encoded by hand here), an .xlsx workbook (written
 * here with ExcelJS: numbers as numbers or Swedish text, dates as Excel dates or text, first sheet or
 * --sheet), blank and separator-only rows skipped and counted once, the same case id twice warned
 * with both rows, a file that is no table refused in one line with nothing written, and
 * readTableColumns (the small-table reader a rate table uses).
 *
 * Expected figures are the workshop's (DOMAIN.md §8): example 1 totals 77 449 kr at the notice date
 * and 77 551 kr at the repossession date; example 2 totals 93 335 and 93 529 kr.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readTableColumns, TableError } from "../src/cli/table";
import { runAtertag } from "./testkit/cli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-tables-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Text as Windows-1252 bytes, by hand: Latin-1 for å ä ö é and the no-break space, 0x96 for –. */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { "–": 0x96, "€": 0x80 };
  return Buffer.from(
    [...text].map((ch) => {
      if (ch in special) return special[ch];
      const code = ch.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not in cp1252: ${ch}`);
      return code;
    }),
  );
}

const NBSP = "\u00a0";
/** The headers and example 1 and 2 as Swedish Excel shows them (amounts grouped with a no-break space). */
const HEADER =
  "Ärende;Kontantpris;Handpenning;Nominell ränta;Antal avbetalningar;Första förfallodag;Avbetalning;" +
  "Aviavgift;Uppläggningsavgift;Restbelopp;Betalda avbetalningar;Ansökningsdag;Yrkad ränta;" +
  "Underrättelsedag;Återtagningsdag;Uppskattat värde;Gods";
const EX1 = `Övning 1;143${NBSP}750;28${NBSP}750;5,95%;72;2009-09-30;1${NBSP}903;25;495;0;31;2012-09-04;487;2012-12-15;2012-12-20;60${NBSP}000;Bil – Volvo`;
const EX2 = `Övning 2;143${NBSP}750;28${NBSP}750;5,95%;72;2009-09-30;1${NBSP}440;25;495;40${NBSP}000;31;2012-09-04;487;2012-12-15;2012-12-20;95${NBSP}000;Bil`;

function writeBytes(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

type Totals = { caseId: string; statements: { lines: { amountInclInterest: number } }[] }[];
function totals(out: string[]): [string, number[]][] {
  return (JSON.parse(out.join("\n")) as Totals).map((r) => [
    r.caseId,
    r.statements.map((s) => s.lines.amountInclInterest),
  ]);
}

describe("Windows-1252 CSV (Swedish Excel's 'CSV (semikolonavgränsad)')", () => {
  test("read as Windows-1252, said in one line; the cases compute to the workshop's totals", async () => {
    const file = writeBytes("cp1252.csv", cp1252(`${HEADER}\r\n${EX1}\r\n${EX2}\r\n`));
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(0);
    expect(r.err).toEqual([
      `Obs: ${file} är inte UTF-8 och lästes som Windows-1252 (Excels "CSV (semikolonavgränsad)")`,
    ]);
    expect(totals(r.out)).toEqual([
      ["Övning 1", [77449, 77551]],
      ["Övning 2", [93335, 93529]],
    ]);
  });

  test("the same text as UTF-8 gives the same cases and no notice", async () => {
    const file = writeBytes("utf8.csv", `${HEADER}\n${EX1}\n${EX2}\n`);
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(0);
    expect(r.err).toEqual([]);
    expect(totals(r.out).map(([id]) => id)).toEqual(["Övning 1", "Övning 2"]);
  });
});

describe("blank rows and repeated case ids", () => {
  test("rows of separators only (Excel's leftovers) are skipped and counted once", async () => {
    const file = writeBytes("blank.csv", `${HEADER}\n${EX1}\n;;;;\n\n${EX2}\n;;;;;;;;\n;;;;;;;;\n`);
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(0);
    expect(r.err).toEqual([`Obs: ${file}: 4 tomma rader hoppades över`]);
    expect(totals(r.out)).toHaveLength(2);
  });

  test("the same case id twice: warned with both row numbers, both still computed", async () => {
    const file = writeBytes("dup.csv", `${HEADER}\n${EX1}\n${EX2}\n${EX1}\n`);
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(0);
    expect(r.err).toEqual([`Varning: ${file} rad 4: ärendet "Övning 1" finns redan på rad 2`]);
    expect(totals(r.out)).toHaveLength(3);
  });
});

/** Example 1 and 2 in a worksheet: numbers as numbers, dates as Excel dates, the rate formatted %. */
async function writeWorkbook(name: string, options: { textRow?: boolean; first?: string }) {
  const book = new ExcelJS.Workbook();
  if (options.first) book.addWorksheet(options.first).addRow(["Anteckningar"]);
  const ws = book.addWorksheet("Kontrakt");
  ws.addRow(HEADER.split(";"));
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const ex1 = [
    "Övning 1",
    143750,
    28750,
    0.0595,
    72,
    date("2009-09-30"),
    1903,
    25,
    495,
    0,
    31,
    date("2012-09-04"),
    487,
    date("2012-12-15"),
    date("2012-12-20"),
    60000,
    "Bil",
  ];
  ws.addRow(ex1);
  ws.getRow(2).getCell(4).numFmt = "0.00%";
  for (const col of [6, 12, 14, 15]) ws.getRow(2).getCell(col).numFmt = "yyyy-mm-dd";
  if (options.textRow) ws.addRow(EX2.split(";")); // every cell Swedish text, as typed
  ws.addRow([]);
  ws.addRow(["", "", ""]);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe(".xlsx tables", () => {
  test("first worksheet: numbers, Excel dates and a %-formatted rate; a row of Swedish text", async () => {
    const file = await writeWorkbook("table.xlsx", { textRow: true });
    const r = await runAtertag("batch", file, "--json");
    expect(r.err).toEqual([`Obs: ${file}: 2 tomma rader hoppades över`]);
    expect(r.status).toBe(0);
    expect(totals(r.out)).toEqual([
      ["Övning 1", [77449, 77551]],
      ["Övning 2", [93335, 93529]],
    ]);
  });

  test("--sheet NAME reads that sheet; the first sheet (notes) would not be a contract table", async () => {
    const file = await writeWorkbook("two-sheets.xlsx", { first: "Anteckningar" });
    const named = await runAtertag("batch", file, "--sheet", "kontrakt", "--json");
    expect(named.status).toBe(0);
    expect(totals(named.out)).toEqual([["Övning 1", [77449, 77551]]]);
    const first = await runAtertag("batch", file, "--json");
    expect(first.status).toBe(2);
    expect(first.out).toEqual([]);
    expect(first.err).toHaveLength(1);
    expect(first.err[0]).toMatch(/^Fel: .*two-sheets\.xlsx: Rubrikraden \(rad 1\) namnger inte/);
  });

  test("--sheet naming no sheet: the sheets listed, status 2", async () => {
    const file = await writeWorkbook("sheets.xlsx", {});
    const r = await runAtertag("batch", file, "--sheet", "Blad9", "--json");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      `Fel: ${file}: Arbetsboken har inget blad "Blad9"; bladen heter "Kontrakt"`,
    ]);
  });

  test("a workbook to --out: written, the summary from the worksheet's rows", async () => {
    const file = await writeWorkbook("to-out.xlsx", { textRow: true });
    const out = path.join(dir, "sammanstallning.xlsx");
    const r = await runAtertag("batch", file, "--out", out);
    expect(r.status).toBe(0);
    expect(r.out).toEqual([`Skrev ${out}`, "2 ärenden beräknade, 0 rader kunde inte beräknas."]);
  });
});

describe("a file that is no table: one line, status 2, nothing written", () => {
  const cases: [string, Buffer | string, RegExp][] = [
    ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls\)/],
    [
      "image.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      /varken CSV/,
    ],
    ["text.xlsx", "Ärende;Kreditbelopp\nA;1\n", /heter \.xlsx men är ingen Excel-arbetsbok/],
    [
      "broken.xlsx",
      Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 1)]),
      /ingen läsbar/,
    ],
    ["notes.csv", "Datum;Anteckning\n2024-01-01;ring\n", /Rubrikraden \(rad 1\) namnger inte/],
    ["header-only.csv", `${HEADER}\n;;;\n`, /inga kontraktsrader/],
  ];
  test.each(cases)("%s", async (name, bytes, message) => {
    const file = writeBytes(name, bytes);
    const out = path.join(dir, `${name}.out.xlsx`);
    const r = await runAtertag("batch", file, "--out", out);
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(file);
    expect(r.err[0]).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("every row refused: each row's line, one line saying nothing was written, status 2", async () => {
    const bad = EX1.replace("Övning 1;", "Trasig;").replace(";31;", ";99;");
    const file = writeBytes("all-bad.csv", `${HEADER}\n${bad}\n`);
    const out = path.join(dir, "all-bad.xlsx");
    const r = await runAtertag("batch", file, "--out", out);
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(/^Fel: .*all-bad\.csv rad 2 \(Trasig\): K2: /);
    expect(r.err[1]).toBe(`Fel: ${file}: Inget ärende kunde beräknas; ingen fil skrevs`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("readTableColumns: a small table from CSV or .xlsx, matched by header", () => {
  const COLUMNS = { from: ["Från", "Från och med"], percent: ["Procent", "Referensränta"] };

  test("CSV with a decimal comma, headers in another case and order", async () => {
    const file = writeBytes(
      "rates.csv",
      "procent;FRÅN (datum)\n2,00;2027-01-01\n;\n1,75;2027-07-01\n",
    );
    const table = await readTableColumns(file, COLUMNS);
    expect(table.rows.map((row) => [row.line, row.cells.from, row.cells.percent])).toEqual([
      [2, "2027-01-01", "2,00"],
      [4, "2027-07-01", "1,75"],
    ]);
    expect(table.rows[1].addressOf("percent")).toBe("A4");
    expect(table.notices).toEqual([`Obs: ${file}: 1 tom rad hoppades över`]);
  });

  test(".xlsx: a date cell as its Excel serial number, a number as a number", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Referensräntor");
    ws.addRow(["Från", "Procent"]);
    ws.addRow([new Date("2027-01-01T00:00:00Z"), 2]);
    const file = path.join(dir, "rates.xlsx");
    await book.xlsx.writeFile(file);
    const table = await readTableColumns(file, COLUMNS);
    // 2027-01-01 is serial 46388 (1900-01-01 = 1, with Excel's phantom 1900-02-29).
    expect(table.rows.map((row) => row.cells)).toEqual([{ from: 46388, percent: 2 }]);
  });

  test("a column named by no header: refused naming its first header", async () => {
    const file = writeBytes("no-percent.csv", "Från;Ränta i kr\n2027-01-01;2\n");
    await expect(readTableColumns(file, COLUMNS)).rejects.toThrow(
      new TableError("Kolumnen Procent saknas i rubrikraden"),
    );
  });
});
