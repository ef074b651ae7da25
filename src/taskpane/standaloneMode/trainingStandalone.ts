/**
 * The "Träning" panel in the browser: a practice case named by the link (`?ovning=2.47`) opens at
 * once, and the solution's last step downloads the calculation sheet with its letters (Excel's half is
 * excelMode/trainingExcel.ts).
 */
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import type { SheetPlan } from "../../sheet/types";
import { parsePracticeCaseName } from "../../training/practiceCase";
import { GUIDE_UI_TEXT as G } from "../guide/guideMessages";
import { TrainingPanel, trainingPanel } from "../training/trainingPanel";
import { UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";

/** The case a link names: `?ovning=2.47` (or `Övning 2.47`), else none. */
export function practiceCaseFromSearch(search: string) {
  const value = new URLSearchParams(search).get("ovning");
  if (value === null) return undefined;
  return parsePracticeCaseName(/^\s*övning/i.test(value) ? value : `Övning ${value}`) ?? undefined;
}

/** The browser's panel: the solution's last step downloads the calculation sheet with its letters. */
export function standaloneTraining(
  shell: Shell,
  parts: {
    search: string;
    buildXlsx(plans: SheetPlan[]): Promise<Uint8Array>;
    save(bytes: Uint8Array, fileName: string): void;
  },
): TrainingPanel {
  return trainingPanel({
    start: practiceCaseFromSearch(parts.search),
    letters: {
      label: G.lettersStandalone,
      run: async (calc) => {
        shell.clearError();
        shell.status(UI_TEXT.downloading);
        try {
          const plans = planCaseWorkbook(calc, { letters: true });
          const fileName = `${plans[0].name}.xlsx`;
          parts.save(await parts.buildXlsx(plans), fileName);
          shell.status(UI_TEXT.downloaded(fileName));
        } catch (error) {
          shell.status("");
          shell.error(UI_TEXT.downloadFailed(messageOf(error)));
        }
      },
    },
  });
}
