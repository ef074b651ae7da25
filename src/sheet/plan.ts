/**
 * The calculation sheet for one contract, as data: `planSheet(calculation) → SheetPlan`.
 *
 * Every derived figure is a formula of Excel's built-in functions over the sheet's own input cells, so
 * the sheet keeps working where the add-in is not installed and recalculates when an input is edited.
 * Each formula carries the engine's figure as its cached result. The sheet is planned section by
 * section (src/sheet/sections), top to bottom: header, contract inputs, derived figures, the reduction
 * by both methods at each date, the statement (one column per date), valuation and outcome, late
 * interest by half-year with the reference rates used, and the payment schedule (on its own printed
 * pages with repeated titles). It prints on A4 portrait at a fixed, readable scale: text too long for
 * its cell wraps, and a section that would not fit what is left of a page starts the next one. Sections share one `SheetLayout` (src/sheet/layout.ts); a formula
 * refers to a figure of another section by its `{name}`, resolved once the whole layout is known.
 *
 * Formulas mirror the engine's conventions (src/engine) and are built by the builders of
 * src/sheet/formulas.ts, each named after the engine function it mirrors: t and m count due dates in
 * closed form (countDueDatesFormula); due dates are EDATE(first due date, k − 1), which keeps the day
 * of month and moves back to the month's end exactly as conventions §3 says; late interest shows
 * capital × rate × days / 36 500 per half-year with both end days counted and totals capital ×
 * Σ(rate × days) / 36 500 with one division; each statement line is a visible ROUND(…, 0) and the
 * totals add the rounded lines.
 */
import { Calculation } from "../engine";
import { COLUMN_WIDTHS, FIELD_COL, FIELD_COL_WIDTH, LAST_COL, SheetLayout } from "./layout";
import { planDerived } from "./sections/derived";
import { planContractInputs, planHeader } from "./sections/inputs";
import { planLateInterest } from "./sections/lateInterest";
import { planPrint } from "./sections/print";
import { planReductions } from "./sections/reductions";
import { planSchedule } from "./sections/schedule";
import { planStatement } from "./sections/statement";
import { planValuation } from "./sections/valuation";
import { validSheetName } from "./sheetNames";
import { SheetPlan } from "./types";
import { wrapOverflowingText } from "./wrap";

/** The sheet plan for one calculation. */
export function planSheet(calc: Calculation): SheetPlan {
  const layout = new SheetLayout(calc);
  planHeader(layout);
  planContractInputs(layout);
  planDerived(layout);
  planReductions(layout);
  planStatement(layout);
  planValuation(layout);
  planLateInterest(layout);
  const schedule = planSchedule(layout);

  const { cells, names } = layout.grid.resolve();
  const rowCount = layout.row;
  const { merges, rowHeights } = layout;
  wrapOverflowingText({
    cells,
    merges,
    rowHeights,
    columnWidths: COLUMN_WIDTHS,
    lastCol: LAST_COL,
  });
  return {
    name: validSheetName(calc.contract.caseId),
    rowCount,
    colCount: FIELD_COL + 1,
    cells,
    merges,
    columnWidths: [...COLUMN_WIDTHS, FIELD_COL_WIDTH],
    hiddenColumns: [FIELD_COL],
    rowHeights,
    conditionalFormats: layout.conditionalFormats,
    print: planPrint(calc.contract.caseId, rowCount, schedule, layout.blockStarts, rowHeights),
    names,
  };
}
