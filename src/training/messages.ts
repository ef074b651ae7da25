/**
 * Every text of the training layer (practice cases, the exercise workbook), in Swedish, in one place.
 */
import type { PracticeLevel } from "./practiceCase";

export const TRAINING_TEXT = {
  badLevel: (value: unknown) => `Nivå (${String(value)}) måste vara 1, 2, 3 eller 4`,
  badNumber: (value: unknown) =>
    `Övningsnummer (${String(value)}) måste vara ett heltal från 1 till 99 999`,
  /** What each level practises, one line each (the exercise sheet's subtitle, the usage text). */
  levels: {
    1: "Nivå 1: annuitetslån, 78-regeln, dröjsmålsränta inom ett halvår",
    2: "Nivå 2: restbelopp, faktisk avräkning som räknas om vid återtagningen",
    3: "Nivå 3: dröjsmålsränta över ett halvårsskifte, yrkad ränta och sökandens kostnader",
    4: "Nivå 4: gränsfall (förfallodag 31 genom februari, datum före första förfallodagen, värde över skulden)",
  } satisfies Record<PracticeLevel, string>,
} as const;
