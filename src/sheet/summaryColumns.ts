/**
 * The summary sheet's columns: the results every row shows, and (summary-only mode) the contract
 * inputs each row carries and the intermediate figures its formulas compute, shared and per date.
 */
import { DATE_LABELS } from "../engine";
import { FORMATS } from "./formats";
import { CellStyle } from "./types";

export interface Column {
  key: string;
  header: string;
  width: number;
  numberFormat?: string;
  style?: CellStyle;
  /** The column's cells wrap their text (the row is made tall enough, see `summaryRowHeight`). */
  wrap?: boolean;
}

export const RESULT_COLUMNS: Column[] = [
  { key: "caseId", header: "Ärende", width: 18 },
  { key: "methodName", header: "Metod", width: 17 },
  { key: "t", header: "t vid återtagning", width: 13, numberFormat: FORMATS.integer },
  {
    key: "notice.rule78",
    header: "R 78-regeln, underrättelse",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "notice.actual",
    header: "R faktisk, underrättelse",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.rule78",
    header: "R 78-regeln, återtagning",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.actual",
    header: "R faktisk, återtagning",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "difference",
    header: "Skillnad för konsumenten (faktisk − 78), återtagning",
    width: 18,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "notice.amount",
    header: "Att betala inkl. ränta, underrättelse",
    width: 15,
    numberFormat: FORMATS.kronor,
    style: "total",
  },
  {
    key: "repossession.amount",
    header: "Att betala inkl. ränta, återtagning",
    width: 15,
    numberFormat: FORMATS.kronor,
    style: "total",
  },
  { key: "valueShown", header: "Uppskattat värde", width: 13, numberFormat: FORMATS.kronor },
  { key: "surplus", header: "Överskott", width: 13, numberFormat: FORMATS.kronor, style: "total" },
  { key: "outcome", header: "Utfall", width: 44, wrap: true },
];

/** Contract inputs carried on each row (summary-only mode), by the calculation sheet's input names. */
export const INPUT_COLUMNS: Column[] = [
  { key: "K", header: "Kreditbelopp", width: 12, numberFormat: FORMATS.kronor },
  { key: "rate", header: "Årsränta", width: 9, numberFormat: FORMATS.rate },
  { key: "n", header: "Antal avbetalningar", width: 9, numberFormat: FORMATS.integer },
  { key: "first", header: "Första förfallodag", width: 11, numberFormat: FORMATS.date },
  { key: "A", header: "Avbetalning", width: 10, numberFormat: FORMATS.kronorOre },
  { key: "f", header: "Aviavgift", width: 9, numberFormat: FORMATS.kronorOre },
  { key: "V", header: "Restbelopp", width: 10, numberFormat: FORMATS.kronor },
  {
    key: "unpaidCreditClaim",
    header: "Obetald del av kreditfordran",
    width: 13,
    numberFormat: FORMATS.kronorOre,
  },
  { key: "capital", header: "Räntebärande kapital", width: 13, numberFormat: FORMATS.kronorOre },
  { key: "interestFrom", header: "Ränta från", width: 11, numberFormat: FORMATS.date },
  { key: "cap", header: "Avtalad dröjsmålsränta", width: 10, numberFormat: FORMATS.rate },
  { key: "claimed", header: "Yrkad ränta", width: 10, numberFormat: FORMATS.kronor },
  { key: "basicFee", header: "Grundavgift", width: 10, numberFormat: FORMATS.kronor },
  { key: "applicantCosts", header: "Sökandens kostnader", width: 10, numberFormat: FORMATS.kronor },
  { key: "noticeDate", header: "Underrättelsedag", width: 11, numberFormat: FORMATS.date },
  { key: "repossessionDate", header: "Återtagningsdag", width: 11, numberFormat: FORMATS.date },
  { key: "value", header: "Uppskattat värde (indata)", width: 12, numberFormat: FORMATS.kronor },
  { key: "methodChoice", header: "Metod (indata)", width: 9 },
];

/** Intermediate figures (summary-only mode): shared, then per date. */
export const SHARED_STEPS: Column[] = [
  { key: "i", header: "i (månadsränta)", width: 10, numberFormat: FORMATS.monthlyRate },
  { key: "c", header: "c", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "method", header: "Metodkod", width: 9 },
];
export const DATE_STEPS: Column[] = [
  { key: "before", header: "förfallodagar före", width: 9, numberFormat: FORMATS.integer },
  { key: "t", header: "t", width: 7, numberFormat: FORMATS.integer },
  { key: "m", header: "m", width: 7, numberFormat: FORMATS.integer },
  { key: "balance", header: "B_m", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "start", header: "förfallodag m", width: 11, numberFormat: FORMATS.date },
  { key: "end", header: "förfallodag m+1", width: 11, numberFormat: FORMATS.date },
  { key: "interest", header: "dröjsmålsränta", width: 12, numberFormat: FORMATS.kronorOre },
];

/** The columns of a summary: results, then (summary-only mode) inputs and intermediate figures. */
export function summaryColumns(selfContained: boolean): Column[] {
  if (!selfContained) return RESULT_COLUMNS;
  const dateSteps = (["notice", "repossession"] as const).flatMap((label) =>
    DATE_STEPS.map((col) => ({
      ...col,
      key: `${label}.${col.key}`,
      header: `${col.header} (${DATE_LABELS[label].toLowerCase()})`,
    })),
  );
  return [...RESULT_COLUMNS, ...INPUT_COLUMNS, ...SHARED_STEPS, ...dateSteps];
}
