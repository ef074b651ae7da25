/**
 * Row heights for wrapped text. Excel grows a row to fit wrapped text when it draws it, but only for
 * cells that are not merged, and LibreOffice does not grow a row for a merged wrapped cell at all; so
 * the plans state the height of every row whose text wraps, estimated here.
 */

/** Points per line of 11-pt Calibri (Excel's default row height). */
export const LINE_POINTS = 15;

/**
 * Lines a text needs when wrapped in a cell (or merge) `width` characters wide (Excel's width unit:
 * a digit of Calibri 11). Words are laid out greedily. A letter of running text is on average about
 * three quarters of a digit wide; the estimate counts 0.9 of a digit (1 in bold), so it errs toward
 * an extra line rather than a clipped one.
 */
function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1) / (bold ? 1 : 0.9)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= perLine) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor((word.length - 1) / perLine);
      used = ((word.length - 1) % perLine) + 1;
    }
  }
  return lines;
}

/** The row height in points for texts wrapped in cells of the given widths: the tallest one. */
export function wrappedHeight(
  texts: ReadonlyArray<{ text: string; width: number; bold?: boolean }>,
): number {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, t.bold)));
  return lines * LINE_POINTS;
}
