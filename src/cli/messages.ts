/**
 * Every text the command line prints, in Swedish (the users' language), in one place. Messages about
 * a contract's fields come from the engine's catalogue (src/engine/messages.ts), which names each
 * field by its JSON name, as the user wrote it in the file. Every message starts with a capital
 * letter; an error line is `Fel: FIL: meddelande`.
 */
import { formatNumber } from "../engine";

/** How a malformed JSON file went wrong, as far as the parser tells. */
export type JsonProblem =
  | { kind: "end" }
  | { kind: "missingComma"; char: string }
  | { kind: "propertyName"; char: string }
  | { kind: "afterEnd"; char: string }
  | { kind: "unexpected"; char: string };

/** Where in a file: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

function jsonProblemText(problem: JsonProblem): string {
  switch (problem.kind) {
    case "end":
      return "filen tar slut mitt i JSON-objektet (saknas en } eller ett avslutande citattecken?)";
    case "missingComma":
      return `kommatecken eller } väntades, fick «${problem.char}»`;
    case "propertyName":
      return `ett fältnamn inom raka citattecken ("caseId") väntades, fick «${problem.char}» (ett kommatecken för mycket före }?)`;
    case "afterEnd":
      return `text efter JSON-objektets slut, fick «${problem.char}»`;
    case "unexpected":
      return `oväntat tecken «${problem.char}»`;
  }
}

export const CLI_TEXT = {
  usage: [
    "Användning:",
    "  npx atertag calc FIL.json [FIL.json ...] [--json]   beräkna och skriv ut",
    "  npx atertag sheet FIL.json --out FIL.xlsx [--letters [AVSÄNDARE]]",
    "                                                     beräkningsbladet som .xlsx (+ breven som blad)",
    "  npx atertag batch FIL.csv --out FIL.xlsx [--sheets [--letters [AVSÄNDARE]]] [--json]",
    "                                                     många kontrakt: sammanställning (+ ett blad per ärende,",
    "                                                     + varje ärendes brev)",
    "  AVSÄNDARE: [--sender MYNDIGHET] [--sender-address ADRESS] [--sender-phone TELEFON]",
    "                                                     brevens avsändare (bladet Avsändare; förval Kronofogden)",
    "  npx atertag exercises --level 1-4 [--count N] [--seed S] [--help-url URL] --out FIL.xlsx [--json]",
    "                                                     övningar Övning L.S, L.(S+1), …: FIL.xlsx utan svar + FIL-facit.xlsx",
    "  npx atertag rates [--rates FIL]                     referensräntorna som gäller, med källa per halvår",
    "  npm run examples                                    övningsexemplen 1 och 2 (skriver out/*.xlsx)",
    "",
    "  --rates FIL (calc, sheet, batch, exercises, rates): referensräntor som läggs till eller ersätter",
    "  den inbyggda tabellen, en CSV- eller xlsx-fil med kolumnerna Från och Procent (docs/reference-rates.md)",
  ].join("\n"),
  /** One line on stderr for input the user can fix (exit status 2). */
  errorLine: (message: string) => `Fel: ${message}`,
  /** A refused row of a batch. */
  refusedRow: (file: string, where: string, caseId: string, reason: string) =>
    `Fel: ${file} ${where}${caseId ? ` (${caseId})` : ""}: ${reason}`,
  inFile: (file: string, message: string) => `${file}: ${message}`,
  unreadable: (file: string, code: string) => `${file}: Filen kan inte läsas (${code})`,
  unwritable: (file: string, code: string) => `${file}: Filen kan inte skrivas (${code})`,
  malformedJson: (file: string, problem: JsonProblem, at: TextPosition | null) =>
    `${file}: Filen är inte giltig JSON` +
    (at ? ` (rad ${at.line}, kolumn ${at.column})` : "") +
    `: ${jsonProblemText(problem)}. Ett kontrakt skrivs som ett JSON-objekt, t.ex. ` +
    `{"caseId": "Övning 1", "creditAmount": 115000, …}`,
  unknownFlag: (flag: string) => `Okänd flagga ${flag}`,
  needsValue: (flag: string) => `${flag} kräver ett värde`,
  switchTakesNoValue: (flag: string) => `${flag} tar inget värde`,
  givenTwice: (flag: string) => `${flag} är angiven två gånger`,
  unexpected: (arg: string) => `Oväntat argument ${JSON.stringify(arg)}`,
  unknownCommand: (command: string) => `Okänt kommando ${JSON.stringify(command)}`,
  atLeastOneFile: "Ange minst en kontraktsfil",
  exactlyOneFile: "Ange exakt en kontraktsfil",
  exactlyOneCsv: "Ange exakt en CSV-fil",
  outRequired: "Ange --out FIL.xlsx",
  outOrJson: "Ange --out FIL.xlsx eller --json",
  notXlsx: (out: string) => `--out ${JSON.stringify(out)} måste sluta på .xlsx`,
  wrote: (files: string[]) => `Skrev ${files.join(" och ")}`,
  /** The sheets of a `sheet --letters` workbook. */
  sheetsWritten: (names: string[]) => `Blad: ${names.join(", ")}`,
  lettersNeedSheets:
    "--letters kräver --sheets: breven är blad bredvid varje ärendes beräkningsblad och hämtar " +
    "beloppen därifrån med formler, så utan beräkningsbladen finns inget att länka till",
  lettersNeedOut: "--letters skriver breven i arbetsboken: ange --out FIL.xlsx",
  senderNeedsLetters: (flag: string) =>
    `${flag} är brevens avsändare och gäller bara med --letters`,
  senderEmpty: (flag: string) => `${flag} kräver en text som inte är tom`,
  batchDone: (calculated: number, refused: number) =>
    `${calculated} ${calculated === 1 ? "ärende" : "ärenden"} beräknade, ` +
    `${refused} ${refused === 1 ? "rad" : "rader"} kunde inte beräknas.`,
  /** Where a refused CSV row is: its line in the file. */
  row: (line: number) => `rad ${line}`,
  csvUnclosedQuote: (line: number) => `Rad ${line}: ett citattecken stängs aldrig`,
  csvBadQuote: (line: number) =>
    `Rad ${line}: ett citattecken står fel (ett fält inom citattecken måste sluta med citattecknet; skriv "" för ett citattecken i fältet)`,
  oldExcel:
    "Filen är en arbetsbok i det gamla Excel-formatet (.xls); spara den som Excel-arbetsbok (.xlsx) eller CSV",
  notTable:
    "Filen är varken CSV (text) eller en Excel-arbetsbok (.xlsx); spara tabellen som .xlsx eller CSV",
  xlsxNotZip: "Filen heter .xlsx men är ingen Excel-arbetsbok; spara tabellen som .xlsx eller CSV",
  xlsxUnreadable:
    "Filen är ingen läsbar Excel-arbetsbok (.xlsx); öppna den i Excel och spara den igen som .xlsx eller CSV",
  noSheets: "Arbetsboken har inga kalkylblad",
  noSuchSheet: (sheet: string, names: string[]) =>
    `Arbetsboken har inget blad ${JSON.stringify(sheet)}; bladen heter ${names.map((n) => JSON.stringify(n)).join(", ")}`,
  sheetNeedsXlsx: (sheet: string) =>
    `--sheet ${JSON.stringify(sheet)} gäller bara en Excel-arbetsbok (.xlsx), och filen är CSV`,
  emptySheet: (sheet: string) => `Bladet ${JSON.stringify(sheet)} är tomt: rubrikraden saknas`,
  /** How a missing half-year is added on the command line (ends the engine's message). */
  addRate:
    "lägg till halvåret med --rates FIL (en CSV- eller xlsx-fil med kolumnerna Från och Procent, se docs/reference-rates.md)",
  rateDecimals: (cell: string, text: string) =>
    `Cellen ${cell} (${JSON.stringify(text)}): referensräntan anges i procent med högst två decimaler, t.ex. 1,75`,
  noRates: "Filen har rubrikraden men inga referensräntor",
  ratesHeader: ["Halvår", "Procent", "Källa"],
  /** A warning on stderr (the JSON output stays a report). */
  warningLine: (caseId: string, warning: string) => `Varning: ${caseId}: ${warning}`,
  missingColumn: (header: string) => `Kolumnen ${header} saknas i rubrikraden`,
  readAsWindows1252: (file: string) =>
    `Obs: ${file} är inte UTF-8 och lästes som Windows-1252 (Excels "CSV (semikolonavgränsad)")`,
  blankRowsSkipped: (file: string, count: number) =>
    `Obs: ${file}: ${count} ${count === 1 ? "tom rad" : "tomma rader"} hoppades över`,
  noDataRows: "Tabellen har en rubrikrad men inga kontraktsrader; ingen fil skrevs",
  notContractTable: (line: number) =>
    `Rubrikraden (rad ${line}) namnger inte kontraktets fält (Ärende, Nominell ränta, Första förfallodag, …); ` +
    "är det rätt fil, och rätt blad (--sheet NAMN)?",
  nothingComputed: "Inget ärende kunde beräknas; ingen fil skrevs",
  duplicateCaseId: (file: string, caseId: string, first: number, line: number) =>
    `Varning: ${file} rad ${line}: ärendet ${JSON.stringify(caseId)} finns redan på rad ${first}`,
  csvEmpty: "Filen är tom: rubrikraden saknas",
  internalError: (detail: string) => `Internt fel: ${detail}`,
} as const;

/** The texts of `atertag exercises` (a handout of practice cases). */
export const EXERCISES_TEXT = {
  levelRequired: "Ange --level 1, 2, 3 eller 4",
  badLevel: (value: string) => `--level ${JSON.stringify(value)} måste vara 1, 2, 3 eller 4`,
  range: (flag: string, value: string, min: number, max: number) =>
    `${flag} ${JSON.stringify(value)} måste vara ett heltal från ${min} till ${formatNumber(max)}`,
  badHelpUrl: (value: string) =>
    `--help-url ${JSON.stringify(value)} måste vara tilläggets adress, t.ex. https://server.example/atertag/`,
  pastLast: (first: number, count: number, last: number) =>
    `--seed ${first} med --count ${count} går förbi den sista övningen (${formatNumber(last)})`,
  done: (level: number, first: string, last: string, count: number) =>
    `${count} ${count === 1 ? "övning" : "övningar"} på nivå ${level} (${first === last ? first : `${first} – ${last}`}): ` +
    "ett blad per övning och Referensräntor för deltagarna, facit i en egen fil.",
} as const;
