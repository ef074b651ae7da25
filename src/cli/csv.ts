/**
 * CSV contract tables, read with `csv-parse` (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a
 * byte-order mark dropped). The delimiter is whichever of `;` `,` and tab occurs most in the header
 * line outside quotes: Swedish Excel saves CSV with semicolons (the comma is the decimal separator),
 * other tools with commas.
 *
 * Encoding: UTF-8 when the file's bytes are valid UTF-8, otherwise Windows-1252, which is what Swedish
 * Excel's "CSV (semikolonavgränsad)" writes (`143 750` with a no-break space 0xA0, `Ärende` with 0xC4).
 * The first pass ({@link scanCsv}) decides it over the whole file; both encodings keep the ASCII bytes
 * that delimit fields and records, so the pass can count rows before it knows.
 *
 * Rows whose cells are all blank (a blank line, or only delimiters, as Excel leaves at the end of a
 * table) are skipped and counted. Each record carries the file line it starts on.
 */
import * as fs from "fs";
import { Readable } from "stream";
import { parse, Parser } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { CLI_TEXT } from "./messages";

interface CsvRecord {
  /** The 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  header: string[];
  /** Data rows with their 1-based line numbers in the file; blank rows left out. */
  rows: CsvRecord[];
}

/** A file's text encoding, as {@link scanCsv} found it. */
export type CsvEncoding = "utf-8" | "windows-1252";

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

/** Whether every cell of a record is blank (a blank line, or delimiters only). */
export function isBlankRecord(cells: readonly unknown[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === "");
}

/** csv-parse's options for a delimiter: ragged rows allowed, quotes inside a field kept. */
function parserOptions(delimiter: string) {
  return {
    delimiter,
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ["\r\n", "\n", "\r"],
  };
}

/** A csv-parse error as a Swedish one with the line it is on. */
function csvError(error: unknown): unknown {
  const { code, lines } = error as { code?: string; lines?: number };
  if (code === "CSV_QUOTE_NOT_CLOSED") return new CsvError(CLI_TEXT.csvUnclosedQuote(lines ?? 0));
  if (typeof code === "string" && /QUOTE/.test(code))
    return new CsvError(CLI_TEXT.csvBadQuote(lines ?? 0));
  return error;
}

/** Line breaks in a record's raw text (a CRLF counts once). */
function lineBreaks(raw: string): number {
  return raw.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The records a parser gives, each with the line it starts on; blank rows counted in `blank`. */
async function* numbered(
  parser: AsyncIterable<{ record: string[]; raw: string }>,
  counts: { blank: number },
): AsyncGenerator<CsvRecord> {
  let line = 1;
  let seenHeader = false;
  try {
    for await (const { record, raw } of parser) {
      const start = line;
      line += lineBreaks(raw);
      if (isBlankRecord(record)) {
        if (seenHeader) counts.blank++;
        continue;
      }
      seenHeader = true;
      yield { line: start, cells: record };
    }
  } catch (error) {
    throw csvError(error);
  }
}

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest are Latin-1); undefined ones kept. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Bytes as Windows-1252 text. */
function windows1252(bytes: Buffer): string {
  const latin1 = bytes.toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]);
}

/** The file's text in chunks, decoded as `encoding`. */
async function* decodedChunks(file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  const utf8 = new TextDecoder("utf-8");
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    yield encoding === "utf-8" ? utf8.decode(chunk, { stream: true }) : windows1252(chunk);
  }
  if (encoding === "utf-8") yield utf8.decode();
}

/**
 * Reads up to the end of the first line, sniffs the delimiter, and returns a parser fed the whole
 * text (the first line included).
 */
async function openParser(chunks: AsyncIterable<string>): Promise<{
  delimiter: string;
  parser: Parser;
}> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = "";
  let done = false;
  while (!done && !/[\r\n]/.test(head.replace(/^[\r\n]+/, ""))) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const firstLine = head
    .replace(/^\uFEFF/, "")
    .replace(/^[\r\n]+/, "")
    .split(/\r\n|\r|\n/)[0];
  const delimiter = detectDelimiter(firstLine);
  async function* rest(): AsyncGenerator<string> {
    if (head !== "") yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value;
  }
  const parser = Readable.from(rest()).pipe(parse(parserOptions(delimiter)));
  return { delimiter, parser };
}

/** What the first pass over a CSV file finds. */
export interface CsvScan {
  encoding: CsvEncoding;
  /** The header row's cells, trimmed, and its line. */
  header: string[];
  headerLine: number;
  /** Data rows (blank rows and the header not counted). */
  rows: number;
  /** Blank rows after the header, skipped. */
  blank: number;
}

/**
 * The first pass over a CSV file, keeping nothing: its encoding (UTF-8 if every byte sequence is
 * valid UTF-8), its data rows and blank rows, and its quoting checked, so that a batch knows its total
 * and a quote never closed is reported before anything is written. Throws {@link CsvError} for bad
 * quoting or a file without a header.
 */
export async function scanCsv(file: string): Promise<CsvScan> {
  const fatal = new TextDecoder("utf-8", { fatal: true });
  let valid = true;
  async function* latin1(): AsyncGenerator<string> {
    const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (valid) {
        try {
          fatal.decode(chunk, { stream: true });
        } catch {
          valid = false;
        }
      }
      yield chunk.toString("latin1");
    }
    if (valid) {
      try {
        fatal.decode();
      } catch {
        valid = false;
      }
    }
  }
  const { parser } = await openParser(latin1());
  const counts = { blank: 0 };
  let records = 0;
  let head: CsvRecord | null = null;
  for await (const record of numbered(parser, counts)) {
    head ??= record;
    records++;
  }
  if (head === null) throw new CsvError(CLI_TEXT.csvEmpty);
  const encoding = valid ? "utf-8" : "windows-1252";
  // The header was read as Latin-1 (the encoding was not known yet): its bytes, decoded properly.
  const header = head.cells.map((cell) => {
    const bytes = Buffer.from(cell, "latin1");
    return (encoding === "utf-8" ? bytes.toString("utf8") : windows1252(bytes)).trim();
  });
  return { encoding, header, headerLine: head.line, rows: records - 1, blank: counts.blank };
}

/** An open CSV file: its header, read; its data rows, read as they are taken. */
export interface CsvStream {
  delimiter: string;
  header: string[];
  rows: AsyncGenerator<CsvRecord>;
}

/**
 * Opens a CSV file in the encoding {@link scanCsv} found: reads up to the end of the header and
 * returns it with the data rows still to be read, so a file of any size takes memory for one chunk.
 */
export async function openCsv(file: string, encoding: CsvEncoding): Promise<CsvStream> {
  const { delimiter, parser } = await openParser(decodedChunks(file, encoding));
  const all = numbered(parser, { blank: 0 });
  const first = await all.next();
  if (first.done) throw new CsvError(CLI_TEXT.csvEmpty);
  return { delimiter, header: first.value.cells.map((cell) => cell.trim()), rows: all };
}

/** Parses CSV text into a header and data rows; throws {@link CsvError} with the line on bad quoting. */
export function parseCsv(text: string): CsvTable {
  const firstLine = text
    .replace(/^\uFEFF/, "")
    .replace(/^[\r\n]+/, "")
    .split(/\r\n|\r|\n/)[0];
  const delimiter = detectDelimiter(firstLine);
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parseSync(text, parserOptions(delimiter)) as unknown as typeof parsed;
  } catch (error) {
    throw csvError(error);
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const { record, raw } of parsed) {
    if (!isBlankRecord(record)) records.push({ line, cells: record });
    line += lineBreaks(raw);
  }
  if (records.length === 0) throw new CsvError(CLI_TEXT.csvEmpty);
  const [header, ...rows] = records;
  return { delimiter, header: header.cells.map((cell) => cell.trim()), rows };
}
