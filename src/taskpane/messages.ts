/**
 * Every text the task pane shows, in Swedish (the users' language), in one place. Messages about a
 * contract's fields come from the engine's catalogue (src/engine/messages.ts) with the field's Swedish
 * label put in place of its JSON name ({@link ../taskpane/form.ts localizeMessage}).
 */
export const UI_TEXT = {
  title: "Återtagande",
  starting: "Startar …",
  modeExcel: "I Excel: arbeta med kontraktsraden där markören står.",
  modeStandalone: "Fristående beräkning: fyll i kontraktet, resultatet räknas om medan du skriver.",
  officeLate: "Excel anslöt efter en stund; tillägget har gått över till Excel-läget.",

  // Excel mode
  insertTraining: "Infoga övningsarbetsbok",
  insertTrainingHelp:
    "Lägger till bladet Kontrakt med de två övningsexemplen (befintliga blad ändras aldrig).",
  previewRow: "Förhandsgranska markerad rad",
  previewRowHelp: "Läser kontraktet på raden med den aktiva cellen och visar beräkningen här.",
  createSheet: "Skapa beräkningsblad",
  createSheetHelp: "Skriver hela beräkningen med formler på ett nytt blad.",
  inserting: "Infogar övningsarbetsboken …",
  inserted: (sheet: string) =>
    `Bladet «${sheet}» infogat med två övningskontrakt. Markera en rad och förhandsgranska.`,
  reading: "Läser raden …",
  readRow: (address: string) => `Kontraktet på ${address}.`,
  writing: "Skriver bladet …",
  written: (sheet: string) => `Bladet «${sheet}» skapat`,
  rowProblems: (address: string) => `Raden ${address} kan inte beräknas:`,
  ignoredHeaders: (list: string) => `Kolumner som inte är kontraktsfält ignorerades: ${list}.`,
  excelFailed: (message: string) => `Excel kunde inte slutföra åtgärden: ${message}`,

  // Standalone mode
  examples: "Exempel:",
  example: (n: string) => `Övning ${n}`,
  copyLink: "Kopiera länk",
  linkCopied: "Länken är kopierad. Den innehåller hela kontraktet.",
  linkShown: "Kopiera länken i fältet nedan. Den innehåller hela kontraktet.",
  linkLabel: "Länk till kontraktet",
  download: "Ladda ner .xlsx",
  downloading: "Skapar filen …",
  downloaded: (file: string) => `Filen ${file} är skapad.`,
  downloadFailed: (message: string) => `Filen kunde inte skapas: ${message}`,
  contractForm: "Kontrakt",
  noResult: "Resultatet visas när uppgifterna är kompletta och giltiga.",
  badLink: (detail: string) => `Länken innehåller inget läsbart kontrakt (${detail}).`,
  badLinkNotObject: "kontraktet är inget JSON-objekt",
  badLinkEncoding: "fel i procentkodningen",
  badLinkJson: "ogiltig JSON",
  unknownLinkFields: (list: string) => `Fält som inte är kontraktsfält ignorerades: ${list}.`,
  unknownExample: (value: string) =>
    `Det finns inget exempel ${value}; välj Övning 1 eller Övning 2.`,
  goToField: "Gå till fältet",

  // Results
  caseHeading: (caseId: string) => `Ärende ${caseId}`,
  creditor: "Sökande",
  debtor: "Svarande",
  goods: "Gods",
  method: (method: string, settlement: string) =>
    `Metod: ${method} (avräkning enligt ${settlement})`,
  creditSummary: (cost: string, c: string, claim: string) =>
    `Kreditkostnad ${cost}, c = ${c}, kreditfordran ${claim}`,
  statementCaption: "Att betala för att undgå återtagning",
  reductionsCaption: "Reduceringsbelopp",
  remaining: "Återstående avbetalningar (t)",
  used: "används",
  valuationCaption: "Värdering",
  estimatedValue: "Uppskattat värde på godset",
  surplus: "Överskott (värde − att betala)",
  internalError: (message: string) => `Internt fel: ${message}`,
} as const;
