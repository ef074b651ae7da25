/**
 * Every Swedish text of the letter sheets, in one place (as src/sheet/texts.ts keeps the calculation
 * sheet's). The prose goes into editable cells: the officer may change any sentence before printing.
 * Nothing here states a legal fact beyond the project's conventions (conventions §1 and §7): the
 * statement's lines, the comparison of value and debt, and that late interest runs until payment. The
 * law references themselves come from the engine's data (src/engine/law.ts), through the calculation
 * sheet's "Lagrum" cell.
 */

import { CONTRACT_SCHEMA } from "../../engine";

/** The letters a case can have; the sheet name of each begins with its {@link LETTER_TEXT} prefix. */
export type LetterKind = "notice" | "demand" | "protocol";

/** The start of each letter's sheet name (the case id follows where it fits). */
export const LETTER_SHEET_PREFIX: Readonly<Record<LetterKind, string>> = {
  notice: "Underrättelse",
  demand: "Mellanskillnad",
  protocol: "Beräkning vid återtagningen",
};

/** The letters' sender settings sheet (src/sheet/letters/sender.ts). */
export const SENDER_TEXT = {
  title: "Avsändare för breven",
  explain:
    "Fyll i en gång: alla brev i arbetsboken hämtar avsändaren härifrån. Tomma fält visas som " +
    "”fyll i …” i breven.",
  authority: "Myndighet",
  address: "Postadress",
  telephone: "Telefon",
} as const;

/**
 * The visible cue in a blank a letter asks the officer to fill in: the cell holds "[fyll i …]" (not
 * only a yellow fill, which does not show on a black-and-white print) until the officer types over it.
 */
export const fillInCue = (what: string): string => `[fyll i ${what}]`;

/** Texts every letter shares. */
export const LETTER_COMMON = {
  /** The small print under each title. */
  draft:
    "Utkast som stöd för förrättningsmannen, inte Kronofogdemyndighetens officiella blankett. " +
    "Texten i cellerna kan ändras; beloppen hämtas från beräkningsbladet och följer ändringar där.",
  // The case's parties and goods are labelled as the contract schema labels them.
  caseId: CONTRACT_SCHEMA.caseId.label,
  creditor: CONTRACT_SCHEMA.creditor.label,
  debtor: CONTRACT_SCHEMA.debtor.label,
  /** The recipients' address lines, under their names. */
  address: "Adress",
  goods: CONTRACT_SCHEMA.goods.label,
  /** The sender block's lines' cues where the settings sheet is blank. */
  senderAuthority: "myndighetens namn på bladet Avsändare",
  senderAddress: "avsändarens adress på bladet Avsändare",
  senderTelephone: "avsändarens telefon på bladet Avsändare",
  /** The recipients' address cues where the calculation sheet has none. */
  creditorAddress: "sökandens adress",
  debtorAddress: "svarandens adress",
  /** The letter's date. */
  letterDate: "Datum",
  letterDateCue: "brevets datum",
  /** The subject line: the letter's title, then the case number. */
  subjectCase: "ärende",
  law: "Lagrum",
  date: "Datum",
  officer: "Förrättningsman",
  officerCue: "förrättningsmannens namn",
  phone: "Telefon",
  phoneCue: "telefonnummer",
  /** The printed footer's left part. */
  footer: "Utkast – inte en officiell blankett",
  /**
   * The warning when the calculation sheet's outcome no longer calls for this letter: the sheet's
   * own outcome sentence follows.
   */
  outcomeChanged: "OBS! Beräkningsbladet visar nu ett annat utfall, så detta brev stämmer inte: ",
} as const;

/** "Underrättelse om återtagning", to both parties (value below the debt). */
export const NOTICE_TEXT = {
  title: "Underrättelse om återtagning",
  to: "Till sökanden och svaranden",
  intro:
    "Sökanden har ansökt om återtagning av godset nedan. Godsets värde har uppskattats till ett " +
    "belopp som understiger svarandens skuld. Återtagningsförrättningen hålls enligt nedan.",
  when: "Dag för återtagningen",
  time: "Klockslag",
  timeCue: "klockslag",
  place: "Plats",
  placeCue: "plats",
  avoid:
    "Svaranden kan undgå återtagningen genom att betala hela beloppet nedan före förrättningen. " +
    "Beloppet är beräknat per dagen nedan:",
  asOf: "Beräknat per",
  statementHeading: "Att betala för att undgå återtagning",
  payHeading: "Så betalar svaranden för att undgå återtagningen",
  payAmount: "Belopp att betala",
  payBy: "Betalas senast",
  payByCue: "sista dag för betalning",
  payTo: "Betalas till (bankgiro eller konto)",
  payToCue: "mottagare och bankgiro eller konto",
  payReference: "Ange vid betalning",
  interest:
    "Dröjsmålsränta löper till dess betalning sker. Betalas beloppet efter den dag beloppet är " +
    "beräknat per, tillkommer ränta för de senare dagarna.",
  contact: "Frågor om ärendet besvaras av förrättningsmannen nedan.",
} as const;

/** "Begäran om mellanskillnad", to the applicant (value above the debt). */
export const DEMAND_TEXT = {
  title: "Begäran om mellanskillnad",
  to: "Till sökanden",
  intro:
    "Godsets värde har uppskattats till mer än vad svaranden ska betala för att undgå återtagning. " +
    "Innan godset kan tas tillbaka ska sökanden betala mellanskillnaden, eller deponera den hos " +
    "Kronofogdemyndigheten.",
  asOf: "Beräknat per återtagningsdagen",
  tableHeading: "Värde och skuld",
  value: "Uppskattat värde på godset",
  debt: "Att betala inkl. ränta (svarandens skuld)",
  surplus: "Mellanskillnad att betala eller deponera",
  payBy: "Betalas senast",
  payByCue: "sista dag för betalning",
  payTo: "Betalas till (konto, referens)",
  payToCue: "konto och referens",
  change:
    "Beloppet gäller för återtagningsdagen ovan. Flyttas förrättningen ändras skulden med räntan, " +
    "och mellanskillnaden räknas om.",
  contact: "Frågor om ärendet besvaras av förrättningsmannen nedan.",
} as const;

/** "Beräkning vid återtagningen", for the protocol. */
export const PROTOCOL_TEXT = {
  title: "Beräkning vid återtagningen",
  intro: "Bilaga till protokollet: beräkningen per dagen för återtagningsförrättningen.",
  date: "Återtagningsdag",
  method: "Beräkningsmetod",
  remaining: "Återstående avbetalningar (t)",
  statementHeading: "Att betala för att undgå återtagning",
  recomputed:
    "Räntan är räknad fram till återtagningsdagen. Vid faktisk avräkning är även " +
    "reduceringsbeloppet omräknat till den dagen.",
  value: "Uppskattat värde på godset",
  surplus: "Överskott (värde − att betala inkl. ränta)",
  outcome: "Utfall",
  difference: "Mellanskillnad att betala av sökanden",
  place: "Plats för förrättningen",
  placeCue: "plats",
  present: "Närvarande",
  presentCue: "närvarande",
} as const;
