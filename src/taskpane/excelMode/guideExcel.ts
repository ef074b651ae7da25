/**
 * The Excel pane's guided mode: the seven steps on the contract of the active cell's row. The row is
 * read when the user asks for it ("Gå igenom markerad rad"); what the user changes in the guide stays
 * in the pane and is never written back to the row (the view says so). The last steps write the
 * calculation sheet with the letters the case calls for (src/sheet/caseWorkbook.ts) under names free
 * in the workbook. Workbook calls go through the pane's action runner, so they never interleave with
 * the pane's other actions.
 *
 * {@link mountExcelGuide} has the shape of the Excel pane's `guide(slot, host)` option: the pane
 * gives it the slot its "Steg för steg" mode shows, and its shell, workbook functions and runner.
 */
import { Calculation } from "../../engine";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import { Outcome, excelCall, succeeded } from "./actionRunner";
import { h, replace } from "../ui/dom";
import type { ExcelActions } from "./actions";
import type { GuideHost } from "./excelPane";
import { activeRowRefusal, readInput, useRates } from "./excelTasks";
import { contractToForm } from "../form/form";
import { GUIDE_UI_TEXT as G } from "../guide/guideMessages";
import { GuideView, mountGuideView } from "../guide/guideView";
import { UI_TEXT } from "../ui/messages";

/** Writes the calculation sheet and the case's letters under names free in the workbook now. */
async function writeCaseSheets(excel: ExcelActions, calc: Calculation): Promise<Outcome> {
  const { sheetNames: existing } = await readInput(excel, { rates: false });
  const plans = planCaseWorkbook(calc, { letters: true, existingSheetNames: existing });
  const { sheetNames } = await excelCall(() => excel.writeSheetPlans(plans));
  return succeeded(UI_TEXT.writtenWithLetters(sheetNames[0], sheetNames.slice(1)));
}

/** Mounts the guided mode into `slot`: a button that reads the selected row, and the guide. */
export function mountExcelGuide(slot: HTMLElement, host: Pick<GuideHost, "excel" | "run">): void {
  const { excel, run } = host;
  const start = h(
    "button",
    { type: "button", "aria-describedby": "guide-start-help" },
    G.excelStart,
  );
  const close = h("button", { type: "button", class: "guide-close" }, G.excelClose);
  const area = h("div", { class: "guide-area" });
  replace(
    slot,
    h(
      "div",
      { class: "guide-panel" },
      h(
        "div",
        { class: "action" },
        start,
        h("p", { class: "hint", id: "guide-start-help" }, G.excelStartHelp),
      ),
      area,
    ),
  );
  let guide: GuideView | null = null;

  const open = async (): Promise<Outcome> => {
    const input = await readInput(excel, { row: "active" });
    const rates = useRates({ showKnown: () => undefined }, input.rates);
    if (!rates.ok) return rates;
    const row = input.activeRow!;
    if (!row.ok) return activeRowRefusal(excel, row, input.contractSheets);
    guide = mountGuideView(area, {
      values: contractToForm(row.input).values,
      referenceRates: rates.value.table,
      note: `${UI_TEXT.readRow(row.address)} ${G.excelNote}`,
      letters: {
        label: G.lettersExcel,
        run: (calc) => run(UI_TEXT.writing, () => writeCaseSheets(excel, calc)),
      },
    });
    area.appendChild(close);
    return succeeded(UI_TEXT.readRow(row.address));
  };

  const toGuide = () => {
    guide?.focusResult();
    return guide !== null;
  };
  start.addEventListener("click", async () => {
    guide = null;
    replace(area);
    start.disabled = true; // the pane's runner disables its own buttons only
    try {
      await run(UI_TEXT.reading, open, { pressed: start, toResult: toGuide });
    } finally {
      start.disabled = false;
    }
    if (!toGuide()) start.focus();
  });
  close.addEventListener("click", () => {
    guide = null;
    replace(area);
    start.focus();
  });
}
