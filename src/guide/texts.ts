/**
 * Every Swedish text of the guided mode's model (steps.ts): step titles, result labels, the "why" of
 * each figure and the points to check. Amounts and dates arrive formatted (engine/format.ts); the
 * statement's own line labels are the engine's (STATEMENT_LABELS), and a contract field's value is
 * labelled as the schema labels the field.
 */
import { CONTRACT_SCHEMA } from "../engine";

/** The workshop's stages ("Praktiska handgrepp"), in order. */
export const STEP_TITLES = {
  application: "Granska ansökan",
  dates: "Dag för återtagning",
  reduction: "Reduceringsbelopp",
  amountDue: "Att betala",
  valuation: "Värdet av godset",
  letter: "Underrättelse eller mellanskillnad",
  repossession: "Vid återtagningen",
} as const;

export const GUIDE_TEXT = {
  // Step 1: the application
  applicationDate: CONTRACT_SCHEMA.applicationDate.label,
  unpaidCreditClaim: CONTRACT_SCHEMA.unpaidCreditClaim.label,
  claimedInterest: "Yrkad ränta per ansökningsdagen",
  interestCapital: CONTRACT_SCHEMA.interestCapital.label,
  interestFrom: "Dröjsmålsränta från",
  applicantCosts: CONTRACT_SCHEMA.applicantCosts.label,
  unpaidDerived: (unpaid: number, instalment: string, residual: string | null) =>
    `Obetald del av kreditfordran: ${unpaid} obetalda avbetalningar × ${instalment}` +
    (residual === null ? "" : ` + restbelopp ${residual}`) +
    ".",
  unpaidStated: "Obetald del av kreditfordran är angiven i ansökan.",
  claimedFixed: (claimed: string, date: string) =>
    `Räntan till och med ansökningsdagen är ett fast yrkat belopp: ${claimed} per ${date}.`,
  runningInterest: (from: string, capital: string, rule: string) =>
    `Därefter löper dröjsmålsränta från ${from} på ${capital}: ${rule}.`,
  statutoryRate: "referensräntan + 8 procentenheter (6 § räntelagen)",
  contractRate: (rate: string) =>
    `avtalad ränta ${rate}, där den är lägre än referensräntan + 8 procentenheter (6 § räntelagen)`,
  capitalDefault: "Räntebärande kapital är obetald del av kreditfordran (inget annat angivet).",
  checkInterestClaim:
    "Granska yrkandet om dröjsmålsränta: högst referensräntan + 8 procentenheter, enkel ränta, ingen ränta på ränta.",
  checkInterestOverlap: (from: string, applicationDate: string) =>
    `Dröjsmålsräntan yrkas från ${from}, inte efter ansökningsdagen ${applicationDate}: kontrollera att räntan fram till ansökningsdagen inte också ingår i den yrkade räntan.`,
  checkCosts: (costs: string, cap: string) =>
    `Sökandens kostnader ${costs}: ersättning för eget arbete och ombud är högst ${cap} om inte särskilda skäl finns; transport- och närvarokostnader ska vara skäliga.`,
  checkCostsNone: "Sökanden yrkar inga kostnader.",

  // Step 2: the dates
  noticeDate: CONTRACT_SCHEMA.noticeDate.label,
  repossessionDate: CONTRACT_SCHEMA.repossessionDate.label,
  nextDueDate: "Nästa förfallodag",
  twoDates:
    "Beräkningen görs två gånger: per underrättelsedagen (vad svaranden ska betala för att undgå återtagning) och på nytt per återtagningsdagen, eftersom räntan ändras med dagen.",
  noNoticeDate: "Ingen underrättelsedag är angiven: beräkningen görs bara per återtagningsdagen.",
  noneAfter: "ingen (alla förfallodagar har passerat)",

  // Step 3: the reduction
  method: CONTRACT_SCHEMA.method.label,
  remaining: "Återstående avbetalningar (t)",
  creditCostExclSetup: "Kreditkostnad utan uppläggningsavgift (c)",
  reduction: "Reduceringsbelopp (R)",
  otherMethod: (method: string) => `Jämförelse: ${method}`,
  duePassed: "Förfallodagar till och med dagen (m)",
  remainingInterest: "Ränta kvar i planen efter förfallodag m",
  accruedInterest: "Upplupen ränta sedan förfallodag m",
  unearnedFees: "Aviavgifter för avbetalningar som inte förfallit",
  methodResidual: (residual: string) => `Restbelopp finns (${residual}) → faktisk avräkning.`,
  methodAnnuity:
    "Inget restbelopp: lika stora avbetalningar hela tiden (annuitetslån) → 78-regeln.",
  methodChosen: (method: string) => `Metoden är vald för ärendet: ${method}.`,
  rule78WithResidual:
    "78-regeln förutsätter lika stora avbetalningar utan restbelopp; jämför med faktisk avräkning.",
  passedInclNext: (passed: number, first: string, last: string, n: number, t: number) =>
    `${passed} förfallodagar har passerat inklusive nästa (${first} … ${last}) → t = ${n} − ${passed} = ${t}.`,
  noneBefore: (n: number, t: number) =>
    `Ingen förfallodag har passerat före dagen; den första räknas som passerad → t = ${n} − 1 = ${t}.`,
  allPassed: "Alla förfallodagar har passerat → t = 0 och inget reduceringsbelopp.",
  rule78Formula: (t: number, n: number, c: string, r: string) =>
    `R = t(t + 1) · c / (n(n + 1)) = ${t} · ${t + 1} · ${c} / (${n} · ${n + 1}) = ${r}.`,
  actualPassed: (m: number, date: string) =>
    `${m} förfallodagar har passerat till och med ${date}; räntan efter förfallodag ${m} hör till tiden efter återtagandet.`,
  actualAccrued: (days: number, periodDays: number, from: string, amount: string) =>
    `Ränta som upplupit sedan ${from} (${days} av ${periodDays} dagar) tillhör kreditgivaren: ${amount}.`,
  actualBeforeFirstPeriod: "Dagen ligger före kreditens första period: ingen ränta har upplupit.",
  actualFormula: (remaining: string, accrued: string, fees: string, r: string) =>
    `R = ${remaining} − ${accrued} + ${fees} = ${r}.`,
  actualAfterLast: "Sista förfallodagen har passerat: inget reduceringsbelopp.",
  actualRecomputed:
    "Vid faktisk avräkning räknas reduceringsbeloppet om per återtagningsdagen (steg 7).",
  atDate: (date: string) => `Per ${date}.`,

  // Step 4: what the debtor must pay
  lateInterestDays: (from: string, to: string, days: number, capital: string, total: string) =>
    `Dröjsmålsränta ${from}–${to} (${days} dagar, första och sista dagen räknade, dagar/365) på ${capital}: ${total}.`,
  lateInterestRates: (rates: string) => `Räntesats: ${rates}.`,
  ratePart: (range: string, percent: string) => `${percent} (${range})`,
  rounding:
    "Varje rad avrundas till hela kronor; summorna är summor av de avrundade raderna, så uppställningen går jämnt ut.",
  noLateInterest: "Ingen dröjsmålsränta: räntan börjar löpa efter dagen.",

  // Step 5: the value of the goods
  estimatedValue: CONTRACT_SCHEMA.estimatedValue.label,
  amountInclInterestAt: (date: string) => `Att betala inkl. ränta per ${date}`,
  surplusAt: (date: string) => `Överskott per ${date} (värde − att betala)`,
  valueCompared: (date: string) =>
    `Värdet jämförs med vad svaranden ska betala per återtagningsdagen ${date}.`,
  valueBelow: "Värdet understiger skulden: underrättelse till sökanden och svaranden (steg 6).",
  valueAbove: (surplus: string) =>
    `Värdet överstiger skulden med ${surplus}: sökanden ska betala mellanskillnaden innan godset tas (steg 6).`,
  valueMeaning:
    "Godsets värde är vad sökanden kan räkna med att få vid en försäljning på lämpligt sätt.",
  valueNeeded:
    "Ange godsets uppskattade värde: det avgör om underrättelse eller begäran om mellanskillnad ska skickas.",

  // Step 6: the letter
  letter: "Brev",
  recipients: "Mottagare",
  noticeAmount: (date: string) => `Att betala för att undgå återtagning per ${date}`,
  differenceAmount: (date: string) => `Mellanskillnad att betala eller deponera per ${date}`,
  noticeWhy: (amount: string, date: string) =>
    `Värdet understiger skulden: underrättelse till sökanden och svaranden med beloppet ${amount} att betala per ${date}; räntan löper till betalning sker.`,
  differenceWhy: (amount: string) =>
    `Värdet överstiger skulden: kontakta sökanden och kräv mellanskillnaden ${amount}, som ska betalas eller deponeras hos Kronofogdemyndigheten innan godset får tas.`,

  // Step 7: at the repossession
  recomputedActual: (before: string, after: string, from: string, to: string) =>
    `Faktisk avräkning: reduceringsbeloppet räknas om, ${before} per ${from} → ${after} per ${to}.`,
  sameRule78: (t: number) => `78-regeln: reduceringsbeloppet är detsamma (t = ${t} båda dagarna).`,
  changedRule78: (t1: number, t2: number) =>
    `78-regeln: en förfallodag har passerat mellan dagarna, t = ${t1} → ${t2}.`,
  interestToDate: (date: string) => `Räntan räknas fram till återtagningsdagen ${date}.`,
  protocol:
    "Upprätta protokollet med beräkningen per återtagningsdagen (bladet Beräkning vid återtagningen).",
  onlyOneDate: "Samma beräkning som i steg 4 (ingen underrättelsedag är angiven).",

  // Summaries in the step list
  summaryApplication: (unpaid: string) => `Obetalt ${unpaid}`,
  summaryDates: (date: string) => date,
  summaryReduction: (r: string) => `R = ${r}`,
  summaryAmountDue: (amount: string) => amount,
  summaryValuation: (surplus: string) => `Överskott ${surplus}`,
  letterNotice: "Underrättelse om återtagning",
  letterDifference: "Begäran om mellanskillnad",
  recipientsNotice: "Sökanden och svaranden",
  recipientsDifference: "Sökanden",
  protocolTitle: "Beräkning vid återtagningen",
} as const;
