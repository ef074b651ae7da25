/**
 * Runs the Excel mode's actions one at a time: every button disabled while one runs (two Excel batches
 * must not interleave), a status line saying what is happening, the outcome replacing it, and any
 * failure put into words in the alert region. Disabling the pressed button drops its focus to the
 * page's body, so once the buttons are enabled again focus returns to it (or moves to the result the
 * action showed), and a keyboard user goes on where they were.
 */
import { EngineError } from "../../engine";
import { SheetRefusal } from "../../sheet/refusal";
import type { Child } from "../ui/dom";
import { formMessage, UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";

/**
 * How a step of an action ends: with its value (for a whole action, the text for the status line), or
 * refused with a problem already put into words for the alert region. Errors that are thrown are
 * unexpected ones (Excel's, a bug) and are put into words by {@link alertText}.
 */
export type Outcome<T = string> = { ok: true; value: T } | { ok: false; problem: Child[] };

/** A step that went through. */
export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A step refused, with what the alert region shows. */
export function refused(...problem: Child[]): { ok: false; problem: Child[] } {
  return { ok: false, problem };
}

/** An action: resolves to the text for the status line, or to a problem for the alert region. */
export type Action = () => Promise<Outcome>;

/** Where focus goes when an action has run. */
export interface FocusAfter {
  /** The button pressed: focus returns to it once the buttons are enabled again. */
  pressed: HTMLElement;
  /** After an action that went through: moves focus to what it showed; false when it did not. */
  toResult?: () => boolean;
}

/** Whether focus was lost while the action ran (to the body, as a disabled button drops it). */
function focusLost(pressed: HTMLElement): boolean {
  const active = pressed.ownerDocument.activeElement;
  return active === null || active === pressed || active === pressed.ownerDocument.body;
}

/**
 * A runner for `buttons`' actions. An action asked for while another runs (the rates read at start,
 * a key press) waits its turn. `focus` says where focus goes once it has run.
 */
export function actionRunner(
  shell: Shell,
  buttons: readonly HTMLButtonElement[],
): (busyText: string, action: Action, focus?: FocusAfter) => Promise<void> {
  let running: Promise<void> | null = null;
  const runNow = async (busyText: string, action: Action, focus?: FocusAfter) => {
    let succeeded = false;
    for (const b of buttons) b.disabled = true;
    shell.content.setAttribute("aria-busy", "true");
    shell.clearError();
    shell.status(busyText);
    try {
      const outcome = await action();
      succeeded = outcome.ok;
      shell.status(outcome.ok ? outcome.value : "");
      if (!outcome.ok) shell.error(...outcome.problem);
    } catch (error) {
      shell.status("");
      shell.error(alertText(error));
    } finally {
      for (const b of buttons) b.disabled = false;
      shell.content.removeAttribute("aria-busy");
    }
    // Only where the user has not moved on meanwhile (typed into a field, say).
    if (focus !== undefined && focusLost(focus.pressed)) {
      if (!(succeeded && focus.toResult?.())) focus.pressed.focus();
    }
  };
  return (busyText, action, focus) => {
    const start = () => runNow(busyText, action, focus);
    const next = running === null ? start() : running.then(start);
    running = next;
    void next.then(() => {
      if (running === next) running = null;
    });
    return next;
  };
}

/** An error from a workbook call, marked so it is reported as Excel's. */
class ExcelFailure extends Error {}

/**
 * Runs a workbook call; its failure is Excel's, except the engine's errors (a bad date in the
 * workbook) and the writers' refusals, which say themselves what is wrong.
 */
export async function excelCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof EngineError || error instanceof SheetRefusal) throw error;
    throw new ExcelFailure(messageOf(error));
  }
}

/** The alert text for an error: the engine's with Swedish labels, a refusal's, Excel's, or a bug's. */
function alertText(error: unknown): string {
  if (error instanceof EngineError) return formMessage(error);
  if (error instanceof SheetRefusal) return UI_TEXT.refused(error.message);
  if (error instanceof ExcelFailure) return UI_TEXT.excelFailed(error.message);
  return UI_TEXT.internalError(messageOf(error));
}
