/**
 * The calculation engine: pure TypeScript and decimal.js, no Office, no DOM. The names below are the
 * engine's whole surface; everything else in src/engine is internal to it.
 */
export { Dec } from "./decimal";
export { EngineError, check } from "./errors";
export type { ErrorKind } from "./errors";
export type { ErrorCode, FieldNamer, MessageArgs } from "./messages";
export {
  addMonths,
  countDueDates,
  dayFromParts,
  describeHalfYear,
  dueDate,
  excelSerialFromDay,
  formatIsoDate,
  halfYearStart,
  nextHalfYearStart,
  partsOfDay,
} from "./dates";
export { dayFromExcelSerial, parseDateInput, parseIsoDate } from "./dateInput";
export type { Day } from "./dates";
export {
  BUILT_IN_RATES,
  PERCENT_RANGE,
  ReferenceRateTable,
  rateSourceText,
  referenceEntriesFromRows,
} from "./referenceRates";
export type { RateRow, RateSource, ReferenceRateEntry, RowRateEntry } from "./referenceRates";
export { STATUTORY_MARGIN_PERCENT, applicableRatePercent, lateInterest } from "./lateInterest";
export type { InterestSegment, LateInterestResult } from "./lateInterest";
export {
  actualReduction,
  balanceAfter,
  paymentSchedule,
  remainingInstallmentsRule78,
  rule78Reduction,
} from "./reduction";
export type { ActualReduction, CreditTerms, ScheduleRow } from "./reduction";
export {
  CONTRACT_FIELDS,
  parseAmount,
  parseContract,
  parseDecimal,
  parseRate,
  unknownFieldErrors,
} from "./contract";
export { checkScheduleRepays } from "./scheduleCheck";
export type { Contract, ContractField, ContractInput, MethodChoice } from "./contract";
export {
  CONTRACT_SCHEMA,
  MAX_AMOUNT_KRONOR,
  MAX_INSTALLMENTS,
  REQUIRED_FIELDS,
  REQUIRED_UNLESS,
  fieldLabel,
  integerRange,
  isContractField,
} from "./schema";
export type { FieldKind, FieldKindOf, FieldSpec } from "./schema";
export { STATEMENT_LABELS, STATEMENT_ROWS, calculate, statementLines } from "./calculate";
export type { Calculation, Method, Statement, StatementLabel, StatementLines } from "./calculate";
export {
  DATE_LABELS,
  METHOD_NAMES,
  formatKronor,
  formatKronorOre,
  formatNumber,
  formatPercent,
} from "./format";
export { OUTCOME_TEXT, outcomeOf, outcomeSentence, toReport } from "./report";
export { LAW_TABLE_COVERS_BEFORE, LAW_WARNING, OWN_WORK_FEE_CAP } from "./law";
export type { CalculationReport, Outcome } from "./report";
