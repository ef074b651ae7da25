/**
 * The Excel mode: actions on the open workbook. The workbook is reached only through the functions
 * handed in ({@link ExcelActions}, wired to src/excel/ by the entry file), so this module runs, and is
 * tested, without Office.
 *
 * - One row: preview the active cell's row, or write its calculation sheet; insert the training
 *   workbook.
 * - A whole table: the selected rows (or the whole table) become a summary sheet, optionally with one
 *   calculation sheet per case; rows that cannot be calculated are listed with the reason.
 * - Reference rates: the last half-year known (the workbook's `Referensräntor` sheet, else the built-in
 *   table) and a form to add the next one. Every calculation made here uses the built-in table
 *   extended by that sheet, read afresh for each action (the user may have edited it).
 *
 * While an action runs every button is disabled (two Excel batches must not interleave) and the status
 * line says what is happening; the outcome replaces it. Problems go to the alert region, just above
 * the buttons: a row's problems each with the address of its cell (an engine error with the field's
 * Swedish label), refused rows with the reason, a bad row of the Referensräntor sheet with its row
 * number. A reference rate that cannot be added is explained under its field.
 */
import { BUILT_IN_RATES, ContractInput } from "../engine";
import type { TableRow } from "../sheet/batch";
import type { HeaderRowAddresses, RowResult } from "../sheet/headers";
import { WorkbookReferenceRates, lastKnownHalfYear } from "../sheet/referenceSheet";
import type { SheetPlan } from "../sheet/types";
import { actionRunner, succeeded } from "./actionRunner";
import { h, replace } from "./dom";
import { batchPanel, ratesPanel, rowPanel } from "./excelPanels";
import { exercisesPanel } from "./exercisesPanel";
import {
  TaskContext,
  addReferenceRate,
  createSheet,
  createSummary,
  insertExercises,
  insertPracticeRows,
  insertTraining,
  loadRates,
  previewRow,
} from "./excelTasks";
import { EXERCISES_UI_TEXT, UI_TEXT } from "./messages";
import { Shell } from "./shell";

/** The contract row of the active cell, as src/excel/reader.ts reads it. */
export type ActiveRow = RowResult & {
  /** The worksheet's name. */
  sheet: string;
  /** The row's cells, e.g. `Kontrakt!A3:AB3`. */
  address: string;
  /** Every sheet name in the workbook (so the letters' sheets get free, final names). */
  sheetNames?: string[];
};

/** The selection's contract rows, as src/excel/reader.ts reads them. */
export type SelectedRows =
  | {
      ok: true;
      headers: unknown[];
      headerRow: HeaderRowAddresses;
      rows: TableRow[];
      /** The header row (when selected) and empty rows left out, as `Kontrakt!7:7`. */
      skipped: { headerRow: string | null; emptyRows: string[] };
      /** Every sheet name in the workbook. */
      sheetNames: string[];
    }
  | { ok: false; address: string; message: string };

/** What the pane needs from the workbook (src/excel/reader.ts, writer.ts and referenceRates.ts). */
export interface ExcelActions {
  readActiveContractRow(): Promise<ActiveRow>;
  writeSheetPlan(plan: SheetPlan): Promise<{ sheetName: string }>;
  insertTrainingWorkbook(rows: ContractInput[]): Promise<{ sheetName: string }>;
  readSelectedContractRows(): Promise<SelectedRows>;
  /** Writes new sheets under their planned (final) names, refusing if one is taken. */
  writeSheetPlans(plans: SheetPlan[]): Promise<{ sheetNames: string[] }>;
  /** The workbook's Referensräntor sheet's rates, or null when it has none. */
  readWorkbookReferenceRates(): Promise<WorkbookReferenceRates | null>;
  /** Adds one row (from ISO date, percent) under the sheet's last rate. */
  appendReferenceRate(from: string, percent: number): Promise<{ address: string }>;
  /** Every sheet name in the workbook (the exercises are planned against them); none if absent. */
  readSheetNames?(): Promise<string[]>;
}

/** Mounts the Excel mode into the shell. `trainingRows` are the contracts the training workbook gets. */
export function mountExcelPane(
  shell: Shell,
  excel: ExcelActions,
  trainingRows: readonly ContractInput[],
): void {
  const row = rowPanel();
  const batch = batchPanel();
  const rates = ratesPanel();
  const exercises = exercisesPanel();
  const result = h("div", { class: "result-area" });
  replace(shell.content, row.element, batch.element, rates.element, exercises.element, result);
  rates.showKnown(lastKnownHalfYear(null, BUILT_IN_RATES));

  const context: TaskContext = {
    shell,
    excel,
    result,
    showKnown: rates.showKnown,
    showRateProblem: rates.showProblem,
  };
  const run = actionRunner(shell, [
    ...[row.insert, row.preview, row.create, batch.summary, rates.add],
    ...[exercises.insertSheets, exercises.insertRows],
  ]);
  row.insert.addEventListener("click", () =>
    run(UI_TEXT.inserting, () => insertTraining(context, trainingRows)),
  );
  row.preview.addEventListener("click", () => run(UI_TEXT.reading, () => previewRow(context)));
  row.create.addEventListener("click", () => {
    const withLetters = row.letters.checked; // as it was when the button was pressed
    void run(UI_TEXT.writing, () => createSheet(context, withLetters));
  });
  batch.summary.addEventListener("click", () => {
    const withSheets = batch.perCase.checked; // as it was when the button was pressed
    void run(UI_TEXT.readingRows, () => createSummary(context, withSheets));
  });
  // Enter in the rate field "clicks" the form's submit button (HTML implicit submission), so the
  // button's click is the one entry point; the form itself never submits.
  rates.form.addEventListener("submit", (event) => event.preventDefault());
  rates.add.addEventListener("click", (event) => {
    event.preventDefault();
    void run(UI_TEXT.addingRate, () => addReferenceRate(context, rates.input));
  });

  exercises.insertSheets.addEventListener("click", () => {
    const choice = exercises.choice(); // as it was when the button was pressed
    void run(EXERCISES_UI_TEXT.inserting, () => insertExercises(context, choice));
  });
  exercises.insertRows.addEventListener("click", () => {
    const choice = exercises.choice();
    void run(EXERCISES_UI_TEXT.inserting, () => insertPracticeRows(context, choice));
  });

  void run(UI_TEXT.readingRates, async () => {
    const loaded = await loadRates(context);
    return loaded.ok ? succeeded("") : loaded;
  });
}
