/**
 * The Excel mode's panels as DOM, without behaviour: the selected-row line, the one-row actions (ONE
 * primary button: the sheet), the new contract sheets (an empty table for a real case, the training
 * workbook), and the rarely used panels, folded away (closed at first, remembered): the whole table
 * and the reference rates. Each returns its element and the controls the pane wires up (excelPane.ts).
 */
import { describeHalfYear, formatPercent } from "../../engine";
import type { KnownHalfYear } from "../../sheet/referenceSheet";
import { Child, h, replace } from "../ui/dom";
import { UI_TEXT } from "../ui/messages";

/** A button with its help text as tooltip; the help is also shown under it by {@link action}. */
function button(text: string, help: string, primary = false): HTMLButtonElement {
  return h("button", { type: "button", class: primary ? "primary" : undefined, title: help }, text);
}

/** A button with its help text under it. */
function action(b: HTMLButtonElement): HTMLElement {
  return h("div", { class: "action" }, b, h("p", { class: "hint" }, b.title));
}

/** The row the cursor is on, kept current by the pane ("Markerad rad: Kontrakt!A3 (Övning 2)"). */
export function selectedRowLine() {
  const element = h("p", { class: "selected-row", "aria-live": "polite" }, UI_TEXT.selectedUnknown);
  return { element, show: (text: string) => replace(element, text) };
}

/** The actions on the selected row: write its sheet (the primary action), or preview it here. */
export function rowPanel() {
  const create = button(UI_TEXT.createSheet, UI_TEXT.createSheetHelp, true);
  const preview = button(UI_TEXT.previewRow, UI_TEXT.previewRowHelp);
  // Off by default: the one-click sheet stays as it was, and every extra sheet lands in the user's
  // own workbook (the standalone download, a fresh file, has the letters on by default).
  const letters = h("input", { type: "checkbox", id: "with-letters" });
  const lettersChoice = h(
    "div",
    { class: "check", title: UI_TEXT.withLettersHelp },
    letters,
    h("label", { for: "with-letters" }, UI_TEXT.withLetters),
  );
  const element = h("div", { class: "actions" }, action(create), lettersChoice, action(preview));
  return { element, preview, create, letters };
}

/** New contract sheets: an empty table for a real case (when the host offers it), the training workbook. */
export function insertPanel(withTable: boolean) {
  const table = withTable ? button(UI_TEXT.insertTable, UI_TEXT.insertTableHelp) : null;
  const insert = button(UI_TEXT.insertTraining, UI_TEXT.insertTrainingHelp);
  const element = h(
    "section",
    { class: "panel", "aria-labelledby": "insert-heading" },
    h("h2", { id: "insert-heading" }, UI_TEXT.newSheetHeading),
    h("div", { class: "actions" }, table ? action(table) : null, action(insert)),
  );
  return { element, table, insert };
}

/** Remembers whether each folding panel is open (the pane keeps it in localStorage when it can). */
export interface PanelMemory {
  isOpen(id: string): boolean;
  remember(id: string, open: boolean): void;
}

/** A panel folded under its heading (`<details>`), closed unless it was left open. */
export function foldingPanel(
  id: string,
  heading: string,
  memory: PanelMemory,
  ...children: Child[]
) {
  const element = h(
    "details",
    { class: "panel fold", id, open: memory.isOpen(id) },
    h("summary", {}, h("h2", { id: `${id}-heading` }, heading)),
    ...children,
  );
  element.addEventListener("toggle", () => memory.remember(id, element.hasAttribute("open")));
  return element;
}

/** The whole table: a summary sheet, optionally with a calculation sheet per case. */
export function batchPanel(memory: PanelMemory) {
  const summary = button(UI_TEXT.createSummary, UI_TEXT.createSummaryHelp);
  const perCase = h("input", { type: "checkbox", id: "case-sheets" });
  const element = foldingPanel(
    "batch",
    UI_TEXT.batchHeading,
    memory,
    h("p", { class: "hint" }, UI_TEXT.batchIntro),
    h("div", { class: "check" }, perCase, h("label", { for: "case-sheets" }, UI_TEXT.caseSheets)),
    action(summary),
  );
  return { element, summary, perCase };
}

/** The reference rates: the last half-year known and a form to add the next one. */
export function ratesPanel(memory: PanelMemory) {
  const lastKnown = h("p", { class: "last-known" });
  const label = h("label", { for: "next-rate" });
  const add = h("button", { type: "submit" }, UI_TEXT.addRate);
  const input = h("input", {
    type: "text",
    id: "next-rate",
    inputmode: "decimal",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "1,75",
    "aria-describedby": "next-rate-hint",
  });
  const problem = h("p", { class: "field-problem", id: "next-rate-problem", hidden: true });
  const form = h(
    "form",
    { class: "rate-form", novalidate: true },
    label,
    h(
      "div",
      { class: "control" },
      input,
      h("span", { class: "unit", "aria-hidden": "true" }, "%"),
      add,
    ),
    problem,
    h("p", { class: "hint", id: "next-rate-hint" }, UI_TEXT.addRateHelp),
  );
  const element = foldingPanel(
    "rates",
    UI_TEXT.ratesHeading,
    memory,
    lastKnown,
    form,
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
  /** Shows the last half-year known and names the next one in the form's label. */
  const showKnown = (known: KnownHalfYear) => {
    replace(
      lastKnown,
      UI_TEXT.lastKnown(
        describeHalfYear(known.from),
        formatPercent(known.percent),
        known.source === "sheet",
      ),
    );
    replace(label, UI_TEXT.nextHalfYear(describeHalfYear(known.next)));
  };
  /** Shows the typed rate's problem right under the field (null: none). */
  const showProblem = (message: string | null) => {
    replace(problem, message ?? "");
    problem.hidden = message === null;
    if (message === null) input.removeAttribute("aria-invalid");
    else input.setAttribute("aria-invalid", "true");
    input.setAttribute(
      "aria-describedby",
      message === null ? "next-rate-hint" : "next-rate-problem next-rate-hint",
    );
  };
  return { element, form, input, add, showKnown, showProblem };
}
