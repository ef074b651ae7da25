/**
 * Every text the task pane shows, in Swedish (the users' language), in one place. Messages about a
 * contract's fields come from the engine's catalogue (src/engine/messages.ts), rendered with each
 * field's Swedish label from the contract schema ({@link formMessage}); the form's labels and hints
 * come from the schema too.
 */
import { CONTRACT_SCHEMA, EngineError, fieldLabel } from "../../engine";

/** An engine error as the pane shows it: every field named by its Swedish label (the schema's). */
export function formMessage(error: EngineError): string {
  return error.messageWith(fieldLabel);
}

/** "1 ärende", "3 ärenden". */
/** How many hidden rows the summary's message names (a filter may hide thousands). */
const HIDDEN_ROWS_NAMED = 10;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where the cursor is, for a wrong-place message: the cell (`Kontrakt!A1`) and its sheet. */
interface Where {
  cell: string;
  sheet: string;
}

export const UI_TEXT = {
  title: "Återtagande",
  starting: "Startar …",
  modeExcel:
    "I Excel: arbeta med kontraktsraden där markören står, eller med de markerade raderna.",
  modeStandalone:
    "Fristående beräkning: fyll i kontraktet; resultatet räknas om när du lämnar ett fält eller gör en paus.",
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
  refused: (message: string) => `Inget skrevs: ${message}`,

  // Excel mode: where the cursor is, wrong places, the empty contract table, the folding panels
  selectedRow: (cell: string, caseId: string) =>
    `Markerad rad: ${cell}${caseId ? ` (${caseId})` : ""}`,
  selectedRowProblems: (cell: string, problems: number) =>
    `Markerad rad: ${cell} (${count(problems, "uppgift", "uppgifter")} att rätta)`,
  selectedEmptyRow: (cell: string) => `Markerad rad: ${cell} (tom)`,
  selectedElsewhere: (cell: string) => `Markerad cell: ${cell} (ingen kontraktsrad)`,
  selectedUnknown: "Markerad rad: läses …",
  /** Where the cursor is, as the first half of a wrong-place sentence. */
  wrongPlace: {
    headerRow: ({ cell }: Where) => `Markören står på rubrikraden (${cell})`,
    outsideData: ({ cell }: Where) => `Markören står utanför kontraktsraderna (${cell})`,
    emptySheet: ({ sheet }: Where) => `Bladet «${sheet}» är tomt`,
    notContractSheet: ({ sheet, cell }: Where) =>
      `Bladet «${sheet}» är inget kontraktsblad (${cell})`,
  },
  /** Where to go instead, as the second half. */
  goToRow: (sheets: readonly string[] | null, onOne: boolean) =>
    onOne
      ? "markera ärendets rad under rubrikraden."
      : sheets === null
        ? "gå till kontraktsbladet och markera ärendets rad."
        : sheets.length === 0
          ? "arbetsboken har inget kontraktsblad; infoga en tom kontraktstabell (eller övningsarbetsboken) och fyll i ärendets rad."
          : sheets.length === 1
            ? `gå till kontraktsbladet «${sheets[0]}» och markera ärendets rad.`
            : `gå till ett kontraktsblad (${sheets.map((s) => `«${s}»`).join(", ")}) och markera ärendets rad.`,
  emptyRow: (row: string) =>
    `Raden ${row} är tom: fyll i ärendets uppgifter på raden, eller markera ett annat ärendes rad.`,
  insertTable: "Infoga tom kontraktstabell",
  insertTableHelp:
    "Lägger till ett nytt blad med kontraktets rubriker och markören på första raden, för ett verkligt ärende.",
  insertingTable: "Infogar kontraktstabellen …",
  insertedTable: (sheet: string, cell: string) =>
    `Bladet «${sheet}» infogat. Fyll i ärendet på rad ${cell.replace(/\D/g, "")} (markören står i ${cell}) och förhandsgranska.`,
  newSheetHeading: "Nytt kontraktsblad",
  modeLabel: "Arbetssätt",
  modeGuided: "Steg för steg",
  modeQuick: "Snabbt",
  /** The outcome with the date it belongs to ("vid återtagningen 2012-12-20"). */
  outcomeDifference: (at: string, amount: string) => `Mellanskillnad vid ${at}: ${amount}`,
  outcomeShortfall: (at: string, amount: string) =>
    `Värdet understiger skulden vid ${at} med ${amount}`,
  outcomeDate: { notice: "underrättelsen", repossession: "återtagningen" },

  // Excel mode: a whole table at once
  batchHeading: "Hela tabellen",
  batchIntro:
    "Markera kontraktsraderna (eller hela tabellen) och skapa en sammanställning med ett ärende per rad.",
  caseSheets: "Skapa även ett beräkningsblad per ärende",
  createSummary: "Skapa sammanställning",
  createSummaryHelp:
    "Skriver bladet Sammanställning på ett nytt blad; rader som inte kan beräknas listas med orsaken. Befintliga blad ändras aldrig.",
  readingRows: "Läser de markerade raderna …",
  writingSheets: (count: number) => `Skriver ${count} blad …`,
  noRows: "Markeringen kan inte läsas:",
  noneCalculated: (count: number) =>
    count === 1
      ? "Raden kunde inte beräknas; inget blad skrevs:"
      : `Ingen av de ${count} raderna kunde beräknas; inget blad skrevs:`,
  refusedRows: (count: number) =>
    `${count} ${count === 1 ? "rad" : "rader"} kunde inte beräknas (de står också sist i sammanställningen):`,
  summaryWritten: (summary: string, cases: number, caseSheets: number, referenceWritten: boolean) =>
    `Bladet «${summary}» skapat med ${count(cases, "ärende", "ärenden")}` +
    (caseSheets > 0 ? `, ${count(caseSheets, "beräkningsblad", "beräkningsblad")}` : "") +
    (referenceWritten
      ? " och bladet Referensräntor."
      : "; bladet Referensräntor fanns redan och används som det är."),
  skippedRows: (header: boolean, empty: number) =>
    ` Hoppade över ${[header ? "rubrikraden" : "", empty > 0 ? count(empty, "tom rad", "tomma rader") : ""].filter(Boolean).join(" och ")}.`,
  /** The selected rows left out as hidden (filtered out or hidden by hand), the first ten named. */
  hiddenRows: (rows: readonly string[]) =>
    ` ${count(rows.length, "dold rad hoppades", "dolda rader hoppades")} över: ` +
    rows.slice(0, HIDDEN_ROWS_NAMED).join(", ") +
    (rows.length > HIDDEN_ROWS_NAMED ? ` med flera` : "") +
    ".",

  // Excel mode: reference rates
  ratesHeading: "Referensräntor",
  readingRates: "Läser referensräntorna …",
  lastKnown: (halfYear: string, percent: string, fromSheet: boolean) =>
    `Senast kända halvår: ${halfYear}, ${percent} (${fromSheet ? "bladet Referensräntor" : "inbyggd tabell"}).`,
  nextHalfYear: (halfYear: string) => `Referensränta för ${halfYear} (%)`,
  addRate: "Lägg till halvåret",
  addRateHelp:
    "Riksbankens beslutade referensränta, t.ex. 1,75. Bladet Referensräntor skapas om det saknas; annars läggs en rad till under den sista.",
  functionsTakeRange: "Funktionerna läser inte bladet själva; ge dem området som sista argument:",
  functionsExample: "=ATERTAG.LATEINTEREST(…;'Referensräntor'!A2:B60)",
  addingRate: "Lägger till halvåret …",
  rateSheetCreated: (halfYear: string, percent: string) =>
    `Bladet Referensräntor skapat, med halvåret ${halfYear} (${percent}) sist.`,
  rateAppended: (halfYear: string, percent: string, address: string) =>
    `Halvåret ${halfYear} (${percent}) tillagt på ${address}.`,
  rateEmpty: "Skriv referensräntan i procent, t.ex. 1,75.",
  rateNotNumber: (text: string) =>
    `Referensräntan måste vara ett tal i procent, t.ex. 1,75 (fick "${text}").`,
  rateDecimals: (text: string) => `Referensräntan anges med högst två decimaler (fick "${text}").`,
  rateRange: (text: string) =>
    `Referensräntan (${text} %) måste ligga mellan −100 och 100 procent.`,
  ratesSheetProblem: (message: string) =>
    `Bladet Referensräntor kan inte användas: ${message}. Rätta raden i bladet och försök igen.`,

  // Standalone mode: the reference rates panel (the percent is read and checked as in Excel mode)
  ratesIntroStandalone:
    "Referensräntan fastställs per kalenderhalvår (1 januari och 1 juli). Lägg till ett halvår som den inbyggda tabellen saknar: det sparas i den här webbläsaren och används i alla beräkningar på sidan och i nedladdade filer (bladet Referensräntor).",
  lastKnownHere: (halfYear: string, percent: string, added: boolean) =>
    `Senast kända halvår: ${halfYear}, ${percent} (${added ? "tillagt här" : "inbyggd tabell"}).`,
  rateFromLabel: "Halvåret från (1 januari eller 1 juli)",
  rateFromEmpty: "Skriv halvårets första dag, t.ex. 2026-07-01.",
  ratePercentLabel: "Referensränta (%)",
  rateStoredHelp:
    "Riksbankens beslutade referensränta, t.ex. 1,75. Sparas bara i den här webbläsaren (offentliga uppgifter, inga personuppgifter).",
  /** How a missing half-year is added on the standalone page (ends the engine's message). */
  addRateInPanel: "lägg till den i panelen Referensräntor",
  goToRates: "Gå till Referensräntor",
  rateAddedHere: (halfYear: string, percent: string) =>
    `Halvåret ${halfYear} (${percent}) tillagt; beräkningarna på sidan använder det.`,
  rateReplacedHere: (halfYear: string, percent: string, before: string) =>
    `Halvåret ${halfYear} är nu ${percent} (var ${before}); beräkningarna på sidan använder det.`,
  rateRemoved: (halfYear: string) => `Halvåret ${halfYear} borttaget ur tabellen här.`,
  userRatesCaption: "Tillagda i den här webbläsaren:",
  removeRate: "Ta bort",
  removeRateLabel: (halfYear: string) => `Ta bort halvåret ${halfYear}`,

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
  linkRefused:
    "Länken kan inte användas som den är: den innehåller fält som inte finns i ett kontrakt.",
  linkRefusedResult: "Inget resultat: länken innehåller okända fält (se rutan vid formuläret).",
  dropUnknownFields: "Räkna utan de okända fälten",
  staleResult:
    "Beräkningen nedan gäller uppgifterna före ändringen; den räknas om när du har skrivit klart.",
  unknownExample: (value: string) =>
    `Det finns inget exempel ${value}; välj Övning 1 eller Övning 2.`,
  goToField: "Gå till fältet",
  rateLooksLikeFraction: (typed: string, asPercent: string) =>
    `${typed} läses som ${asPercent} % (ett tal under 1 utan procenttecken är ett decimalbråk) — ` +
    `menade du ${typed} %? Skriv då procenttecknet.`,

  // The contract form (labels and help texts are the contract schema's)
  whenEmpty: (meaning: string) => `Tomt: ${meaning}.`,
  methodAuto: "Automatiskt",

  // Results
  caseHeading: (caseId: string) => `Ärende ${caseId}`,
  creditor: CONTRACT_SCHEMA.creditor.label,
  debtor: CONTRACT_SCHEMA.debtor.label,
  goods: CONTRACT_SCHEMA.goods.label,
  method: (method: string, settlement: string) =>
    `Metod: ${method} (avräkning enligt ${settlement})`,
  creditSummary: (cost: string, c: string, claim: string) =>
    `Kreditkostnad ${cost}, c = ${c}, kreditfordran ${claim}`,
  statementCaption: "Att betala för att undgå återtagning",
  reductionsCaption: "Reduceringsbelopp",
  methodDifference: "Skillnad för konsumenten (faktisk − 78-regeln)",
  remaining: "Återstående avbetalningar (t)",
  used: "används",
  valuationCaption: "Värdering",
  estimatedValue: "Uppskattat värde på godset",
  surplus: "Överskott (värde − att betala)",
  internalError: (message: string) => `Internt fel: ${message}`,
  // Letters (issue 11): the letter sheets beside a calculation sheet
  withLetters: "Med brev",
  withLettersHelp:
    "Lägger även till brevet som utfallet kräver (underrättelse eller begäran om mellanskillnad) och beräkningen vid återtagningen, som egna blad länkade till beräkningsbladet.",
  /** The letters' sender (src/taskpane/form/senderFields.ts). */
  senderLegend: "Avsändare i breven",
  senderHint:
    "Fylls i en gång och sparas här. Breven hämtar avsändaren från bladet Avsändare, som skapas med " +
    "de här uppgifterna; finns bladet redan i arbetsboken ändrar du avsändaren där.",
  senderLabels: { authority: "Myndighet", address: "Postadress", telephone: "Telefon" },
  writtenWithLetters: (sheet: string, letters: readonly string[]) =>
    `Bladet «${sheet}» skapat, med ${letters.map((name) => `«${name}»`).join(" och ")}`,
} as const;

/** The exercises panel (practice cases for a workshop): labels, help and outcomes. */
export const EXERCISES_UI_TEXT = {
  heading: "Övningar",
  intro:
    "Övningsfall ur ett nummer: Övning 2.47 är alltid samma kontrakt (nivå 2, nummer 47), så hela " +
    "gruppen kan räkna på samma fall.",
  level: "Nivå",
  count: "Antal övningar",
  first: "Första övningens nummer",
  insertSheets: "Infoga övningsblad och facit",
  insertSheetsHelp:
    "Ett blad per övning med uppgifterna och tomma svarsceller, bladet Facit med svaren som formler (befintliga blad ändras aldrig).",
  insertRows: "Infoga övningarna som kontraktsrader",
  insertRowsHelp:
    "Ett nytt blad Kontrakt med en rad per övning, att förhandsgranska eller räkna steg för steg.",
  inserting: "Infogar övningarna …",
  badCount: (value: string) => `Antal övningar (${value}) måste vara ett heltal från 1 till 200.`,
  firstMissing: "Ange första övningens nummer (ett heltal från 1 till 99 999).",
  sheetsInserted: (first: string, last: string, count: number, facit: string) =>
    `${count} övningsblad infogade (${first === last ? first : `${first} – ${last}`}) med facit på bladet «${facit}».`,
  rowsInserted: (sheet: string, first: string, last: string, count: number) =>
    `Bladet «${sheet}» infogat med ${count} ${count === 1 ? "övning" : "övningar"} (${first === last ? first : `${first} – ${last}`}). Markera en rad och förhandsgranska.`,
} as const;
