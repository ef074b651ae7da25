/**
 * What the Excel mode needs from the workbook: the contract rows it reads and the actions it calls.
 * The entry file wires these to src/excel/ (reader, writer, reference rates, selection), so the pane,
 * its tasks and the Excel halves of the guide and training run, and are tested, without Office.
 */
import type { ContractInput } from "../../engine";
import type { TableRow } from "../../sheet/batch";
import type { HeaderRowAddresses, RowResult, WrongPlace } from "../../sheet/headers";
import type { WorkbookReferenceRates } from "../../sheet/referenceSheet";
import type { SheetPlan } from "../../sheet/types";

/** The contract row of the active cell, as src/excel/reader.ts reads it. */
export type ActiveRow = RowResult & {
  /** The worksheet's name. */
  sheet: string;
  /** The row's cells, e.g. `Kontrakt!A3:AB3` (the active cell, e.g. `Kontrakt!A1`, when refused). */
  address: string;
  /** Why the cell is not on a contract row, when it is not (the pane says where to go). */
  place?: WrongPlace;
  /** Every sheet name in the workbook (so the letters' sheets get free, final names). */
  sheetNames?: string[];
};

/** The selected rows left out, each as `Kontrakt!7:7`. */
export interface SkippedRows {
  /** The header row, when selected. */
  headerRow: string | null;
  emptyRows: string[];
  /** Rows filtered out or hidden by hand (selecting a filtered table's rows selects them too). */
  hiddenRows: string[];
}

/** The selection's contract rows, as src/excel/reader.ts reads them. */
export type SelectedRows =
  | {
      ok: true;
      headers: unknown[];
      headerRow: HeaderRowAddresses;
      rows: TableRow[];
      skipped: SkippedRows;
      /** Every sheet name in the workbook. */
      sheetNames: string[];
    }
  | { ok: false; address: string; message: string };

/** What the pane needs from the workbook (src/excel/reader.ts, writer.ts and referenceRates.ts). */
export interface ExcelActions {
  readActiveContractRow(): Promise<ActiveRow>;
  writeSheetPlan(plan: SheetPlan): Promise<{ sheetName: string }>;
  insertTrainingWorkbook(rows: ContractInput[]): Promise<{ sheetName: string }>;
  readSelectedContractRows(): Promise<SelectedRows>;
  /** Writes new sheets under their planned (final) names, refusing if one is taken. */
  writeSheetPlans(plans: SheetPlan[]): Promise<{ sheetNames: string[] }>;
  /** The workbook's Referensräntor sheet's rates, or null when it has none. */
  readWorkbookReferenceRates(): Promise<WorkbookReferenceRates | null>;
  /** Adds one row (from ISO date, percent) under the sheet's last rate. */
  appendReferenceRate(from: string, percent: number): Promise<{ address: string }>;
  // Optional, so a host (or a test) without them still mounts; the pane then leaves the feature out.
  /** Adds an empty contract table on a new sheet, the cursor on its first data row (e.g. `A2`). */
  insertContractTable?(): Promise<{ sheetName: string; activeCell: string }>;
  /** Calls `onChange` at every selection change; resolves to the handler's removal. */
  watchSelection?(onChange: () => void): Promise<() => Promise<void>>;
  /** The names of the sheets holding a contract table (their first row is a contract header row). */
  findContractSheets?(): Promise<string[]>;
  /** Every sheet name in the workbook (the exercises are planned against them); none if absent. */
  readSheetNames?(): Promise<string[]>;
}
