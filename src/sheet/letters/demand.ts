/**
 * "Begäran om mellanskillnad", to the applicant, when the goods are worth more than the debt
 * (conventions §7): the estimated value, what the debtor must pay at the repossession date, and the
 * difference the applicant must pay or deposit before the goods can be taken (worked example 2:
 * 95 000 − 93 529 = 1 471 kr), with the day to pay by and where to, to fill in. With the sender, the
 * letter's date (to fill in), the subject with the case number and the parties' addresses.
 */
import { Calculation } from "../../engine";
import { FORMATS } from "../formats";
import { SheetPlan } from "../types";
import { partiesBlock } from "./blocks";
import { CalcSheetRef, LetterLayout } from "./letterLayout";
import { SenderRef } from "./sender";
import { outcomeWarning } from "./outcomeWarning";
import { DEMAND_TEXT, LETTER_COMMON } from "./texts";

/** The demand letter's plan (named by the caller). */
export function planDemandLetter(
  calc: Calculation,
  sheet: CalcSheetRef,
  sender: SenderRef,
  name: string,
): SheetPlan {
  const s = new LetterLayout(calc, sheet, sender);
  s.letterhead();
  s.subject(DEMAND_TEXT.title);
  outcomeWarning(s, "payDifference");
  s.paragraph(DEMAND_TEXT.to, "section");
  partiesBlock(s);
  s.next();
  s.paragraph(DEMAND_TEXT.intro);
  s.link("asOf", DEMAND_TEXT.asOf, "repossession.date", "date");
  s.next();
  s.tableHeader(DEMAND_TEXT.tableHeading);
  s.link("value", DEMAND_TEXT.value, "repossession.value", "kronor");
  s.link("debt", DEMAND_TEXT.debt, "repossession.amountInclInterest", "kronor");
  s.link("surplus", DEMAND_TEXT.surplus, "outcomeAmount", "kronor", "total");
  s.next();
  s.fillIn("payBy", DEMAND_TEXT.payBy, DEMAND_TEXT.payByCue, FORMATS.date);
  s.fillIn("payTo", DEMAND_TEXT.payTo, DEMAND_TEXT.payToCue);
  s.next();
  s.paragraph(DEMAND_TEXT.change);
  s.link("law", LETTER_COMMON.law, "law", "text");
  s.next();
  s.paragraph(DEMAND_TEXT.contact);
  s.signature();
  return s.plan(name);
}
