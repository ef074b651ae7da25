/**
 * The warning a letter shows when the calculation sheet is edited so that the outcome no longer calls
 * for it (conventions §7: a surplus above 0 at the repossession date calls for the demand, otherwise
 * the notice): a formula over the sheet's outcome cell, empty while the outcome is the letter's own.
 */
import { OUTCOME_TEXT } from "../../engine";
import { LetterLayout } from "./letterLayout";
import { LETTER_COMMON } from "./texts";

/** The outcome (OUTCOME_TEXT key) each outcome-bound letter is written for. */
export type LetterOutcome = "notice" | "payDifference";

/** A formula string literal: `"…"` with inner quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Places the warning row: empty now (the letter fits the engine's outcome), red text otherwise. */
export function outcomeWarning(s: LetterLayout, expected: LetterOutcome): void {
  const outcome = s.ref("outcome");
  const formula = `IF(${outcome}=${literal(OUTCOME_TEXT[expected])},"",${literal(LETTER_COMMON.outcomeChanged)}&${outcome})`;
  const current = String(s.resultOf("outcome"));
  const result = current === OUTCOME_TEXT[expected] ? "" : LETTER_COMMON.outcomeChanged + current;
  const longest = Object.values(OUTCOME_TEXT).reduce((a, b) => (b.length > a.length ? b : a));
  s.warning("warning", formula, result, LETTER_COMMON.outcomeChanged + longest);
}
