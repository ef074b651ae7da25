/**
 * The standalone page's "Steg för steg" mode beside its form: a switch between the two. The guide
 * starts from the form's values and hands its values back to the form when the user switches back,
 * so the one-click flow (the form, its statement and "Ladda ner .xlsx") stays as it was. The guide's
 * last steps download the calculation sheet with the letters.
 */
import type { Calculation, ReferenceRateTable } from "../../engine";
import type { SheetPlan } from "../../sheet/types";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import { h } from "../ui/dom";
import type { FormValues } from "../form/form";
import { GUIDE_UI_TEXT as G } from "../guide/guideMessages";
import { GuideView, mountGuideView } from "../guide/guideView";
import { UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";

export interface StandaloneGuideParts {
  /** What the form mode shows; hidden while the guide is shown. */
  formArea: readonly HTMLElement[];
  /** The page's reference rates now (the Referensräntor panel's). */
  rates(): ReferenceRateTable;
  /** The form's values now. */
  read(): FormValues;
  /** Puts values into the form (and checks them there). */
  load(values: FormValues): void;
  buildXlsx(plans: SheetPlan[]): Promise<Uint8Array>;
  /** Offers bytes as a download. */
  save(bytes: Uint8Array, fileName: string): void;
}

/** The mode switch and the guide's area; the switch goes above the form, the area beside it. */
export function standaloneGuideMode(
  shell: Shell,
  parts: StandaloneGuideParts,
): { switcher: HTMLElement; area: HTMLElement } {
  const formButton = h("button", { type: "button", "aria-pressed": "true" }, G.modeForm);
  const guideButton = h("button", { type: "button", "aria-pressed": "false" }, G.modeGuide);
  const switcher = h(
    "div",
    { class: "guide-mode", role: "group", "aria-label": G.modeChoice },
    formButton,
    guideButton,
  );
  const area = h("div", { class: "guide-area", hidden: true });
  let guide: GuideView | null = null;

  const download = async (calc: Calculation) => {
    shell.clearError();
    shell.status(UI_TEXT.downloading);
    try {
      const plans = planCaseWorkbook(calc, { letters: true, rateSheet: true });
      const bytes = await parts.buildXlsx(plans);
      const fileName = `${plans[0].name}.xlsx`;
      parts.save(bytes, fileName);
      shell.status(UI_TEXT.downloaded(fileName));
    } catch (error) {
      shell.status("");
      shell.error(UI_TEXT.downloadFailed(messageOf(error)));
    }
  };

  const setMode = (guided: boolean) => {
    formButton.setAttribute("aria-pressed", String(!guided));
    guideButton.setAttribute("aria-pressed", String(guided));
    for (const element of parts.formArea) element.hidden = guided;
    area.hidden = !guided;
  };
  guideButton.addEventListener("click", () => {
    if (guide !== null) return;
    shell.clearError();
    guide = mountGuideView(area, {
      values: parts.read(),
      referenceRates: parts.rates(),
      note: G.standaloneNote,
      letters: { label: G.lettersStandalone, run: download },
    });
    setMode(true);
  });
  formButton.addEventListener("click", () => {
    if (guide === null) return;
    const values = guide.read();
    guide = null;
    setMode(false);
    parts.load(values);
  });
  return { switcher, area };
}
