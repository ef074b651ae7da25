/**
 * The standalone form's checking and the result beside it: which fields the user has reached, the
 * last calculation, a refused link. A field the user has not reached shows no problem; while a field
 * is being typed, the last statement stays visible, marked as not matching the form any more, and
 * cannot be downloaded.
 */
import { Calculation, ContractField, Day, ReferenceRateTable } from "../../engine";
import { Child, h, replace } from "../ui/dom";
import { UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";
import { calculationView } from "../ui/statementView";
import { ContractFormView, showFormProblem } from "./contractForm";
import { FormValues } from "./form";
import { FormProblem, validateForm } from "./validation";

/** The page's reference rates: the table to calculate with, and the way to add a missing rate. */
export interface FormRates {
  table(): ReferenceRateTable;
  /** Brings the user to where the half-year's rate is added. */
  goTo(from?: Day): void;
}

/** Whether nothing but the method (which always has a value) is filled in. */
function isEmpty(values: FormValues): boolean {
  return Object.entries(values).every(([name, v]) => name === "method" || (v ?? "").trim() === "");
}

/** Where the result would be: why there is none, and each problem with a way to its field. */
function placeholderView(
  view: ContractFormView,
  rates: FormRates,
  problems: readonly FormProblem[],
  text: string = UI_TEXT.noResult,
): HTMLElement {
  const items = problems.map(({ field, message, missingRate }) => {
    // A missing rate is added in the Referensräntor panel, not at the date the message names.
    if (missingRate !== undefined) {
      const goTo = h("button", { type: "button", class: "link-button" }, UI_TEXT.goToRates);
      goTo.addEventListener("click", () => rates.goTo(missingRate));
      return h("li", {}, message, " ", goTo);
    }
    if (field === null) return h("li", {}, message);
    const goTo = h("button", { type: "button", class: "link-button" }, UI_TEXT.goToField);
    goTo.addEventListener("click", () => view.focus(field));
    return h("li", {}, message, " ", goTo);
  });
  return h(
    "div",
    { class: "placeholder" },
    h("p", {}, text),
    items.length > 0 ? h("ul", { class: "problem-summary" }, ...items) : null,
  );
}

/** A link refused for its unknown fields: the engine's message for each, and a way to go on. */
function linkRefusalView(messages: readonly string[], goOn: () => void): Child[] {
  const button = h("button", { type: "button" }, UI_TEXT.dropUnknownFields);
  button.addEventListener("click", goOn);
  return [
    h("p", {}, UI_TEXT.linkRefused),
    h("ul", {}, ...messages.map((m) => h("li", {}, m))),
    button,
  ];
}

/** The result area: a calculation, a placeholder, and the "not matching the form" mark. */
function resultArea(
  result: HTMLElement,
  download: HTMLButtonElement,
  view: ContractFormView,
  rates: FormRates,
) {
  const staleNote = h("p", { class: "stale-note" }, UI_TEXT.staleResult);
  let current: Calculation | null = null;
  const setStale = (stale: boolean) => {
    result.classList.toggle("stale", stale);
    if (stale && staleNote.parentNode !== result) result.insertBefore(staleNote, result.firstChild);
    if (!stale) staleNote.remove();
    download.disabled = stale || current === null;
  };
  return {
    current: () => current,
    setStale,
    clear: () => {
      current = null;
      setStale(false);
    },
    placeholder: (problems: readonly FormProblem[] = [], text?: string) => {
      view.showProblems(new Map());
      replace(result, placeholderView(view, rates, problems, text));
    },
    show: (calc: Calculation) => {
      view.showProblems(new Map());
      current = calc;
      download.disabled = false;
      replace(result, calculationView(calc));
    },
  };
}

/** Each reached field's problem at its field; a problem of the whole contract in the alert line. */
function showProblems(
  shell: Shell,
  view: ContractFormView,
  reached: ReadonlySet<ContractField>,
  problems: readonly FormProblem[],
): void {
  const inline = new Map<ContractField, string>();
  for (const p of problems)
    if (p.field !== null && reached.has(p.field)) inline.set(p.field, p.message);
  view.showProblems(inline);
  const whole = problems.filter((p) => p.field === null).map((p) => p.message);
  if (whole.length > 0) shell.error(whole.join(" "));
}

/**
 * The form's controller: `evaluate` shows the state of the form now; `editing` marks the result as
 * not matching the form while a field is typed.
 */
export function formController(
  shell: Shell,
  view: ContractFormView,
  result: HTMLElement,
  download: HTMLButtonElement,
  rates: FormRates,
) {
  const area = resultArea(result, download, view, rates);
  let reached = new Set<ContractField>();
  let linkProblems: string[] = [];
  /** What was last shown: an event that changed nothing (a blur after the pause) redraws nothing. */
  let shownKey: string | null = null;

  const evaluate = (force = false) => {
    const values = view.read();
    const key = JSON.stringify([values, [...reached].sort(), linkProblems]);
    if (!force && key === shownKey) return area.setStale(false);
    shownKey = key;
    area.clear();
    shell.clearError();
    if (linkProblems.length > 0) return area.placeholder([], UI_TEXT.linkRefusedResult);
    if (isEmpty(values)) return area.placeholder();
    let outcome: ReturnType<typeof validateForm>;
    try {
      outcome = validateForm(values, rates.table());
    } catch (error) {
      area.placeholder();
      return shell.error(UI_TEXT.internalError(messageOf(error)));
    }
    if (outcome.ok) return area.show(outcome.calc);
    showProblems(shell, view, reached, outcome.problems);
    replace(result, placeholderView(view, rates, outcome.problems));
  };

  /** Refuses the linked contract for its unknown fields, with a way to go on without them. */
  const refuseLink = (messages: string[]) => {
    linkProblems = messages;
    if (messages.length === 0) return showFormProblem(view);
    const goOn = () => {
      refuseLink([]);
      evaluate(true);
    };
    showFormProblem(view, ...linkRefusalView(messages, goOn));
  };

  return {
    evaluate,
    current: area.current,
    /** A field is being typed: the result no longer matches the form. */
    editing: () => area.setStale(area.current() !== null),
    /** The user left a field or paused: check it from now on. */
    reach: (field: ContractField) => {
      reached.add(field);
      evaluate();
    },
    /** Every field is checked from now on (a loaded contract, a link asked for). */
    reachAll: () => {
      reached = new Set(Object.keys(view.read()) as ContractField[]);
    },
    /** New start values: the form filled, every field checked, a link's unknown fields refused. */
    load: (values: FormValues, unknown: string[]) => {
      view.fill(values);
      // A loaded contract is checked whole; an empty form field by field as the user reaches it.
      reached = new Set(isEmpty(values) ? [] : (Object.keys(view.read()) as ContractField[]));
      refuseLink(unknown);
      evaluate(true);
    },
  };
}
