/**
 * The letter sheets that follow from a calculation (issue 11): which letters a case calls for, and
 * their planners. Each letter is a sheet beside the calculation sheet, linked to it by formulas.
 */
import { Calculation, outcomeOf } from "../../engine";
import { SheetPlan } from "../types";
import { planDemandLetter } from "./demand";
import { CalcSheetRef } from "./letterLayout";
import { planNoticeLetter } from "./notice";
import { planProtocolLetter } from "./protocol";
import { SenderRef } from "./sender";
import { LetterKind } from "./texts";

export type { CalcSheetRef } from "./letterLayout";
export { letterSheetName } from "./names";
export { LETTER_SHEET_PREFIX } from "./texts";
export type { LetterKind } from "./texts";
export { DEFAULT_SENDER, SENDER_SHEET_NAME, hasSenderSheet, planSenderSheet } from "./sender";
export type { Sender } from "./sender";

/**
 * The letters the case calls for (conventions §7, the workshop's step 6): the notice when the value
 * is below the debt, the demand for the difference when above; then the protocol's calculation at
 * the repossession date. Without an estimated value neither letter can be chosen yet, so only the
 * protocol's calculation.
 */
export function lettersFor(calc: Calculation): LetterKind[] {
  const outcome = outcomeOf(calc).kind;
  if (outcome === "notice") return ["notice", "protocol"];
  if (outcome === "payDifference") return ["demand", "protocol"];
  return ["protocol"];
}

const PLANNERS: Record<
  LetterKind,
  (calc: Calculation, sheet: CalcSheetRef, sender: SenderRef, name: string) => SheetPlan
> = {
  notice: planNoticeLetter,
  demand: planDemandLetter,
  protocol: planProtocolLetter,
};

/**
 * The plan of one letter, named `name`, linked to the calculation sheet `sheet` and to the sender
 * sheet `sender`.
 */
export function planLetter(
  kind: LetterKind,
  calc: Calculation,
  sheet: CalcSheetRef,
  sender: SenderRef,
  name: string,
): SheetPlan {
  return PLANNERS[kind](calc, sheet, sender, name);
}
