/**
 * Many contracts at once: each row is validated and calculated on its own, so one bad row is listed
 * with its reason and the others still go through; then the workbook's sheets are planned: the
 * summary first, optionally one calculation sheet per case (linked from the summary, each followed
 * by its letter sheets when asked), and the
 * reference-rate sheet the summary's formulas look up.
 */
import {
  BUILT_IN_RATES,
  Calculation,
  EngineError,
  ReferenceRateTable,
  calculate,
  fieldLabel,
} from "../engine";
import { HeaderRowAddresses, contractRowReader, fieldForHeader } from "./headers";
import { planCaseWorkbook } from "./caseWorkbook";
import type { Sender } from "./letters";
import { REFERENCE_SHEET_NAME, planReferenceSheet } from "./referenceSheet";
import { SheetNameClaims } from "./sheetNames";
import { RefusedRow, SUMMARY_SHEET_NAME, planSummary } from "./summary";
import { SheetPlan } from "./types";

/** One contract row of a table, as read from a worksheet or a CSV file. */
export interface TableRow {
  /** Where the row is, for messages ("rad 7", "Kontrakt!7:7"). */
  where: string;
  values: unknown[];
  /** The A1 address (or another locator) of a cell of this row. */
  addressOf: (col: number) => string;
}

export interface BatchResult {
  calculations: Calculation[];
  refused: RefusedRow[];
}

/** One row's outcome: its calculation, or the reason it was refused. */
type RowOutcome = { ok: true; calc: Calculation } | { ok: false; refused: RefusedRow };

/**
 * A calculator for a table's rows, the header row resolved once: validates and calculates one row;
 * never throws for a bad row. `headerRow` (optional) gives the header row's addresses, so a missing
 * or duplicate column is reported at the header row's cells.
 */
export function rowCalculator(
  headers: unknown[],
  table: ReferenceRateTable = BUILT_IN_RATES,
  headerRow?: HeaderRowAddresses,
): (row: TableRow) => RowOutcome {
  const read = contractRowReader(headers, headerRow);
  const caseIdCol = headers.findIndex((header) => fieldForHeader(header) === "caseId");
  return (row) => {
    const caseId = caseIdCol >= 0 ? String(row.values[caseIdCol] ?? "") : "";
    const result = read(row.values, row.addressOf);
    if (!result.ok) {
      const reason = result.problems.map((p) => `${p.address}: ${p.message}`).join("; ");
      return { ok: false, refused: { where: row.where, caseId, reason } };
    }
    try {
      return { ok: true, calc: calculate(result.contract, { referenceRates: table }) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const reason = error.messageWith(fieldLabel);
      return { ok: false, refused: { where: row.where, caseId: result.contract.caseId, reason } };
    }
  };
}

/** Validates and calculates every row ({@link rowCalculator}); never throws for a bad row. */
export function calculateRows(
  headers: unknown[],
  rows: readonly TableRow[],
  table: ReferenceRateTable = BUILT_IN_RATES,
  headerRow?: HeaderRowAddresses,
): BatchResult {
  const calculations: Calculation[] = [];
  const refused: RefusedRow[] = [];
  const calculateRow = rowCalculator(headers, table, headerRow);
  for (const row of rows) {
    const outcome = calculateRow(row);
    if (outcome.ok) calculations.push(outcome.calc);
    else refused.push(outcome.refused);
  }
  return { calculations, refused };
}

export interface BatchPlanOptions {
  /** One calculation sheet per case, linked from the summary. */
  sheets: boolean;
  /** With `sheets`: each case's letter sheets after its calculation sheet (src/sheet/caseWorkbook.ts). */
  letters?: boolean;
  /** With `letters`: the sender of a new Avsändare sheet (default Kronofogden). */
  sender?: Sender;
  table?: ReferenceRateTable;
  /** Sheet names already in the workbook (Excel), so new names never collide. */
  existingSheetNames?: readonly string[];
  /**
   * The workbook's own `Referensräntor` sheet, when it has one: it is used as it is (no reference
   * plan is returned) and the summary's formulas look up its `rowCount` rows from row 2.
   */
  referenceSheet?: { rowCount: number };
}

/**
 * The workbook's sheets for a batch: summary, case sheets (optional), reference rates (unless the
 * workbook has its own). Every name is free among `existingSheetNames` and the other plans, and the
 * summary's links and formulas use these final names, so a writer writes them as they are.
 */
export function planBatchWorkbook(result: BatchResult, options: BatchPlanOptions): SheetPlan[] {
  const table = options.table ?? BUILT_IN_RATES;
  // The reference sheet's name is fixed: the summary's formulas look the rates up there.
  const names = new SheetNameClaims([...(options.existingSheetNames ?? []), REFERENCE_SHEET_NAME]);
  const summaryName = names.claim(SUMMARY_SHEET_NAME);
  const referenceRowCount = options.referenceSheet?.rowCount ?? table.entries().length;
  const cases = options.sheets
    ? result.calculations.map((calc) => {
        const plans = planCaseWorkbook(calc, {
          letters: options.letters ?? false,
          existingSheetNames: names.taken,
          sender: options.sender,
        });
        names.take(plans.map((plan) => plan.name));
        return plans;
      })
    : [];
  const caseSheets = cases.map((plans) => plans[0]);
  const summary = planSummary({
    calculations: result.calculations,
    refused: result.refused,
    sheets: options.sheets
      ? caseSheets.map((plan) => ({ name: plan.name, names: plan.names }))
      : undefined,
    referenceRowCount,
  });
  const reference = options.referenceSheet
    ? []
    : [{ ...planReferenceSheet(table), name: REFERENCE_SHEET_NAME }];
  return [{ ...summary, name: summaryName }, ...cases.flat(), ...reference];
}
