/**
 * One exercise sheet of the handout: a practice case's facts and empty answer cells, on one printed
 * A4 page. As data (a {@link SheetPlan}), like every sheet: the .xlsx exporter and the Excel writer
 * draw it.
 *
 * Layout: A labels, B the notice date's column, C the repossession date's column, D notes. The case's
 * facts stand in B as constants (the facit's formulas refer to them, so an edited fact changes the
 * facit); the answers ({@link ANSWER_FIELDS}) are empty cells styled as inputs, one row per answer
 * and one column per date. Every fact and answer cell is in the plan's names (`input.creditAmount`,
 * `answer.repossession.t`, …).
 */
import { scaleToFit } from "../sheet/page";
import {
  CONTRACT_SCHEMA,
  ContractField,
  DATE_LABELS,
  FieldKind,
  excelSerialFromDay,
  parseIsoDate,
} from "../engine";
import { FORMATS } from "../sheet/formats";
import { CREATED_DATE_FIELD } from "../sheet/headerFooter";
import { Grid, address } from "../sheet/grid";
import { validSheetName } from "../sheet/sheetNames";
import { PlannedCell, SheetPlan } from "../sheet/types";
import { LINE_POINTS, wrappedHeight } from "../sheet/wrap";
import { ANSWER_FIELDS, AnswerField, AnswerPrecision } from "./answerFields";
import { conventionHref } from "./conventionLinks";
import { FIELD_HINTS } from "./hints";
import { EXERCISE_TEXT } from "./messages";
import { PRACTICE_FACTS, PracticeCase, PracticeContract } from "./practiceCase";

/** Column widths A … D (characters). */
const EXERCISE_COLUMN_WIDTHS = [40, 25, 25, 40];
const LAST_COL = EXERCISE_COLUMN_WIDTHS.length - 1;
/** An answer row's height in points: room to write by hand on the printed page. */
const ANSWER_ROW_POINTS = 24;
/** The answer column of each date. */
const ANSWER_COLS = { notice: 1, repossession: 2 } as const;

const KIND_FORMATS: Partial<Record<FieldKind, string>> = {
  date: FORMATS.date,
  money: FORMATS.kronor,
  rate: FORMATS.rate,
  integer: FORMATS.integer,
};

const ANSWER_FORMATS: Record<AnswerPrecision, string> = {
  count: FORMATS.integer,
  krona: FORMATS.kronor,
  ore: FORMATS.kronorOre,
  outcome: FORMATS.text,
};

/** A fact's cell: dates as Excel serials, amounts and counts as numbers, text as it is. */
function factCell(field: ContractField, value: string | number): Omit<PlannedCell, "row" | "col"> {
  const kind = CONTRACT_SCHEMA[field].kind;
  const numberFormat = KIND_FORMATS[kind];
  if (kind === "date" && typeof value === "string")
    return { value: excelSerialFromDay(parseIsoDate(value, field)), numberFormat };
  return numberFormat ? { value, numberFormat } : { value };
}

/** A note beside an answer: a link to its convention's section when the help's base is known. */
function noteCell(
  note: string,
  helpBase: string | undefined,
  section: number,
): Omit<PlannedCell, "row" | "col"> {
  if (helpBase === undefined) return { value: note, style: "note" };
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const href = conventionHref(section, helpBase);
  return { formula: `HYPERLINK(${quoted(href)},${quoted(note)})`, result: note, style: "note" };
}

/** A text across A … D, wrapped, the row as tall as its lines. */
function wrappedRow(g: Grid, merges: string[], heights: Record<number, number>, text: string) {
  g.put(0, { value: text, style: "note", wrap: true });
  merges.push(`${address(g.row, 0)}:${address(g.row, LAST_COL)}`);
  const width = EXERCISE_COLUMN_WIDTHS.reduce((sum, w) => sum + w, 0);
  const height = wrappedHeight([{ text, width }]);
  if (height > LINE_POINTS) heights[g.row] = height;
  g.next();
}

/**
 * The exercise sheet of a practice case; `name` is the sheet's final name (default: the case's).
 * With `helpBase` (the add-in's deployed folder URL), each note beside an answer links to the section
 * of the conventions that defines the figure, in the built help page.
 */
export function planExerciseSheet(
  pc: PracticeCase,
  name = validSheetName(pc.name),
  helpBase?: string,
): SheetPlan {
  const g = new Grid();
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const contract = pc.contract;

  g.put(0, { value: pc.name, style: "title" });
  g.next();
  g.put(0, { value: EXERCISE_TEXT.levelLine(pc.level), style: "note" });
  g.next();
  wrappedRow(g, merges, rowHeights, EXERCISE_TEXT.task);

  g.next();
  g.put(0, { value: EXERCISE_TEXT.factsHeading, style: "section" });
  for (let col = 1; col <= LAST_COL; col++) g.put(col, { style: "section" });
  g.next();
  for (const field of PRACTICE_FACTS) {
    const value = contract[field];
    if (value === undefined) continue;
    g.put(0, { value: CONTRACT_SCHEMA[field].label, style: "label" });
    g.put(1, factCell(field, value));
    g.name(`input.${field}`, g.row, 1, true);
    g.next();
  }
  wrappedRow(g, merges, rowHeights, EXERCISE_TEXT.conventions);

  g.next();
  g.put(0, { value: EXERCISE_TEXT.answersHeading, style: "section" });
  for (let col = 1; col <= LAST_COL; col++) g.put(col, { style: "section" });
  g.next();
  planAnswerTable(g, contract, rowHeights, helpBase);
  wrappedRow(g, merges, rowHeights, EXERCISE_TEXT.answerNote);

  const { cells, names } = g.resolve();
  const rowCount = g.row;
  return {
    name,
    rowCount,
    colCount: LAST_COL + 1,
    cells,
    merges,
    columnWidths: [...EXERCISE_COLUMN_WIDTHS],
    rowHeights,
    print: {
      area: `A1:${address(rowCount - 1, LAST_COL)}`,
      orientation: "portrait",
      paperSize: "A4",
      scale: scaleToFit(EXERCISE_COLUMN_WIDTHS, "portrait"),
      header: `&L${EXERCISE_TEXT.pageHeader}&C${pc.name.replace(/&/g, "&&")}&RSkapad ${CREATED_DATE_FIELD}`,
      footer: `&L${pc.name.replace(/&/g, "&&")}`,
      pageBreaksBefore: [],
    },
    names,
  };
}

/** The answer table: a header with each date, then one row per answer (its cells empty, yellow). */
function planAnswerTable(
  g: Grid,
  contract: PracticeContract,
  heights: Record<number, number>,
  helpBase: string | undefined,
): void {
  g.put(0, { value: "", style: "tableHeader" });
  for (const label of ["notice", "repossession"] as const) {
    const date = contract[label === "notice" ? "noticeDate" : "repossessionDate"];
    g.put(ANSWER_COLS[label], {
      value: `${DATE_LABELS[label]} ${date}`,
      style: "tableHeader",
      align: "right",
    });
  }
  g.put(3, { value: "", style: "tableHeader" });
  g.next();
  const rows = new Map<string, AnswerField[]>();
  for (const field of ANSWER_FIELDS) rows.set(field.key, [...(rows.get(field.key) ?? []), field]);
  for (const fields of rows.values()) {
    heights[g.row] = ANSWER_ROW_POINTS;
    g.put(0, { value: fields[0].label, style: "label" });
    for (const field of fields) {
      const col = ANSWER_COLS[field.date ?? "notice"];
      g.put(col, { style: "input", numberFormat: ANSWER_FORMATS[field.precision] });
      g.name(`answer.${field.id}`, g.row, col, true);
    }
    const key = fields[0].key;
    const note = EXERCISE_TEXT.answerNotes[key];
    if (note) g.put(3, noteCell(note, helpBase, FIELD_HINTS[key].section));
    g.next();
  }
}
