/**
 * A whole contract table at once: CSV reading, per-row refusal, the summary sheet's live formulas
 * (recalculated by LibreOffice, with and without calculation sheets), and the batch command.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { calculate, parseContract } from "../src/engine";
import { CsvError, parseCsv } from "../src/cli/csv";
import { runCli, PARTIAL_STATUS } from "../src/cli/cli";
import { writeXlsxFile } from "../src/export/writeFile";
import { calculateRows, planBatchWorkbook } from "../src/sheet/batch";
import { columnLetter } from "../src/sheet/grid";
import { SheetPlan } from "../src/sheet/types";
import {
  describeWithSoffice,
  readCellValues,
  recalculateXlsx,
  toExcelSerial,
} from "./support/libreoffice";

const FIXTURE = path.join(__dirname, "fixtures", "batch.csv");
const example = (n: number) =>
  calculate(
    parseContract(
      JSON.parse(
        fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
      ),
    ),
  );

function rowsOf(file: string) {
  const table = parseCsv(fs.readFileSync(file, "utf8"));
  return {
    header: table.header,
    rows: table.rows.map(({ line, cells }) => ({
      where: `rad ${line}`,
      values: cells,
      addressOf: (col: number) => `${columnLetter(col)}${line}`,
    })),
  };
}

describe("CSV", () => {
  test.each([
    ["semicolons", "a;b\n1;2\n", ";", [["1", "2"]]],
    ["commas", "a,b\r\n1,2\r\n", ",", [["1", "2"]]],
    ["tabs", "a\tb\n1\t2", "\t", [["1", "2"]]],
    ["quoted delimiter and doubled quote", 'a;b\n"x;y";"sa ""hej"""\n', ";", [["x;y", 'sa "hej"']]],
    ["quoted newline", 'a,b\n"rad1\nrad2",2\n', ",", [["rad1\nrad2", "2"]]],
    ["BOM and blank lines", "\uFEFFa;b\n\n1;2\n\n", ";", [["1", "2"]]],
    ["decimal commas under semicolons", "rate;x\n0,0595;1\n", ";", [["0,0595", "1"]]],
  ])("%s", (_name, text, delimiter, rows) => {
    const table = parseCsv(text);
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });

  test("line numbers count the header and quoted newlines", () => {
    const table = parseCsv('a,b\n"x\ny",1\n\nz,2\n');
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  test("an unterminated quote names its line", () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(
      new CsvError("Rad 2: ett citattecken stängs aldrig"),
    );
  });

  test("an empty file is refused", () => {
    expect(() => parseCsv("\n\n")).toThrow(CsvError);
  });
});

describe("calculateRows", () => {
  const { header, rows } = rowsOf(FIXTURE);
  const result = calculateRows(header, rows);

  test("good rows go through with the worked examples' figures", () => {
    expect(result.calculations.map((c) => c.contract.caseId)).toEqual(["Övning 1", "Övning 2"]);
    const totals = result.calculations.map((c) =>
      c.statements.map((s) => s.lines.amountInclInterest.toNumber()),
    );
    expect(totals).toEqual([
      [77449, 77551],
      [93335, 93529],
    ]);
  });

  test("a bad row is listed with its line, case id, cell and reason", () => {
    expect(result.refused).toEqual([
      { where: "rad 4", caseId: "Trasig", reason: expect.stringMatching(/^O4: .*99.*72/) },
    ]);
  });
});

/** The value of a named figure in a recalculated workbook. */
async function recalculated(plans: SheetPlan[], dir: string) {
  const file = path.join(dir, "batch.xlsx");
  await writeXlsxFile(plans, file);
  const recalc = await recalculateXlsx(file);
  return async (sheet: string) => {
    const values = await readCellValues(recalc, sheet);
    return (a1: string) => toExcelSerial(values.get(a1));
  };
}

const describeSoffice = describeWithSoffice();

describeSoffice("summary sheet recalculated by LibreOffice", () => {
  const calcs = [example(1), example(2)];
  const expected = calcs.map((c) => ({
    notice: c.statements[0].lines.amountInclInterest.toNumber(),
    repossession: c.statements[1].lines.amountInclInterest.toNumber(),
    rule78: c.statements[1].reductionRule78.toNumber(),
    actual: c.statements[1].actual.reduction.toNumber(),
    surplus: c.statements[1].surplus!.toNumber(),
  }));

  /** Strips every cached result so only LibreOffice's own evaluation can produce a value. */
  const blank = (plans: SheetPlan[]) =>
    plans.map((plan) => ({
      ...plan,
      cells: plan.cells.map((cell) => (cell.formula ? { ...cell, result: undefined } : cell)),
    }));

  test.each([
    ["summary only (formulas over each row's inputs)", false],
    ["with calculation sheets (formulas refer to them)", true],
  ])("%s: every case's figures equal the engine's", async (_name, sheets) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-"));
    const plans = planBatchWorkbook({ calculations: calcs, refused: [] }, { sheets });
    const summary = plans[0];
    const read = await (await recalculated(blank(plans), dir))(summary.name);
    const header = summary.cells.filter(
      (c) => c.style === "tableHeader" && c.row === Number(summary.names.firstRow) - 2,
    );
    const col = (title: string) => columnLetter(header.find((c) => c.value === title)!.col);
    calcs.forEach((_, i) => {
      const row = Number(summary.names.firstRow) + i;
      const at = (title: string) => read(`${col(title)}${row}`) as number;
      expect(at("Att betala inkl. ränta, underrättelse")).toBe(expected[i].notice);
      expect(at("Att betala inkl. ränta, återtagning")).toBe(expected[i].repossession);
      expect(at("R 78-regeln, återtagning")).toBeCloseTo(expected[i].rule78, 6);
      expect(at("R faktisk, återtagning")).toBeCloseTo(expected[i].actual, 6);
      expect(at("Överskott")).toBe(expected[i].surplus);
      expect(at("t vid återtagning")).toBe(32);
    });
    expect(read(`${col("Utfall")}${Number(summary.names.firstRow) + 1}`)).toBe(
      "Värdet överstiger skulden: sökanden ska betala mellanskillnaden innan godset tas: 1 471 kr",
    );
  });

  test("a half-year the user types under the rate table by hand is used by the summary", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-added-"));
    const plans = planBatchWorkbook({ calculations: calcs, refused: [] }, { sheets: false });
    const [summary, rates] = [plans[0], plans[plans.length - 1]];
    const header = summary.cells.filter(
      (c) => c.style === "tableHeader" && c.row === Number(summary.names.firstRow) - 2,
    );
    const colOf = (title: string) => header.find((c) => c.value === title)!.col;
    const row = Number(summary.names.firstRow) - 1;
    // Repossession 2026-08-31 for the first case; interest from 2026-07-01 (notice date left as is
    // would then precede it, so the notice date moves too).
    const edits = new Map<number, number>([
      [colOf("Återtagningsdag"), 46265], // 2026-08-31
      [colOf("Underrättelsedag"), 46265],
      [colOf("Ränta från"), 46204], // 2026-07-01
    ]);
    const editedSummary = {
      ...summary,
      cells: summary.cells.map((c) =>
        c.row === row && edits.has(c.col) ? { ...c, value: edits.get(c.col) } : c,
      ),
    };
    // The user's new row: only the date and the percent, typed under the last rate.
    const lastRateRow = Math.max(
      ...rates.cells.filter((c) => c.col === 0 && typeof c.value === "number").map((c) => c.row),
    );
    const editedRates = {
      ...rates,
      rowCount: rates.rowCount + 1,
      cells: [
        ...rates.cells,
        { row: lastRateRow + 1, col: 0, value: 46204, numberFormat: "yyyy-mm-dd" },
        { row: lastRateRow + 1, col: 1, value: 1.75 },
      ],
    };
    const read = await (
      await recalculated(blank([editedSummary, ...plans.slice(1, -1), editedRates]), dir)
    )(summary.name);
    const interestCol = colOf("dröjsmålsränta (återtagning)");
    // 79 048 kr at 1.75 + 8 = 9.75 % for the 62 days 2026-07-01 … 2026-08-31.
    expect(read(`${columnLetter(interestCol)}${row + 1}`) as number).toBeCloseTo(
      (79048 * 9.75 * 62) / 100 / 365,
      6,
    );
  });

  test("a date past the reference-rate table gives #N/A, not a guess", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-na-"));
    const plans = planBatchWorkbook({ calculations: calcs, refused: [] }, { sheets: false });
    const summary = plans[0];
    // Move the first case's repossession date into 2026-H2, which the table does not have.
    const header = summary.cells.filter(
      (c) => c.style === "tableHeader" && c.row === Number(summary.names.firstRow) - 2,
    );
    const dateCol = header.find((c) => c.value === "Återtagningsdag")!.col;
    const row = Number(summary.names.firstRow) - 1;
    const edited = {
      ...summary,
      cells: summary.cells.map((c) =>
        c.row === row && c.col === dateCol ? { ...c, value: 46235 } : c,
      ),
    }; // 2026-07-31
    const read = await (await recalculated(blank([edited, ...plans.slice(1)]), dir))(summary.name);
    const interestCol = header.find((c) => c.value === "dröjsmålsränta (återtagning)")!.col;
    expect(read(`${columnLetter(interestCol)}${row + 1}`)).toEqual({ error: "#N/A" });
  });
});

describe("atertag batch", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  test("--json prints the calc --json array for the good rows; refused rows on stderr, status 3", async () => {
    const { out, err, io: cli } = io();
    const status = await runCli(["batch", FIXTURE, "--json"], cli);
    expect(status).toBe(PARTIAL_STATUS);
    const reports = JSON.parse(out.join("\n"));
    expect(reports.map((r: { caseId: string }) => r.caseId)).toEqual(["Övning 1", "Övning 2"]);
    expect(reports[1].statements[1].lines.amountInclInterest).toBe(93529);
    expect(err).toEqual([expect.stringContaining("rad 4 (Trasig): O4:")]);
  });

  test("--out writes a workbook with the summary, one sheet per case with --sheets, and the rate table", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-cli-"));
    const target = path.join(dir, "ut.xlsx");
    const { io: cli } = io();
    await runCli(["batch", FIXTURE, "--out", target, "--sheets"], cli);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Sammanställning",
      "Övning 1",
      "Övning 2",
      "Referensräntor",
    ]);
    const link = wb.getWorksheet("Sammanställning")!.getCell("A5").value as {
      text: string;
      hyperlink: string;
    };
    expect(link).toEqual({ text: "Övning 1", hyperlink: "#'Övning 1'!A1" });
    expect(fs.readdirSync(dir)).toEqual(["ut.xlsx"]);
  });

  test("without --out or --json: usage error, status 2", async () => {
    const { err, io: cli } = io();
    expect(await runCli(["batch", FIXTURE], cli)).toBe(2);
    expect(err[0]).toMatch(/^Fel: Ange --out/);
  });
});
