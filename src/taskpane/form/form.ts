/**
 * The contract form as data: its groups and fields, and the mapping between the form's text values and
 * the contract JSON that `parseContract` reads (the JSON of `examples/*.json` and of `#contract=` links).
 * No DOM here, so the mapping is tested without a browser (test/taskpaneLogic.test.ts).
 *
 * Labels, kinds and hints come from the engine's contract schema (src/engine/schema.ts); only the
 * grouping is the form's own. Conventions of the form, each chosen so that what the user sees is what
 * the workbook shows:
 * - labels are the schema's Swedish labels, the headers of the training workbook's `Kontrakt` sheet;
 * - rates are typed by the contract's one rule (`5,95`, `5,95 %` or `0,0595` for 0.0595; a rate
 *   below 1 % with its sign, `0,5 %`) and converted exactly, in decimals, both ways;
 * - numbers are shown with a decimal comma and read with comma or point, spaces allowed (`143 750`);
 * - dates are ISO text (ÅÅÅÅ-MM-DD), as in the contract JSON, so a mistyped date is reported with
 *   its value instead of silently becoming empty as a browser date picker would make it;
 * - an empty field is left out of the JSON, so the engine's documented default applies.
 * Validation is the engine's: a value the form cannot convert is passed on as typed, and
 * `parseContract` names the field and the value.
 */
import {
  CONTRACT_FIELDS,
  CONTRACT_SCHEMA,
  Calculation,
  ContractField,
  ContractInput,
  Day,
  Dec,
  EngineError,
  FieldKind,
  METHOD_NAMES,
  MessageArgs,
  ReferenceRateTable,
  calculate,
  parseContract,
  parseDecimal,
  parseRate,
} from "../../engine";
import { UI_TEXT, formMessage } from "../ui/messages";

/** How a field is typed and shown. */
export type FormFieldKind = "text" | "money" | "percent" | "integer" | "date" | "method";

export interface FormField {
  name: ContractField;
  /** The Swedish label (the training workbook's header for the field). */
  label: string;
  kind: FormFieldKind;
  /** What an empty field means, or how to write the value. */
  hint?: string;
}

export interface FormGroup {
  title: string;
  fields: FormField[];
}

/** The text of each field, by JSON name; a field not in the object is empty. */
export type FormValues = Partial<Record<ContractField, string>>;

const FORM_KINDS: Readonly<Record<FieldKind, FormFieldKind>> = {
  text: "text",
  money: "money",
  rate: "percent",
  integer: "integer",
  date: "date",
  method: "method",
};

/** A field as the form shows it, from the contract schema. */
function field(name: ContractField): FormField {
  const spec = CONTRACT_SCHEMA[name];
  const hint = [spec.help, spec.whenEmpty && UI_TEXT.whenEmpty(spec.whenEmpty)]
    .filter(Boolean)
    .join(" ");
  return { name, label: spec.label, kind: FORM_KINDS[spec.kind], hint: hint || undefined };
}

/**
 * Every contract field, once, in the groups the form shows: a layout for someone filling in a form
 * (the case, the credit, the instalments, …), not the procedure's stages that the guided mode follows.
 */
const GROUPS: readonly { title: string; fields: readonly ContractField[] }[] = [
  {
    title: "Ärende",
    fields: ["caseId", "creditor", "creditorAddress", "debtor", "debtorAddress", "goods"],
  },
  { title: "Kredit", fields: ["cashPrice", "downPayment", "creditAmount", "annualRate"] },
  {
    title: "Avbetalningar",
    fields: [
      "installments",
      "firstDueDate",
      "installmentAmount",
      "residual",
      "installmentsPaid",
      "unpaidCreditClaim",
    ],
  },
  {
    title: "Ränta och avgifter",
    fields: [
      "monthlyFee",
      "setupFee",
      "claimedInterest",
      "interestFrom",
      "interestCapital",
      "lateInterestRate",
      "basicFee",
      "applicantCosts",
    ],
  },
  {
    title: "Datum",
    fields: ["contractDate", "applicationDate", "noticeDate", "repossessionDate"],
  },
  { title: "Värdering", fields: ["estimatedValue", "method"] },
];

/** The form's groups with each field's label, kind and hint from the schema. */
export const FORM_GROUPS: readonly FormGroup[] = GROUPS.map((group) => ({
  title: group.title,
  fields: group.fields.map(field),
}));

/** Every form field by name. */
export const FORM_FIELDS: ReadonlyMap<ContractField, FormField> = new Map(
  FORM_GROUPS.flatMap((group) => group.fields).map((f) => [f.name, f]),
);

/** The method select's choices, value → Swedish text. */
export const METHOD_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ["auto", UI_TEXT.methodAuto],
  ["rule78", METHOD_NAMES.rule78],
  ["actual", METHOD_NAMES.actual],
];

const UNIT: Partial<Record<FormFieldKind, string>> = { money: "kr", percent: "%" };

/** The unit shown after a field's input ("kr", "%"), if any. */
export function unitOf(kind: FormFieldKind): string | undefined {
  return UNIT[kind];
}

// ---------------------------------------------------------------------------------------------------
// Contract JSON → form

/** A decimal as the form shows it: plain notation, decimal comma. */
export function showDecimal(amount: Dec): string {
  return amount.toFixed().replace(".", ",");
}

function showValue(kind: FormFieldKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "percent" && (typeof value === "number" || typeof value === "string")) {
    try {
      return showDecimal(parseDecimal(value, "").times(100));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return String(value); // shown as written; the engine reports it
    }
  }
  if (typeof value === "number") return showDecimal(new Dec(String(value)));
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The form's values for a contract object; fields the form does not know are listed in
 * `unknownFields` (and left out of the form).
 */
export function contractToForm(input: ContractInput): {
  values: FormValues;
  unknownFields: string[];
} {
  const values: FormValues = {};
  const unknownFields: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const f = FORM_FIELDS.get(name as ContractField);
    if (f === undefined) unknownFields.push(name);
    else values[f.name] = showValue(f.kind, value);
  }
  return { values, unknownFields };
}

// ---------------------------------------------------------------------------------------------------
// Form → contract JSON

/** A decimal as JSON: a number when the number prints back as the same decimal, else exact text. */
function jsonNumber(amount: Dec): number | string {
  const text = amount.toFixed();
  const number = Number(text);
  return String(number) === text ? number : text;
}

/** A typed number as JSON, or the text as typed when it is not a number (the engine reports it). */
function readNumber(text: string, name: ContractField): number | string {
  try {
    return jsonNumber(parseDecimal(text, name));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return text;
  }
}

/**
 * A rate as typed, by the contract's one rule (`parseRate`): `5,95` and `5,95 %` are percent, a number
 * below 1 without a sign is a fraction (`0,0595`); converted exactly to the fraction.
 */
function readPercent(text: string, name: ContractField): number | string {
  return jsonNumber(parseRate(text, name));
}

/**
 * The contract JSON for the form's values, fields in the order of the example files. Empty fields are
 * left out. Throws an {@link EngineError} for a rate that is not a percentage; everything else is
 * checked by `parseContract`.
 */
export function formToContract(values: FormValues): ContractInput {
  const input: ContractInput = {};
  for (const name of CONTRACT_FIELDS) {
    const raw = values[name];
    if (raw === undefined || raw.trim() === "") continue;
    const text = raw.trim();
    switch (FORM_FIELDS.get(name)?.kind) {
      case "money":
      case "integer":
        input[name] = readNumber(text, name);
        break;
      case "percent":
        input[name] = readPercent(text, name);
        break;
      case "text":
      case "date":
      case "method":
      default:
        input[name] = text;
    }
  }
  return input;
}

// ---------------------------------------------------------------------------------------------------
// Messages and the calculation

/** The contract field an error is about, if it is one. */
function errorField(error: EngineError): ContractField | null {
  return FORM_FIELDS.has(error.field as ContractField) ? (error.field as ContractField) : null;
}

export type FormResult =
  | { ok: true; input: ContractInput; calc: Calculation }
  | { ok: false; field: ContractField | null; message: string; missingRate?: Day };

/** The half-year a missing-rate error is about (its start), so the pane can go where it is added. */
function missingRateOf(error: EngineError): Day | undefined {
  return error.code === "rateMissing" ? (error.args as MessageArgs<"rateMissing">)[0] : undefined;
}

/**
 * Converts, validates and calculates: the calculation for the form's values, or the first problem
 * (the field it is about and the engine's message with Swedish labels). Errors that are not the
 * engine's are bugs and are thrown.
 */
export function calculateForm(values: FormValues, referenceRates?: ReferenceRateTable): FormResult {
  try {
    const input = formToContract(values);
    return { ok: true, input, calc: calculate(parseContract(input), { referenceRates }) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const message = formMessage(error);
    return { ok: false, field: errorField(error), message, missingRate: missingRateOf(error) };
  }
}
