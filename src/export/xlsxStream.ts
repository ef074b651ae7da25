/**
 * Node only: a workbook written row by row with ExcelJS's streaming writer, for sheets too long to hold
 * in memory (the batch's Sammanställning of tens of thousands of cases). Cells are the same planned
 * cells `xlsx.ts` writes, drawn by the same code ({@link fillCell}, {@link applyPrint}), so a streamed
 * sheet and an in-memory one are the same file content; formulas keep the engine's cached results.
 *
 * The file is written to a temporary file beside the target and renamed over it only when the
 * workbook is complete and flushed to disk: a run that fails half-way removes the temporary file and
 * leaves the target as it was (absent, or the previous workbook).
 *
 * Memory stays flat as long as the caller hands over rows as they come: each {@link StreamingSheet.write}
 * commits its rows (ExcelJS serialises and forgets them), and {@link StreamingWorkbook.drain} lets the
 * zip compressor and the file catch up.
 *
 * Quirks of ExcelJS 4.4's streaming writer handled here:
 * - Sheets are written one after another: a sheet's XML is one entry of the zip, and the zip takes its
 *   entries in order, so a second sheet opened early would buffer in memory until the first is done.
 *   {@link StreamingWorkbook.addSheet} commits the previous sheet first.
 * - Without shared strings (which would grow with every distinct text), ExcelJS stores a constant text
 *   as `t="str"`, which the file format reserves for formula results; texts are written as inline
 *   strings (`inlineStr`, a rich text of one plain run) instead.
 * - The page setup's "fit to page" flag is written when the sheet opens, so it is passed then.
 * - The worksheet keeps every formula cell's model for shared formulas (unused here); it is cleared
 *   after each write, or memory would grow with every row.
 * - ExcelJS writes into the zip entry without heeding back-pressure, and the compressor advances one
 *   chunk per turn of the event loop: {@link StreamingWorkbook.drain} waits for the entry to empty.
 * - The workbook's calculation properties are hard-coded empty; `fullCalcOnLoad` is added to the
 *   workbook part as it is zipped, as `buildWorkbook` sets it for the in-memory writer.
 */
import * as fs from "fs";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import type { PlannedCell, PrintSettings, SheetPlan } from "../sheet/types";
import { checkTarget, tempPathBeside } from "./writeFile";
import {
  Rect,
  SheetPlanError,
  WORKBOOK_CREATOR,
  WorkbookOptions,
  applyPrint,
  decodeRange,
  excelStyle,
  fillCell,
  plannedAddress,
  uniqueSheetNames,
} from "./xlsx";

/**
 * What a streamed sheet needs before its first row: its name, widths, merges and page setup (the
 * print area, titles, header and footer come with the final frame, in `finish`).
 */
export type SheetLayout = Pick<SheetPlan, "name" | "columnWidths" | "merges" | "rowHeights"> & {
  page: Pick<PrintSettings, "orientation" | "paperSize" | "scale">;
};

/** The internals of ExcelJS's streaming writer this module relies on (not in its typings). */
interface WriterInternals {
  zip: {
    append(source: unknown, data: { name: string }): unknown;
    abort(): void;
  };
  /** By sheet id; each sheet's XML goes through `_stream` to the zip entry streams in `pipes`. */
  _worksheets: ({ _stream?: { pipes?: Writable[] } } | undefined)[];
}

/** The internal of ExcelJS's streaming worksheet this module resets (not in its typings). */
interface SheetInternals {
  _formulae: Record<string, unknown>;
}

const PAPER_SIZE: Record<PrintSettings["paperSize"], ExcelJS.PageSetup["paperSize"]> = { A4: 9 };

const inlineText = (value: string): ExcelJS.CellValue => ({ richText: [{ text: value }] });

/** One sheet being streamed: whole rows in ascending order, then `finish`. */
export class StreamingSheet {
  private readonly merges: { range: string; rect: Rect }[];
  private nextRow = 0;
  finished = false;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly layout: SheetLayout,
  ) {
    this.merges = [];
    layout.columnWidths.forEach((width, i) => {
      if (!(Number.isFinite(width) && width >= 0))
        throw new SheetPlanError(layout.name, `column ${i + 1}`, `width ${width} is not a width`);
      ws.getColumn(i + 1).width = width;
    });
    this.adoptMerges();
  }

  /**
   * Merges the layout's ranges not merged yet: those known at the start, and those a planner adds to
   * the same list before writing their rows (the summary's refused rows). A merge over rows already
   * written is a planner bug.
   */
  private adoptMerges(): void {
    for (const range of this.layout.merges.slice(this.merges.length)) {
      const rect = decodeRange(range);
      if (!rect) throw new SheetPlanError(this.layout.name, `merge ${range}`, "not an A1 range");
      if (rect.top - 1 < this.nextRow)
        throw new SheetPlanError(this.layout.name, `merge ${range}`, "over rows already written");
      this.ws.mergeCells(range);
      this.merges.push({ range, rect });
    }
  }

  /**
   * Writes the cells of one or more whole rows (0-based rows, ascending, below every row written so
   * far) and commits those rows: they cannot be changed afterwards, and ExcelJS keeps none of them.
   * A merge's other cells take its top-left cell's look, as in the in-memory writer.
   */
  write(cells: readonly PlannedCell[]): void {
    if (this.finished)
      throw new SheetPlanError(this.layout.name, "write", "sheet already finished");
    if (cells.length === 0) return;
    this.adoptMerges();
    const plan = { name: this.layout.name };
    let lastRow = this.nextRow - 1;
    const written = new Set<string>();
    for (const planned of cells) {
      const address = plannedAddress(plan, planned);
      if (planned.row < this.nextRow)
        throw new SheetPlanError(this.layout.name, address, "row already written");
      if (written.has(address))
        throw new SheetPlanError(this.layout.name, address, "planned twice");
      written.add(address);
      const hasContent =
        (planned.value !== undefined && planned.value !== null) ||
        (planned.formula !== undefined && planned.formula !== null);
      if (hasContent && this.insideMerge(planned.row + 1, planned.col + 1))
        throw new SheetPlanError(
          this.layout.name,
          address,
          "holds content inside a merged range (only its top-left cell may)",
        );
      fillCell(
        this.ws.getCell(planned.row + 1, planned.col + 1),
        planned,
        this.layout.name,
        address,
        inlineText,
      );
      lastRow = Math.max(lastRow, planned.row);
    }
    for (const { rect } of this.merges) {
      if (rect.top - 1 < this.nextRow || rect.top - 1 > lastRow) continue;
      const master = cells.find((c) => c.row === rect.top - 1 && c.col === rect.left - 1);
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          if (row === rect.top && col === rect.left) continue;
          if (cells.some((c) => c.row === row - 1 && c.col === col - 1)) continue;
          this.ws.getCell(row, col).style = excelStyle(master?.style, master?.numberFormat, master);
        }
    }
    // Rows whose wrapped text needs more than one line (read now: the planner adds them row by row).
    for (let row = this.nextRow; row <= lastRow; row++) {
      const height = this.layout.rowHeights?.[row];
      if (height !== undefined) this.ws.getRow(row + 1).height = height;
    }
    this.ws.getRow(lastRow + 1).commit();
    // ExcelJS remembers every formula cell written (as a possible master of shared formulas, which
    // these sheets never use); forgotten here, or memory grows by ~20 kB per summary row.
    (this.ws as unknown as SheetInternals)._formulae = {};
    this.nextRow = lastRow + 1;
  }

  /** Applies the final print settings (the print area needs the last row) and commits the sheet. */
  finish(frame: Omit<SheetPlan, "cells">): void {
    if (this.finished) return;
    if (frame.print.pageBreaksBefore.length > 0)
      throw new SheetPlanError(frame.name, "page breaks", "a streamed sheet has none");
    applyPrint(this.ws, frame);
    this.ws.commit();
    this.finished = true;
  }

  private insideMerge(row: number, col: number): boolean {
    return this.merges.some(
      ({ rect: m }) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        !(row === m.top && col === m.left),
    );
  }
}

/** A workbook streamed to a temporary file; `commit` renames it into place, `abort` removes it. */
export class StreamingWorkbook {
  private readonly sheets: StreamingSheet[] = [];
  private readonly names: string[] = [];
  private closed = false;

  private constructor(
    private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly file: fs.WriteStream,
    /** The temporary file being written. */
    readonly temp: string,
    /** The absolute path the workbook is renamed to on commit. */
    readonly target: string,
  ) {}

  /**
   * Opens a temporary file beside `outPath` (refused when `outPath` is a directory or its folder does
   * not exist, as for the in-memory writer).
   */
  static async open(outPath: string, options: WorkbookOptions = {}): Promise<StreamingWorkbook> {
    const target = await checkTarget(outPath);
    const temp = tempPathBeside(target);
    const file = fs.createWriteStream(temp, { flags: "wx" });
    await new Promise<void>((resolve, reject) => {
      file.once("open", () => resolve());
      file.once("error", reject);
    });
    const created = options.created ?? new Date();
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: file,
      useStyles: true,
      useSharedStrings: false,
    });
    writer.creator = WORKBOOK_CREATOR;
    writer.lastModifiedBy = WORKBOOK_CREATOR;
    writer.created = created;
    writer.modified = created;
    askFullCalcOnLoad(writer);
    return new StreamingWorkbook(writer, file, temp, target);
  }

  /**
   * Starts the next sheet (the one before must be finished). Its name is made valid and unique by the
   * in-memory writer's rules; `layout.print` gives the page setup (the print area is set on finish).
   */
  addSheet(layout: SheetLayout): StreamingSheet {
    const previous = this.sheets[this.sheets.length - 1];
    if (previous && !previous.finished)
      throw new Error(`sheet ${this.names[this.names.length - 1]} was not finished`);
    const name = uniqueSheetNames([...this.names, layout.name])[this.names.length];
    this.names.push(name);
    const ws = this.writer.addWorksheet(name, {
      // "Fit to page" (off: a fixed scale) must be known this early; applyPrint sets the rest on finish.
      pageSetup: {
        paperSize: PAPER_SIZE[layout.page.paperSize],
        orientation: layout.page.orientation,
        fitToPage: false,
        scale: layout.page.scale,
      },
    });
    const sheet = new StreamingSheet(ws, { ...layout, name });
    this.sheets.push(sheet);
    return sheet;
  }

  /** Writes a whole (small) plan as one more sheet. */
  addPlan(plan: SheetPlan): void {
    const sheet = this.addSheet({ ...plan, page: plan.print });
    const byRow = [...plan.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    sheet.write(byRow);
    sheet.finish(plan);
  }

  /**
   * Waits until the compressor has taken what was written so far, and the file what the compressor
   * made of it. Call it every few rows: without it the rows' XML piles up in memory, because ExcelJS
   * writes into the zip entry without heeding back-pressure and the compressor advances one chunk per
   * turn of the event loop.
   */
  async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const internals = this.writer as unknown as WriterInternals;
    const entries = internals._worksheets.flatMap((ws) => ws?._stream?.pipes ?? []);
    for (const stream of [...entries, this.file]) {
      // The zip's entry streams come from the readable-stream package, which has no writableNeedDrain.
      const state = (stream as unknown as { _writableState?: { needDrain?: boolean } })
        ._writableState;
      if (stream.writableNeedDrain ?? state?.needDrain) await drained(stream);
    }
  }

  /** Finishes the workbook, flushes it to disk and renames it over the target; returns the target. */
  async commit(): Promise<string> {
    if (this.closed) throw new Error("workbook already closed");
    this.closed = true;
    try {
      for (const sheet of this.sheets)
        if (!sheet.finished) throw new Error("a streamed sheet was never finished");
      await this.writer.commit();
      const handle = await fs.promises.open(this.temp, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(this.temp, this.target);
      return this.target;
    } catch (err) {
      await this.removeTemp();
      throw err;
    }
  }

  /** Gives up: stops the zip, closes and removes the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.removeTemp();
  }

  private async removeTemp(): Promise<void> {
    try {
      (this.writer as unknown as WriterInternals).zip.abort();
    } catch {
      // The zip may already be finished or broken; the file is removed either way.
    }
    if (!this.file.closed) {
      const closed = new Promise<void>((resolve) => this.file.once("close", () => resolve()));
      this.file.destroy();
      await closed;
    }
    await fs.promises.rm(this.temp, { force: true });
  }
}

/**
 * Streams a workbook to `outPath`: `write` adds its sheets, and the file appears at `outPath` only
 * when `write` resolves and the workbook is on disk. If `write` (or the writing) throws, the temporary
 * file is removed and the error rethrown. Returns the absolute path written.
 */
export async function writeXlsxStream(
  outPath: string,
  write: (book: StreamingWorkbook) => Promise<void>,
  options: WorkbookOptions = {},
): Promise<string> {
  const book = await StreamingWorkbook.open(outPath, options);
  try {
    await write(book);
  } catch (err) {
    await book.abort();
    throw err;
  }
  return book.commit();
}

/** Resolves when `stream` has emptied its buffer (or rejects on its error). */
function drained(stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    stream.once("error", onError);
    stream.once("drain", () => {
      stream.off("error", onError);
      resolve();
    });
  });
}

/** Adds `fullCalcOnLoad` to the workbook part, which ExcelJS's streaming writer writes without it. */
function askFullCalcOnLoad(writer: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const zip = (writer as unknown as WriterInternals).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) =>
    append(
      data.name === "/xl/workbook.xml" && typeof source === "string"
        ? source.replace(/<calcPr\b([^>]*?)\s*\/>/, '<calcPr$1 fullCalcOnLoad="1"/>')
        : source,
      data,
    );
}
