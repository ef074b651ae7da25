/**
 * What is wrong with the form, field by field, for the pane to show beside each field. No DOM here:
 * tested in test/taskpaneLogic.test.ts.
 *
 * - A field's own text is checked alone (a number that is no number, an impossible date, a rate
 *   outside 0–100 %), so every such field gets its message, not only the first one.
 * - The rules that span fields are the engine's (`parseContract`, the calculation); it names the first
 *   broken one, which is shown at the field it names.
 * - A rate typed as a fraction (0,0595 for 5,95 %) makes the instalment look wrong, so the engine
 *   blames the instalment; when reading the rate as a percentage would remove that problem, the
 *   problem is shown at the rate field instead ("0,0595 % — menade du 5,95 %?").
 * - A `#contract=` link is refused, as the command line refuses the file, when it carries a field
 *   the engine does not know; the engine's message is shown as it comes (it names the field).
 */
import {
  Calculation,
  ContractField,
  ContractInput,
  Day,
  EngineError,
  ReferenceRateTable,
  parseDecimal,
  parseIsoDate,
  unknownFieldErrors,
} from "../../engine";
import {
  FORM_FIELDS,
  FormResult,
  FormValues,
  calculateForm,
  formToContract,
  showDecimal,
} from "./form";
import { UI_TEXT, formMessage } from "../ui/messages";

/** A problem to show: the field it is about (null: the contract as a whole) and the message. */
export interface FormProblem {
  field: ContractField | null;
  message: string;
  /** A missing reference rate: the half-year's start, where the rate is added rather than the field. */
  missingRate?: Day;
}

export type Validation =
  { ok: true; input: ContractInput; calc: Calculation } | { ok: false; problems: FormProblem[] };

/** The problem with one field's text taken alone (not a number, not a date, …), or null. */
export function fieldProblem(name: ContractField, text: string): string | null {
  const value = text.trim();
  if (value === "") return null;
  try {
    switch (FORM_FIELDS.get(name)?.kind) {
      case "money":
        if (parseDecimal(value, name).isNegative()) throw new EngineError("negative", name, value);
        break;
      case "integer":
        if (!parseDecimal(value, name).isInteger())
          throw new EngineError("notInteger", name, value);
        break;
      case "percent":
        formToContract({ [name]: value }); // the form's own reading of a percentage
        break;
      case "date":
        parseIsoDate(value, name);
        break;
      default:
        break;
    }
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return formMessage(error);
  }
  return null;
}

/**
 * The form's problems, each at its field: every field whose text is wrong by itself, and the
 * engine's first problem with the contract as a whole (unless it is about one of those fields);
 * or the calculation when there is none.
 */
export function validateForm(values: FormValues, referenceRates?: ReferenceRateTable): Validation {
  const problems: FormProblem[] = [];
  for (const [name, text] of Object.entries(values) as [ContractField, string | undefined][]) {
    const message = fieldProblem(name, text ?? "");
    if (message !== null) problems.push({ field: name, message });
  }
  const outcome = withFractionHint(values, calculateForm(values, referenceRates));
  if (outcome.ok && problems.length === 0)
    return { ok: true, input: outcome.input, calc: outcome.calc };
  if (!outcome.ok && !problems.some((p) => p.field !== null && p.field === outcome.field))
    problems.push({
      field: outcome.field,
      message: outcome.message,
      missingRate: outcome.missingRate,
    });
  return { ok: false, problems };
}

/**
 * The rate's problem instead of `outcome`'s when the nominal rate reads as a fraction: above 0 and
 * below 1 (percent), and the contract fails elsewhere at that rate but not there at 100 times it.
 */
function withFractionHint(values: FormValues, outcome: FormResult): FormResult {
  if (outcome.ok || outcome.field === "annualRate") return outcome;
  const typed = (values.annualRate ?? "").trim().replace(/\s*%$/, "");
  let percent;
  try {
    percent = parseDecimal(typed, "annualRate");
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return outcome;
  }
  if (!(percent.greaterThan(0) && percent.lessThan(1))) return outcome;
  const meant = showDecimal(percent.times(100));
  const retried = calculateForm({ ...values, annualRate: meant });
  if (!retried.ok && retried.field === outcome.field) return outcome; // not the rate's doing
  return {
    ok: false,
    field: "annualRate",
    message: UI_TEXT.rateLooksLikeFraction(showDecimal(percent), meant),
  };
}

/**
 * The engine's refusal of each field of a linked contract that is not a contract field (the
 * command line refuses the same file with the same message), in the link's order; empty when
 * every field is known.
 */
export function unknownFieldProblems(input: ContractInput): string[] {
  return unknownFieldErrors(input).map(formMessage);
}
