/**
 * The reference rate as the task pane reads it (shown by the engine's formatPercent, `2,00 %`),
 * typed the Swedish way (`1,75`, `1.75` and `1,75 %` all read as 1.75). No DOM here: tested in
 * test/taskpaneLogic.test.ts.
 */
import { Dec, EngineError, parseDecimal } from "../../engine";
import { UI_TEXT } from "../ui/messages";

export type PercentInput = { ok: true; percent: Dec } | { ok: false; message: string };

/**
 * The rate typed in the pane, in percent: comma or point, spaces and a trailing "%" allowed, a
 * leading "−" (U+2212) read as a minus; at most two decimals (the Riksbank sets whole hundredths),
 * and strictly between −100 and 100 (the engine's bound).
 */
export function parsePercentInput(text: string): PercentInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: UI_TEXT.rateEmpty };
  const cleaned = trimmed
    .replace(/%$/, "")
    .replace(/\u2212/g, "-")
    .trim();
  let percent: Dec;
  try {
    percent = parseDecimal(cleaned, "percent");
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { ok: false, message: UI_TEXT.rateNotNumber(trimmed) };
  }
  if (percent.decimalPlaces() > 2) return { ok: false, message: UI_TEXT.rateDecimals(trimmed) };
  if (percent.abs().greaterThanOrEqualTo(100))
    return { ok: false, message: UI_TEXT.rateRange(trimmed.replace(/%$/, "").trim()) };
  return { ok: true, percent };
}
