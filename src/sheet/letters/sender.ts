/**
 * The letters' sender (avsändare), entered once per workbook: a small settings sheet "Avsändare"
 * with the authority's name (Kronofogden by default), its postal address and its telephone, which
 * every letter of the workbook shows through formulas. The CLI and the task pane fill it in from
 * their own settings when they create it; in Excel the officer edits it there, once, and every
 * letter follows.
 *
 * The sheet is found by its name: a workbook that already has a sheet "Avsändare" (made by an
 * earlier run) keeps it as it is, never rewritten, and new letters refer to its cells B4 … B6.
 */
import { FORMATS } from "../formats";
import { Grid, crossSheetReference } from "../grid";
import { scaleToFit } from "../page";
import { sameSheetName } from "../sheetNames";
import { SheetPlan } from "../types";
import { wrapOverflowingText } from "../wrap";
import { SENDER_TEXT } from "./texts";

/** Who sends the letters. Empty texts are blanks the letters ask the officer to fill in. */
export interface Sender {
  /** The authority's name, e.g. "Kronofogden". */
  authority: string;
  /** Postal address on one line, e.g. "Box 1050, 172 21 Sundbyberg". */
  address: string;
  telephone: string;
}

/** The sender when nothing else is said: the authority's name, the rest to fill in. */
export const DEFAULT_SENDER: Sender = { authority: "Kronofogden", address: "", telephone: "" };

/** The settings sheet's name. */
export const SENDER_SHEET_NAME = "Avsändare";

/** Where each setting stands on the settings sheet (column B, rows 4 … 6). */
const SENDER_CELLS: Readonly<Record<keyof Sender, string>> = {
  authority: "B4",
  address: "B5",
  telephone: "B6",
};

/** The sender a letter refers to: the settings sheet's name and the values it holds (or will). */
export interface SenderRef {
  sheet: string;
  sender: Sender;
}

/** A reference to one setting, `'Avsändare'!$B$4`. */
export function senderReference(ref: SenderRef, key: keyof Sender): string {
  return crossSheetReference(ref.sheet, SENDER_CELLS[key]);
}

/** Whether the workbook's sheet names include the settings sheet already. */
export function hasSenderSheet(sheetNames: readonly string[]): boolean {
  return sheetNames.some((name) => sameSheetName(name, SENDER_SHEET_NAME));
}

const COLUMN_WIDTHS = [22, 44, 8];

/** The settings sheet with `sender`'s values in its input cells. */
export function planSenderSheet(sender: Sender): SheetPlan {
  const g = new Grid();
  g.put(0, { value: SENDER_TEXT.title, style: "title" });
  g.next();
  g.put(0, { value: SENDER_TEXT.explain, style: "note" });
  g.next(2);
  const rows: [keyof Sender, string][] = [
    ["authority", SENDER_TEXT.authority],
    ["address", SENDER_TEXT.address],
    ["telephone", SENDER_TEXT.telephone],
  ];
  for (const [key, label] of rows) {
    g.put(0, { value: label, style: "label" });
    g.put(1, { value: sender[key], numberFormat: FORMATS.text, style: "input", align: "left" });
    g.name(key, g.row, 1, true);
    g.next();
  }
  const { cells, names } = g.resolve();
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  wrapOverflowingText({ cells, merges, rowHeights, columnWidths: COLUMN_WIDTHS, lastCol: 2 });
  return {
    name: SENDER_SHEET_NAME,
    rowCount: g.row,
    colCount: COLUMN_WIDTHS.length,
    cells,
    merges,
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    print: {
      area: `A1:C${g.row}`,
      orientation: "portrait",
      paperSize: "A4",
      scale: scaleToFit(COLUMN_WIDTHS, "portrait"),
      header: `&L${SENDER_SHEET_NAME}`,
      footer: "",
      pageBreaksBefore: [],
    },
    names,
  };
}
