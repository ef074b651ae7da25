/**
 * The guided mode's view: the workshop's seven steps (src/guide/steps.ts), one at a time, in both
 * hosts. Each step has a heading, ONE primary button that follows the step ("Nästa: Reduceringsbelopp",
 * at the last step the letters), the step's result right under it (figures, why, points to check),
 * then the step's own fields, built and checked as the form's (contractForm.ts, validation.ts).
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
import {
  Calculation,
  ContractField,
  ContractInput,
  EngineError,
  ReferenceRateTable,
} from "../../engine";
import {
  GUIDE_STEP_IDS,
  Guide,
  GuideProblem,
  GuideStep,
  STEP_FIELDS,
  guide,
  stepOfField,
} from "../../guide/steps";
import { STEP_TITLES } from "../../guide/texts";
import { ContractFormView, contractFormView, watchTyping } from "../form/contractForm";
import { Child, h, replace } from "../ui/dom";
import { FORM_FIELDS, FormField, FormValues, formToContract } from "../form/form";
import { formMessage } from "../ui/messages";
import { GUIDE_UI_TEXT as G } from "./guideMessages";
import { fieldProblem } from "../form/validation";

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

const TOTAL = GUIDE_STEP_IDS.length;

/** A value kept on one line: an amount (`−17 551 kr`, `4 784,95 kr`), a date, a count. */
const FIGURE = /^(−?[\d ]+(,\d+)?( kr)?|\d{4}-\d{2}-\d{2}|\d+ av \d+)$/;

/**
 * The guide's model for the form's values: each field's own text checked as the form checks it, then
 * the engine through the model.
 */
function guideForValues(values: FormValues, referenceRates?: ReferenceRateTable): Guide {
  const problems: GuideProblem[] = [];
  const clean: FormValues = { ...values };
  for (const [name, text] of Object.entries(values) as [ContractField, string | undefined][]) {
    const message = fieldProblem(name, text ?? "");
    if (message === null) continue;
    problems.push({ field: name, message });
    clean[name] = ""; // reported already; not read again
  }
  let input: ContractInput;
  try {
    input = formToContract(clean);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    problems.push({ field: null, message: formMessage(error) });
    input = {};
  }
  return guide(input, { referenceRates, problems });
}

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

/** Mounts the guided view into `container` (its content is replaced). */
export function mountGuideView(container: HTMLElement, options: GuideViewOptions): GuideView {
  const prefix = options.idPrefix ?? "guide-";
  const forms = GUIDE_STEP_IDS.map((_, index) => stepForm(index + 1, prefix));
  const reached = new Set<ContractField>();
  let step = 1;
  let furthest = 1;
  let model: Guide;

  const read = (): FormValues =>
    Object.assign({}, ...forms.map((f) => (f === null ? {} : f.read()))) as FormValues;
  const fill = (values: FormValues) => forms.forEach((f) => f?.fill(values));

  const heading = h("h3", { id: `${prefix}step-heading`, class: "guide-step-heading" });
  const primary = h("button", { type: "button", class: "primary" });
  const back = h("button", { type: "button" }, G.back);
  const lettersButton = h("button", { type: "button" }, options.letters.label);
  const result = h("section", {
    class: "guide-result",
    "aria-live": "polite",
    "aria-labelledby": `${prefix}step-heading`,
    tabindex: "-1",
  });
  const stepList = h("ol", { class: "guide-steps" });
  const inputs = h(
    "div",
    { class: "guide-inputs" },
    ...forms.map((f) => (f === null ? null : f.form)),
  );
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
      h("div", { class: "guide-actions" }, primary, lettersButton, back),
      result,
      inputs,
      noInputs,
    ),
  );
  replace(container, element);

  const current = (): GuideStep => model.steps[step - 1];

  /** Focus on the step's result, scrolled so that the step's heading and button are seen above it. */
  const focusResult = () => {
    heading.scrollIntoView?.({ block: "start" });
    result.focus({ preventScroll: true });
  };

  const goToField = (field: ContractField) => {
    const at = GUIDE_STEP_IDS.indexOf(stepOfField(field)) + 1;
    if (at !== step) show(at);
    forms[at - 1]?.focus(field);
  };

  /** What the result area says for a step that has no result. */
  const withoutResult = (s: GuideStep): Child[] => {
    if (s.state === "waiting" && s.waitingFor !== null) {
      const target = s.waitingFor;
      const go = h("button", { type: "button", class: "link-button" }, G.goToStep(target));
      go.addEventListener("click", () => {
        show(target);
        focusResult();
      });
      return [h("p", {}, G.waiting(target, model.steps[target - 1].title), " ", go)];
    }
    const shown = s.problems.filter((p) => p.field === null || reached.has(p.field));
    if (shown.length === 0) return [h("p", {}, G.fillIn)];
    return [
      h("p", {}, G.fixBelow),
      h(
        "ul",
        { class: "problem-summary" },
        ...shown.map(({ field, message }) => {
          if (field === null) return h("li", {}, message);
          const go = h("button", { type: "button", class: "link-button" }, G.goToField);
          go.addEventListener("click", () => goToField(field));
          return h("li", {}, message, " ", go);
        }),
      ),
    ];
  };

  const renderResult = () => {
    const s = current();
    result.classList.remove("stale");
    result.setAttribute("data-state", s.state);
    if (s.state !== "ready") return replace(result, ...withoutResult(s));
    replace(
      result,
      h(
        "dl",
        { class: "guide-figures" },
        ...s.results.flatMap((f) => [
          h("dt", {}, f.label),
          h("dd", { class: FIGURE.test(f.value) ? "figure" : undefined }, f.value),
        ]),
      ),
      ...listSection(G.why, s.why, "guide-why"),
      ...listSection(G.checks, s.checks, "guide-checks"),
    );
  };

  // The step list is built once and updated in place: a re-render while a click is under way (the
  // field left by that click is checked first) must not replace the button being clicked.
  const stepItems = GUIDE_STEP_IDS.map((id, index) => {
    const number = index + 1;
    const go = h(
      "button",
      { type: "button", class: "link-button" },
      `${number}. ${STEP_TITLES[id]}`,
    );
    go.addEventListener("click", () => {
      show(number);
      focusResult();
    });
    const summary = h("span", { class: "guide-summary" });
    const item = h("li", {}, go, summary);
    stepList.appendChild(item);
    return { item, go, summary };
  });

  const renderSteps = () => {
    model.steps.forEach((s, index) => {
      const { item, go, summary } = stepItems[index];
      item.setAttribute("data-state", s.state);
      if (s.number === step) go.setAttribute("aria-current", "step");
      else go.removeAttribute("aria-current");
      go.disabled = s.number > furthest;
      replace(summary, s.number <= furthest && s.summary !== null ? s.summary : "");
    });
  };

  const renderProblems = () => {
    const inline = new Map<ContractField, string>();
    for (const s of model.steps)
      for (const p of s.problems)
        if (p.field !== null && reached.has(p.field)) inline.set(p.field, p.message);
    forms.forEach((f) => f?.showProblems(inline));
  };

  const renderActions = () => {
    const last = step === TOTAL;
    const letterReady = model.steps[GUIDE_STEP_IDS.indexOf("letter")].state === "ready";
    replace(primary, last ? options.letters.label : G.next(model.steps[step].title));
    primary.disabled = last && !letterReady;
    lettersButton.hidden = step !== TOTAL - 1 || !letterReady;
    back.hidden = step === 1;
  };

  const render = () => {
    replace(heading, G.stepHeading(step, TOTAL, current().title));
    forms.forEach((f, index) => {
      if (f !== null) f.form.hidden = index !== step - 1;
    });
    noInputs.hidden = forms[step - 1] !== null;
    renderSteps();
    renderActions();
    renderResult();
    renderProblems();
  };

  const evaluate = () => {
    model = guideForValues(read(), options.referenceRates);
    render();
  };

  function show(target: number) {
    step = Math.max(1, Math.min(TOTAL, target));
    furthest = Math.max(furthest, step);
    render();
  }

  const runLetters = async (button: HTMLButtonElement) => {
    const calc = model.calc;
    if (calc === null) return;
    const buttons = [primary, lettersButton, back];
    for (const b of buttons) b.disabled = true;
    try {
      await options.letters.run(calc);
    } finally {
      for (const b of buttons) b.disabled = false;
      renderActions();
      button.focus();
    }
  };

  primary.addEventListener("click", () => {
    if (step === TOTAL) return void runLetters(primary);
    for (const field of current().fields) reached.add(field);
    evaluate();
    const s = current();
    if (s.state === "problems") {
      const first = s.problems.find((p) => p.field !== null);
      if (first?.field) forms[step - 1]?.focus(first.field);
      else focusResult();
      return;
    }
    show(step + 1);
    focusResult();
  });
  lettersButton.addEventListener("click", () => void runLetters(lettersButton));
  back.addEventListener("click", () => {
    show(step - 1);
    focusResult();
  });
  watchTyping(forms, {
    editing: () => result.classList.add("stale"),
    reach: (field) => {
      reached.add(field);
      evaluate();
    },
  });

  fill(options.values);
  const filled = Object.entries(options.values).some(
    ([name, text]) => name !== "method" && (text ?? "").trim() !== "",
  );
  // A loaded contract is checked whole; an empty one field by field as the user reaches it.
  if (filled) for (const name of FORM_FIELDS.keys()) reached.add(name);
  evaluate();

  return {
    element,
    current: () => step,
    read,
    model: () => model,
    focusResult,
  };
}
