/**
 * The batch summary's outcome sentence groups thousands like its figures (issue 19 point 3): "…innan
 * godset tas: 15 809 kr", not "15809 kr". The sentence is a formula (wholeKronorTextFormula) that
 * must not depend on the calculating Excel's language, so it is checked as LibreOffice computes it
 * from scratch (fresh profile, recalculation on load, no cached result in the file), in an English
 * locale where TEXT's and FIXED's own grouping would print "15,809".
 *
 * Needs `soffice`: skips with one line where missing, mandatory when CI=true.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OUTCOME_TEXT, calculate, parseContract } from "../src/engine";
import { writeXlsxFile } from "../src/export/writeFile";
import { planBatchWorkbook } from "../src/sheet/batch";
import { address } from "../src/sheet/grid";
import { RESULT_COLUMNS } from "../src/sheet/summaryColumns";
import { describeWithSoffice, readCellValues, recalculateXlsx } from "./support/libreoffice";

const example2 = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "examples", "worked-example-2.json"), "utf8"),
);

/**
 * Worked example 2 owes 93 529 kr at the repossession date (conventions §8); a value of the goods
 * above that leaves the difference the creditor pays. Each row: the value, the sentence's amount
 * written by hand.
 */
const CASES: [value: number, amount: string, scenario: string][] = [
  [95_000, "1 471", "the worked example: 95 000 − 93 529"],
  [109_338, "15 809", "the issue's figure: two groups"],
  [94_529, "1 000", "a group of zeros after the first"],
  [1_093_529, "1 000 000", "a million: three groups, both padded"],
  [2_000_000, "1 906 471", "three groups"],
  [93_529.5, "1", "half a krona rounds away from zero (conventions §7)"],
];

const describeSoffice = describeWithSoffice();

describeSoffice("the summary's outcome sentence, recalculated by LibreOffice", () => {
  test("every sentence groups thousands with a space, as the engine writes them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "summary-sentence-"));
    try {
      const calculations = CASES.map(([value], i) =>
        calculate(parseContract({ ...example2, caseId: `Fall ${i + 1}`, estimatedValue: value })),
      );
      const [summary, ...rest] = planBatchWorkbook(
        { calculations, refused: [] },
        { sheets: false },
      );
      const blank = {
        ...summary,
        cells: summary.cells.map((c) => (c.formula ? { ...c, result: undefined } : c)),
      };
      // The engine's own sentence, cached in the plan: the same text before any recalculation.
      const outcomeCol = RESULT_COLUMNS.findIndex((col) => col.key === "outcome");
      const firstRow = Number(summary.names.firstRow) - 1;
      const cached = CASES.map((_, i) =>
        summary.cells.find((c) => c.row === firstRow + i && c.col === outcomeCol)!,
      );
      const expected = CASES.map(([, amount]) => `${OUTCOME_TEXT.payDifference} ${amount} kr`);
      expect(cached.map((c) => c.result)).toEqual(expected);

      const file = path.join(dir, "summary.xlsx");
      await writeXlsxFile([blank, ...rest], file);
      const values = await readCellValues(await recalculateXlsx(file), summary.name);
      const computed = CASES.map((_, i) => values.get(address(firstRow + i, outcomeCol)));
      expect(computed).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
