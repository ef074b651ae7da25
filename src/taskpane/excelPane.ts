/**
 * The Excel mode: three actions on the open workbook. The workbook is reached only through the
 * functions handed in ({@link ExcelActions}, wired to src/excel/ by the entry file), so this module
 * runs, and is tested, without Office.
 *
 * While an action runs every button is disabled (two Excel batches must not interleave) and the status
 * line says what is happening; the outcome replaces it. Problems go to the alert region: a row's
 * problems each with the address of its cell, an engine error with the field's Swedish label.
 */
import { ContractInput, EngineError, calculate } from "../engine";
import type { RowResult } from "../sheet/headers";
import { planSheet } from "../sheet/plan";
import type { SheetPlan } from "../sheet/types";
import { h, replace } from "./dom";
import { localizeMessage } from "./form";
import { UI_TEXT } from "./messages";
import { Shell, messageOf } from "./shell";
import { calculationView } from "./statementView";

/** The contract row of the active cell, as src/excel/reader.ts reads it. */
export type ActiveRow = RowResult & {
  /** The worksheet's name. */
  sheet: string;
  /** The row's cells, e.g. `Kontrakt!A3:AB3`. */
  address: string;
};

/** What the pane needs from the workbook (src/excel/reader.ts and writer.ts). */
export interface ExcelActions {
  readActiveContractRow(): Promise<ActiveRow>;
  writeSheetPlan(plan: SheetPlan): Promise<{ sheetName: string }>;
  insertTrainingWorkbook(rows: ContractInput[]): Promise<{ sheetName: string }>;
}

/** A failure already put into words for the alert region. */
class Shown extends Error {}

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
  const buttons = [insert, preview, create];
  const result = h("div", { class: "result-area" });
  replace(
    shell.content,
    h(
      "div",
      { class: "actions" },
      ...buttons.map((b) => h("div", { class: "action" }, b, h("p", { class: "hint" }, b.title))),
    ),
    result,
  );

  /** Runs one action with the buttons disabled and `busyText` in the status line. */
  const run = async (busyText: string, action: () => Promise<string>) => {
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

  /** Reads the active row and calculates it, or shows its problems and throws {@link Shown}. */
  const readAndCalculate = async () => {
    replace(result); // never leave an earlier row's figures beside this row's outcome
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
    const calc = calculate(row.contract);
    const ignored = row.ignoredHeaders.map((i) => `${i.header} (${i.address})`).join(", ");
    replace(
      result,
      calculationView(calc),
      ignored ? h("p", { class: "hint" }, UI_TEXT.ignoredHeaders(ignored)) : null,
    );
    return { row, calc };
  };

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
}

/** An error from a workbook call, marked so it is reported as Excel's. */
class ExcelFailure extends Error {}

async function excelCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ExcelFailure(messageOf(error));
  }
}

/** The alert text for an error: the engine's with Swedish labels, Excel's, or a bug's. */
export function alertText(error: unknown): string {
  if (error instanceof EngineError) return localizeMessage(error.message);
  if (error instanceof ExcelFailure) return UI_TEXT.excelFailed(error.message);
  return UI_TEXT.internalError(messageOf(error));
}
