/**
 * Checks a trainee's answers for a practice case (issue 12): each answer marked right or wrong, and a
 * wrong one given a hint naming the convention most likely missed. Pure: no DOM, no Office.
 *
 * How exact (answerFields.ts): t exactly; a statement line (the reduction, the unpaid credit claim) as
 * the rounded line in whole kronor or the unrounded figure within an öre; the totals (att betala exkl.
 * and inkl. ränta) exactly as the sums of the rounded lines (conventions §7); the surplus within an öre
 * (conventions §9); the outcome as one of its two choices.
 *
 * Which hint: the figure is recomputed under each typical mistake (mistakes.ts, in the catalogue's
 * order) and the first whose figure matches the trainee's number names the mistake. Failing that, an
 * answer that follows from the trainee's own earlier wrong answer is a följdfel; failing that, the hint
 * states the convention that defines the figure.
 *
 * Numbers are read as a Swedish trainee types them: `4 785`, `4785,00`, `79 048 kr`, `−17 551`,
 * `4 785:-`; a point is a decimal point only before one or two final digits (`4784.95`), since
 * `79.048` could be either; spaces must group by thousands.
 */
import { Calculation, Dec } from "../engine";
import { roundToKrona, roundToOre } from "../engine/decimal";
import {
  ANSWER_FIELDS,
  AnswerField,
  AnswerFieldSpec,
  OUTCOME_CHOICES,
  OutcomeChoice,
  expectedAnswers,
} from "./answerFields";
import { FIELD_HINTS, FOLLOW_ON_HINT, HintText, MISTAKE_HINTS, MistakeId, citation } from "./hints";
import { Figures, mistakeFigures, rightFigures } from "./mistakes";

/** One öre: how far an unrounded figure may be off. */
const ORE = new Dec("0.01");

/** Within an öre of the figure to the öre (4 784,95 for 4 784,9497…: 4 784,94 to 4 784,96). */
function withinOre(typed: Dec, exact: Dec): boolean {
  return typed.minus(roundToOre(exact)).abs().lte(ORE);
}

/** The trainee's typed answers by field (missing or blank: not answered). */
export type TypedAnswers = Partial<Record<AnswerField, string>>;

/** A number as read from the trainee's text, or why it cannot be read. */
export type ReadNumber = { ok: true; value: Dec } | { ok: false; reason: string };

/** Why a typed number cannot be read, in Swedish. */
export const READ_PROBLEMS = {
  empty: "inget svar",
  notNumber: "är inget tal; skriv t.ex. 4 785 eller 4 785,50",
  ambiguousPoint:
    "punkten kan vara både decimaltecken och tusentalsavgränsare; skriv decimaler med komma (4 785,50) och tusental med mellanslag",
  badGrouping: "mellanslagen ska dela talet i grupper om tre siffror, t.ex. 79 048",
  notWhole: "ska vara ett helt antal",
  notOutcome: `välj ${Object.values(OUTCOME_CHOICES)
    .map((name) => name.split(" ")[0].toLowerCase())
    .join(" eller ")}`,
} as const;

/** Suffixes a Swedish amount may carry: `kr`, `kronor`, `SEK`, `:-`, `,-`. */
const SUFFIX = /\s*(kronor|kr\.?|sek|[:,.]-)$/i;
/** Spaces typed or pasted between digit groups (plain, no-break, narrow and thin spaces). */
const SPACES = /[\s\u00a0\u202f\u2009]+/g;

/** Reads a number typed the Swedish way (see the file's comment). */
export function readNumber(text: string): ReadNumber {
  let rest = text.trim();
  if (rest === "") return { ok: false, reason: READ_PROBLEMS.empty };
  rest = rest.replace(SUFFIX, "").trim();
  let sign = "";
  const signed = /^([-−–+])\s*/.exec(rest);
  if (signed) {
    sign = signed[1] === "+" ? "" : "-";
    rest = rest.slice(signed[0].length);
  }
  if (!/^[\d\s\u00a0\u202f\u2009.,]+$/.test(rest) || !/\d/.test(rest))
    return { ok: false, reason: READ_PROBLEMS.notNumber };
  let whole: string;
  let fraction = "";
  if (rest.includes(",")) {
    if (rest.includes(".")) return { ok: false, reason: READ_PROBLEMS.ambiguousPoint };
    const parts = rest.split(",");
    if (parts.length !== 2) return { ok: false, reason: READ_PROBLEMS.notNumber };
    [whole, fraction] = parts;
  } else if (rest.includes(".")) {
    const point = /^(.*)\.(\d{1,2})$/.exec(rest);
    if (point === null || point[1].includes("."))
      return { ok: false, reason: READ_PROBLEMS.ambiguousPoint };
    [, whole, fraction] = point;
  } else {
    whole = rest;
  }
  whole = whole.trim();
  fraction = fraction.trim();
  if (!/^\d*$/.test(fraction) || (whole === "" && fraction === ""))
    return { ok: false, reason: READ_PROBLEMS.notNumber };
  if (/\s|\u00a0|\u202f|\u2009/.test(whole)) {
    if (!/^\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+$/.test(whole))
      return { ok: false, reason: READ_PROBLEMS.badGrouping };
    whole = whole.replace(SPACES, "");
  }
  return { ok: true, value: new Dec(`${sign}${whole || "0"}${fraction ? `.${fraction}` : ""}`) };
}

/** Reads the outcome: its code, or its Swedish name or the start of it (`Underrättelse`, `mellansk`). */
export function readOutcome(text: string): OutcomeChoice | null {
  const word = text.trim().toLowerCase();
  for (const [choice, name] of Object.entries(OUTCOME_CHOICES) as [OutcomeChoice, string][]) {
    const swedish = name.split(" ")[0].toLowerCase();
    if (word === choice.toLowerCase() || (word.length >= 5 && swedish.startsWith(word)))
      return choice;
  }
  return null;
}

/** A hint as shown: what was most likely missed, and where the convention is written. */
export interface Hint {
  /** Which rule chose it: a typical mistake, a följdfel, or the figure's convention. */
  kind: "mistake" | "followOn" | "convention";
  /** The mistake, when `kind` is "mistake". */
  mistake: MistakeId | null;
  text: string;
  section: number;
  /** "Se docs/conventions.md §4." */
  citation: string;
}

/** How one answer was marked. */
export type MarkStatus = "right" | "wrong" | "unanswered" | "unreadable";

export interface AnswerMark {
  field: AnswerField;
  label: string;
  /** What the trainee typed, as typed. */
  typed: string;
  status: MarkStatus;
  /** Why an unreadable answer could not be read. */
  problem: string | null;
  /** For a wrong answer. */
  hint: Hint | null;
}

function hintOf(kind: Hint["kind"], hint: HintText, mistake: MistakeId | null = null): Hint {
  return {
    kind,
    mistake,
    text: hint.text,
    section: hint.section,
    citation: citation(hint.section),
  };
}

/** A typed number compared with a figure of the field (right, or the figure of a mistake). */
function matches(spec: AnswerFieldSpec, typed: Dec, figures: Figures): boolean {
  switch (spec.field) {
    case "remainingInstallments":
      return typed.equals(figures.remainingInstallments);
    case "reduction":
    case "unpaidCreditClaim": {
      const exact = figures[spec.field];
      return typed.equals(roundToKrona(exact)) || withinOre(typed, exact);
    }
    case "amountExclInterest":
    case "amountInclInterest":
      return typed.equals(figures.lines[spec.field]);
    case "surplus":
      return figures.surplus !== null && withinOre(typed, figures.surplus);
    case "outcome":
      return false; // not a number
  }
}

/** Whether a figure of the field differs between two sets of figures (a mistake that shows). */
function differs(spec: AnswerFieldSpec, a: Figures, b: Figures): boolean {
  switch (spec.field) {
    case "remainingInstallments":
      return a.remainingInstallments !== b.remainingInstallments;
    case "reduction":
    case "unpaidCreditClaim":
      return (
        !roundToKrona(a[spec.field]).equals(roundToKrona(b[spec.field])) &&
        a[spec.field].minus(b[spec.field]).abs().gt(ORE)
      );
    case "amountExclInterest":
    case "amountInclInterest":
      return !a.lines[spec.field].equals(b.lines[spec.field]);
    case "surplus":
      return a.surplus !== null && b.surplus !== null && a.surplus.minus(b.surplus).abs().gt(ORE);
    case "outcome":
      return false;
  }
}

/** The trainee's readable numbers, for följdfel. */
type Readable = Partial<Record<AnswerField, Dec>>;

/**
 * A följdfel: the trainee's number is what the figure would be from their own earlier answer, which is
 * wrong. Returns the label of that earlier answer, or null.
 */
function followOnFrom(
  field: AnswerField,
  typed: Dec,
  own: Readable,
  wrong: ReadonlySet<AnswerField>,
  calc: Calculation,
  right: Figures,
): AnswerField | null {
  const k = (x: Dec) => roundToKrona(x);
  const lines = right.lines;
  const contract = calc.contract;
  const near = (x: Dec) => typed.equals(k(x)) || withinOre(typed, x);
  /** Each: the earlier answers the figure was computed from, and whether the typed number is it. */
  const candidates: [AnswerField[], boolean][] = [];
  if (field === "reduction" && calc.method === "rule78" && own.remainingInstallments) {
    const t = own.remainingInstallments;
    const n = contract.installments;
    const r = t
      .times(t.plus(1))
      .times(calc.creditCostExclSetup)
      .dividedBy(n * (n + 1));
    candidates.push([["remainingInstallments"], near(r)]);
  }
  if (field === "amountExclInterest") {
    const unpaid = own.unpaidCreditClaim ?? lines.unpaidCreditClaim;
    const reduction = own.reduction ?? lines.reduction;
    const exkl = k(unpaid).plus(lines.basicFee).plus(lines.applicantCosts).minus(k(reduction));
    candidates.push([["unpaidCreditClaim", "reduction"], typed.equals(exkl)]);
  }
  if (field === "amountInclInterest" && own.amountExclInterest) {
    const inkl = own.amountExclInterest.plus(lines.lateInterest).plus(lines.claimedInterest);
    candidates.push([["amountExclInterest"], typed.equals(inkl)]);
  }
  if (field === "surplus" && own.amountInclInterest && contract.estimatedValue !== null) {
    const surplus = contract.estimatedValue.minus(own.amountInclInterest);
    candidates.push([["amountInclInterest"], withinOre(typed, surplus)]);
  }
  for (const [earlier, isIt] of candidates) {
    const culprit = earlier.find((f) => wrong.has(f));
    if (isIt && culprit !== undefined) return culprit;
  }
  return null;
}

/** The label of a field. */
function labelOf(field: AnswerField): string {
  return ANSWER_FIELDS.find((spec) => spec.field === field)?.label ?? field;
}

/**
 * The fields a case asks for: all of {@link ANSWER_FIELDS}, but the surplus and the outcome only when
 * the case has an estimated value.
 */
export function askedFields(calc: Calculation): AnswerFieldSpec[] {
  const hasValue = calc.contract.estimatedValue !== null;
  return ANSWER_FIELDS.filter(
    (spec) => hasValue || (spec.field !== "surplus" && spec.field !== "outcome"),
  );
}

/** Marks each asked answer of a calculated case; a wrong answer gets a hint. */
export function checkAnswers(calc: Calculation, typed: TypedAnswers): AnswerMark[] {
  const right = rightFigures(calc);
  const expected = expectedAnswers(calc);
  const variants = mistakeFigures(calc);
  const specs = askedFields(calc);

  // First pass: read and mark; the second gives the wrong ones their hints (a följdfel needs to know
  // which earlier answers are wrong).
  const own: Readable = {};
  const marks = specs.map((spec): AnswerMark => {
    const text = typed[spec.field] ?? "";
    const base = { field: spec.field, label: spec.label, typed: text, problem: null, hint: null };
    if (text.trim() === "") return { ...base, status: "unanswered" };
    if (spec.field === "outcome") {
      const choice = readOutcome(text);
      if (choice === null)
        return { ...base, status: "unreadable", problem: READ_PROBLEMS.notOutcome };
      return { ...base, status: choice === expected.outcome ? "right" : "wrong" };
    }
    const read = readNumber(text);
    if (!read.ok) return { ...base, status: "unreadable", problem: read.reason };
    if (spec.precision === "count" && !read.value.isInteger())
      return { ...base, status: "unreadable", problem: READ_PROBLEMS.notWhole };
    own[spec.field] = read.value;
    return { ...base, status: matches(spec, read.value, right) ? "right" : "wrong" };
  });
  const wrong = new Set(marks.filter((m) => m.status === "wrong").map((m) => m.field));

  return marks.map((mark) => {
    if (mark.status !== "wrong") return mark;
    const spec = specs.find((s) => s.field === mark.field) as AnswerFieldSpec;
    if (spec.field === "outcome") {
      // The trainee's own surplus decides their outcome: a följdfel when it points their way.
      const surplus = own.surplus;
      const theirs = readOutcome(mark.typed);
      const follows =
        surplus !== undefined &&
        wrong.has("surplus") &&
        (surplus.greaterThan(0) ? "payDifference" : "notice") === theirs;
      return {
        ...mark,
        hint: follows
          ? hintOf("followOn", FOLLOW_ON_HINT(labelOf("surplus")))
          : hintOf("convention", FIELD_HINTS.outcome),
      };
    }
    const value = own[spec.field] as Dec;
    const found = variants.find(
      (v) => differs(spec, v.figures, right) && matches(spec, value, v.figures),
    );
    if (found)
      return { ...mark, hint: hintOf("mistake", MISTAKE_HINTS[found.mistake], found.mistake) };
    const earlier = followOnFrom(spec.field, value, own, wrong, calc, right);
    if (earlier !== null)
      return { ...mark, hint: hintOf("followOn", FOLLOW_ON_HINT(labelOf(earlier))) };
    return { ...mark, hint: hintOf("convention", FIELD_HINTS[spec.field]) };
  });
}
