/**
 * What each of the Excel mode's buttons does, one function per action, each resolving to the text
 * for the status line (run by actionRunner.ts). The workbook is reached only through
 * {@link ExcelActions}. Every calculation uses the built-in reference rates extended by the
 * workbook's Referensräntor sheet, read afresh for each action (the user may have edited it).
 */
import {
  BUILT_IN_RATES,
  ContractInput,
  EngineError,
  ReferenceRateTable,
  calculate,
  describeHalfYear,
  formatIsoDate,
} from "../engine";
import { calculateRows, planBatchWorkbook } from "../sheet/batch";
import { planSheet } from "../sheet/plan";
import {
  KnownHalfYear,
  REFERENCE_SHEET_NAME,
  WorkbookReferenceRates,
  lastKnownHalfYear,
  planReferenceSheet,
  referenceRowCountOf,
  workbookRateTable,
} from "../sheet/referenceSheet";
import type { RefusedRow } from "../sheet/summary";
import { Shown, excelCall } from "./actionRunner";
import { h, replace } from "./dom";
import type { ExcelActions } from "./excelPane";
import { localizeMessage } from "./form";
import { UI_TEXT } from "./messages";
import { formatPercent, parsePercentInput } from "./rates";
import { Shell } from "./shell";
import { calculationView } from "./statementView";

/** What the actions work with: the frame, the workbook, where results go. */
export interface TaskContext {
  shell: Shell;
  excel: ExcelActions;
  /** Where a row's calculation is shown. */
  result: HTMLElement;
  /** Shows the last half-year known (the reference-rate panel). */
  showKnown(known: KnownHalfYear): void;
}

/** The workbook's rates and the engine's table built from them. */
interface Rates {
  rates: WorkbookReferenceRates | null;
  table: ReferenceRateTable;
}

/**
 * Reads the workbook's Referensräntor sheet and builds the table every calculation uses; shows the
 * last half-year. A bad row of the sheet is shown (naming the row) and throws {@link Shown}.
 */
export async function loadRates({ shell, excel, showKnown }: TaskContext): Promise<Rates> {
  let rates: WorkbookReferenceRates | null;
  let table: ReferenceRateTable;
  try {
    rates = await excelCall(() => excel.readWorkbookReferenceRates());
    table = workbookRateTable(rates);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    shell.error(UI_TEXT.ratesSheetProblem(error.message));
    throw new Shown();
  }
  showKnown(lastKnownHalfYear(rates, table));
  return { rates, table };
}

/** Reads the active row and calculates it, or shows its problems and throws {@link Shown}. */
async function readAndCalculate(context: TaskContext) {
  const { shell, excel, result } = context;
  replace(result); // never leave an earlier row's figures beside this row's outcome
  const { table } = await loadRates(context);
  const row = await excelCall(() => excel.readActiveContractRow());
  if (!row.ok) {
    replace(result);
    shell.error(
      h("p", {}, UI_TEXT.rowProblems(row.address)),
      h(
        "ul",
        { class: "problems" },
        ...row.problems.map((p) =>
          h("li", {}, h("span", { class: "address" }, p.address), " ", p.message),
        ),
      ),
    );
    throw new Shown();
  }
  const calc = calculate(row.contract, { referenceRates: table });
  const ignored = row.ignoredHeaders.map((i) => `${i.header} (${i.address})`).join(", ");
  replace(
    result,
    calculationView(calc),
    ignored ? h("p", { class: "hint" }, UI_TEXT.ignoredHeaders(ignored)) : null,
  );
  return { row, calc };
}

/** Lists refused rows in the alert region, each with where it is and why. */
function showRefused(shell: Shell, heading: string, refused: readonly RefusedRow[]): void {
  shell.error(
    h("p", {}, heading),
    h(
      "ul",
      { class: "problems" },
      ...refused.map((r) =>
        h(
          "li",
          {},
          h("span", { class: "address" }, r.where),
          r.caseId ? ` (${r.caseId})` : "",
          " ",
          localizeMessage(r.reason),
        ),
      ),
    ),
  );
}

/** Inserts the training workbook (a new `Kontrakt` sheet with `rows`). */
export async function insertTraining(
  { excel }: TaskContext,
  rows: readonly ContractInput[],
): Promise<string> {
  const { sheetName } = await excelCall(() => excel.insertTrainingWorkbook([...rows]));
  return UI_TEXT.inserted(sheetName);
}

/** Shows the active row's calculation. */
export async function previewRow(context: TaskContext): Promise<string> {
  return UI_TEXT.readRow((await readAndCalculate(context)).row.address);
}

/** Writes the active row's calculation sheet. */
export async function createSheet(context: TaskContext): Promise<string> {
  const { calc } = await readAndCalculate(context);
  const { sheetName } = await excelCall(() => context.excel.writeSheetPlan(planSheet(calc)));
  return UI_TEXT.written(sheetName);
}

/** Writes the summary of the selected rows (and, `withSheets`, a calculation sheet per case). */
export async function createSummary(context: TaskContext, withSheets: boolean): Promise<string> {
  const { shell, excel, result } = context;
  replace(result);
  const { rates, table } = await loadRates(context);
  const read = await excelCall(() => excel.readSelectedContractRows());
  if (!read.ok) {
    shell.error(h("p", {}, UI_TEXT.noRows), h("p", {}, read.message));
    throw new Shown();
  }
  const rows = calculateRows(read.headers, read.rows, table, read.headerRow);
  if (rows.calculations.length === 0) {
    showRefused(shell, UI_TEXT.noneCalculated(rows.refused.length), rows.refused);
    throw new Shown();
  }
  const plans = planBatchWorkbook(rows, {
    sheets: withSheets,
    table,
    existingSheetNames: read.sheetNames,
    referenceSheet: rates === null ? undefined : { rowCount: referenceRowCountOf(rates) },
  });
  shell.status(UI_TEXT.writingSheets(plans.length));
  const { sheetNames } = await excelCall(() => excel.writeSheetPlans(plans));
  if (rows.refused.length > 0)
    showRefused(shell, UI_TEXT.refusedRows(rows.refused.length), rows.refused);
  const { headerRow, emptyRows } = read.skipped;
  const skipped =
    headerRow !== null || emptyRows.length > 0
      ? UI_TEXT.skippedRows(headerRow !== null, emptyRows.length)
      : "";
  return (
    UI_TEXT.summaryWritten(
      sheetNames[0],
      rows.calculations.length,
      withSheets ? rows.calculations.length : 0,
      plans.some((plan) => plan.name === REFERENCE_SHEET_NAME),
    ) + skipped
  );
}

/**
 * Adds the next half-year's reference rate, typed in `input` (percent): a new Referensräntor sheet
 * when the workbook has none, else a row under its last rate.
 */
export async function addReferenceRate(
  context: TaskContext,
  input: HTMLInputElement,
): Promise<string> {
  const { shell, excel } = context;
  const typed = parsePercentInput(input.value);
  if (!typed.ok) {
    input.setAttribute("aria-invalid", "true");
    shell.error(typed.message);
    throw new Shown();
  }
  input.removeAttribute("aria-invalid");
  const { rates, table } = await loadRates(context);
  const next = lastKnownHalfYear(rates, table).next;
  const from = formatIsoDate(next);
  const halfYear = describeHalfYear(next);
  const shown = formatPercent(typed.percent);
  let done: string;
  if (rates === null) {
    const extended = ReferenceRateTable.withEntries([{ from, percent: typed.percent.toString() }]);
    await excelCall(() => excel.writeSheetPlans([planReferenceSheet(extended, BUILT_IN_RATES)]));
    done = UI_TEXT.rateSheetCreated(halfYear, shown);
  } else {
    const { address } = await excelCall(() =>
      excel.appendReferenceRate(from, typed.percent.toNumber()),
    );
    done = UI_TEXT.rateAppended(halfYear, shown, address);
  }
  input.value = "";
  await loadRates(context);
  return done;
}
