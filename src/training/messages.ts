/**
 * Every text of the training layer (practice cases, the exercise workbook), in Swedish, in one place.
 */
import type { AnswerKey } from "./answerFields";
import type { PracticeLevel } from "./levels";

export const TRAINING_TEXT = {
  badLevel: (value: unknown) => `Nivå (${String(value)}) måste vara 1, 2, 3 eller 4`,
  badNumber: (value: unknown) =>
    `Övningsnummer (${String(value)}) måste vara ett heltal från 1 till 99 999`,
  /** What each level practises, one line each (the exercise sheet's subtitle, the usage text). */
  levels: {
    1: "Nivå 1: annuitetslån, 78-regeln, dröjsmålsränta inom ett halvår",
    2: "Nivå 2: restbelopp, faktisk avräkning som räknas om vid återtagningen",
    3: "Nivå 3: dröjsmålsränta över ett halvårsskifte, yrkad ränta och sökandens kostnader",
    4: "Nivå 4: gränsfall (förfallodag 31 genom februari, inget betalt alls, värde över skulden)",
  } satisfies Record<PracticeLevel, string>,
} as const;

/** The exercise sheet's texts. */
export const EXERCISE_TEXT = {
  levelLine: (level: PracticeLevel) => TRAINING_TEXT.levels[level],
  task:
    "Räkna ut vad svaranden ska betala för att undgå återtagning, vid underrättelsedagen och vid " +
    "återtagningsdagen, och vad som följer av godsets värde. Skriv svaren i de gula cellerna.",
  factsHeading: "Ärendet",
  conventions:
    "Dröjsmålsränta: referensräntan för varje kalenderhalvår + 8 procentenheter (räntelagen 6 §) på " +
    "obetald del av kreditfordran, från dagen efter ansökningsdagen; båda ändarnas dagar räknas, " +
    "dagar/365. Reduceringsbelopp: 78-regeln för annuitetslån, faktisk avräkning när det finns " +
    "restbelopp. Referensräntorna står på bladet Referensräntor.",
  answersHeading: "Svar",
  answerNotes: {
    unpaidCreditClaim: "samma vid båda datumen",
    t: "avbetalningar som återstår vid dagen; nästa förfallodag räknas som passerad",
    reduction: "hela kronor",
    amountExclInterest: "hela kronor",
    amountInclInterest: "hela kronor",
    surplus: "på öret; negativt om värdet är lägre",
    outcome: "vad som följer vid återtagningen: Underrättelse eller Mellanskillnad",
  } satisfies Record<AnswerKey, string>,
  answerNote:
    "Varje rad i uppställningen avrundas till hela kronor och summorna är summor av de avrundade " +
    "raderna.",
  pageHeader: "Övning i återtagande",
} as const;

/** The facit sheet's texts. */
export const FACIT_TEXT = {
  /** The title, naming the first and the last case ("Övning 2.47"). */
  title: (first: string, last: string) =>
    first === last ? `Facit – ${first}` : `Facit – ${first} till ${last}`,
  note:
    "Svaren räknas med formler ur övningsbladens uppgifter (ändras en uppgift där följer facit med). " +
    "Raderna i uppställningen är avrundade till hela kronor, överskottet är på öret.",
} as const;
