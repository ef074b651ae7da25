/**
 * The "Träning" panel in Excel: the selected row as a case, and the solution's last step writes the
 * calculation sheet with its letters into the workbook (the browser's half is
 * standaloneMode/trainingStandalone.ts). Workbook calls go through the Excel pane's action runner, so
 * they never interleave with its other actions.
 */
import { EngineError, calculate } from "../../engine";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import { parsePracticeCaseName } from "../../training/practiceCase";
import { TRAINING_TEXT } from "../../training/messages";
import { Action, Outcome, excelCall, refused, succeeded } from "./actionRunner";
import { h } from "../ui/dom";
import type { ExcelActions } from "./actions";
import { activeRowRefusal, readInput, useRates } from "./excelTasks";
import { GUIDE_UI_TEXT as G } from "../guide/guideMessages";
import { formMessage, UI_TEXT } from "../ui/messages";
import { TrainingCase, TrainingPanel, trainingPanel } from "../training/trainingPanel";
import { TRAINING_PANE_TEXT as T } from "../training/trainingMessages";

/** The pane's runner (actionRunner.ts). */
export type RunAction = (busyText: string, action: Action) => Promise<void>;

/**
 * Excel's panel: the selected row as a case; the solution's last step writes the calculation sheet
 * and its letters under names free in the workbook (as the guided mode does, guideExcel.ts).
 */
export function excelTraining(excel: ExcelActions, run: RunAction): TrainingPanel {
  const readRow = async (): Promise<Outcome<TrainingCase>> => {
    const input = await readInput(excel, { row: "active" });
    const rates = useRates({ showKnown: () => undefined }, input.rates);
    if (!rates.ok) return rates;
    const row = input.activeRow!;
    // Says where to go from a wrong place.
    if (!row.ok) return activeRowRefusal(excel, row, input.contractSheets);
    try {
      const calc = calculate(row.contract, { referenceRates: rates.value.table });
      const name = row.contract.caseId;
      const practice = parsePracticeCaseName(name);
      const level = practice === null ? "" : ` ${TRAINING_TEXT.levels[practice.level]}.`;
      return succeeded({
        name,
        input: row.input,
        calc,
        note: `${T.rowRead(name, row.address)}${level}`,
      });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return refused(h("p", {}, UI_TEXT.rowProblems(row.address)), h("p", {}, formMessage(error)));
    }
  };
  return trainingPanel({
    readSelectedRow: async () => {
      let read: TrainingCase | null = null;
      await run(T.readingRow, async () => {
        const outcome = await readRow();
        if (!outcome.ok) return outcome;
        read = outcome.value;
        return succeeded(outcome.value.note);
      });
      return read;
    },
    letters: {
      label: G.lettersExcel,
      run: (calc) =>
        run(G.lettersBusy, async () => {
          const { sheetNames: existing } = await readInput(excel, { rates: false });
          const plans = planCaseWorkbook(calc, { letters: true, existingSheetNames: existing });
          const { sheetNames } = await excelCall(() => excel.writeSheetPlans(plans));
          return succeeded(UI_TEXT.writtenWithLetters(sheetNames[0], sheetNames.slice(1)));
        }),
    },
  });
}
