/**
 * Chooses the mode and mounts it: the Excel mode when the host is ready within the time allowed and
 * is Excel, else the standalone mode. Until then the page shows its neutral "Startar …". Inside Office
 * the entry file allows all the time the host needs (`waitMs` null); where it only guesses (a frame
 * with no sign of Office) the wait is bounded, and if the host turns out to be Excel after the time ran
 * out, the pane switches to the Excel mode then. Everything host-specific arrives as parameters from
 * the entry file (taskpane.ts).
 */
import { ContractInput } from "../engine";
import { HostInfo, HostProbe, waitForHost } from "./boot";
import type { ExcelActions } from "./excelMode/actions";
import { mountExcelPane } from "./excelMode/excelPane";
import { mountExcelGuide } from "./excelMode/guideExcel";
import { UI_TEXT } from "./ui/messages";
import { createShell } from "./ui/shell";
import { StandaloneOptions, mountStandalonePane } from "./standaloneMode/standalonePane";

/** How long the pane waits for the host before it starts standalone. */
export const HOST_WAIT_MS = 3000;

/** Marked (performance.mark) when a mode is mounted; tests read its time. */
const READY_MARK = "atertag:ready";

export interface TaskPaneOptions extends StandaloneOptions {
  probe: HostProbe;
  /** Whether the ready host is Excel. */
  isExcel(info: HostInfo): boolean;
  excel: ExcelActions;
  /** The contracts "Infoga övningsarbetsbok" writes. */
  trainingRows: readonly ContractInput[];
  /** How long to wait for the host before starting standalone; null: until it answers. */
  waitMs?: number | null;
}

/** Starts the pane in `root` (the page must be parsed: the probe looks for office.js's element). */
export async function startTaskPane(root: HTMLElement, options: TaskPaneOptions): Promise<void> {
  const wait = await waitForHost(
    options.probe,
    options.waitMs === undefined ? HOST_WAIT_MS : options.waitMs,
  );
  const mountExcel = () => {
    const shell = createShell(root, "excel");
    mountExcelPane(shell, options.excel, options.trainingRows, { guide: mountExcelGuide });
    return shell;
  };
  if (wait.info !== null && options.isExcel(wait.info)) {
    mountExcel();
  } else {
    mountStandalonePane(createShell(root, "standalone"), options);
    void wait.late?.then((info) => {
      if (info === null || !options.isExcel(info)) return;
      mountExcel().status(UI_TEXT.officeLate);
    });
  }
  performance.mark(READY_MARK);
}
