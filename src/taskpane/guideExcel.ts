/**
 * The Excel pane's "Steg för steg": the guided mode on the contract of the active cell's row. The row
 * is read once, when the guide is opened; what the user changes in the guide stays in the pane and is
 * never written back to the row (the view says so). The last steps write the calculation sheet with
 * the letters through the pane's writer. Workbook calls go through the pane's action runner, so they
 * never interleave with the pane's other actions.
 */
import { Calculation, EngineError, ReferenceRateTable } from "../engine";
import { workbookRateTable } from "../sheet/referenceSheet";
import { Action, Outcome, excelCall, refused, succeeded } from "./actionRunner";
import { h, replace } from "./dom";
import type { ExcelActions } from "./excelPane";
import { contractToForm } from "./form";
import { GUIDE_UI_TEXT as G } from "./guideMessages";
import { GuideView, guideSheetPlans, mountGuideView } from "./guideView";
import { UI_TEXT } from "./messages";

/** The pane's runner: one workbook action at a time, its outcome in the status or alert line. */
export type RunAction = (busyText: string, action: Action) => Promise<void>;

/** Reads the workbook's reference rates into the table the pane's calculations use. */
async function rateTable(excel: ExcelActions): Promise<Outcome<ReferenceRateTable>> {
  try {
    return succeeded(workbookRateTable(await excelCall(() => excel.readWorkbookReferenceRates())));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return refused(UI_TEXT.ratesSheetProblem(error.message));
  }
}

/** The panel: a button that opens the guide on the selected row, and the guide's place. */
export function excelGuidePanel(excel: ExcelActions, run: RunAction) {
  const start = h(
    "button",
    { type: "button", title: G.excelStartHelp, "aria-describedby": "guide-start-help" },
    G.excelStart,
  );
  const close = h("button", { type: "button", class: "guide-close" }, G.excelClose);
  const area = h("div", { class: "guide-area" });
  const element = h(
    "div",
    { class: "guide-panel" },
    h(
      "div",
      { class: "action" },
      start,
      h("p", { class: "hint", id: "guide-start-help" }, G.excelStartHelp),
    ),
    area,
  );
  let guide: GuideView | null = null;

  const writeSheets = (calc: Calculation) =>
    run(UI_TEXT.writing, async () => {
      const plans = guideSheetPlans(calc);
      const names: string[] = [];
      for (const plan of plans) {
        const { sheetName } = await excelCall(() => excel.writeSheetPlan(plan));
        names.push(sheetName);
      }
      return succeeded(names.map((name) => UI_TEXT.written(name)).join(". "));
    });

  const open = async (): Promise<Outcome> => {
    const table = await rateTable(excel);
    if (!table.ok) return table;
    const row = await excelCall(() => excel.readActiveContractRow());
    if (!row.ok) {
      return refused(
        h("p", {}, UI_TEXT.rowProblems(row.address)),
        h(
          "ul",
          { class: "problems" },
          ...row.problems.map((p) =>
            h("li", {}, h("span", { class: "address" }, p.address), " ", p.message),
          ),
        ),
      );
    }
    guide = mountGuideView(area, {
      values: contractToForm(row.input).values,
      referenceRates: table.value,
      note: `${UI_TEXT.readRow(row.address)} ${G.excelNote}`,
      letters: { label: G.lettersExcel, run: writeSheets },
    });
    area.appendChild(close);
    return succeeded(UI_TEXT.readRow(row.address));
  };

  start.addEventListener("click", async () => {
    await run(UI_TEXT.reading, open);
    guide?.focusResult();
  });
  close.addEventListener("click", () => {
    guide = null;
    replace(area);
    start.focus();
  });
  return { element, start };
}
