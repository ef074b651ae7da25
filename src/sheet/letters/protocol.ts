/**
 * "Beräkning vid återtagningen", the protocol's attachment: the statement at the repossession date
 * (late interest to that day, and under actual settlement the reduction recomputed for it: the
 * workshop's note, conventions §5), the value, the surplus and the outcome, all linked to the
 * calculation sheet; the place and who attended, to fill in.
 */
import { Calculation, OUTCOME_TEXT } from "../../engine";
import { SheetPlan } from "../types";
import { partiesBlock, statementTable } from "./blocks";
import { CalcSheetRef, LetterLayout } from "./letterLayout";
import { SenderRef } from "./sender";
import { LETTER_COMMON, PROTOCOL_TEXT } from "./texts";

/** The protocol calculation's plan (named by the caller). */
export function planProtocolLetter(
  calc: Calculation,
  sheet: CalcSheetRef,
  sender: SenderRef,
  name: string,
): SheetPlan {
  const s = new LetterLayout(calc, sheet, sender);
  s.letterhead("repossessionDate");
  s.subject(PROTOCOL_TEXT.title);
  s.paragraph(PROTOCOL_TEXT.intro);
  partiesBlock(s);
  s.link("date", PROTOCOL_TEXT.date, "repossession.date", "date");
  s.fillIn("place", PROTOCOL_TEXT.place, PROTOCOL_TEXT.placeCue);
  s.fillIn("present", PROTOCOL_TEXT.present, PROTOCOL_TEXT.presentCue);
  s.link("method", PROTOCOL_TEXT.method, "methodName", "text");
  s.link("t", PROTOCOL_TEXT.remaining, "repossession.t", "text");
  s.next();
  statementTable(s, "repossession", PROTOCOL_TEXT.statementHeading);
  s.paragraph(PROTOCOL_TEXT.recomputed, "note");
  s.next();
  s.link("value", PROTOCOL_TEXT.value, "repossession.value", "kronor");
  s.link("surplus", PROTOCOL_TEXT.surplus, "repossession.surplus", "kronor", "total");
  s.link("outcome", PROTOCOL_TEXT.outcome, "outcome", "text", "derived", longestOutcome());
  s.link("difference", PROTOCOL_TEXT.difference, "outcomeAmount", "kronor");
  s.next();
  s.link("law", LETTER_COMMON.law, "law", "text");
  s.signature();
  return s.plan(name);
}

/** The longest outcome sentence the calculation sheet can show. */
function longestOutcome(): string {
  return Object.values(OUTCOME_TEXT).reduce((a, b) => (b.length > a.length ? b : a));
}
