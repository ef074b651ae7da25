/**
 * A small CSV reader for contract tables (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
 * The delimiter is whichever of `;` `,` and tab occurs most in the header line outside quotes: Swedish
 * Excel saves CSV with semicolons (the comma is the decimal separator), other tools with commas.
 * A byte-order mark is dropped; blank lines are skipped.
 *
 * The reader is incremental ({@link CsvReader}): text is fed in chunks of any size (a chunk may end
 * inside a field, a doubled quote or a CRLF) and complete records come out, so a file of any length is
 * read with memory for one record ({@link readCsvFile}). {@link parseCsv} is the same reader fed once.
 */
import * as fs from "fs";

export interface CsvRecord {
  /** The 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  header: string[];
  /** Data rows with their 1-based line numbers in the file. */
  rows: CsvRecord[];
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

/**
 * Turns CSV text, fed in chunks, into records (the header is the first). `push` returns the records
 * completed by a chunk; `end` the last one, and throws {@link CsvError} for a quote never closed.
 */
export class CsvReader {
  /** Known once the first line is complete (or the input ended). */
  delimiter: string | null = null;
  /** Text not yet parsed: before the delimiter is known, or a last character that needs the next. */
  private carry = "";
  private started = false;
  private cells: string[] = [];
  private field = "";
  private quoted = false;
  private fieldStarted = false;
  private line = 1;
  private recordLine = 1;
  /** Records seen, blank lines excluded (the header included). */
  records = 0;

  push(text: string): CsvRecord[] {
    return this.parse(text, false);
  }

  end(): CsvRecord[] {
    const out = this.parse("", true);
    if (this.quoted) throw new CsvError(`rad ${this.recordLine}: citattecken som aldrig stängs`);
    if (this.field !== "" || this.cells.length > 0) this.endRecord(out);
    if (this.records === 0) throw new CsvError("filen är tom: ingen rubrikrad");
    return out;
  }

  private parse(chunk: string, final: boolean): CsvRecord[] {
    let source = this.carry + chunk;
    this.carry = "";
    if (!this.started) {
      if (source.length === 0 && !final) return [];
      source = source.replace(/^\uFEFF/, "");
      this.started = true;
    }
    if (this.delimiter === null) {
      const newline = source.indexOf("\n");
      if (newline === -1 && !final) {
        this.carry = source;
        return [];
      }
      const firstLine = (newline === -1 ? source : source.slice(0, newline)).replace(/\r$/, "");
      this.delimiter = detectDelimiter(firstLine);
    }
    // A quote or CR at the very end may pair with the next chunk's first character.
    const last = source[source.length - 1];
    const limit = !final && (last === '"' || last === "\r") ? source.length - 1 : source.length;
    const out: CsvRecord[] = [];
    const delimiter = this.delimiter;
    let i = 0;
    for (; i < limit; i++) {
      const ch = source[i];
      if (this.quoted) {
        if (ch === '"' && source[i + 1] === '"') {
          this.field += '"';
          i++;
        } else if (ch === '"') {
          this.quoted = false;
        } else {
          if (ch === "\n") this.line++;
          this.field += ch;
        }
      } else if (ch === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (ch === delimiter) {
        this.endField();
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[i + 1] === "\n") i++;
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else {
        this.field += ch;
        this.fieldStarted = true;
      }
    }
    this.carry = source.slice(i);
    return out;
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = "";
    this.fieldStarted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    const cells = this.cells;
    this.cells = [];
    if (cells.length === 1 && cells[0].trim() === "") return;
    this.records++;
    out.push({ line: this.recordLine, cells });
  }
}

function toTable(delimiter: string, records: CsvRecord[]): CsvTable {
  const [header, ...rows] = records;
  return { delimiter, header: header.cells.map((cell) => cell.trim()), rows };
}

/** Parses CSV text into a header and data rows; throws {@link CsvError} with the line on bad quoting. */
export function parseCsv(text: string): CsvTable {
  const reader = new CsvReader();
  const records = [...reader.push(text), ...reader.end()];
  return toTable(reader.delimiter!, records);
}

/** An open CSV file: its header, read; its data rows, read one chunk at a time as they are taken. */
export interface CsvStream {
  delimiter: string;
  header: string[];
  rows: AsyncGenerator<CsvRecord>;
}

/** Records of a text stream, in order (the header first). */
async function* records(
  reader: CsvReader,
  source: AsyncIterable<string>,
): AsyncGenerator<CsvRecord> {
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.end();
}

/** The file's text in chunks (UTF-8; a character split between chunks is joined). */
export function csvFileChunks(file: string): AsyncIterable<string> {
  return fs.createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 });
}

/**
 * Opens a CSV stream: reads up to the end of the header and returns it with the data rows still to be
 * read, so a file of any size takes memory for one chunk. Errors (bad quoting) surface where they
 * occur: from the header read, or from `rows` while iterating.
 */
export async function openCsv(source: AsyncIterable<string>): Promise<CsvStream> {
  const reader = new CsvReader();
  const all = records(reader, source);
  const first = await all.next();
  // reader.end() throws for an empty file, so there is always a first record; this is defensive.
  if (first.done) throw new CsvError("filen är tom: ingen rubrikrad");
  const table = toTable(reader.delimiter!, [first.value]);
  return { delimiter: table.delimiter, header: table.header, rows: all };
}

/**
 * Counts a CSV text stream's data rows (blank lines skipped, the header not counted) and checks its
 * quoting, without keeping the rows: the batch's first pass, for the total of its progress bar and the
 * `--sheets` limit, and so that a quote never closed is found before anything is written.
 */
export async function countCsvRows(source: AsyncIterable<string>): Promise<number> {
  const reader = new CsvReader();
  for await (const chunk of source) reader.push(chunk);
  reader.end();
  return reader.records - 1;
}
