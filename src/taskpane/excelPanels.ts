/**
 * The Excel mode's panels as DOM, without behaviour: the one-row actions, the whole-table panel and the
 * reference-rate panel. Each returns its element and the controls the pane wires up (excelPane.ts).
 */
import { describeHalfYear } from "../engine";
import type { KnownHalfYear } from "../sheet/referenceSheet";
import { h, replace } from "./dom";
import { UI_TEXT } from "./messages";
import { formatPercent } from "./rates";

/** A button with its help text as tooltip; the help is also shown under it by {@link action}. */
function button(text: string, help: string, primary = false): HTMLButtonElement {
  return h("button", { type: "button", class: primary ? "primary" : undefined, title: help }, text);
}

/** A button with its help text under it. */
function action(b: HTMLButtonElement): HTMLElement {
  return h("div", { class: "action" }, b, h("p", { class: "hint" }, b.title));
}

/** The actions on one row: insert the training workbook, preview the row, write its sheet. */
export function rowPanel() {
  const insert = button(UI_TEXT.insertTraining, UI_TEXT.insertTrainingHelp);
  const preview = button(UI_TEXT.previewRow, UI_TEXT.previewRowHelp);
  const create = button(UI_TEXT.createSheet, UI_TEXT.createSheetHelp, true);
  // Off by default: the one-click sheet stays as it was, and every extra sheet lands in the user's
  // own workbook (the standalone download, a fresh file, has the letters on by default).
  const letters = h("input", { type: "checkbox", id: "with-letters" });
  const lettersChoice = h(
    "div",
    { class: "check", title: UI_TEXT.withLettersHelp },
    letters,
    h("label", { for: "with-letters" }, UI_TEXT.withLetters),
  );
  const element = h(
    "div",
    { class: "actions" },
    ...[insert, preview, create].map(action),
    lettersChoice,
  );
  return { element, insert, preview, create, letters };
}

/** The whole table: a summary sheet, optionally with a calculation sheet per case. */
export function batchPanel() {
  const summary = button(UI_TEXT.createSummary, UI_TEXT.createSummaryHelp, true);
  const perCase = h("input", { type: "checkbox", id: "case-sheets" });
  const element = h(
    "section",
    { class: "panel", "aria-labelledby": "batch-heading" },
    h("h2", { id: "batch-heading" }, UI_TEXT.batchHeading),
    h("p", { class: "hint" }, UI_TEXT.batchIntro),
    h("div", { class: "check" }, perCase, h("label", { for: "case-sheets" }, UI_TEXT.caseSheets)),
    action(summary),
  );
  return { element, summary, perCase };
}

/** The reference rates: the last half-year known and a form to add the next one. */
export function ratesPanel() {
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
  const element = h(
    "section",
    { class: "panel", "aria-labelledby": "rates-heading" },
    h("h2", { id: "rates-heading" }, UI_TEXT.ratesHeading),
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
