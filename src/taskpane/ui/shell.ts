/**
 * The frame both modes share: the title, a line saying which mode the pane is in, a status line for
 * progress and success (role="status"), the ONE place for errors (role="alert"), and the content area.
 */
import { Child, h, replace } from "./dom";
import { UI_TEXT } from "./messages";

export type Mode = "excel" | "standalone";

export interface Shell {
  /** Where a mode puts its controls and results. */
  content: HTMLElement;
  /** Shows progress or success; clears with "". */
  status(text: string): void;
  /** Shows an error (text or nodes) in the alert region, replacing the previous one. */
  error(...message: Child[]): void;
  clearError(): void;
}

/** Builds the frame inside `root` (its previous content, e.g. "Startar …", is replaced). */
export function createShell(root: HTMLElement, mode: Mode): Shell {
  const status = h("p", { class: "status", role: "status" });
  const alert = h("div", { class: "alert", role: "alert" });
  const content = h("div", { class: "content" });
  root.setAttribute("data-mode", mode);
  replace(
    root,
    h(
      "header",
      { class: "masthead" },
      h("h1", {}, UI_TEXT.title),
      h("p", { class: "mode" }, mode === "excel" ? UI_TEXT.modeExcel : UI_TEXT.modeStandalone),
    ),
    status,
    alert,
    content,
  );
  return {
    content,
    status: (text) => replace(status, text),
    error: (...message) => replace(alert, ...message),
    clearError: () => replace(alert),
  };
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
