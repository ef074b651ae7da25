/**
 * What each semantic cell style looks like, as plain data, so every writer (Excel through the Office JavaScript API,
 * .xlsx through ExcelJS) draws a plan the same way. Colours are RGB hex; borders are thin lines.
 */
import { CellStyle } from "./types";

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (the workbook default, 11, when absent). */
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
}

export const STYLE_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, fontSize: 14 },
  section: { bold: true, borderBottom: true },
  label: {},
  input: { fill: "#FFF2CC" }, // light yellow: the cells a user may edit
  derived: {},
  total: { bold: true, borderTop: true },
  note: { italic: true, fontColor: "#595959" },
  tableHeader: { bold: true, fill: "#D9E1F2", borderBottom: true },
  marked: { fill: "#FCE4D6" }, // light orange: the schedule rows of the two dates
  warning: { bold: true, fontColor: "#C00000" },
};
