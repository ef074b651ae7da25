/**
 * "Underrättelse om återtagning", to the applicant and the debtor, when the goods are worth less than
 * the debt (conventions §7): the sender and the letter's date (the notice date), the subject with the
 * case number, both parties with their addresses, the goods, the day, time and place of the
 * repossession to fill in, what the debtor must pay to avoid it with the statement's lines, and how:
 * the amount, by when (*senast* …) and to whom, blanks to fill in; and that late interest runs until
 * payment. The amounts are those of the first statement: the notice date's, or the repossession
 * date's when the contract has no notice date.
 */
import { Calculation } from "../../engine";
import { FORMATS } from "../formats";
import { SheetPlan } from "../types";
import { partiesBlock, statementTable } from "./blocks";
import { CalcSheetRef, LetterLayout } from "./letterLayout";
import { SenderRef } from "./sender";
import { outcomeWarning } from "./outcomeWarning";
import { LETTER_COMMON, NOTICE_TEXT } from "./texts";

/** The notice letter's plan (named by the caller). */
export function planNoticeLetter(
  calc: Calculation,
  sheet: CalcSheetRef,
  sender: SenderRef,
  name: string,
): SheetPlan {
  const s = new LetterLayout(calc, sheet, sender);
  const label = calc.statements[0].label;
  s.letterhead(calc.contract.noticeDate === null ? undefined : "noticeDate");
  s.subject(NOTICE_TEXT.title);
  outcomeWarning(s, "notice");
  s.paragraph(NOTICE_TEXT.to, "section");
  partiesBlock(s);
  s.next();
  s.paragraph(NOTICE_TEXT.intro);
  s.link("repossessionDay", NOTICE_TEXT.when, "repossessionDate", "date", "input");
  s.fillIn("time", NOTICE_TEXT.time, NOTICE_TEXT.timeCue);
  s.fillIn("place", NOTICE_TEXT.place, NOTICE_TEXT.placeCue);
  s.next();
  s.paragraph(NOTICE_TEXT.avoid);
  s.link("asOf", NOTICE_TEXT.asOf, `${label}.date`, "date");
  s.next();
  statementTable(s, label, NOTICE_TEXT.statementHeading);
  s.next();
  payment(s, label);
  s.next();
  s.paragraph(NOTICE_TEXT.interest);
  s.link("law", LETTER_COMMON.law, "law", "text");
  s.next();
  s.paragraph(NOTICE_TEXT.contact);
  s.signature();
  return s.plan(name);
}

/**
 * How the debtor pays to avoid the repossession: the amount (the statement's total), by when and to
 * whom (blanks to fill in), and what to write with the payment (the case number, which the officer
 * may change).
 */
function payment(s: LetterLayout, label: string): void {
  s.paragraph(NOTICE_TEXT.payHeading, "section");
  s.link("payAmount", NOTICE_TEXT.payAmount, `${label}.amountInclInterest`, "kronor", "total");
  s.fillIn("payBy", NOTICE_TEXT.payBy, NOTICE_TEXT.payByCue, FORMATS.date);
  s.fillIn("payTo", NOTICE_TEXT.payTo, NOTICE_TEXT.payToCue);
  s.link("payReference", NOTICE_TEXT.payReference, "caseId", "text", "input");
}
