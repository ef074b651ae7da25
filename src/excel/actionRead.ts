/**
 * Everything a pane action reads from the workbook, in ONE `Excel.run` whose reads share their
 * round trips (context.ts `jointReads`): the row (the active cell's or the selection's), the
 * Referensräntor sheet's rates and every sheet name, in two syncs together. When the active cell is
 * in a wrong place, the sheets holding a contract table (for the message saying where to go) are
 * looked up in the same batch: two more syncs. So an action costs this batch and the writer's
 * (writer.ts, two syncs): at most 2 batches and 4 syncs ("Minimize the number of sync() calls":
 * each sync is a network round trip in Excel on the web,
 * learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern).
 *
 * API used: WorksheetCollection.load (ExcelApi 1.1); the readers' own (reader.ts, referenceRates.ts,
 * selection.ts).
 */
import { EngineError } from "../engine";
import type { WorkbookReferenceRates } from "../sheet/referenceSheet";
import { CountedSync, JointRead, jointReads, runExcel } from "./context";
import { ActiveRowResult, SelectedRowsResult, activeRowRead, selectedRowsRead } from "./reader";
import { referenceRatesRead } from "./referenceRates";
import { contractSheetsAmong } from "./selection";

/** What an action asks for: a row (none, the active cell's, the selection's) and the rates. */
export interface ActionReadRequest {
  row?: "active" | "selection";
  /** Read the Referensräntor sheet (default true). */
  rates?: boolean;
}

/** The workbook's rates, or the problem with its Referensräntor sheet (a bad row, named). */
type RatesRead =
  { ok: true; rates: WorkbookReferenceRates | null } | { ok: false; error: EngineError };

export interface ActionRead {
  /** The active cell's row, when asked for. */
  activeRow?: ActiveRowResult;
  /** The selection's rows, when asked for. */
  selection?: SelectedRowsResult;
  /** The rates, when asked for. */
  rates?: RatesRead;
  /** Every sheet name in the workbook. */
  sheetNames: string[];
  /** When the active row is refused as a wrong place (not an empty row): the contract sheets. */
  contractSheets?: string[];
  /** The number of `context.sync()` calls made. */
  syncs: number;
}

/** Reads what `request` asks for in one batch (see the module's comment). */
export async function readForAction(request: ActionReadRequest): Promise<ActionRead> {
  return runExcel(async (context) => {
    const found: Omit<ActionRead, "syncs"> = { sheetNames: [] };
    const reads: JointRead<void>[] = [namesRead(context, found)];
    if (request.rates !== false) reads.push(ratesRead(context, found));
    if (request.row === "active") reads.push(activeRead(context, found));
    if (request.row === "selection")
      reads.push(async (sync) => void (found.selection = await selectedRowsRead(context)(sync)));
    const { syncs } = await jointReads(context, reads);
    return { ...found, syncs };
  });
}

function namesRead(context: Excel.RequestContext, found: Omit<ActionRead, "syncs">) {
  return async (sync: CountedSync) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await sync();
    found.sheetNames = worksheets.items.map((sheet) => sheet.name);
  };
}

/** The rates; a bad Referensräntor row is the action's refusal, not the batch's failure. */
function ratesRead(context: Excel.RequestContext, found: Omit<ActionRead, "syncs">) {
  return async (sync: CountedSync) => {
    try {
      found.rates = { ok: true, rates: await referenceRatesRead(context)(sync) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      found.rates = { ok: false, error };
    }
  };
}

/** The active row, and where the contract sheets are when it is in a wrong place. */
function activeRead(context: Excel.RequestContext, found: Omit<ActionRead, "syncs">) {
  return async (sync: CountedSync) => {
    const row = await activeRowRead(context)(sync);
    found.activeRow = row;
    if (!row.ok && row.place !== undefined && row.place !== "emptyRow")
      found.contractSheets = await contractSheetsAmong(context, sync, row.sheetNames);
  };
}
