/**
 * `atertag batch FILE.csv`: a creditor's whole portfolio in one run, with memory that does not grow
 * with the number of contracts.
 *
 * 1. A first pass counts the data rows and checks the quoting (nothing is kept), so the progress bar
 *    knows its total, `--sheets` can be refused before any work, and a quote never closed is reported
 *    before anything is written.
 * 2. The second pass reads the CSV in chunks; each row is validated and calculated on its own
 *    (`calculateRows` with one row, so refusals are worded exactly as in the task pane), then:
 *    its summary row goes straight to the .xlsx stream (`SummaryRows` → `StreamingWorkbook`), its
 *    `calc --json` object straight to stdout, and only refused rows are kept (for the summary's last
 *    section and stderr).
 * 3. The summary's foot, print area and the Referensräntor sheet close the workbook, which is
 *    renamed into place only when complete.
 *
 * `--sheets` (one calculation sheet per case, linked from the summary) builds the workbook in memory
 * as before, and is therefore limited to {@link SHEETS_LIMIT} cases.
 */
import { CLI_TEXT } from "./messages";
import {
  BUILT_IN_RATES,
  Calculation,
  CalculationReport,
  ReferenceRateTable,
  toReport,
} from "../engine";
import { writeXlsxFile } from "../export/writeFile";
import { StreamingWorkbook, writeXlsxStream } from "../export/xlsxStream";
import { BatchResult, planBatchWorkbook, rowCalculator } from "../sheet/batch";
import { columnLetter } from "../sheet/grid";
import type { Sender } from "../sheet/letters";
import { REFERENCE_SHEET_NAME, planReferenceSheet } from "../sheet/referenceSheet";
import { RefusedRow, SummaryRows } from "../sheet/summary";
import { fieldForHeader, isContractHeaderRow } from "../sheet/headers";
import { CsvError } from "./csv";
import { TableError, TableRecord, openTable, scanTable, tableNotices } from "./table";
import { Progress, ProgressSink, groupThousands } from "./progress";
import { UsageError, writeOrRefuse } from "./usageError";

/** Exit status of a batch in which some rows were refused (the rest were still written). */
export const PARTIAL_STATUS = 3;

/**
 * The most cases `--sheets` takes. Each calculation sheet is a few hundred cells plus its payment
 * schedule, and the workbook is built in memory (its summary links to sheets written after it), so
 * memory grows with every case, and Excel opens such a file slowly; beyond this the summary alone,
 * whose rows compute every figure from the contract's inputs, is the useful output.
 */
export const SHEETS_LIMIT = 500;

/** Rows written between pauses that let the compressor and the file catch up. */
const DRAIN_EVERY = 64;

export interface BatchRun {
  file: string;
  out: string | null;
  json: boolean;
  sheets: boolean;
  /** With `sheets`: each case's letter sheets after its calculation sheet. */
  letters?: boolean;
  /** With `letters`: the sender the workbook's Avsändare sheet starts with. */
  sender?: Sender;
  /** The worksheet of an .xlsx table (`--sheet NAME`); null for the first. */
  sheet?: string | null;
  /** The reference rates (`--rates FIL` on the built-in table); default the built-in table. */
  rates?: ReferenceRateTable;
}

/** What the batch needs from the command line's input and output. */
export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr for the progress report; default: plain lines through `err`. */
  progress?: ProgressSink;
  /** Clock in milliseconds for the progress report; default Date.now. */
  now?: () => number;
}

export const BATCH_MESSAGES = {
  sheetsLimit: (rows: number) =>
    `--sheets gör ett beräkningsblad per ärende och tar högst ${groupThousands(SHEETS_LIMIT)} ärenden, ` +
    `men filen har ${groupThousands(rows)} rader: en så stor arbetsbok byggs i minnet och blir för tung att ` +
    `öppna i Excel. Kör utan --sheets: sammanställningen räknar varje ärende med levande formler på ` +
    `sin rad. Ett enskilt ärendes blad: npx atertag sheet FIL.json --out FIL.xlsx`,
  unreadable: CLI_TEXT.unreadable,
  done: CLI_TEXT.batchDone,
} as const;

/** Thrown inside the workbook's writer when no row could be calculated, so that nothing is written. */
class NothingComputed extends Error {}

/**
 * Runs a batch; returns the exit status: 0, or {@link PARTIAL_STATUS} when some rows were refused and
 * the others written, or 2 when every row was refused (then nothing is written, stdout stays empty).
 */
export async function runBatch(run: BatchRun, io: BatchIo): Promise<number> {
  const scan = await readErrors(run.file, () => scanTable(run.file, run.sheet ?? null));
  if (!isContractHeaderRow(scan.header))
    throw new UsageError(CLI_TEXT.inFile(run.file, CLI_TEXT.notContractTable(scan.headerLine)));
  if (scan.rows === 0) throw new UsageError(CLI_TEXT.inFile(run.file, CLI_TEXT.noDataRows));
  if (run.sheets && scan.rows > SHEETS_LIMIT)
    throw new UsageError(BATCH_MESSAGES.sheetsLimit(scan.rows));
  for (const notice of tableNotices(run.file, scan)) io.err(notice);
  const progress = new Progress(
    scan.rows,
    io.progress ?? { isTTY: false, write: (text) => io.err(text.replace(/\n$/, "")) },
    io.now,
  );
  const json = run.json ? new JsonArrayPrinter(io.out) : null;
  const table = await readErrors(run.file, () => openTable(run.file, scan));
  const rates = run.rates ?? BUILT_IN_RATES;
  const rows = new RowSource(
    run.file,
    scan.header,
    rates,
    table,
    (calc) => json?.add(toReport(calc)),
    progress,
  );

  let written: string | null = null;
  try {
    written = await writeBatch(run, rows, rates);
  } catch (error) {
    if (!(error instanceof NothingComputed)) throw error;
  } finally {
    progress.finish();
  }
  for (const warning of rows.warnings) io.err(warning);
  for (const row of rows.refused)
    io.err(CLI_TEXT.refusedRow(run.file, row.where, row.caseId, row.reason));
  if (rows.calculated === 0) {
    io.err(CLI_TEXT.errorLine(CLI_TEXT.inFile(run.file, CLI_TEXT.nothingComputed)));
    return 2;
  }
  json?.end();
  if (!run.json) {
    if (written !== null) io.out(CLI_TEXT.wrote([written]));
    io.out(BATCH_MESSAGES.done(rows.calculated, rows.refused.length));
  }
  return rows.refused.length > 0 ? PARTIAL_STATUS : 0;
}

/** Reads every row and writes what the run asks for; the path written, or null for `--json` alone. */
async function writeBatch(
  run: BatchRun,
  rows: RowSource,
  rates: ReferenceRateTable,
): Promise<string | null> {
  const out = run.out;
  if (out !== null && run.sheets) {
    const result = await rows.collect();
    if (result.calculations.length === 0) throw new NothingComputed();
    const plans = planBatchWorkbook(result, {
      sheets: true,
      letters: run.letters ?? false,
      sender: run.sender,
      table: rates,
    });
    return writeOrRefuse(out, () => writeXlsxFile(plans, out));
  }
  if (out !== null)
    return writeOrRefuse(out, () =>
      writeXlsxStream(out, (book) => streamSummary(book, rows, rates)),
    );
  await rows.drainAll();
  return null;
}

/** The summary-only workbook, streamed: Sammanställning row by row, then Referensräntor. */
async function streamSummary(
  book: StreamingWorkbook,
  rows: RowSource,
  table: ReferenceRateTable,
): Promise<void> {
  const summary = new SummaryRows({ sheets: false, referenceRowCount: table.entries().length });
  const sheet = book.addSheet(summary.layout());
  sheet.write(summary.head());
  let sinceDrain = 0;
  await rows.forEach(async (calc) => {
    sheet.write(summary.row(calc));
    if (++sinceDrain >= DRAIN_EVERY) {
      sinceDrain = 0;
      await book.drain();
    }
  });
  if (rows.calculated === 0) throw new NothingComputed();
  sheet.write(summary.foot(rows.refused));
  sheet.finish(summary.frame());
  book.addPlan({ ...planReferenceSheet(table), name: REFERENCE_SHEET_NAME });
}

/**
 * The table's rows, read one at a time and calculated against the header row resolved once. Each
 * calculation goes to `onCalc` (the JSON printer) and to the consumer; refused rows are kept in order,
 * and a case id met before is a warning naming both rows.
 */
class RowSource {
  readonly refused: RefusedRow[] = [];
  readonly warnings: string[] = [];
  calculated = 0;
  private done = 0;
  private readonly calculateRow: ReturnType<typeof rowCalculator>;
  private readonly caseIdCol: number;
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    private readonly file: string,
    header: string[],
    rates: ReferenceRateTable,
    private readonly table: AsyncIterable<TableRecord>,
    private readonly onCalc: (calc: Calculation) => void,
    private readonly progress: Progress,
  ) {
    this.calculateRow = rowCalculator(header, rates);
    this.caseIdCol = header.findIndex((header) => fieldForHeader(header) === "caseId");
  }

  /** Calls `consume` with each calculated case in file order (the table is read once). */
  async forEach(consume: (calc: Calculation) => Promise<void> | void): Promise<void> {
    await readErrors(this.file, async () => {
      for await (const record of this.table) {
        this.noteCaseId(record);
        const outcome = this.calculateRow(tableRow(record));
        if (outcome.ok) {
          this.calculated++;
          this.onCalc(outcome.calc);
          await consume(outcome.calc);
        } else {
          this.refused.push(outcome.refused);
        }
        this.progress.update(++this.done);
      }
    });
  }

  /** Warns when the row's case id was on an earlier row (ids compared as written, trimmed). */
  private noteCaseId({ line, cells }: TableRecord): void {
    if (this.caseIdCol < 0) return;
    const id = String(cells[this.caseIdCol] ?? "").trim();
    if (id === "") return;
    const first = this.firstRowOf.get(id);
    if (first === undefined) this.firstRowOf.set(id, line);
    else this.warnings.push(CLI_TEXT.duplicateCaseId(this.file, id, first, line));
  }

  /** Every row, for the in-memory `--sheets` workbook (at most {@link SHEETS_LIMIT}). */
  async collect(): Promise<BatchResult> {
    const calculations: Calculation[] = [];
    await this.forEach((calc) => {
      calculations.push(calc);
    });
    return { calculations, refused: this.refused };
  }

  /** Every row, for `--json` alone. */
  async drainAll(): Promise<void> {
    await this.forEach(() => undefined);
  }
}

function tableRow({ line, cells }: TableRecord) {
  return {
    where: CLI_TEXT.row(line),
    values: cells,
    addressOf: (col: number) => `${columnLetter(col)}${line}`,
  };
}

/** Runs `read`; a file that cannot be read or parsed is the user's to fix (exit 2). */
async function readErrors<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CsvError || error instanceof TableError)
      throw new UsageError(CLI_TEXT.inFile(file, error.message));
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && (error as NodeJS.ErrnoException).syscall !== "write")
      throw new UsageError(BATCH_MESSAGES.unreadable(file, code));
    throw error;
  }
}

/**
 * Prints a JSON array one element at a time, exactly as `JSON.stringify(array, null, 2)` would print
 * the whole array (so `batch --json` is byte for byte what it was), holding one element at a time.
 */
export class JsonArrayPrinter {
  private held: string | null = null;
  private count = 0;

  constructor(private readonly out: (text: string) => void) {}

  add(value: CalculationReport): void {
    const text = `  ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`;
    if (this.count === 0) this.out("[");
    else this.out(`${this.held!},`);
    this.held = text;
    this.count++;
  }

  end(): void {
    if (this.count === 0) this.out("[]");
    else this.out(`${this.held!}\n]`);
  }
}
