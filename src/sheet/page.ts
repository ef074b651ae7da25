/**
 * The printed page every sheet plan is laid out for: A4 with fixed margins, printed at a FIXED scale
 * (a whole percent), never "fit to N pages wide".
 *
 * Why a fixed scale: Excel's "fit to pages" is not dependable from an add-in. `pageLayout.zoom` with
 * `horizontalFitToPages` is ignored by Excel on Windows unless the Page Layout tab has been active
 * (OfficeDev/office-js issue 1860), and `verticalFitToPages: 0` ("as many as needed") is not a
 * documented value of `PageLayoutZoomOptions` (Microsoft Learn, the Excel JavaScript API: `scale` is
 * "Print page scale value can be between 10 and 400"). So each plan states the scale at which its
 * printed columns fit the page's width, computed here from the column widths, and the layouts are
 * made narrow enough that the calculation sheet prints at {@link READABLE_SCALE} or more (11-pt text
 * at 85 % is 9.35 pt on paper).
 *
 * Column widths are in Excel's character unit: the width of a digit of the workbook's default font.
 * That is 7 px = 5.25 pt at 100 % for Calibri 11 and for Aptos Narrow 11 (Microsoft 365's default
 * since 2023), but a renderer that lacks the font measures with its substitute: LibreOffice without
 * Carlito draws DejaVu Sans, whose digit is 7 pt (measured in its PDF: 28 characters print 166 pt wide
 * at 85 %). The scale is computed for that widest case ({@link POINTS_PER_CHARACTER}), so the columns
 * fit the page wherever the sheet is printed; in Excel they leave some paper free on the right.
 */

/**
 * Margins in inches (Excel's and the file format's unit): 0.5" all round, the header and footer
 * 0.2" from the edge, which leaves 0.3" (21.6 pt) for their one line of 11-pt text. Narrower than
 * Excel's "Normal" (0.75" top and bottom) so that a landscape page holds two more rows.
 */
export const PAGE_MARGINS = {
  left: 0.5,
  right: 0.5,
  top: 0.5,
  bottom: 0.5,
  header: 0.2,
  footer: 0.2,
} as const;

/** The lowest scale (percent) at which the sheets' 11-pt text prints at 9 pt or more. */
export const READABLE_SCALE = 85;

/** A4 in points (210 × 297 mm). */
const A4 = { short: 595.3, long: 841.9 };
const POINTS_PER_INCH = 72;
/** Printed width of one character of column width at 100 %: the widest renderer's (see above). */
const POINTS_PER_CHARACTER = 7;
/** Points per row of one line (the default row height of Calibri 11; Aptos Narrow 11 is lower). */
const ROW_POINTS = 15;

export type Orientation = "portrait" | "landscape";

/** The printable width of an A4 page in points, between the margins. */
function printableWidth(orientation: Orientation): number {
  const width = orientation === "portrait" ? A4.short : A4.long;
  return width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * POINTS_PER_INCH;
}

/** The printable height of an A4 page in points, between the top and bottom margins. */
function printableHeight(orientation: Orientation): number {
  const height = orientation === "portrait" ? A4.long : A4.short;
  return height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * POINTS_PER_INCH;
}

/**
 * The largest whole percent, at most 100, at which columns of these widths (characters) fit the
 * page's printable width: the fixed scale a plan prints at.
 */
export function scaleToFit(columnWidths: readonly number[], orientation: Orientation): number {
  const width = columnWidths.reduce((sum, w) => sum + w, 0) * POINTS_PER_CHARACTER;
  return Math.max(10, Math.min(100, Math.floor((100 * printableWidth(orientation)) / width)));
}

/** How a table prints: its scale, and for a table wider than a page, the columns every page repeats. */
export interface TablePrint {
  scale: number;
  /** Columns repeated at the left of every page, e.g. "$A:$A"; only for a table wider than a page. */
  titleColumns?: string;
  /** "overThenDown": a band of rows prints across all its pages before the next band starts. */
  pageOrder?: "overThenDown";
}

/**
 * The print of a table whose rows are read across: on one page's width when that keeps its text at
 * {@link READABLE_SCALE} or more; otherwise at that scale over as many page widths as it needs, each
 * page repeating the first column (what names the row, the case) and each band of rows printed
 * across before the next, so that the pages of the same rows lie together. Where the pages break
 * between columns is the renderer's: ExcelJS writes no column breaks, and a narrower font (Excel's)
 * fits more columns on a page than the widest renderer's ({@link POINTS_PER_CHARACTER}).
 */
export function tablePrint(columnWidths: readonly number[], orientation: Orientation): TablePrint {
  const scale = scaleToFit(columnWidths, orientation);
  if (scale >= READABLE_SCALE) return { scale };
  return { scale: READABLE_SCALE, titleColumns: "$A:$A", pageOrder: "overThenDown" };
}

/**
 * How many leading columns of these widths print on a page's width at `scale` in the widest
 * renderer: what a text over the first page (a note merged across columns) may span.
 */
export function columnsOnFirstPage(
  columnWidths: readonly number[],
  orientation: Orientation,
  scale: number,
): number {
  const room = (printableWidth(orientation) * 100) / scale / POINTS_PER_CHARACTER;
  let used = 0;
  const fits = columnWidths.findIndex((width) => (used += width) > room);
  return fits < 0 ? columnWidths.length : Math.max(1, fits);
}

/**
 * Rows (1-based) before which a manual page break keeps each block whole: a block that would not
 * fit on what is left of the current page starts a new one (a block taller than a page is left to
 * the automatic breaks). `blockStarts` are the 0-based first rows of the blocks, ascending; `forced`
 * are 0-based rows that always start a page; `heights` the rows' heights in points where not
 * {@link ROW_POINTS}; `scale` the print scale in percent. The usable height is kept 5 % short of the
 * page, so a font whose rows are a little taller still fits.
 */
export function keepTogetherBreaks(
  blockStarts: readonly number[],
  forced: readonly number[],
  rowCount: number,
  heights: Readonly<Record<number, number>>,
  scale: number,
  orientation: Orientation,
): number[] {
  const page = (printableHeight(orientation) * 0.95 * 100) / scale;
  const starts = [...new Set([...blockStarts, ...forced])].sort((a, b) => a - b);
  const ends = [...starts.slice(1), rowCount];
  const heightOf = (from: number, to: number) => {
    let sum = 0;
    for (let row = from; row < to; row++) sum += heights[row] ?? ROW_POINTS;
    return sum;
  };
  const breaks: number[] = [];
  let used = heightOf(0, starts[0] ?? rowCount);
  starts.forEach((start, i) => {
    const block = heightOf(start, ends[i]);
    const mustBreak = forced.includes(start) && start > 0;
    if (mustBreak || (used > 0 && used + block > page && block <= page)) {
      breaks.push(start + 1);
      used = block % page;
    } else used = (used + block) % page;
  });
  return breaks;
}
