/**
 * The workbook around the task pane: Excel's selection-changed event (the pane shows which row is
 * selected and keeps it current) and the sheets that hold a contract table (a wrong-place error names
 * them). The pane decides what to show; this module only registers the handler and reads.
 *
 * API used: Workbook.onSelectionChanged, EventHandlerResult.remove (ExcelApi 1.2);
 * Office.addin.onVisibilityModeChanged (SharedRuntime 1.1);
 * Worksheet.getUsedRangeOrNullObject (1.4); WorksheetCollection.load / getItem, Range.getRow, values
 * (1.1).
 */
import { isContractHeaderRow } from "../sheet/headers";
import { countedSync, runExcel, runExcelOn } from "./context";

/** Removes a registered handler. */
export type Unwatch = () => Promise<void>;

/**
 * Calls `onChange` whenever the selection in the workbook changes (another cell, another sheet).
 * Register once; the returned function removes the handler (call it when the pane unloads). Excel
 * raises the event for every change, so the caller debounces.
 */
export async function watchSelection(onChange: () => void): Promise<Unwatch> {
  const registration = await runExcel(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => onChange());
    await context.sync();
    return handler;
  });
  return () =>
    runExcelOn(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
}

/**
 * Calls `onChange(visible)` whenever the task pane is shown or hidden. With the shared runtime
 * (manifest.xml: `lifetime="long"`, SharedRuntime 1.1) closing the pane hides it without unloading
 * the page, and the runtime also starts for the custom functions alone ("Show or hide the task pane
 * of your Office Add-in", learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in;
 * `Office.addin.onVisibilityModeChanged`, learn.microsoft.com/javascript/api/office/office.addin),
 * so the pane keeps its selection handler only while it is visible. Resolves to the handler's removal.
 */
export async function watchPaneVisibility(onChange: (visible: boolean) => void): Promise<Unwatch> {
  return Office.addin.onVisibilityModeChanged((message) =>
    onChange(message.visibilityMode === Office.VisibilityMode.taskpane),
  );
}

/**
 * The names of the workbook's sheets whose first used row is a contract header row (as the reader
 * finds it), in tab order. Three syncs: the sheets, their used ranges, their first rows.
 */
export async function findContractSheets(): Promise<string[]> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await sync();
    return contractSheetsAmong(
      context,
      sync,
      worksheets.items.map((sheet) => sheet.name),
    );
  });
}

/**
 * {@link findContractSheets} among sheets whose names are known (read earlier in the same batch):
 * two syncs, their used ranges and their first rows.
 */
export async function contractSheetsAmong(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  names: readonly string[],
): Promise<string[]> {
  const used = names.map((name) =>
    context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true),
  );
  for (const range of used) range.load("rowIndex");
  await sync();
  const firstRows = used.map((range) => (range.isNullObject ? null : range.getRow(0)));
  for (const row of firstRows) row?.load("values");
  await sync();
  return names.filter((_, i) => {
    const row = firstRows[i];
    return row !== null && isContractHeaderRow(row.values[0] ?? []);
  });
}
