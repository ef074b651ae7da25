/**
 * The batch's summary sheet's live formulas recalculated by LibreOffice, with and without
 * calculation sheets (integration: needs soffice).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { calculate, parseContract } from "../src/engine";
import { planBatchWorkbook } from "../src/sheet/batch";
import { columnLetter } from "../src/sheet/grid";
import { SheetPlan } from "../src/sheet/types";
import {
  describeWithSoffice,
  recalculatedPlans,
  toExcelSerial,
  withoutCachedResults,
} from "./support/libreoffice";

const example = (n: number) =>
  calculate(
    parseContract(
      JSON.parse(
        fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
      ),
    ),
  );

/** The value of a cell in a recalculated workbook (dates as serial numbers). */
async function recalculated(plans: SheetPlan[], dir: string) {
  const book = await recalculatedPlans(plans, path.join(dir, "batch.xlsx"));
  return async (sheet: string) => (a1: string) => toExcelSerial(book.at(sheet, a1));
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
  const blank = (plans: SheetPlan[]) => plans.map((plan) => withoutCachedResults(plan));

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
