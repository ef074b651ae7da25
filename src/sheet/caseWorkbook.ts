/**
 * One case's sheets: the calculation sheet first, then (with `letters`) the letter sheets the case
 * calls for (src/sheet/letters: the notice or the demand for the difference, and the protocol's
 * calculation at the repossession date), each linked to the calculation sheet by formulas, and the
 * workbook's sender sheet "Avsändare" the letters take their sender from, unless the workbook has it
 * already (then the letters use that one, as it is).
 *
 * The names are final: free among `existingSheetNames` (the workbook's sheets, when writing into
 * Excel) and among each other, and the letters' formulas name the calculation sheet by its final
 * name, so a writer must write them as they are (`writeSheetPlans`, or `buildWorkbook`, which keeps
 * names that are already valid and unique).
 */
import { Calculation } from "../engine";
import {
  DEFAULT_SENDER,
  LETTER_SHEET_PREFIX,
  SENDER_SHEET_NAME,
  Sender,
  hasSenderSheet,
  letterSheetName,
  lettersFor,
  planLetter,
  planSenderSheet,
} from "./letters";
import { planSheet } from "./plan";
import { REFERENCE_SHEET_NAME, planReferenceSheet } from "./referenceSheet";
import { fileSheetName, uniqueSheetName } from "./sheetNames";
import { SheetPlan } from "./types";

export interface CaseWorkbookOptions {
  /** Add the letter sheets the case calls for. */
  letters: boolean;
  /**
   * A new workbook (a file, not the user's open one): when the calculation's reference rates hold the
   * user's rows, the Referensräntor sheet comes last, each row with its source.
   */
  rateSheet?: boolean;
  /** Sheet names the workbook already has (or a batch has claimed), which the new names avoid. */
  existingSheetNames?: readonly string[];
  /** The sender for a new sender sheet (default: Kronofogden, address and telephone to fill in). */
  sender?: Sender;
}

/** The calculation sheet, then the letter sheets that fit the case (with `letters`). */
export function planCaseWorkbook(calc: Calculation, options: CaseWorkbookOptions): SheetPlan[] {
  const withRates = options.rateSheet === true && calc.referenceRates.hasUserEntries();
  // The rate sheet's name is fixed (formulas and the functions' ranges name it): claimed first.
  const taken = [
    ...(options.existingSheetNames ?? []),
    ...(withRates ? [REFERENCE_SHEET_NAME] : []),
  ];
  // Found before any new name is chosen: a case named "Avsändare" gets "Avsändare (2)".
  const senderExists = hasSenderSheet(taken);
  if (options.letters && !senderExists) taken.push(SENDER_SHEET_NAME);
  const calcPlan = planSheet(calc);
  const name = uniqueSheetName(fileSheetName(calcPlan.name), taken);
  taken.push(name);
  const sheet = { ...calcPlan, name };
  const rates = withRates
    ? [{ ...planReferenceSheet(calc.referenceRates), name: REFERENCE_SHEET_NAME }]
    : [];
  if (!options.letters) return [sheet, ...rates];
  const sender = { sheet: SENDER_SHEET_NAME, sender: options.sender ?? DEFAULT_SENDER };
  const letters = lettersFor(calc).map((kind) => {
    const letterName = letterSheetName(LETTER_SHEET_PREFIX[kind], calc.contract.caseId, taken);
    taken.push(letterName);
    return planLetter(kind, calc, { name, plan: sheet }, sender, letterName);
  });
  return [sheet, ...letters, ...(senderExists ? [] : [planSenderSheet(sender.sender)]), ...rates];
}
