/**
 * "Underrättelse om återtagning", to the applicant and the debtor, when the goods are worth less than
 * the debt (conventions §7): the goods, the day, time and place of the repossession to fill in, what
 * the debtor must pay to avoid it with the statement's lines, and that late interest runs until
 * payment. The amounts are those of the first statement: the notice date's, or the repossession
 * date's when the contract has no notice date.
 */
import { Calculation } from "../../engine";
import { SheetPlan } from "../types";
import { partiesBlock, statementTable } from "./blocks";
import { CalcSheetRef, LetterLayout } from "./letterLayout";
import { outcomeWarning } from "./outcomeWarning";
import { LETTER_COMMON, NOTICE_TEXT } from "./texts";

/** The notice letter's plan (named by the caller). */
export function planNoticeLetter(calc: Calculation, sheet: CalcSheetRef, name: string): SheetPlan {
  const s = new LetterLayout(calc, sheet);
  const label = calc.statements[0].label;
  s.heading(NOTICE_TEXT.title);
  outcomeWarning(s, "notice");
  s.paragraph(NOTICE_TEXT.to, "section");
  partiesBlock(s);
  s.next();
  s.paragraph(NOTICE_TEXT.intro);
  s.link("repossessionDay", NOTICE_TEXT.when, "repossessionDate", "date", "input");
  s.fillIn("time", NOTICE_TEXT.time);
  s.fillIn("place", NOTICE_TEXT.place);
  s.next();
  s.paragraph(NOTICE_TEXT.avoid);
  s.link("asOf", NOTICE_TEXT.asOf, `${label}.date`, "date");
  s.next();
  statementTable(s, label, NOTICE_TEXT.statementHeading);
  s.next();
  s.paragraph(NOTICE_TEXT.interest);
  s.link("law", LETTER_COMMON.law, "law", "text");
  s.next();
  s.paragraph(NOTICE_TEXT.contact);
  s.signature();
  return s.plan(name);
}
