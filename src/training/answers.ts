/**
 * Checks a trainee's answers for a practice case (issue 12): each answer marked right or wrong, and a
 * wrong one given a hint naming the convention most likely missed. Pure: no DOM, no Office.
 *
 * Which answers and how exact is the answer list's (answerFields.ts): t exactly; every statement line
 * (the unpaid credit claim, the reduction, att betala exkl. and inkl. ränta) exactly as the line in
 * whole kronor (conventions §7); the surplus within an öre of the figure to the öre (conventions §9);
 * the outcome as one of its two words. An unrounded line typed to the öre is wrong, with the hint to
 * round it.
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
import { Calculation, Dec, StatementLabel } from "../engine";
import { roundToKrona, roundToOre } from "../engine/decimal";
import { AnswerField, OUTCOME_ANSWERS, OutcomeAnswer, answerFieldsFor } from "./answerFields";
import {
  DATE_PHRASES,
  FIELD_HINTS,
  FOLLOW_ON_HINT,
  HintText,
  MISTAKE_HINTS,
  MistakeId,
} from "./hints";
import { conventionCitation, conventionHref } from "./conventionLinks";
import { Figures, mistakeFigures, rightFigures } from "./mistakes";

/** One öre: how far an unrounded figure may be off. */
const ORE = new Dec("0.01");

/** Within an öre of the figure to the öre (4 784,95 for 4 784,9497…: 4 784,94 to 4 784,96). */
function withinOre(typed: Dec, exact: Dec): boolean {
  return typed.minus(roundToOre(exact)).abs().lte(ORE);
}

/** The trainee's typed answers by answer id (`notice.t`, `unpaidCreditClaim`; missing: not answered). */
export type TypedAnswers = Readonly<Record<string, string | undefined>>;

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
  notOutcome: `välj ${Object.values(OUTCOME_ANSWERS)
    .map((name) => name.toLowerCase())
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
export function readOutcome(text: string): OutcomeAnswer | null {
  const word = text.trim().toLowerCase();
  for (const [choice, name] of Object.entries(OUTCOME_ANSWERS) as [OutcomeAnswer, string][]) {
    const swedish = name.toLowerCase();
    if (word === choice.toLowerCase() || (word.length >= 5 && swedish.startsWith(word)))
      return choice;
  }
  return null;
}

/** A hint as shown: what was most likely missed, and where the convention is written. */
interface Hint {
  /** Which rule chose it: a typical mistake, a följdfel, or the figure's convention. */
  kind: "mistake" | "followOn" | "convention";
  /** The mistake, when `kind` is "mistake". */
  mistake: MistakeId | null;
  text: string;
  section: number;
  /** "Se konventionerna, avsnitt 4." */
  citation: string;
  /** The section in the built help page, relative to the pane: `conventions.html#avsnitt-4`. */
  href: string;
}

/** How one answer was marked. */
type MarkStatus = "right" | "wrong" | "unanswered" | "unreadable";

export interface AnswerMark {
  /** The answer's id in the answer list (`repossession.reduction`). */
  id: string;
  field: AnswerField;
  /** The label with its date: "Reduceringsbelopp vid återtagningen". */
  title: string;
  /** What the trainee typed, as typed. */
  typed: string;
  status: MarkStatus;
  /** Why an unreadable answer could not be read. */
  problem: string | null;
  /** For a wrong answer. */
  hint: Hint | null;
}

/** An answer's label with its date, as hints and the pane name it. */
function answerTitle(field: AnswerField): string {
  return field.date === null ? field.label : `${field.label} ${DATE_PHRASES[field.date]}`;
}

function hintOf(kind: Hint["kind"], hint: HintText, mistake: MistakeId | null = null): Hint {
  return {
    kind,
    mistake,
    text: hint.text,
    section: hint.section,
    citation: conventionCitation(hint.section),
    href: conventionHref(hint.section),
  };
}

/** The figure an answer asks for, rounded where the statement rounds it; null: not in the case. */
function figureOf(field: AnswerField, figures: Figures): { shown: Dec; exact: Dec } | null {
  switch (field.key) {
    case "t":
      return {
        shown: new Dec(figures.remainingInstallments),
        exact: new Dec(figures.remainingInstallments),
      };
    case "reduction":
    case "unpaidCreditClaim":
    case "amountExclInterest":
    case "amountInclInterest":
      return { shown: figures.lines[field.key], exact: figures.exact[field.key] };
    case "surplus":
      return figures.surplus === null ? null : { shown: figures.surplus, exact: figures.surplus };
    case "outcome":
      return null; // not a number
  }
}

/** Whether a typed number is the answer's figure, as exact as the answer list asks. */
function isRight(field: AnswerField, typed: Dec, figures: Figures): boolean {
  const figure = figureOf(field, figures);
  if (figure === null) return false;
  return field.precision === "ore" ? withinOre(typed, figure.shown) : typed.equals(figure.shown);
}

/** Whether a typed number is a figure made by a mistake (its line, or its unrounded figure). */
function isFigure(field: AnswerField, typed: Dec, figures: Figures): boolean {
  const figure = figureOf(field, figures);
  return figure !== null && (isRight(field, typed, figures) || withinOre(typed, figure.exact));
}

/** Whether a mistake shows in an answer's figure (a figure equal to the right one explains nothing). */
function differs(field: AnswerField, a: Figures, b: Figures): boolean {
  const x = figureOf(field, a);
  const y = figureOf(field, b);
  return x !== null && y !== null && x.shown.minus(y.shown).abs().gt(ORE);
}

/** The trainee's readable numbers by answer id, for följdfel. */
type Readable = Partial<Record<string, Dec>>;

/**
 * A följdfel: the trainee's number is what the figure would be from their own earlier answer, which is
 * wrong. Returns the id of that earlier answer, or null.
 */
function followOnFrom(
  field: AnswerField,
  typed: Dec,
  own: Readable,
  wrong: ReadonlySet<string>,
  calc: Calculation,
  right: Figures,
): string | null {
  const k = (x: Dec) => roundToKrona(x);
  const lines = right.lines;
  const contract = calc.contract;
  const at = (key: string) => `${field.date}.${key}`;
  /** Each: the earlier answers the figure was computed from, and whether the typed number is it. */
  const candidates: [string[], boolean][] = [];
  const t = own[at("t")];
  if (field.key === "reduction" && calc.method === "rule78" && t !== undefined) {
    const n = contract.installments;
    const r = t
      .times(t.plus(1))
      .times(calc.creditCostExclSetup)
      .dividedBy(n * (n + 1));
    candidates.push([[at("t")], typed.equals(k(r)) || withinOre(typed, r)]);
  }
  if (field.key === "amountExclInterest") {
    const unpaid = own.unpaidCreditClaim ?? lines.unpaidCreditClaim;
    const reduction = own[at("reduction")] ?? lines.reduction;
    const exkl = k(unpaid).plus(lines.basicFee).plus(lines.applicantCosts).minus(k(reduction));
    candidates.push([["unpaidCreditClaim", at("reduction")], typed.equals(exkl)]);
  }
  const exkl = own[at("amountExclInterest")];
  if (field.key === "amountInclInterest" && exkl !== undefined) {
    const inkl = exkl.plus(lines.lateInterest).plus(lines.claimedInterest);
    candidates.push([[at("amountExclInterest")], typed.equals(inkl)]);
  }
  const inkl = own["repossession.amountInclInterest"];
  if (field.key === "surplus" && inkl !== undefined && contract.estimatedValue !== null) {
    const surplus = contract.estimatedValue.minus(inkl);
    candidates.push([["repossession.amountInclInterest"], withinOre(typed, surplus)]);
  }
  for (const [earlier, isIt] of candidates) {
    const culprit = earlier.find((id) => wrong.has(id));
    if (isIt && culprit !== undefined) return culprit;
  }
  return null;
}

/** The statement date an answer's figures are taken from (the unpaid claim: the repossession's). */
function dateOf(field: AnswerField): StatementLabel {
  return field.date ?? "repossession";
}

/** Marks each answer the case asks for (answerFieldsFor); a wrong answer gets a hint. */
export function checkAnswers(calc: Calculation, typed: TypedAnswers): AnswerMark[] {
  const right = rightFigures(calc);
  const variants = mistakeFigures(calc);
  const fields = answerFieldsFor(calc);
  const outcome = right.repossession?.surplus ?? null;
  const rightOutcome: OutcomeAnswer | null =
    outcome === null ? null : outcome.greaterThan(0) ? "payDifference" : "notice";

  // First pass: read and mark; the second gives the wrong ones their hints (a följdfel needs to know
  // which earlier answers are wrong).
  const own: Readable = {};
  const marks = fields
    .filter(
      (field) => (field.key !== "outcome" && field.key !== "surplus") || rightOutcome !== null,
    )
    .map((field): AnswerMark => {
      const text = typed[field.id] ?? "";
      const base = {
        id: field.id,
        field,
        title: answerTitle(field),
        typed: text,
        problem: null,
        hint: null,
      };
      if (text.trim() === "") return { ...base, status: "unanswered" };
      if (field.key === "outcome") {
        const choice = readOutcome(text);
        if (choice === null)
          return { ...base, status: "unreadable", problem: READ_PROBLEMS.notOutcome };
        return { ...base, status: choice === rightOutcome ? "right" : "wrong" };
      }
      const read = readNumber(text);
      if (!read.ok) return { ...base, status: "unreadable", problem: read.reason };
      if (field.precision === "count" && !read.value.isInteger())
        return { ...base, status: "unreadable", problem: READ_PROBLEMS.notWhole };
      own[field.id] = read.value;
      const figures = right[dateOf(field)] as Figures;
      return { ...base, status: isRight(field, read.value, figures) ? "right" : "wrong" };
    });
  const wrong = new Set(marks.filter((m) => m.status === "wrong").map((m) => m.id));
  const titleOf = (id: string) => marks.find((m) => m.id === id)?.title ?? id;

  return marks.map((mark) => {
    if (mark.status !== "wrong") return mark;
    const field = mark.field;
    if (field.key === "outcome") {
      // The trainee's own surplus decides their outcome: a följdfel when it points their way.
      const surplusId = fields.find((f) => f.key === "surplus")?.id ?? "repossession.surplus";
      const surplus = own[surplusId];
      const follows =
        surplus !== undefined &&
        wrong.has(surplusId) &&
        (surplus.greaterThan(0) ? "payDifference" : "notice") === readOutcome(mark.typed);
      return {
        ...mark,
        hint: follows
          ? hintOf("followOn", FOLLOW_ON_HINT(titleOf(surplusId)))
          : hintOf("convention", FIELD_HINTS.outcome),
      };
    }
    const value = own[field.id] as Dec;
    const figures = right[dateOf(field)] as Figures;
    const exact = figureOf(field, figures);
    if (exact !== null && withinOre(value, exact.exact))
      return { ...mark, hint: hintOf("mistake", MISTAKE_HINTS.lineNotRounded, "lineNotRounded") };
    const found = variants.find(
      (v) =>
        (field.date === null || v.date === field.date) &&
        differs(field, v.figures, right[v.date] as Figures) &&
        isFigure(field, value, v.figures),
    );
    if (found)
      return { ...mark, hint: hintOf("mistake", MISTAKE_HINTS[found.mistake], found.mistake) };
    const earlier = followOnFrom(field, value, own, wrong, calc, figures);
    if (earlier !== null)
      return { ...mark, hint: hintOf("followOn", FOLLOW_ON_HINT(titleOf(earlier))) };
    return { ...mark, hint: hintOf("convention", FIELD_HINTS[field.key]) };
  });
}
