/**
 * The guided mode's state, without a DOM: which step is shown, the furthest step reached (the step
 * list lets the user go back to any step up to it), which fields the user has reached (their problems
 * are shown), and the model evaluated from the form's values. Each function returns a new state; the
 * view (guideView.ts) renders whatever state it holds.
 */
import { ContractField, ContractInput, EngineError, ReferenceRateTable } from "../../engine";
import { GUIDE_STEP_IDS, Guide, GuideProblem, GuideStep, guide } from "../../guide/steps";
import { FORM_FIELDS, FormValues, formToContract } from "../form/form";
import { fieldProblem } from "../form/validation";
import { formMessage } from "../ui/messages";

/** The number of steps. */
export const GUIDE_TOTAL = GUIDE_STEP_IDS.length;

export interface GuideState {
  /** The step shown, 1–{@link GUIDE_TOTAL}. */
  readonly step: number;
  /** The furthest step shown so far. */
  readonly furthest: number;
  /** The fields whose problems are shown (left by the user, or asked for by "Nästa"). */
  readonly reached: ReadonlySet<ContractField>;
  /** The model for the form's values at the last evaluation. */
  readonly model: Guide;
}

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

/**
 * The state at the start, on step 1: a loaded contract is checked whole (every field reached); an
 * empty one field by field as the user reaches it.
 */
export function initialGuideState(
  values: FormValues,
  referenceRates?: ReferenceRateTable,
): GuideState {
  const filled = Object.entries(values).some(
    ([name, text]) => name !== "method" && (text ?? "").trim() !== "",
  );
  const reached = new Set<ContractField>(filled ? FORM_FIELDS.keys() : []);
  return { step: 1, furthest: 1, reached, model: guideForValues(values, referenceRates) };
}

/** The state with the model evaluated again for the form's values now. */
export function evaluated(
  state: GuideState,
  values: FormValues,
  referenceRates?: ReferenceRateTable,
): GuideState {
  return { ...state, model: guideForValues(values, referenceRates) };
}

/** The state with `fields` reached (their problems shown from now on). */
export function withReached(state: GuideState, fields: readonly ContractField[]): GuideState {
  return { ...state, reached: new Set([...state.reached, ...fields]) };
}

/** The state showing step `target` (kept within 1–total); the furthest step follows. */
export function shownAt(state: GuideState, target: number): GuideState {
  const step = Math.max(1, Math.min(GUIDE_TOTAL, target));
  return { ...state, step, furthest: Math.max(state.furthest, step) };
}

/** The step shown. */
export function currentStep(state: GuideState): GuideStep {
  return state.model.steps[state.step - 1];
}

/** A step's problems the user is to see: those not tied to a field, and those at reached fields. */
export function shownProblems(state: GuideState, step: GuideStep): GuideProblem[] {
  return step.problems.filter((p) => p.field === null || state.reached.has(p.field));
}

/** Each reached field's problem, over every step, for the fields' own problem lines. */
export function fieldProblems(state: GuideState): Map<ContractField, string> {
  const inline = new Map<ContractField, string>();
  for (const s of state.model.steps)
    for (const p of s.problems)
      if (p.field !== null && state.reached.has(p.field)) inline.set(p.field, p.message);
  return inline;
}

/** Whether the letter step has its result (the letters can be made). */
export function letterReady(state: GuideState): boolean {
  return state.model.steps[GUIDE_STEP_IDS.indexOf("letter")].state === "ready";
}

/**
 * What "Nästa" does on the shown step: its fields are reached and the model evaluated; a step with
 * problems stays (`stay`, with the first field to fix), otherwise the next step is shown.
 */
export function next(
  state: GuideState,
  values: FormValues,
  referenceRates?: ReferenceRateTable,
): { state: GuideState; stay: boolean; fixField: ContractField | null } {
  const checked = evaluated(withReached(state, currentStep(state).fields), values, referenceRates);
  const s = currentStep(checked);
  if (s.state === "problems") {
    const first = s.problems.find((p) => p.field !== null);
    return { state: checked, stay: true, fixField: first?.field ?? null };
  }
  return { state: shownAt(checked, checked.step + 1), stay: false, fixField: null };
}
