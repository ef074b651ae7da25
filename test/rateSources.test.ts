/**
 * Honest sources on paper (issue 18): the printed Referensräntor sheet says per row where the figure
 * comes from (the data file's `confirmed`, or the user with where they gave it), the case sheet says it
 * beside the rates it used, and a contract the law table may not cover (dated from 2026-11-20, the
 * proposed new consumer credit act) gets a red warning on the sheet, never a silent 2010:1846.
 */
import {
  BUILT_IN_RATES,
  LAW_TABLE_COVERS_BEFORE,
  ReferenceRateTable,
  calculate,
  formatIsoDate,
  parseContract,
} from "../src/engine";
import rateData from "../src/engine/data/reference-rates.json";
import { planReferenceSheet } from "../src/sheet/referenceSheet";
import { planSheet } from "../src/sheet/plan";
import { planCaseWorkbook } from "../src/sheet/caseWorkbook";
import type { SheetPlan } from "../src/sheet/types";
import example1 from "../examples/worked-example-1.json";

const CONFIRMED = "Riksbankens besked (bekräftad)";
const UNCONFIRMED = "Sekundär källa, ännu inte bekräftad mot Riksbankens besked";

const cell = (plan: SheetPlan, row: number, col: number) =>
  plan.cells.find((c) => c.row === row && c.col === col);

describe("the Referensräntor sheet's source column", () => {
  test("each built-in row says whether it is confirmed against the Riksbank's notice", () => {
    const plan = planReferenceSheet(BUILT_IN_RATES);
    rateData.rates.forEach((entry, i) => {
      expect([entry.from, cell(plan, i + 1, 3)?.value]).toEqual([
        entry.from,
        entry.confirmed ? CONFIRMED : UNCONFIRMED,
      ]);
    });
    // Every row whose source is a secondary table is marked as not confirmed.
    const secondary = rateData.rates.filter((e) => /secondary table/.test(e.source));
    expect(secondary.length).toBeGreaterThanOrEqual(9);
    for (const entry of secondary) expect(entry.confirmed).toBe(false);
  });

  test("2025-01-01 is 3,00 %, with the reason in the data file (2,75 % in force on 2024-12-31)", () => {
    const entry = rateData.rates.find((e) => e.from === "2025-01-01") as {
      percent: string;
      note?: string;
    };
    expect(entry.percent).toBe("3.00");
    expect(entry.note).toMatch(/2024-12-19/);
    expect(entry.note).toMatch(/2025-01-08/);
    expect(entry.note).toMatch(/2\.75/);
  });

  test("a user's row says so and where it was given; a restated built-in figure keeps its source", () => {
    const table = ReferenceRateTable.withEntries([
      { from: "2026-07-01", percent: "1,75", where: "räntor.csv rad 2" },
      { from: "2012-07-01", percent: "1.50", where: "räntor.csv rad 3" },
      { from: "2026-01-01", percent: "2.25", where: "räntor.csv rad 4" },
    ]);
    const plan = planReferenceSheet(table);
    const rowOf = (iso: string) =>
      table.entries().findIndex((e) => formatIsoDate(e.from) === iso) + 1;
    expect(cell(plan, rowOf("2026-07-01"), 3)?.value).toBe(
      "Tillagd av användaren (räntor.csv rad 2)",
    );
    expect(cell(plan, rowOf("2012-07-01"), 3)?.value).toBe(CONFIRMED);
    expect(cell(plan, rowOf("2026-01-01"), 1)?.value).toBe(2.25);
    expect(cell(plan, rowOf("2026-01-01"), 3)?.value).toBe(
      "Tillagd av användaren (räntor.csv rad 4)",
    );
  });

  test("the case sheet names the source beside each rate it used", () => {
    const plan = planSheet(calculate(parseContract(example1)));
    const header = plan.cells.find((c) => c.value === "Källa" && c.style === "tableHeader")!;
    // Example 1's interest window 2012-09-05 … 2012-12-20 lies in one half-year, 2012-07-01 (1,50 %).
    expect(cell(plan, header.row + 1, 1)?.value).toBe(1.5);
    expect(cell(plan, header.row + 1, 2)?.value).toBe(CONFIRMED);
  });

  test("a case workbook written as a file carries the Referensräntor sheet only with the user's rows", () => {
    const built = calculate(parseContract(example1));
    expect(planCaseWorkbook(built, { letters: false, rateSheet: true }).map((p) => p.name)).toEqual(
      ["Övning 1"],
    );
    const table = ReferenceRateTable.withEntries([{ from: "2026-07-01", percent: "1.75" }]);
    const own = calculate(parseContract(example1), { referenceRates: table });
    expect(planCaseWorkbook(own, { letters: false, rateSheet: true }).map((p) => p.name)).toEqual([
      "Övning 1",
      "Referensräntor",
    ]);
    // Writing into the user's open workbook (Excel) never adds a second rate sheet.
    expect(planCaseWorkbook(own, { letters: false }).map((p) => p.name)).toEqual(["Övning 1"]);
  });
});

describe("the law table's last date on the sheet", () => {
  const lawNote = (contractDate: string) => {
    const rates = ReferenceRateTable.withEntries([{ from: "2026-07-01", percent: "1.75" }]);
    const input = {
      ...example1,
      contractDate,
      firstDueDate: "2026-12-30",
      installmentsPaid: 0,
      applicationDate: "2026-12-01",
      interestFrom: "2026-12-02",
      noticeDate: "2026-12-01",
      repossessionDate: "2026-12-05",
    };
    const calc = calculate(parseContract(input), { referenceRates: rates });
    const plan = planSheet(calc);
    const label = plan.cells.find((c) => c.value === "Lagrum för avräkningen")!;
    return { calc, plan, law: cell(plan, label.row, 1), note: cell(plan, label.row + 1, 0) };
  };

  test("the table covers contracts before 2026-11-20", () => {
    expect(formatIsoDate(LAW_TABLE_COVERS_BEFORE)).toBe("2026-11-20");
  });

  test("a contract dated 2026-11-20 gets the red warning, wrapped, following an edited date", () => {
    const { calc, plan, law, note } = lawNote("2026-11-20");
    expect(law?.value).toMatch(/^40 § konsumentkreditlagen \(2010:1846\)/);
    expect(calc.lawWarning).toMatch(/^Kontrollera lagrummet: kontrakt från 2026-11-20/);
    expect(note?.result).toBe(calc.lawWarning);
    expect(note?.wrap).toBe(true);
    expect(note?.formula).toMatch(/^IF\(\$B\$\d+>=DATE\(2026,11,20\),"Kontrollera lagrummet/);
    // Excel's limit for a text inside a formula.
    expect(calc.lawWarning!.length).toBeLessThanOrEqual(255);
    const address = `A${note!.row + 1}`;
    expect(plan.conditionalFormats).toContainEqual(
      expect.objectContaining({ range: address, style: "warning" }),
    );
  });

  test("a contract dated 2026-11-19 gets the plain note", () => {
    const { calc, note } = lawNote("2026-11-19");
    expect(calc.lawWarning).toBeNull();
    expect(note?.result).toBe("Lagrummet bestäms av kontraktsdatum.");
  });
});
