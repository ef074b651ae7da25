/**
 * The guided mode's view: the workshop's seven steps (src/guide/steps.ts), one at a time, in both
 * hosts. Each step has a heading, the step's result right under it (figures, why, points to check),
 * then ONE primary button that follows the step ("Nästa: Reduceringsbelopp", at the last step the
 * letters) and "Ändra uppgifterna i steget", then the step's own fields, built and checked as the
 * form's (contractForm.ts, validation.ts). By keyboard: focus lands on the new step's result; the
 * next Tab is the primary button, the one after it the way into the step's fields.
 *
 * - The list of steps above shows where the user is (aria-current="step") and each visited step's key
 *   figure, so a change in an early step is seen to carry through the later ones at once.
 * - A field is checked when the user leaves it or pauses typing; its problem is shown under it. "Nästa"
 *   on a step with problems stays on the step, shows every problem of the step and moves focus to the
 *   first field with one; otherwise it moves to the next step and focus to that step's result.
 * - "Tillbaka" and the step list go to an earlier step, focus on its result; inputs changed there are
 *   followed by every later step.
 * - An action that runs (the letters) disables its button while it runs; focus returns to the button.
 * The host hands in how the letters are made (Excel: sheets written; standalone: a download).
 */
import { Calculation, ContractField, ReferenceRateTable } from "../../engine";
import { GUIDE_STEP_IDS, Guide, GuideStep, STEP_FIELDS, stepOfField } from "../../guide/steps";
import { STEP_TITLES } from "../../guide/texts";
import { ContractFormView, contractFormView, watchTyping } from "../form/contractForm";
import { Child, h, replace } from "../ui/dom";
import { FORM_FIELDS, FormField, FormValues } from "../form/form";
import { GUIDE_UI_TEXT as G } from "./guideMessages";
import {
  GUIDE_TOTAL as TOTAL,
  GuideState,
  currentStep,
  evaluated,
  fieldProblems,
  initialGuideState,
  letterReady,
  next,
  shownAt,
  shownProblems,
  withReached,
} from "./guideState";

/** How the host makes the calculation sheet with the letters. */
export interface GuideLetters {
  /** The button's text ("Skapa beräkningsblad med brev", "Ladda ner .xlsx med brev"). */
  label: string;
  /** Makes them, reporting progress and problems in the host's status and alert lines. */
  run(calc: Calculation): Promise<void>;
}

export interface GuideViewOptions {
  /** The contract to start from, as the form's values. */
  values: FormValues;
  /** Late interest's reference rates (Excel: the workbook's); the built-in table by default. */
  referenceRates?: ReferenceRateTable;
  /** A note under the heading (Excel: where the contract came from, edits stay in the pane). */
  note?: Child;
  letters: GuideLetters;
  /** Prefix of the view's element ids, so two guides on one page stay apart; default "guide-". */
  idPrefix?: string;
}

export interface GuideView {
  element: HTMLElement;
  /** The current step, 1–7. */
  current(): number;
  /** The form's values now (every step's fields). */
  read(): FormValues;
  /** The model shown now. */
  model(): Guide;
  /** Moves focus to the current step's result. */
  focusResult(): void;
}

/** A value kept on one line: an amount (`−17 551 kr`, `4 784,95 kr`), a date, a count. */
const FIGURE = /^(−?[\d ]+(,\d+)?( kr)?|\d{4}-\d{2}-\d{2}|\d+ av \d+)$/;

/** The form fields of a step, as one fieldset. */
function stepForm(step: number, idPrefix: string): ContractFormView | null {
  const id = GUIDE_STEP_IDS[step - 1];
  const fields = STEP_FIELDS[id]
    .map((name) => FORM_FIELDS.get(name))
    .filter((f): f is FormField => f !== undefined);
  if (fields.length === 0) return null;
  return contractFormView({
    groups: [{ title: G.inputs, fields }],
    idPrefix,
    label: STEP_TITLES[id],
  });
}

/** A list under a small heading, or nothing when empty. */
function listSection(title: string, items: readonly string[], className: string): Child[] {
  if (items.length === 0) return [];
  return [h("h4", {}, title), h("ul", { class: className }, ...items.map((i) => h("li", {}, i)))];
}

/** A small link-styled button that runs `action`. */
function linkButton(text: string, action: () => void): HTMLButtonElement {
  const button = h("button", { type: "button", class: "link-button" }, text);
  button.addEventListener("click", action);
  return button;
}

/** The view's fixed elements; the renderers below fill them. */
interface GuideDom {
  element: HTMLElement;
  heading: HTMLElement;
  primary: HTMLButtonElement;
  /** "Ändra uppgifterna i steget": from a result shown to the step's first field in one jump. */
  edit: HTMLButtonElement;
  back: HTMLButtonElement;
  lettersButton: HTMLButtonElement;
  result: HTMLElement;
  stepList: HTMLElement;
  noInputs: HTMLElement;
}

function guideDom(
  prefix: string,
  forms: readonly (ContractFormView | null)[],
  options: GuideViewOptions,
): GuideDom {
  const heading = h("h3", { id: `${prefix}step-heading`, class: "guide-step-heading" });
  const primary = h("button", { type: "button", class: "primary" });
  const back = h("button", { type: "button" }, G.back);
  const lettersButton = h("button", { type: "button" }, options.letters.label);
  const edit = h("button", { type: "button", class: "link-button guide-edit" }, G.editInputs);
  const result = h("section", {
    class: "guide-result",
    "aria-live": "polite",
    "aria-labelledby": `${prefix}step-heading`,
    tabindex: "-1",
  });
  const stepList = h("ol", { class: "guide-steps" });
  const inputs = h("div", { class: "guide-inputs" }, ...forms.map((f) => f?.form ?? null));
  const noInputs = h("p", { class: "hint" }, G.noInputs);
  const element = h(
    "section",
    { class: "guide", "aria-labelledby": `${prefix}heading` },
    h("h2", { id: `${prefix}heading` }, G.heading),
    options.note ? h("p", { class: "hint guide-note" }, options.note) : null,
    h("nav", { "aria-label": G.stepList }, stepList),
    h(
      "div",
      { class: "guide-step" },
      heading,
      result,
      h("div", { class: "guide-actions" }, primary, edit, lettersButton, back),
      inputs,
      noInputs,
    ),
  );
  return { element, heading, primary, edit, back, lettersButton, result, stepList, noInputs };
}

/** Where the view leads the user when a link in it is followed. */
interface GuideMoves {
  toStep(step: number): void;
  toField(field: ContractField): void;
}

/** What the result area says for a step that has no result. */
function withoutResult(state: GuideState, s: GuideStep, moves: GuideMoves): Child[] {
  if (s.state === "waiting" && s.waitingFor !== null) {
    const target = s.waitingFor;
    const go = linkButton(G.goToStep(target), () => moves.toStep(target));
    return [h("p", {}, G.waiting(target, state.model.steps[target - 1].title), " ", go)];
  }
  const shown = shownProblems(state, s);
  if (shown.length === 0) return [h("p", {}, G.fillIn)];
  const items = shown.map(({ field, message }) =>
    field === null
      ? h("li", {}, message)
      : h(
          "li",
          {},
          message,
          " ",
          linkButton(G.goToField, () => moves.toField(field)),
        ),
  );
  return [h("p", {}, G.fixBelow), h("ul", { class: "problem-summary" }, ...items)];
}

/** The step's result: its figures, why, and what to check; or why there is none. */
function renderResult(result: HTMLElement, state: GuideState, moves: GuideMoves): void {
  const s = currentStep(state);
  result.classList.remove("stale");
  result.setAttribute("data-state", s.state);
  if (s.state !== "ready") return replace(result, ...withoutResult(state, s, moves));
  const figures = s.results.flatMap((f) => [
    h("dt", {}, f.label),
    h("dd", { class: FIGURE.test(f.value) ? "figure" : undefined }, f.value),
  ]);
  replace(
    result,
    h("dl", { class: "guide-figures" }, ...figures),
    ...listSection(G.why, s.why, "guide-why"),
    ...listSection(G.checks, s.checks, "guide-checks"),
  );
}

interface StepItem {
  item: HTMLElement;
  go: HTMLButtonElement;
  summary: HTMLElement;
}

/**
 * The step list, built once and updated in place: a re-render while a click is under way (the field
 * left by that click is checked first) must not replace the button being clicked.
 */
function stepItems(stepList: HTMLElement, moves: GuideMoves): StepItem[] {
  return GUIDE_STEP_IDS.map((id, index) => {
    const go = linkButton(`${index + 1}. ${STEP_TITLES[id]}`, () => moves.toStep(index + 1));
    const summary = h("span", { class: "guide-summary" });
    const item = h("li", {}, go, summary);
    stepList.appendChild(item);
    return { item, go, summary };
  });
}

function renderSteps(items: readonly StepItem[], state: GuideState): void {
  state.model.steps.forEach((s, index) => {
    const { item, go, summary } = items[index];
    item.setAttribute("data-state", s.state);
    if (s.number === state.step) go.setAttribute("aria-current", "step");
    else go.removeAttribute("aria-current");
    go.disabled = s.number > state.furthest;
    replace(summary, s.number <= state.furthest && s.summary !== null ? s.summary : "");
  });
}

function renderActions(dom: GuideDom, state: GuideState, lettersLabel: string): void {
  const last = state.step === TOTAL;
  const ready = letterReady(state);
  replace(dom.primary, last ? lettersLabel : G.next(state.model.steps[state.step].title));
  dom.primary.disabled = last && !ready;
  dom.lettersButton.hidden = state.step !== TOTAL - 1 || !ready;
  dom.back.hidden = state.step === 1;
  dom.edit.hidden =
    currentStep(state).state !== "ready" ||
    STEP_FIELDS[GUIDE_STEP_IDS[state.step - 1]].length === 0;
}

/** Mounts the guided view into `container` (its content is replaced). */
export function mountGuideView(container: HTMLElement, options: GuideViewOptions): GuideView {
  const prefix = options.idPrefix ?? "guide-";
  const rates = options.referenceRates;
  const forms = GUIDE_STEP_IDS.map((_, index) => stepForm(index + 1, prefix));
  const read = (): FormValues =>
    Object.assign({}, ...forms.map((f) => f?.read() ?? {})) as FormValues;
  const dom = guideDom(prefix, forms, options);
  replace(container, dom.element);

  /** Focus on the step's result, scrolled so that the step's heading and button are seen above it. */
  const focusResult = () => {
    dom.heading.scrollIntoView?.({ block: "start" });
    dom.result.focus({ preventScroll: true });
  };
  const moves: GuideMoves = {
    toStep: (target) => {
      show(shownAt(state, target));
      focusResult();
    },
    toField: (field) => {
      const at = GUIDE_STEP_IDS.indexOf(stepOfField(field)) + 1;
      if (at !== state.step) show(shownAt(state, at));
      forms[at - 1]?.focus(field);
    },
  };
  const items = stepItems(dom.stepList, moves);

  forms.forEach((f) => f?.fill(options.values));
  let state = initialGuideState(read(), rates);
  function show(next: GuideState) {
    state = next;
    replace(dom.heading, G.stepHeading(state.step, TOTAL, currentStep(state).title));
    forms.forEach((f, index) => {
      if (f !== null) f.form.hidden = index !== state.step - 1;
    });
    dom.noInputs.hidden = forms[state.step - 1] !== null;
    renderSteps(items, state);
    renderActions(dom, state, options.letters.label);
    renderResult(dom.result, state, moves);
    forms.forEach((f) => f?.showProblems(fieldProblems(state)));
  }

  const runLetters = async (button: HTMLButtonElement) => {
    const calc = state.model.calc;
    if (calc === null) return;
    const buttons = [dom.primary, dom.edit, dom.lettersButton, dom.back];
    for (const b of buttons) b.disabled = true;
    try {
      await options.letters.run(calc);
    } finally {
      for (const b of buttons) b.disabled = false;
      renderActions(dom, state, options.letters.label);
      button.focus();
    }
  };

  // A press on the step's buttons keeps focus where it is until the click: leaving a field re-renders
  // the result above them, which would move the button away from under the pointer mid-click.
  for (const button of [dom.primary, dom.back])
    button.addEventListener("mousedown", (event) => event.preventDefault());
  dom.primary.addEventListener("click", () => {
    if (state.step === TOTAL) return void runLetters(dom.primary);
    const outcome = next(state, read(), rates);
    show(outcome.state);
    if (outcome.fixField !== null) forms[state.step - 1]?.focus(outcome.fixField);
    else focusResult();
  });
  dom.lettersButton.addEventListener("click", () => void runLetters(dom.lettersButton));
  dom.edit.addEventListener("click", () => {
    const first = forms[state.step - 1]?.form.querySelector<HTMLElement>("input, select");
    first?.focus();
  });
  dom.back.addEventListener("click", () => moves.toStep(state.step - 1));
  watchTyping(forms, {
    editing: () => dom.result.classList.add("stale"),
    reach: (field) => show(evaluated(withReached(state, [field]), read(), rates)),
  });
  show(state);

  return {
    element: dom.element,
    current: () => state.step,
    read,
    model: () => state.model,
    focusResult,
  };
}
