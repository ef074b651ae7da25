/**
 * The Excel mode's actions wired to the open workbook (src/excel/): what the entry file hands the
 * pane inside Excel, and what the round-trip count runs over the stand-in Excel.
 */
import { readForAction } from "../excel/actionRead";
import { readActiveContractRow, readSelectedContractRows } from "../excel/reader";
import { appendReferenceRate, readWorkbookReferenceRates } from "../excel/referenceRates";
import { findContractSheets, watchPaneVisibility, watchSelection } from "../excel/selection";
import {
  insertContractTable,
  insertTrainingWorkbook,
  readSheetNames,
  writeSheetPlan,
  writeSheetPlans,
} from "../excel/writer";
import type { ExcelActions } from "./excelMode/actions";

export const WORKBOOK_ACTIONS: ExcelActions = {
  readActiveContractRow: () => readActiveContractRow(),
  writeSheetPlan,
  insertTrainingWorkbook,
  readSelectedContractRows: () => readSelectedContractRows(),
  writeSheetPlans,
  readWorkbookReferenceRates,
  appendReferenceRate,
  insertContractTable,
  watchSelection,
  watchPaneVisibility,
  findContractSheets,
  readSheetNames,
  readForAction,
};
