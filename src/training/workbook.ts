/**
 * The handout workbook of practice cases: one exercise sheet per case (facts and empty answer
 * cells, one printed page each), the facit (every answer as a live formula over the exercise sheets'
 * facts) and the reference rates the facit's late interest looks up. The same plans go to an .xlsx
 * file (`atertag exercises`) and into the open workbook (the task pane), as the batch's do.
 *
 * Two sets (issue 19.4): the trainees' file holds no answers (`facit: false`: the exercise sheets and
 * the reference rates), so it can be printed and handed out whole; the trainer's holds the same
 * sheets and the facit, whose formulas read the facts on those sheets.
 */
import {
  BUILT_IN_RATES,
  Calculation,
  ReferenceRateTable,
  calculate,
  parseContract,
} from "../engine";
import { REFERENCE_SHEET_NAME, planReferenceSheet } from "../sheet/referenceSheet";
import { SheetNameClaims } from "../sheet/sheetNames";
import { SheetPlan } from "../sheet/types";
import { planExerciseSheet } from "./exerciseSheet";
import { FACIT_SHEET_NAME, planFacitSheet } from "./facitSheet";
import { PracticeCase } from "./practiceCase";

/** The most practice cases one handout holds (the command line's --count, the pane's count). */
export const MAX_HANDOUT_CASES = 200;

export interface ExerciseWorkbookOptions {
  /** The reference rates the calculations use; default the built-in table. */
  table?: ReferenceRateTable;
  /** Sheet names already in the workbook (Excel), so new names never collide. */
  existingSheetNames?: readonly string[];
  /**
   * The workbook's own `Referensräntor` sheet, when it has one: it is used as it is (no reference
   * plan is returned) and the facit looks up its `rowCount` rows from row 2.
   */
  referenceSheet?: { rowCount: number };
  /**
   * The add-in's deployed folder URL (the base of the help pages): the notes beside the answers
   * link to the conventions there. Without it the notes are plain text.
   */
  helpBase?: string;
  /** Whether the facit is planned (the trainer's set); false for the trainees' set. Default true. */
  facit?: boolean;
}

/** A practice case with its calculation by the engine (what the facit's cached results are). */
export function calculatePracticeCase(
  pc: PracticeCase,
  table: ReferenceRateTable = BUILT_IN_RATES,
): Calculation {
  return calculate(parseContract(pc.contract), { referenceRates: table });
}

/**
 * The workbook's sheets: the exercise sheets in the cases' order, the facit (unless `facit` is
 * false), the reference rates (unless the workbook has its own). Every name is free among `existingSheetNames` and the other
 * plans, and the facit's formulas and links use these final names.
 */
export function planExerciseWorkbook(
  cases: readonly PracticeCase[],
  options: ExerciseWorkbookOptions = {},
): SheetPlan[] {
  const table = options.table ?? BUILT_IN_RATES;
  // The reference sheet's name is fixed: the facit's formulas look the rates up there.
  const names = new SheetNameClaims([...(options.existingSheetNames ?? []), REFERENCE_SHEET_NAME]);
  const exercises = cases.map((pc) =>
    planExerciseSheet(pc, names.claim(pc.name), options.helpBase),
  );
  const reference = options.referenceSheet
    ? []
    : [{ ...planReferenceSheet(table), name: REFERENCE_SHEET_NAME }];
  if (options.facit === false) return [...exercises, ...reference];
  const facitName = names.claim(FACIT_SHEET_NAME);
  const facit = planFacitSheet(
    cases.map((pc, index) => ({
      calc: calculatePracticeCase(pc, table),
      contract: pc.contract,
      sheet: { name: exercises[index].name, names: exercises[index].names },
    })),
    options.referenceSheet?.rowCount ?? table.entries().length,
  );
  return [...exercises, { ...facit, name: facitName }, ...reference];
}
