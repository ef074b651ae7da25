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
 * line says what is happening; the outcome replaces it. Problems go to the alert region: a row's
 * problems each with the address of its cell, refused rows with the reason, an engine error with the
 * field's Swedish label, a bad row of the Referensräntor sheet with its row number.
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
import { TableRow, calculateRows, planBatchWorkbook } from "../sheet/batch";
import type { HeaderRowAddresses, RowResult } from "../sheet/headers";
import { planSheet } from "../sheet/plan";
import {
  REFERENCE_SHEET_NAME,
  WorkbookReferenceRates,
  lastKnownHalfYear,
  planReferenceSheet,
  referenceRowCountOf,
  workbookRateTable,
} from "../sheet/referenceSheet";
import { SheetRefusal } from "../sheet/refusal";
import type { RefusedRow } from "../sheet/summary";
import type { SheetPlan } from "../sheet/types";
import { h, replace } from "./dom";
import { localizeMessage } from "./form";
import { UI_TEXT } from "./messages";
import { formatPercent, parsePercentInput } from "./rates";
import { Shell, messageOf } from "./shell";
import { calculationView } from "./statementView";

/** The contract row of the active cell, as src/excel/reader.ts reads it. */
export type ActiveRow = RowResult & {
  /** The worksheet's name. */
  sheet: string;
  /** The row's cells, e.g. `Kontrakt!A3:AB3`. */
  address: string;
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
}

/** A failure already put into words for the alert region. */
class Shown extends Error {}

/** The workbook's rates and the engine's table built from them. */
interface Rates {
  rates: WorkbookReferenceRates | null;
  table: ReferenceRateTable;
}

/** Mounts the Excel mode into the shell. `trainingRows` are the contracts the training workbook gets. */
export function mountExcelPane(
  shell: Shell,
  excel: ExcelActions,
  trainingRows: readonly ContractInput[],
): void {
  const button = (text: string, help: string, primary = false) =>
    h("button", { type: "button", class: primary ? "primary" : undefined, title: help }, text);
  const insert = button(UI_TEXT.insertTraining, UI_TEXT.insertTrainingHelp);
  const preview = button(UI_TEXT.previewRow, UI_TEXT.previewRowHelp);
  const create = button(UI_TEXT.createSheet, UI_TEXT.createSheetHelp, true);
  const summary = button(UI_TEXT.createSummary, UI_TEXT.createSummaryHelp, true);
  const addRate = h("button", { type: "submit" }, UI_TEXT.addRate);
  const buttons = [insert, preview, create, summary, addRate];

  const perCase = h("input", { type: "checkbox", id: "case-sheets" });
  const batch = h(
    "section",
    { class: "panel", "aria-labelledby": "batch-heading" },
    h("h2", { id: "batch-heading" }, UI_TEXT.batchHeading),
    h("p", { class: "hint" }, UI_TEXT.batchIntro),
    h("div", { class: "check" }, perCase, h("label", { for: "case-sheets" }, UI_TEXT.caseSheets)),
    h("div", { class: "action" }, summary, h("p", { class: "hint" }, summary.title)),
  );

  const lastKnown = h("p", { class: "last-known" });
  const rateLabel = h("label", { for: "next-rate" });
  const rateInput = h("input", {
    type: "text",
    id: "next-rate",
    inputmode: "decimal",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "1,75",
    "aria-describedby": "next-rate-hint",
  });
  const rateForm = h(
    "form",
    { class: "rate-form", novalidate: true },
    rateLabel,
    h(
      "div",
      { class: "control" },
      rateInput,
      h("span", { class: "unit", "aria-hidden": "true" }, "%"),
      addRate,
    ),
    h("p", { class: "hint", id: "next-rate-hint" }, UI_TEXT.addRateHelp),
  );
  const ratesPanel = h(
    "section",
    { class: "panel", "aria-labelledby": "rates-heading" },
    h("h2", { id: "rates-heading" }, UI_TEXT.ratesHeading),
    lastKnown,
    rateForm,
    h(
      "p",
      { class: "hint" },
      UI_TEXT.functionsTakeRange,
      " ",
      // A break opportunity after each ";" so the formula wraps there in a narrow pane.
      h(
        "code",
        {},
        ...UI_TEXT.functionsExample
          .split(";")
          .map((part, i, parts) => (i < parts.length - 1 ? `${part};` : part))
          .flatMap((part, i) => [i > 0 ? h("wbr") : null, part]),
      ),
    ),
  );

  const result = h("div", { class: "result-area" });
  replace(
    shell.content,
    h(
      "div",
      { class: "actions" },
      ...[insert, preview, create].map((b) =>
        h("div", { class: "action" }, b, h("p", { class: "hint" }, b.title)),
      ),
    ),
    batch,
    ratesPanel,
    result,
  );

  /** Shows the last half-year known and names the next one in the form. */
  const showRates = ({ rates, table }: Rates) => {
    const known = lastKnownHalfYear(rates, table);
    replace(
      lastKnown,
      UI_TEXT.lastKnown(
        describeHalfYear(known.from),
        formatPercent(known.percent),
        known.source === "sheet",
      ),
    );
    replace(rateLabel, UI_TEXT.nextHalfYear(describeHalfYear(known.next)));
    return known;
  };
  showRates({ rates: null, table: BUILT_IN_RATES });

  /**
   * Runs one action with the buttons disabled and `busyText` in the status line. Actions never
   * overlap: one asked for while another runs (the rates read at start, a key press) waits its turn.
   */
  let running: Promise<void> | null = null;
  const run = (busyText: string, action: () => Promise<string>): Promise<void> => {
    const start = () => runNow(busyText, action);
    const next = running === null ? start() : running.then(start);
    running = next;
    void next.then(() => {
      if (running === next) running = null;
    });
    return next;
  };
  const runNow = async (busyText: string, action: () => Promise<string>) => {
    for (const b of buttons) b.disabled = true;
    shell.content.setAttribute("aria-busy", "true");
    shell.clearError();
    shell.status(busyText);
    try {
      shell.status(await action());
    } catch (error) {
      shell.status("");
      if (!(error instanceof Shown)) shell.error(alertText(error));
    } finally {
      for (const b of buttons) b.disabled = false;
      shell.content.removeAttribute("aria-busy");
    }
  };

  /**
   * Reads the workbook's Referensräntor sheet and builds the table every calculation uses; shows the
   * last half-year. A bad row of the sheet is shown (naming the row) and throws {@link Shown}.
   */
  const loadRates = async (): Promise<Rates> => {
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
    showRates({ rates, table });
    return { rates, table };
  };

  /** Reads the active row and calculates it, or shows its problems and throws {@link Shown}. */
  const readAndCalculate = async () => {
    replace(result); // never leave an earlier row's figures beside this row's outcome
    const { table } = await loadRates();
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
  };

  /** Lists refused rows in the alert region, each with where it is and why. */
  const showRefused = (heading: string, refused: readonly RefusedRow[]) =>
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

  insert.addEventListener("click", () =>
    run(UI_TEXT.inserting, async () => {
      const { sheetName } = await excelCall(() => excel.insertTrainingWorkbook([...trainingRows]));
      return UI_TEXT.inserted(sheetName);
    }),
  );
  preview.addEventListener("click", () =>
    run(UI_TEXT.reading, async () => UI_TEXT.readRow((await readAndCalculate()).row.address)),
  );
  create.addEventListener("click", () =>
    run(UI_TEXT.writing, async () => {
      const { calc } = await readAndCalculate();
      const { sheetName } = await excelCall(() => excel.writeSheetPlan(planSheet(calc)));
      return UI_TEXT.written(sheetName);
    }),
  );

  summary.addEventListener("click", () =>
    run(UI_TEXT.readingRows, async () => {
      replace(result);
      const withSheets = perCase.checked; // as it was when the button was pressed
      const { rates, table } = await loadRates();
      const read = await excelCall(() => excel.readSelectedContractRows());
      if (!read.ok) {
        shell.error(h("p", {}, UI_TEXT.noRows), h("p", {}, read.message));
        throw new Shown();
      }
      const rows = calculateRows(read.headers, read.rows, table, read.headerRow);
      if (rows.calculations.length === 0) {
        showRefused(UI_TEXT.noneCalculated(rows.refused.length), rows.refused);
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
        showRefused(UI_TEXT.refusedRows(rows.refused.length), rows.refused);
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
    }),
  );

  // Enter in the rate field "clicks" the form's submit button (HTML implicit submission), so the
  // button's click is the one entry point; the form itself never submits.
  rateForm.addEventListener("submit", (event) => event.preventDefault());
  addRate.addEventListener("click", (event) => {
    event.preventDefault();
    void run(UI_TEXT.addingRate, async () => {
      const typed = parsePercentInput(rateInput.value);
      if (!typed.ok) {
        rateInput.setAttribute("aria-invalid", "true");
        shell.error(typed.message);
        throw new Shown();
      }
      rateInput.removeAttribute("aria-invalid");
      const { rates, table } = await loadRates();
      const next = lastKnownHalfYear(rates, table).next;
      const from = formatIsoDate(next);
      const halfYear = describeHalfYear(next);
      const shown = formatPercent(typed.percent);
      let done: string;
      if (rates === null) {
        const extended = ReferenceRateTable.withEntries([
          { from, percent: typed.percent.toString() },
        ]);
        await excelCall(() =>
          excel.writeSheetPlans([planReferenceSheet(extended, BUILT_IN_RATES)]),
        );
        done = UI_TEXT.rateSheetCreated(halfYear, shown);
      } else {
        const { address } = await excelCall(() =>
          excel.appendReferenceRate(from, typed.percent.toNumber()),
        );
        done = UI_TEXT.rateAppended(halfYear, shown, address);
      }
      rateInput.value = "";
      await loadRates();
      return done;
    });
  });

  void run(UI_TEXT.readingRates, async () => {
    await loadRates();
    return "";
  });
}

/** An error from a workbook call, marked so it is reported as Excel's. */
class ExcelFailure extends Error {}

/**
 * Runs a workbook call; its failure is Excel's, except the engine's errors (a bad date in the
 * workbook) and the writers' refusals, which say themselves what is wrong.
 */
async function excelCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof EngineError || error instanceof SheetRefusal) throw error;
    throw new ExcelFailure(messageOf(error));
  }
}

/** The alert text for an error: the engine's with Swedish labels, a refusal's, Excel's, or a bug's. */
export function alertText(error: unknown): string {
  if (error instanceof EngineError) return localizeMessage(error.message);
  if (error instanceof SheetRefusal) return UI_TEXT.refused(error.message);
  if (error instanceof ExcelFailure) return UI_TEXT.excelFailed(error.message);
  return UI_TEXT.internalError(messageOf(error));
}
