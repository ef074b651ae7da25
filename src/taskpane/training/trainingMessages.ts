/**
 * Every text of the task pane's "Träning" panel, in Swedish, in one place (the hints themselves are the
 * training layer's, src/training/hints.ts).
 */
export const TRAINING_PANE_TEXT = {
  heading: "Träning",
  intro:
    "Välj en övning, räkna på papper eller i Excel och skriv dina svar. Samma nummer ger alltid " +
    "samma fall, så en hel grupp kan räkna på samma övning.",
  level: "Nivå",
  number: "Övningsnummer",
  numberHint: "1–99 999",
  pick: "Hämta övningen",
  useRow: "Använd markerad rad",
  useRowHelp: "Övar på kontraktet på raden där markören står, t.ex. en rad «Övning 2.47».",
  readingRow: "Läser raden …",
  rowRead: (name: string, address: string) => `Övar på ${name} från ${address}.`,
  inputs: "Uppgifter i fallet",
  answers: "Dina svar",
  atDate: (what: string, date: string) => `${what} ${date}`,
  dateHeadings: { notice: "Vid underrättelsen", repossession: "Vid återtagningen" },
  commonHeading: "För hela fallet",
  chooseOutcome: "Välj …",
  check: "Rätta",
  showSolution: "Visa lösning",
  hideSolution: "Dölj lösning",
  solutionHeading: (name: string) => `Lösning: ${name}`,
  solutionNote: "Ändrar du något här påverkas inte övningen.",
  right: "Rätt",
  wrong: "Fel",
  unanswered: "Inte besvarad",
  unreadable: (reason: string) => `Kan inte läsas: ${reason}`,
  hint: "Tips:",
  score: (right: number, total: number) => `${right} av ${total} rätt.`,
  allRight: "Alla svar är rätt.",
  noCase: "Välj en övning först.",
  caseFailed: (message: string) => `Övningen kan inte räknas: ${message}`,
} as const;
