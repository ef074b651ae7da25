/**
 * The catalogue of every message the engine can raise, in Swedish (the users' language). Each message
 * names the field and the offending value, so a user can find and fix the input.
 *
 * A message is a function of its {@link Subject} (the field as the reader knows it and the value as
 * written) and of typed arguments of its own. Field names are not fixed here: the layer that shows
 * the message chooses how a field is named (the pane and the sheet by the Swedish label or header,
 * the command line by the JSON name, the custom functions by the argument name), through
 * `subject.name`, which is also used for every other field a message mentions. Numbers are written
 * the Swedish way (`72 000,00 kr`, `72,5`, `0,0595`); each message starts with a capital letter
 * (a namer returns a phrase such as "fältet installmentsPaid", and rendering capitalises it).
 */
import type { Dec } from "./decimal";
import { Day, describeHalfYear, formatIsoDate } from "./dates";
import { formatKronorOre, formatNumber } from "./format";
import { CONTRACT_SCHEMA, ContractField } from "./schema";

/** How a layer names a field (or argument) in a message. */
export type FieldNamer = (field: string) => string;

/** What every message is about. */
export interface Subject {
  /** The field, already named for the reader. */
  field: string;
  /** The offending value, as written ({@link describeValue}). */
  value: string;
  /** Names any other field the message mentions, the same way as `field`. */
  name: FieldNamer;
}

/** Another field a message compares with, and its value. */
interface OtherField {
  field: string;
  value: Dec | number | string;
}

/** An allowed range, bounds included unless `exclusive` says otherwise. */
interface Range {
  min: number;
  max: number;
  exclusive?: "max" | "both";
  unit?: string;
}

function rangeText({ min, max, exclusive, unit }: Range): string {
  const [low, high] = [min, max].map((bound) => formatNumber(bound) + (unit ? ` ${unit}` : ""));
  if (exclusive === "both") return `större än ${low} och mindre än ${high}`;
  if (exclusive === "max") return `från ${low} till under ${high}`;
  return `${low}–${high}`;
}

function otherValue(value: Dec | number | string): string {
  return typeof value === "string" ? value : formatNumber(value);
}

/** Why a stated figure does not fit the others. */
type Inconsistency =
  /** The credit amount is not the cash price less the down payment. */
  | { kind: "notFinanced"; cashPrice: Dec; downPayment: Dec }
  /** The reduction at a date exceeds the unpaid credit claim (the amount to pay would be negative). */
  | { kind: "reductionExceedsClaim"; reduction: Dec; date: Day; claim: Dec };

function inconsistencyText(detail: Inconsistency, name: FieldNamer): string {
  switch (detail.kind) {
    case "notFinanced":
      return (
        `${name("cashPrice")} ${formatKronorOre(detail.cashPrice)} − ${name("downPayment")} ` +
        `${formatKronorOre(detail.downPayment)} = ${formatKronorOre(detail.cashPrice.minus(detail.downPayment))}`
      );
    case "reductionExceedsClaim":
      return (
        `reduceringsbeloppet ${formatKronorOre(detail.reduction)} den ${formatIsoDate(detail.date)} ` +
        `är större än obetald del av kreditfordran ${formatKronorOre(detail.claim)}`
      );
  }
}

/** How far the schedule misses closing: > 0 short (debt left), < 0 over (payments too large). */
function scheduleMissText(miss: Dec): string {
  return miss.isNegative()
    ? `betalningarna överstiger skulden med ${formatKronorOre(miss.neg())} vid sista betalningen`
    : `efter sista betalningen återstår ${formatKronorOre(miss)} av skulden`;
}

/** The Swedish label with the JSON name, for a suggestion: `installmentAmount (Avbetalning)`. */
function suggestion(field: ContractField): string {
  return `${field} (${CONTRACT_SCHEMA[field].label})`;
}

const messages = {
  required: (s: Subject, alternative?: string) =>
    alternative === undefined
      ? `${s.field} saknas (obligatoriskt fält)`
      : `${s.field} saknas (ange ${s.field} eller ${s.name(alternative)})`,
  notObject: (s: Subject) =>
    `Kontraktet måste vara ett JSON-objekt med fälten som nycklar, fick ${s.value}`,
  unknownField: (s: Subject, nearest: ContractField | null) =>
    nearest === null
      ? `Okänt fält '${s.field}'; kontrollera stavningen`
      : `Okänt fält '${s.field}' — menade du ${suggestion(nearest)}?`,
  notText: (s: Subject) => `${s.field} måste vara text, fick ${s.value}`,
  notNumber: (s: Subject) => `${s.field} måste vara ett tal, fick ${s.value}`,
  notInteger: (s: Subject) => `${s.field} måste vara ett heltal, fick ${s.value}`,
  negative: (s: Subject) => `${s.field} får inte vara negativt, fick ${s.value}`,
  notPositive: (s: Subject) => `${s.field} måste vara större än noll, fick ${s.value}`,
  outOfRange: (s: Subject, range: Range) =>
    `${s.field} (${s.value}) ligger utanför tillåtet intervall ${rangeText(range)}`,
  rateAsFraction: (s: Subject) =>
    `${s.field} (${s.value}) ska anges som decimalbråk, t.ex. 0,0595 för 5,95 %`,
  notDate: (s: Subject) =>
    `${s.field} måste vara ett datum ÅÅÅÅ-MM-DD eller ett Excel-datum, fick ${s.value}`,
  invalidDate: (s: Subject) => `${s.field} (${s.value}) är inget giltigt datum`,
  dateWithTime: (s: Subject) => `${s.field} (${s.value}) har en tid på dygnet; ange bara datum`,
  excelLeapBug: (s: Subject) => `${s.field} (${s.value}) är 1900-02-29, ett datum som inte finns`,
  dateBefore: (s: Subject, other: OtherField) =>
    `${s.field} (${s.value}) får inte vara före ${s.name(other.field)} (${otherValue(other.value)})`,
  exceeds: (s: Subject, other: OtherField) =>
    `${s.field} (${s.value}) är större än ${s.name(other.field)} (${otherValue(other.value)})`,
  inconsistent: (s: Subject, detail: Inconsistency) =>
    `${s.field} (${s.value}) stämmer inte: ${inconsistencyText(detail, s.name)}`,
  unknownMethod: (s: Subject) =>
    `${s.field} (${s.value}) måste vara auto (automatiskt), rule78 (78-regeln) eller actual (faktisk avräkning)`,
  scheduleDoesNotRepay: (s: Subject, other: OtherField, miss: Dec, tolerance: Dec) =>
    `${s.field} (${s.value}) och ${s.name(other.field)} (${otherValue(other.value)}) går inte ihop ` +
    `med kreditbeloppet och räntan: ${scheduleMissText(miss)}, mer än avrundning av avbetalningen ` +
    `kan förklara (högst ${formatKronorOre(tolerance)})`,
  /** `addHint` says how to add the half-year where the user works (the rate table's). */
  rateMissing: (s: Subject, halfYearStart: Day, addHint: string) =>
    `Referensränta saknas för halvåret ${describeHalfYear(halfYearStart)} (${s.field} ${s.value}); ${addHint}`,
  rateEntryNotHalfYear: (s: Subject) =>
    `${s.field} (${s.value}) måste vara 1 januari eller 1 juli (referensräntan gäller per kalenderhalvår)`,
  duplicateRateEntry: (s: Subject) =>
    `${s.field} (${s.value}) förekommer två gånger i referensräntetabellen`,
} as const;

export type ErrorCode = keyof typeof messages;

/** The arguments a message takes after its subject. */
export type MessageArgs<C extends ErrorCode> = (typeof messages)[C] extends (
  subject: Subject,
  ...args: infer A
) => string
  ? A
  : never;

/** The catalogue seen per code, so that one call site serves every message with its own types. */
type Catalogue = { [C in ErrorCode]: (subject: Subject, ...args: MessageArgs<C>) => string };
const catalogue: Catalogue = messages;

/** Renders a message: the catalogue entry, with its first letter capitalised. */
export function renderMessage<C extends ErrorCode>(
  code: C,
  subject: Subject,
  args: MessageArgs<C>,
): string {
  const format: Catalogue[C] = catalogue[code];
  return upperFirst(format(subject, ...args));
}

/**
 * The text with its first letter in upper case, unless it starts with an identifier that must keep
 * its case (`referenceRates[0].from`, a JSON name such as `installmentsPaid`).
 */
function upperFirst(text: string): string {
  if (/^[a-z]+(?:[A-Z]|\[|\.)/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
