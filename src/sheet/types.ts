/**
 * A calculation sheet as plain data: what the Excel writer and the .xlsx exporter both write. No
 * Office here. Rows and columns are 0-based in the plan; addresses in formulas are A1-style.
 */

/** Cell styles the writers know how to draw; kept semantic so both writers agree. */
export type CellStyle =
  | "title" // the sheet title, large bold
  | "section" // a section heading, bold with a bottom border
  | "label" // a row label
  | "input" // a contract input, visibly marked (fill) so users know what they may edit
  | "derived" // a formula
  | "total" // a statement total, bold with a top border
  | "note" // explanatory text, italic grey
  | "tableHeader" // header row of a table, bold with fill
  | "marked" // a schedule row of the notice or repossession date, highlighted
  | "warning"; // a check that may flag a problem

/** One cell: either a constant `value` or a `formula` (without "=") with the engine's `result`. */
export interface PlannedCell {
  row: number;
  col: number;
  /** A constant: text, number, or boolean. Dates are Excel serial numbers with a date format. */
  value?: string | number | boolean;
  /** An Excel formula in English syntax without the leading "=", e.g. "ROUND(B12,0)". */
  formula?: string;
  /** The value the formula yields, as computed by the engine (cached result in .xlsx). */
  result?: string | number | boolean;
  /** An Excel number format code, e.g. `#,##0 "kr"` or `yyyy-mm-dd`. */
  numberFormat?: string;
  style?: CellStyle;
  /** A link to cell A1 of the named sheet of the same workbook (the summary's case ids). */
  link?: string;
  /**
   * Wrap the text onto several lines inside the cell (or its merge). Give the row a height in
   * {@link SheetPlan.rowHeights}: LibreOffice does not grow a row for a merged wrapped cell.
   */
  wrap?: boolean;
  /** Horizontal alignment when not the type's default (a header over figures is right-aligned). */
  align?: "left" | "right";
}

/**
 * A format that applies only while a condition holds: the writers store it as conditional
 * formatting, so it works where the add-in is not installed and follows edits. Used for the checks:
 * a passing check ("OK") is neutral, a failing one is drawn in `style` (red).
 */
export interface ConditionalFormat {
  /** An A1 range, e.g. "B40" or "B40:C41". */
  range: string;
  /**
   * An Excel formula (English syntax, no "="), relative to the range's top-left cell, that is true
   * where `style` applies, e.g. `B40<>"OK"`.
   */
  formula: string;
  /** The look while the formula is true (only font and fill are drawn). */
  style: CellStyle;
}

export interface PrintSettings {
  /** A1 range, e.g. "A1:G140". */
  area: string;
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /**
   * The fixed print scale in percent (10–400), at which the printed columns fit the page's width
   * (`scaleToFit` in src/sheet/page.ts); never "fit to pages", which Excel does not apply reliably
   * from an add-in. The margins are the same for every plan (PAGE_MARGINS).
   */
  scale: number;
  /** Rows repeated at the top of every printed page, e.g. "$80:$80" (the schedule's header). */
  titleRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "$A:$A" (a table wider than a page). */
  titleColumns?: string;
  /** The order of the pages of a sheet wider than a page; absent: Excel's own, down, then over. */
  pageOrder?: "overThenDown";
  /**
   * Page header and footer texts in Excel's header/footer codes (&P page, &N pages). `{skapad}` stands for the day the file is written, which the writers put in as ISO text
   * (Excel's own &D prints the date in the reader's locale, 11/27/2026 in an English one).
   */
  header: string;
  footer: string;
  /** Rows (1-based) before which a page break is inserted. */
  pageBreaksBefore: number[];
}

export interface SheetPlan {
  /** The sheet name wanted (a valid Excel name derived from the case id); writers make it unique. */
  name: string;
  /** Number of rows and columns the cells cover (the rectangle A1 … lastCol lastRow). */
  rowCount: number;
  colCount: number;
  cells: PlannedCell[];
  /** Merged ranges in A1 notation. */
  merges: string[];
  /** Column widths in characters (Excel's "width" unit), one per column. */
  columnWidths: number[];
  /**
   * Columns (0-based) hidden on screen and outside the print area: what a machine reads and an officer
   * need not see (the contract field name of each input).
   */
  hiddenColumns?: number[];
  /** Row heights in points by 0-based row, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
  /** Formats that apply while a condition holds (a failing check in red). */
  conditionalFormats?: ConditionalFormat[];
  print: PrintSettings;
  /**
   * Addresses of the figures that matter, by name (e.g. "notice.amountInclInterest" → "C48"), so
   * tests and the task pane can find them without knowing the layout.
   */
  names: Record<string, string>;
}
