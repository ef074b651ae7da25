/**
 * The contract schema: every field a contract row may carry, described once. Parsing and validation
 * (contract.ts), worksheet header matching and the training workbook's `Kontrakt` table
 * (src/sheet/headers.ts), the task pane form's labels and hints (src/taskpane/form/form.ts), the guided
 * mode's fields per step (src/guide/steps.ts), a practice case's facts and their type
 * (src/training/practiceCase.ts), the Swedish names in messages and the field table in docs/cli.md are
 * all derived from {@link CONTRACT_SCHEMA}.
 *
 * Per field: the Swedish label (the training workbook's header, shown in the form and in messages),
 * further Swedish headers users write, the kind of value, whether it is required (or required unless
 * another field is given), the allowed range, what an empty field means, and a help text.
 */

/** How a field's value is written and read. */
export type FieldKind = "text" | "date" | "money" | "rate" | "integer" | "method";

/** Whether a field must be given: always, or unless another field is given (which then derives it). */
type Requirement = "required" | "optional" | { unless: ContractField };

/** An inclusive range of whole numbers. */
export interface IntegerRange {
  min: number;
  max: number;
}

/**
 * Where in the workshop's procedure (conventions §1) the officer needs a field: reading the
 * application, setting the dates, the reduction from the contract's terms, the amount to pay, the
 * value of the goods. The guided mode asks for each field at its stage.
 */
type ProcedureStage = "application" | "dates" | "reduction" | "amountDue" | "valuation";

/** One field of the contract. */
export interface FieldSpec {
  /** The Swedish label: the training workbook's header, the form's label, the name in messages. */
  label: string;
  /** The stage of the procedure at which the field is needed. */
  stage: ProcedureStage;
  /** Further Swedish headers that name the field in a worksheet (the JSON name is always accepted). */
  aliases: readonly string[];
  kind: FieldKind;
  requirement: Requirement;
  /**
   * Allowed whole numbers (integer fields). Rates are read by `parseRate` (contract.ts); money is from 0 to
   * {@link MAX_AMOUNT_KRONOR}.
   */
  range?: IntegerRange;
  /** An amount that must be more than 0 (not merely not negative). */
  positive?: boolean;
  /** What an empty field means, in Swedish ("600 kr"); absent for a required field. */
  whenEmpty?: string;
  /** How to write the value or what it is, in Swedish; shown with the form's field. */
  help?: string;
}

/**
 * The largest number of instalments a contract may have (100 years of monthly instalments): a bound
 * that keeps the payment schedule a sheet can hold, not a legal limit.
 */
export const MAX_INSTALLMENTS = 1200;

/**
 * The largest amount any money field accepts: 1 000 000 000 kr. No consumer credit comes near it
 * (a car or a boat on credit is at most a few million kronor), so a larger figure is a typing error or
 * a pasted cell; the bound also keeps every figure the engine derives well inside the 15 significant
 * digits that Excel and JSON numbers carry exactly.
 */
export const MAX_AMOUNT_KRONOR = 1_000_000_000;

/**
 * The most characters a number may be written with ("1 000 000 000,00 kr" is 19): longer text is
 * refused before it is read, so that a megabyte pasted into a cell costs nothing.
 */
export const MAX_NUMBER_CHARS = 40;

/** grundavgift since 2008 (förordning 1992:1094, 6 §), in kronor: the default basic fee. */
export const DEFAULT_BASIC_FEE_KRONOR = 600;

/** Every field a contract may carry, in the order of the example files and the training table. */
export const CONTRACT_FIELDS = [
  "caseId",
  "creditor",
  "creditorAddress",
  "debtor",
  "debtorAddress",
  "goods",
  "contractDate",
  "cashPrice",
  "downPayment",
  "creditAmount",
  "annualRate",
  "installments",
  "firstDueDate",
  "installmentAmount",
  "monthlyFee",
  "setupFee",
  "residual",
  "installmentsPaid",
  "unpaidCreditClaim",
  "applicationDate",
  "claimedInterest",
  "interestFrom",
  "interestCapital",
  "lateInterestRate",
  "basicFee",
  "applicantCosts",
  "noticeDate",
  "repossessionDate",
  "estimatedValue",
  "method",
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

/**
 * The description of every contract field, as written (each field's literal kind kept, so that a
 * type can follow a field's kind: {@link FieldKindOf}). Read it through {@link CONTRACT_SCHEMA}.
 */
const SCHEMA = {
  caseId: {
    label: "Ärende",
    stage: "application",
    aliases: ["Ärendenummer", "Ärende-id", "Målnummer", "Mål"],
    kind: "text",
    requirement: "required",
    help: "Ärendets beteckning; blir namnet på beräkningsbladet.",
  },
  creditor: {
    label: "Sökande",
    stage: "application",
    aliases: ["Borgenär", "Kreditgivare"],
    kind: "text",
    requirement: "optional",
  },
  creditorAddress: {
    label: "Sökandens adress",
    aliases: ["Sökandes adress", "Borgenärens adress", "Kreditgivarens adress"],
    kind: "text",
    requirement: "optional",
    stage: "application",
    whenEmpty: "breven visar ”fyll i sökandens adress”",
    help: "Postadress på en rad, t.ex. Box 123, 111 22 Stockholm; står i breven.",
  },
  debtor: {
    label: "Svarande",
    stage: "application",
    aliases: ["Gäldenär", "Kredittagare", "Konsument"],
    kind: "text",
    requirement: "optional",
  },
  debtorAddress: {
    label: "Svarandens adress",
    aliases: ["Svarandes adress", "Gäldenärens adress", "Konsumentens adress"],
    kind: "text",
    requirement: "optional",
    stage: "application",
    whenEmpty: "breven visar ”fyll i svarandens adress”",
    help: "Postadress på en rad, t.ex. Storgatan 1, 123 45 Ort; står i breven.",
  },
  goods: {
    label: "Gods",
    stage: "application",
    aliases: ["Egendom", "Vara", "Objekt"],
    kind: "text",
    requirement: "optional",
  },
  contractDate: {
    label: "Kontraktsdatum",
    stage: "reduction",
    aliases: ["Avtalsdatum", "Kontraktsdag", "Köpedag"],
    kind: "date",
    requirement: "optional",
    whenEmpty: "konsumentkreditlagen (2010:1846) antas gälla",
    help: "Avgör vilken konsumentkreditlag som gäller.",
  },
  cashPrice: {
    label: "Kontantpris",
    stage: "reduction",
    aliases: [],
    kind: "money",
    requirement: "optional",
  },
  downPayment: {
    label: "Handpenning",
    stage: "reduction",
    aliases: ["Kontantinsats"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "0 kr",
  },
  creditAmount: {
    label: "Kreditbelopp",
    stage: "reduction",
    aliases: ["Kredit", "Lånebelopp"],
    kind: "money",
    positive: true,
    requirement: { unless: "cashPrice" },
    whenEmpty: "kontantpris − handpenning",
  },
  annualRate: {
    label: "Nominell ränta",
    stage: "reduction",
    aliases: ["Ränta", "Årsränta", "Räntesats", "Nominell årsränta"],
    kind: "rate",
    requirement: "required",
    help: "Nominell årsränta, t.ex. 5,95 %.",
  },
  installments: {
    label: "Antal avbetalningar",
    stage: "reduction",
    aliases: ["Antal betalningar", "Antal månader", "Löptid"],
    kind: "integer",
    requirement: "required",
    range: { min: 1, max: MAX_INSTALLMENTS },
  },
  firstDueDate: {
    label: "Första förfallodag",
    stage: "reduction",
    aliases: ["Första ff", "Första förfallodagen"],
    kind: "date",
    requirement: "required",
  },
  installmentAmount: {
    label: "Avbetalning",
    stage: "reduction",
    aliases: ["Annuitet", "Avbetalningsbelopp", "Månadsbelopp"],
    kind: "money",
    positive: true,
    requirement: "required",
    help: "Utan aviavgift.",
  },
  monthlyFee: {
    label: "Aviavgift",
    stage: "reduction",
    aliases: ["Avgift per avbetalning"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "0 kr",
    help: "Per avbetalning.",
  },
  setupFee: {
    label: "Uppläggningsavgift",
    stage: "reduction",
    aliases: ["Startavgift"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "0 kr",
  },
  residual: {
    label: "Restbelopp",
    stage: "reduction",
    aliases: ["Restvärde", "Slutbetalning"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "inget restbelopp",
  },
  installmentsPaid: {
    label: "Betalda avbetalningar",
    stage: "application",
    aliases: ["Antal betalda avbetalningar", "Antal betalda"],
    kind: "integer",
    requirement: { unless: "unpaidCreditClaim" },
    range: { min: 0, max: MAX_INSTALLMENTS },
  },
  unpaidCreditClaim: {
    label: "Obetald del av kreditfordran",
    stage: "application",
    aliases: ["Obetald kreditfordran"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "obetalda avbetalningar × (avbetalning + aviavgift) + restbelopp",
  },
  applicationDate: {
    label: "Ansökningsdag",
    stage: "application",
    aliases: ["Ansökningsdatum", "Ansökningsdagen"],
    kind: "date",
    requirement: "required",
  },
  claimedInterest: {
    label: "Yrkad ränta",
    stage: "application",
    aliases: ["Yrkad ränta per ansökningsdagen"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "0 kr",
    help: "Yrkad ränta per ansökningsdagen.",
  },
  interestFrom: {
    label: "Ränta från",
    stage: "application",
    aliases: ["Ränta från och med", "Dröjsmålsränta från"],
    kind: "date",
    requirement: "optional",
    whenEmpty: "dagen efter ansökningsdagen",
  },
  interestCapital: {
    label: "Räntebärande kapital",
    stage: "application",
    aliases: ["Räntebärande belopp"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "obetald del av kreditfordran",
  },
  lateInterestRate: {
    label: "Avtalad dröjsmålsränta",
    stage: "application",
    aliases: ["Dröjsmålsränta enligt avtal"],
    kind: "rate",
    requirement: "optional",
    whenEmpty: "referensränta + 8 procentenheter",
    help: "Gäller bara där den är lägre än referensränta + 8 procentenheter.",
  },
  basicFee: {
    label: "Grundavgift",
    stage: "amountDue",
    aliases: [],
    kind: "money",
    requirement: "optional",
    whenEmpty: `${DEFAULT_BASIC_FEE_KRONOR} kr`,
  },
  applicantCosts: {
    label: "Sökandens kostnader",
    stage: "application",
    aliases: ["Sökandens kostnader i målet"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "0 kr",
  },
  noticeDate: {
    label: "Underrättelsedag",
    stage: "dates",
    aliases: ["Underrättelsedatum", "Underrättelse"],
    kind: "date",
    requirement: "optional",
    whenEmpty: "ingen beräkning per underrättelsen",
  },
  repossessionDate: {
    label: "Återtagningsdag",
    stage: "dates",
    aliases: ["Återtagandedag", "Förrättningsdag", "Återtagningsförrättning"],
    kind: "date",
    requirement: "required",
  },
  estimatedValue: {
    label: "Uppskattat värde",
    stage: "valuation",
    aliases: ["Godsets värde", "Värde"],
    kind: "money",
    requirement: "optional",
    whenEmpty: "ingen jämförelse med skulden",
  },
  method: {
    label: "Metod",
    stage: "reduction",
    aliases: ["Beräkningsmetod", "Reduceringsmetod"],
    kind: "method",
    requirement: "optional",
    whenEmpty: "automatiskt (faktisk avräkning om restbelopp finns, annars 78-regeln)",
  },
} as const satisfies Record<ContractField, FieldSpec>;

/** The description of every contract field. */
export const CONTRACT_SCHEMA: Readonly<Record<ContractField, FieldSpec>> = SCHEMA;

/** The kind of a contract field's value, known to the type checker (`"money"` for `cashPrice`). */
export type FieldKindOf<F extends ContractField> = (typeof SCHEMA)[F]["kind"];

/** Whether a name is a contract field. */
export function isContractField(name: string): name is ContractField {
  return Object.prototype.hasOwnProperty.call(CONTRACT_SCHEMA, name);
}

/** The Swedish label of a contract field; any other name (a function argument) as it is. */
export function fieldLabel(name: string): string {
  return isContractField(name) ? CONTRACT_SCHEMA[name].label : name;
}

/** Fields that must always be given. */
export const REQUIRED_FIELDS: readonly ContractField[] = CONTRACT_FIELDS.filter(
  (field) => CONTRACT_SCHEMA[field].requirement === "required",
);

/** Fields required unless another is given: [field, alternative]. */
export const REQUIRED_UNLESS: readonly (readonly [ContractField, ContractField])[] =
  CONTRACT_FIELDS.flatMap((field) => {
    const requirement = CONTRACT_SCHEMA[field].requirement;
    return typeof requirement === "object" ? [[field, requirement.unless] as const] : [];
  });

/** The range of an integer field (every integer field has one). */
export function integerRange(field: ContractField): IntegerRange {
  const range = CONTRACT_SCHEMA[field].range;
  if (range === undefined) throw new Error(`${field} has no range in the contract schema`);
  return range;
}

/**
 * The known field nearest to a misspelt name (edit distance, case ignored), or null when none is
 * close enough to be a likely typo: at most a third of the name's letters (at least 2) differ.
 */
export function nearestField(name: string): ContractField | null {
  const wanted = name.toLowerCase();
  let best: ContractField | null = null;
  let bestDistance = Infinity;
  for (const field of CONTRACT_FIELDS) {
    const distance = editDistance(wanted, field.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [field, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : null;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
