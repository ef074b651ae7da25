/**
 * Task pane entry point (placeholder until the real UI replaces it). Importing this module only calls
 * start(); everything else waits for Office.js.
 */

/**
 * Starts the task pane. Office.js is loaded with `defer` and may be missing (page opened outside
 * Office, or offline), so its global is tested before use.
 */
export async function start(): Promise<void> {
  if (typeof Office === "undefined") return;
  await Office.onReady();
}

void start();
