/**
 * A contract row in a worksheet: a header row names the fields, a data row holds one contract.
 *
 * Headers map to contract fields by name, either the JSON name (`creditAmount`) or one of the Swedish
 * headers users write (`Kreditbelopp`, `Första förfallodag`, …; {@link HEADER_ALIASES}). Matching
 * ignores case, accents (å ä ö → a a o), spaces, punctuation and any text in parentheses, so
 * `KREDITBELOPP (kr)`, `forsta  forfallodag` and `Första förfallodag:` all name `firstDueDate`.
 * Headers that name no field are ignored and listed, never an error: a sheet may carry notes.
 *
 * Cell values arrive as Excel gives them: dates as 1900-system serial numbers (or ISO text), numbers
 * as numbers or numeric text, rates as fractions (a cell formatted 5,95 % holds 0.0595; the text
 * "5,95 %" is read as 0.0595 too), an empty cell as "" (missing). Every field is checked on its own
 * first and ALL problems are reported, each with the address of its cell (or of the header row when
 * the column is missing); only a row without such problems goes to the engine's `parseContract` for
 * the rules that span fields, whose single error is mapped to the address of the field it names.
 *
 * No Office here: the Excel reader (src/excel/reader.ts) and the tests hand in plain arrays.
 */
import {
  CONTRACT_FIELDS,
  CONTRACT_SCHEMA,
  Contract,
  ContractField,
  ContractInput,
  Dec,
  EngineError,
  FieldKind,
  FieldSpec,
  REQUIRED_FIELDS,
  REQUIRED_UNLESS,
  dayFromExcelSerial,
  excelSerialFromDay,
  formatIsoDate,
  integerRange,
  isContractField,
  parseContract,
  parseDecimal,
  parseIsoDate,
} from "../engine";

export type { FieldKind } from "../engine";

/**
 * Header aliases per field, from the contract schema; the first is the canonical Swedish header
 * ({@link SWEDISH_HEADERS}). The JSON field name is always accepted as well and is not repeated here.
 */
export const HEADER_ALIASES: Readonly<Record<ContractField, readonly string[]>> = fieldRecord(
  (spec) => [spec.label, ...spec.aliases],
);

/** The Swedish header written for each field (the training workbook's `Kontrakt` sheet). */
export const SWEDISH_HEADERS: Readonly<Record<ContractField, string>> = fieldRecord(
  (spec) => spec.label,
);

/** How a field's cell is read (the schema's kind). */
export const FIELD_KINDS: Readonly<Record<ContractField, FieldKind>> = fieldRecord(
  (spec) => spec.kind,
);

function fieldRecord<T>(pick: (spec: FieldSpec) => T): Record<ContractField, T> {
  return Object.fromEntries(
    CONTRACT_FIELDS.map((field) => [field, pick(CONTRACT_SCHEMA[field])]),
  ) as Record<ContractField, T>;
}

/** Method names users write, normalized as headers are, mapped to the engine's values. */
const METHOD_ALIASES: Readonly<Record<string, "auto" | "rule78" | "actual">> = {
  auto: "auto",
  automatisk: "auto",
  rule78: "rule78",
  "78": "rule78",
  "78regeln": "rule78",
  regel78: "rule78",
  actual: "actual",
  faktisk: "actual",
  faktiskavrakning: "actual",
};

/**
 * Every message about a worksheet row, in Swedish (the users' language). Field-level messages come
 * from the engine's catalogue (src/engine/messages.ts), rendered with the field's header as its name.
 */
export const ROW_MESSAGES = {
  missingColumn: (header: string) => `Kolumnen ${header} saknas i rubrikraden`,
  duplicateColumn: (header: string, address: string, first: string, firstAddress: string) =>
    `Kolumnen ${header} (${address}) anger samma fält som ${first} (${firstAddress}); ta bort den ena`,
  onHeaderRow: (address: string) =>
    `Den aktiva cellen ${address} står på rubrikraden; markera en cell i en kontraktsrad`,
  outsideData: (address: string) =>
    `Den aktiva cellen ${address} ligger utanför tabellens kontraktsrader; markera en cell i en kontraktsrad`,
  emptySheet: (sheet: string) =>
    `Bladet ${sheet} är tomt; det behöver en rubrikrad och en kontraktsrad`,
  emptyRow: (address: string) => `Raden ${address} är tom`,
  noContractRows: (address: string) =>
    `Markeringen ${address} innehåller inga kontraktsrader; markera raderna (eller hela tabellen) under rubrikraden`,
  severalTables: (names: string) =>
    `Markeringen berör flera tabeller (${names}); markera rader i en tabell i taget`,
  headerRow: "rubrikraden",
} as const;

/**
 * Why the active cell is not on a contract row, when it is not: on the header row, outside the
 * table's rows, on an empty sheet, on an empty row, or on a sheet whose header row is no contract
 * header row (a calculation sheet, notes). The task pane then says where to go instead of listing
 * the row's problems.
 */
export type WrongPlace =
  "headerRow" | "outsideData" | "emptySheet" | "emptyRow" | "notContractSheet";

/** A problem with one cell (or with the header row when a column is missing). */
export interface RowProblem {
  /** The contract field (JSON name), or "" for a problem with the row as a whole. */
  field: string;
  /** A1 address of the cell, or of the header row when the column is missing entirely. */
  address: string;
  message: string;
}

/** A header that names no contract field, left out of the contract. */
interface IgnoredHeader {
  header: string;
  address: string;
}

export type RowResult =
  | { ok: true; contract: Contract; input: ContractInput; ignoredHeaders: IgnoredHeader[] }
  | { ok: false; problems: RowProblem[]; ignoredHeaders: IgnoredHeader[] };

/** Where the header row is: its A1 address and each header cell's address. */
export interface HeaderRowAddresses {
  address: string;
  addressOf: (col: number) => string;
}

/** A header as a matching key: lower case, no accents, no text in parentheses, letters and digits only. */
export function headerKey(header: string): string {
  return header
    .replace(/\([^)]*\)/g, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_KEY: ReadonlyMap<string, ContractField> = (() => {
  const map = new Map<string, ContractField>();
  for (const field of CONTRACT_FIELDS) {
    for (const alias of [field, ...HEADER_ALIASES[field]]) {
      const key = headerKey(alias);
      const taken = map.get(key);
      if (taken !== undefined && taken !== field) {
        throw new Error(`header alias ${alias} names both ${taken} and ${field}`);
      }
      map.set(key, field);
    }
  }
  return map;
})();

/** The contract field a header names, or undefined for a header we do not know. */
export function fieldForHeader(header: unknown): ContractField | undefined {
  const text = headerText(header);
  return text === "" ? undefined : FIELD_BY_KEY.get(headerKey(text));
}

function headerText(header: unknown): string {
  return typeof header === "string" || typeof header === "number" ? String(header).trim() : "";
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * Reads one field's cell into the JSON form `parseContract` accepts; throws an {@link EngineError}
 * about `field` for a bad value (rendered with the header the user wrote by the caller).
 */
function readField(field: ContractField, value: unknown): unknown {
  switch (FIELD_KINDS[field]) {
    case "text":
      if (typeof value === "string") return value.trim();
      if (typeof value === "number") return String(value);
      throw new EngineError("notText", field, value);
    case "date":
      if (typeof value === "number") return formatIsoDate(dayFromExcelSerial(value, field));
      if (typeof value === "string") return formatIsoDate(parseIsoDate(value, field));
      throw new EngineError("notDate", field, value);
    case "money": {
      const amount = parseDecimal(value, field);
      if (amount.isNegative()) throw new EngineError("negative", field, value);
      return typeof value === "number" ? value : amount.toFixed();
    }
    case "rate": {
      const rate = parseRate(value, field);
      if (rate.isNegative()) throw new EngineError("negative", field, value);
      if (!rate.lessThan(1)) throw new EngineError("rateAsFraction", field, value);
      return typeof value === "number" ? value : rate.toFixed();
    }
    case "integer": {
      const number = parseDecimal(value, field);
      if (!number.isInteger()) throw new EngineError("notInteger", field, value);
      const range = integerRange(field);
      if (number.lt(range.min) || number.gt(range.max))
        throw new EngineError("outOfRange", field, value, range);
      return number.toNumber();
    }
    case "method": {
      const method = typeof value === "string" ? METHOD_ALIASES[headerKey(value)] : undefined;
      if (method === undefined) throw new EngineError("unknownMethod", field, value);
      return method;
    }
  }
}

/** A rate as a fraction; text ending in "%" is a percentage ("5,95 %" → 0.0595). */
function parseRate(value: unknown, field: ContractField): Dec {
  if (typeof value === "string" && /%\s*$/.test(value)) {
    return parseDecimal(value.replace(/%\s*$/, ""), field).dividedBy(100);
  }
  return parseDecimal(value, field);
}

/** A header row resolved once per table: which column holds each field, and what is wrong with it. */
interface ResolvedHeaders {
  headers: readonly unknown[];
  columnOf: ReadonlyMap<ContractField, number>;
  duplicated: ReadonlySet<ContractField>;
  /** Duplicate columns, reported on every row (the row cannot be read without the choice). */
  problems: readonly RowProblem[];
  ignoredHeaders: IgnoredHeader[];
  headerRowAddress: string;
}

/** Columns by field: the first column naming a field; later ones are duplicates. */
function resolveHeaders(
  headers: readonly unknown[],
  headerAddressOf: (col: number) => string,
  headerRowAddress: string,
): ResolvedHeaders {
  const problems: RowProblem[] = [];
  const ignoredHeaders: IgnoredHeader[] = [];
  const columnOf = new Map<ContractField, number>();
  const duplicated = new Set<ContractField>();
  headers.forEach((header, col) => {
    const text = headerText(header);
    if (text === "") return;
    const field = fieldForHeader(text);
    if (field === undefined) {
      ignoredHeaders.push({ header: text, address: headerAddressOf(col) });
      return;
    }
    const first = columnOf.get(field);
    if (first === undefined) {
      columnOf.set(field, col);
      return;
    }
    duplicated.add(field);
    const message = ROW_MESSAGES.duplicateColumn(
      text,
      headerAddressOf(col),
      headerText(headers[first]),
      headerAddressOf(first),
    );
    problems.push({ field, address: headerAddressOf(col), message });
  });
  return { headers, columnOf, duplicated, problems, ignoredHeaders, headerRowAddress };
}

/** Reads one data row of a table whose header row was resolved once. */
export type ContractRowReader = (
  values: unknown[],
  addressOf: (col: number) => string,
) => RowResult;

/**
 * A reader of a table's data rows: `headers` are the header row's cells, column by column, resolved
 * here once for the whole table; the reader maps one data row (`values`, with `addressOf(col)` giving
 * a data cell's A1 address) to a contract. `headerRow` (optional) gives the header row's addresses,
 * for a missing column or a duplicate header (without it the data cells' addresses and the text
 * "rubrikraden" stand in).
 */
export function contractRowReader(
  headers: readonly unknown[],
  headerRow?: HeaderRowAddresses,
): ContractRowReader {
  let resolved: ResolvedHeaders | null = null;
  return (values, addressOf) => {
    resolved ??= resolveHeaders(
      headers,
      headerRow?.addressOf ?? addressOf,
      headerRow?.address ?? ROW_MESSAGES.headerRow,
    );
    return readRow(resolved, values, addressOf);
  };
}

/** Maps one worksheet row to a contract ({@link contractRowReader} for a single row). */
export function rowToContract(
  headers: unknown[],
  values: unknown[],
  addressOf: (col: number) => string,
  headerRow?: HeaderRowAddresses,
): RowResult {
  return contractRowReader(headers, headerRow)(values, addressOf);
}

/** Every field's cell read on its own, then the rules that span fields (parseContract). */
function readRow(
  table: ResolvedHeaders,
  values: unknown[],
  addressOf: (col: number) => string,
): RowResult {
  const { headers, columnOf, duplicated, ignoredHeaders } = table;
  const problems: RowProblem[] = [...table.problems];
  // Fields are named in messages by the header the user wrote, else by the Swedish label.
  const labelOf = (field: string): string => {
    if (!isContractField(field)) return field;
    const col = columnOf.get(field);
    return col === undefined ? SWEDISH_HEADERS[field] : headerText(headers[col]);
  };
  const addressFor = (field: string): string => {
    const col = columnOf.get(field as ContractField);
    return col === undefined ? table.headerRowAddress : addressOf(col);
  };

  const input: ContractInput = {};
  for (const field of CONTRACT_FIELDS) {
    const col = columnOf.get(field);
    if (col === undefined || duplicated.has(field) || isMissing(values[col])) continue;
    try {
      input[field] = readField(field, values[col]);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push({ field, address: addressOf(col), message: error.messageWith(labelOf) });
    }
  }
  problems.push(...missingFields(table, values, labelOf, addressFor));

  if (problems.length > 0)
    return { ok: false, problems: inColumnOrder(problems, columnOf), ignoredHeaders };

  try {
    return { ok: true, contract: parseContract(input), input, ignoredHeaders };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const message = error.messageWith(labelOf);
    const problem = { field: error.field, address: addressFor(error.field), message };
    return { ok: false, problems: [problem], ignoredHeaders };
  }
}

/** A problem per required field the row lacks (at its cell, or the header row for a missing column). */
function missingFields(
  table: ResolvedHeaders,
  values: unknown[],
  labelOf: (field: string) => string,
  address: (field: string) => string,
): RowProblem[] {
  const { columnOf, duplicated } = table;
  const problems: RowProblem[] = [];
  const given = (field: ContractField) => {
    const col = columnOf.get(field);
    return duplicated.has(field) || (col !== undefined && !isMissing(values[col]));
  };
  const missingMessage = (field: ContractField) =>
    columnOf.has(field)
      ? new EngineError("required", field, undefined).messageWith(labelOf)
      : ROW_MESSAGES.missingColumn(SWEDISH_HEADERS[field]);
  for (const field of REQUIRED_FIELDS) {
    if (!given(field))
      problems.push({ field, address: address(field), message: missingMessage(field) });
  }
  for (const [field, other] of REQUIRED_UNLESS) {
    if (!given(field) && !given(other)) {
      const message = new EngineError("required", field, undefined, other).messageWith(labelOf);
      problems.push({ field, address: address(field), message });
    }
  }
  return problems;
}

/** Problems left to right as the columns stand; missing columns last (the sort is stable). */
function inColumnOrder(
  problems: RowProblem[],
  columnOf: ReadonlyMap<ContractField, number>,
): RowProblem[] {
  const order = (problem: RowProblem) =>
    columnOf.get(problem.field as ContractField) ?? Number.MAX_SAFE_INTEGER;
  return [...problems].sort((a, b) => order(a) - order(b));
}

/** A value to write into a worksheet cell. */
export type CellConstant = string | number | boolean;

/** The `Kontrakt` sheet as plain data: Swedish headers, one row per contract, a number format per column. */
export interface ContractTable {
  headers: string[];
  rows: CellConstant[][];
  /** One Excel number format code per column. */
  numberFormats: string[];
}

const KIND_FORMATS: Readonly<Record<FieldKind, string>> = {
  text: "General",
  method: "General",
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  rate: "0.00%",
  integer: "0",
};

/**
 * Contract rows (the JSON form of `examples/*.json`) as a table with every field as a column, under
 * its Swedish header: dates as Excel serial numbers (formatted yyyy-mm-dd), amounts and rates as
 * numbers, a missing field as an empty cell. Reading a row back with {@link rowToContract} gives the
 * same contract.
 */
export function contractTable(rows: ContractInput[]): ContractTable {
  return {
    headers: CONTRACT_FIELDS.map((field) => SWEDISH_HEADERS[field]),
    rows: rows.map((row) => CONTRACT_FIELDS.map((field) => tableCell(field, row[field]))),
    numberFormats: CONTRACT_FIELDS.map((field) => KIND_FORMATS[FIELD_KINDS[field]]),
  };
}

function tableCell(field: ContractField, value: unknown): CellConstant {
  if (isMissing(value)) return "";
  const kind = FIELD_KINDS[field];
  try {
    if (kind === "date" && typeof value === "string")
      return excelSerialFromDay(parseIsoDate(value, field));
    if ((kind === "money" || kind === "rate" || kind === "integer") && typeof value === "string") {
      return parseDecimal(value, field).toNumber();
    }
  } catch (error) {
    if (!(error instanceof EngineError)) throw error; // not a date or number: written as the text it is
  }
  return typeof value === "number" || typeof value === "boolean" ? value : String(value);
}

/**
 * Whether a row reads as a contract table's header row: it names at least half of the required
 * fields. A calculation sheet's title row, a summary's headers or a sheet of notes name few or none,
 * so the cursor there is in the wrong place rather than on a contract with missing columns.
 */
export function isContractHeaderRow(headers: readonly unknown[]): boolean {
  const named = new Set(headers.map(fieldForHeader));
  const found = REQUIRED_FIELDS.filter((field) => named.has(field)).length;
  return found * 2 >= REQUIRED_FIELDS.length;
}
