/**
 * The hints a trainee gets for a wrong answer, in Swedish, each naming the convention most likely
 * missed and citing where it is written down (the section of the conventions, linked through
 * conventionLinks.ts). Which hint applies is decided
 * in answers.ts by recomputing the figure under each mistake (mistakes.ts) and matching the trainee's
 * number; the texts live here and nowhere else.
 */
import type { StatementLabel } from "../engine";
import type { AnswerKey } from "./answerFields";

/** A typical mistake: the figure recomputed as if the trainee had made it (mistakes.ts). */
export type MistakeId =
  | "lineNotRounded"
  | "nextDueNotPassed"
  | "unpaidCountAsT"
  | "setupFeeInC"
  | "oneEndDay"
  | "neitherEndDay"
  | "interestFromApplicationDate"
  | "rule78InsteadOfActual"
  | "actualInsteadOfRule78"
  | "reductionNotRecomputed"
  | "basicFeeForgotten"
  | "claimedInterestForgotten"
  | "wrongHalfYearRate"
  | "interestRoundedPerHalfYear"
  | "totalRoundedOnce"
  | "residualForgotten"
  | "feesForgotten"
  | "onlyOverdue"
  | "surplusSignFlipped"
  | "surplusAtNoticeDate";

export interface HintText {
  /** What the trainee most likely did, and what the convention says instead. */
  text: string;
  /** The section of docs/conventions.md that states the convention. */
  section: number;
}

/** One hint per typical mistake. */
export const MISTAKE_HINTS: Readonly<Record<MistakeId, HintText>> = {
  lineNotRounded: {
    text:
      "Rätt belopp, men oavrundat. Varje rad i uppställningen avrundas till hela kronor (hälften " +
      "uppåt), och summorna är summor av de avrundade raderna.",
    section: 7,
  },
  nextDueNotPassed: {
    text:
      "Du verkar ha räknat nästa förfallodag som inte passerad. Enligt 78-regelns räkning har den " +
      "passerat: t = n − 1 − antalet förfallodagar före dagen.",
    section: 4,
  },
  unpaidCountAsT: {
    text:
      "Du verkar ha tagit antalet obetalda avbetalningar som t. t räknas efter datum: de " +
      "förfallodagar som inte har passerat vid dagen (nästa förfallodag räknas som passerad).",
    section: 4,
  },
  setupFeeInC: {
    text:
      "Du verkar ha räknat med hela kreditkostnaden. I 78-regeln är c = kreditkostnaden minus " +
      "uppläggningsavgiften, som är intjänad när krediten startar.",
    section: 4,
  },
  oneEndDay: {
    text:
      "Du verkar ha räknat bara den ena ändpunktens dag. Dröjsmålsräntan räknas på faktiska dagar " +
      "med både första och sista dagen medräknade, delat med 365.",
    section: 6,
  },
  neitherEndDay: {
    text:
      "Du verkar ha räknat bort både första och sista dagen. Dröjsmålsräntan räknas med båda " +
      "ändpunkternas dagar medräknade, delat med 365.",
    section: 6,
  },
  interestFromApplicationDate: {
    text:
      "Du verkar ha räknat ränta från ansökningsdagen. Räntan till och med ansökningsdagen är den " +
      "yrkade räntan; den löpande räntan börjar dagen efter.",
    section: 6,
  },
  rule78InsteadOfActual: {
    text:
      "Du verkar ha använt 78-regeln. Krediten har ett restbelopp, och då gäller faktisk avräkning: " +
      "räntan som ligger i planen efter dagen, minus upplupen ränta, plus oförfallna aviavgifter.",
    section: 5,
  },
  actualInsteadOfRule78: {
    text:
      "Du verkar ha använt faktisk avräkning. För ett annuitetslån utan restbelopp räknar övningen " +
      "med 78-regeln: R = t(t + 1) · c / (n(n + 1)).",
    section: 4,
  },
  reductionNotRecomputed: {
    text:
      "Du verkar ha använt reduceringsbeloppet från underrättelsedagen. Vid faktisk avräkning räknas " +
      "även reduceringsbeloppet om per återtagningsdagen, eftersom det ändras dag för dag.",
    section: 5,
  },
  basicFeeForgotten: {
    text:
      "Du verkar ha glömt grundavgiften. Att betala exkl. ränta = obetald del av kreditfordran + " +
      "grundavgift + sökandens kostnader − reduceringsbelopp.",
    section: 7,
  },
  claimedInterestForgotten: {
    text:
      "Du verkar ha glömt den yrkade räntan per ansökningsdagen. Att betala inkl. ränta = att betala " +
      "exkl. ränta + dröjsmålsränta + yrkad ränta per ansökningsdagen.",
    section: 7,
  },
  wrongHalfYearRate: {
    text:
      "Du verkar ha använt fel halvårs referensränta. Varje dag får referensräntan för sitt eget " +
      "kalenderhalvår (byte 1 januari och 1 juli), plus 8 procentenheter.",
    section: 6,
  },
  interestRoundedPerHalfYear: {
    text:
      "Du verkar ha avrundat räntan för varje halvår innan du summerade. Dröjsmålsräntan är en enda " +
      "exakt summa över dagarna, som avrundas en gång.",
    section: 9,
  },
  totalRoundedOnce: {
    text:
      "Du verkar ha summerat oavrundade belopp och avrundat summan. Varje rad avrundas till hela " +
      "kronor för sig, och summorna är summor av de avrundade raderna.",
    section: 7,
  },
  residualForgotten: {
    text:
      "Du verkar ha glömt restbeloppet. Obetald del av kreditfordran är alla avbetalningar som inte " +
      "är betalda, förfallna som framtida, och restbeloppet som betalas med den sista.",
    section: 2,
  },
  feesForgotten: {
    text:
      "Du verkar ha räknat avbetalningarna utan aviavgift. Obetald del av kreditfordran räknas på " +
      "hela månadsbeloppet, avbetalning plus aviavgift.",
    section: 2,
  },
  onlyOverdue: {
    text:
      "Du verkar ha räknat bara de förfallna avbetalningarna. Obetald del av kreditfordran är alla " +
      "avbetalningar som inte är betalda, förfallna som framtida.",
    section: 2,
  },
  surplusSignFlipped: {
    text:
      "Du verkar ha räknat åt fel håll. Överskott = godsets värde − att betala inkl. ränta; det är " +
      "negativt när värdet understiger skulden.",
    section: 7,
  },
  surplusAtNoticeDate: {
    text:
      "Du verkar ha räknat med beloppet vid underrättelsedagen. Överskottet räknas mot att betala " +
      "inkl. ränta per återtagningsdagen.",
    section: 7,
  },
};

/** When the answer follows from an earlier wrong answer of the trainee's own (a följdfel). */
export const FOLLOW_ON_HINT = (earlier: string): HintText => ({
  text: `Följdfel: beloppet stämmer med ditt svar på ${earlier}. Rätta det först.`,
  section: 7,
});

/** When no typical mistake explains the number: the convention that defines the figure. */
export const FIELD_HINTS: Readonly<Record<AnswerKey, HintText>> = {
  t: {
    text:
      "t = n − 1 − antalet förfallodagar före dagen: förfallodagarna före dagen har passerat, och " +
      "nästa förfallodag på eller efter dagen räknas också som passerad.",
    section: 4,
  },
  reduction: {
    text:
      "Reduceringsbeloppet är kreditkostnaden för tiden efter dagen: med 78-regeln " +
      "t(t + 1) · c / (n(n + 1)) för annuitetslån, med faktisk avräkning när det finns ett restbelopp.",
    section: 4,
  },
  unpaidCreditClaim: {
    text:
      "Obetald del av kreditfordran är alla obetalda avbetalningar med aviavgift, förfallna som " +
      "framtida, plus ett restbelopp.",
    section: 2,
  },
  amountExclInterest: {
    text:
      "Att betala exkl. ränta = obetald del av kreditfordran + grundavgift + sökandens kostnader − " +
      "reduceringsbelopp, varje rad i hela kronor.",
    section: 7,
  },
  amountInclInterest: {
    text:
      "Att betala inkl. ränta = att betala exkl. ränta + dröjsmålsränta (dagen efter ansökningsdagen " +
      "till och med dagen, båda dagarna medräknade) + yrkad ränta per ansökningsdagen.",
    section: 7,
  },
  surplus: {
    text:
      "Överskott = godsets uppskattade värde − att betala inkl. ränta per återtagningsdagen, på " +
      "öret när.",
    section: 7,
  },
  outcome: {
    text:
      "Är överskottet större än noll ska sökanden betala mellanskillnaden innan godset tas; annars " +
      "går en underrättelse till sökanden och svaranden.",
    section: 7,
  },
};

/** An answer's date as a hint and the pane name it: "Reduceringsbelopp vid återtagningen". */
export const DATE_PHRASES: Readonly<Record<StatementLabel, string>> = {
  notice: "vid underrättelsen",
  repossession: "vid återtagningen",
};
