/**
 * A small CSV reader for contract tables (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
 * The delimiter is whichever of `;` `,` and tab occurs most in the header line outside quotes: Swedish
 * Excel saves CSV with semicolons (the comma is the decimal separator), other tools with commas.
 * A byte-order mark is dropped; blank lines are skipped.
 */
import { CLI_TEXT } from "./messages";

export interface CsvTable {
  delimiter: string;
  header: string[];
  /** Data rows with their 1-based line numbers in the file. */
  rows: { line: number; cells: string[] }[];
}

export class CsvError extends Error {}

function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ",";
}

/** Parses CSV text into a header and data rows; throws {@link CsvError} with the line on bad quoting. */
export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(source.split(/\r?\n/, 1)[0] ?? "");
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(cells.length === 1 && cells[0].trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(CLI_TEXT.csvUnclosedQuote(recordLine));
  if (field !== "" || cells.length > 0) endRecord();
  if (records.length === 0) throw new CsvError(CLI_TEXT.csvEmpty);
  const [header, ...rows] = records;
  return { delimiter, header: header.cells.map((cell) => cell.trim()), rows };
}
