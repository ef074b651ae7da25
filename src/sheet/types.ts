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
}

export interface PrintSettings {
  /** A1 range, e.g. "A1:G140". */
  area: string;
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Fit to one page wide, as many pages tall as needed. */
  fitToWidth: 1;
  /** Rows repeated at the top of every printed page, e.g. "$80:$80" (the schedule's header). */
  titleRows?: string;
  /** Page header and footer texts in Excel's header/footer codes (&P page, &N pages). */
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
  print: PrintSettings;
  /**
   * Addresses of the figures that matter, by name (e.g. "notice.amountInclInterest" → "C48"), so
   * tests and the task pane can find them without knowing the layout.
   */
  names: Record<string, string>;
}
