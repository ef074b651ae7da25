/**
 * Printing for tests: a workbook converted to PDF by a headless LibreOffice (as an officer would
 * print it), then read back as text with poppler's `pdftotext -layout` (and each word's box with
 * `pdftotext -bbox`, for the printed text size) and its page count with `pdfinfo`. Text LibreOffice clips at a cell or page edge is not in the PDF, so a word that does
 * not print is missing from the text.
 *
 * Each conversion uses its own throw-away profile, HOME and TMPDIR, removed afterwards, so it does not
 * meet any other LibreOffice running at the same time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { SheetPlan } from "../../src/sheet/types";
import { whichSync } from "./which";

/** `pdftotext` and `pdfinfo` (poppler-utils) are both on PATH. */
export function havePoppler(): boolean {
  return whichSync("pdftotext") !== null && whichSync("pdfinfo") !== null;
}

export interface PrintedPdf {
  /** `pdftotext -layout` of the whole document (pages separated by form feeds). */
  text: string;
  pages: number;
  /** Every word of every page with the height of its box in points (`pdftotext -bbox`), by page. */
  words: PrintedWord[][];
}

/** A word as `pdftotext -bbox` places it: its text and its box's height in points. */
interface PrintedWord {
  text: string;
  height: number;
}

/** The words of `pdftotext -bbox` output, page by page. */
function wordsByPage(xhtml: string): PrintedWord[][] {
  return xhtml
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ text: m[3], height: Number(m[2]) - Number(m[1]) })),
    );
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const res = spawnSync(cmd, args, { encoding: "utf8", timeout: 300_000, env });
  if (res.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} failed (${res.status}): ${res.stderr || res.error}`);
  return res.stdout;
}

/**
 * Prints each workbook to PDF with one `soffice` run (one start-up for all) and returns each PDF's
 * text and page count, in order.
 */
export function printToPdf(soffice: string, xlsxPaths: string[]): PrintedPdf[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lo-pdf-"));
  try {
    // Private ASCII names: the PDF is named after the input.
    const inputs = xlsxPaths.map((file, i) => {
      const input = path.join(root, `book${i}.xlsx`);
      fs.copyFileSync(file, input);
      return input;
    });
    const outDir = path.join(root, "out");
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: root, TMPDIR: root };
    run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(root, "profile")).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...inputs,
      ],
      env,
    );
    return inputs.map((_, i) => {
      const pdf = path.join(outDir, `book${i}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`soffice made no PDF of ${xlsxPaths[i]}`);
      const text = run("pdftotext", ["-layout", pdf, "-"]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]))?.[1]);
      const words = wordsByPage(run("pdftotext", ["-bbox", pdf, "-"]));
      return { text, pages, words };
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * One word in 11-pt text printed at 100 %: what a `pdftotext -bbox` box of 11-pt text measures in
 * the font LibreOffice prints with here, so that a box's height can be read as a text size.
 */
export const CALIBRATION: SheetPlan = {
  name: "Kalibrering",
  rowCount: 1,
  colCount: 1,
  cells: [{ row: 0, col: 0, value: "Kalibrering", style: "label" }],
  merges: [],
  columnWidths: [20],
  print: {
    area: "A1:A1",
    orientation: "portrait",
    paperSize: "A4",
    scale: 100,
    header: "",
    footer: "",
    pageBreaksBefore: [],
  },
  names: {},
};

/**
 * The printed size in points of the smallest word of each page. `pdftotext -bbox` gives a word's box,
 * whose height is the font's whole line box (ascent to descent), not its size; `boxPerPoint` is that
 * ratio for the font in use, measured on a word of known size printed at 100 % (see the print tests'
 * calibration sheet), so that the size returned is the size a reader sees, in points.
 */
export function smallestTextByPage(
  pdf: PrintedPdf,
  boxPerPoint: number,
): { size: number; word: string }[] {
  return pdf.words.map((words) =>
    words.reduce(
      (min, w) =>
        w.height / boxPerPoint < min.size ? { size: w.height / boxPerPoint, word: w.text } : min,
      { size: Infinity, word: "" },
    ),
  );
}

/**
 * The words of `sentence` that are not found in `text` in their order (other text may come between
 * them: a wrapped cell's lines are interleaved with the cells beside it). [] when every word printed.
 */
export function missingWords(text: string, sentence: string): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const missing: string[] = [];
  let at = 0;
  for (const word of sentence.split(/\s+/).filter((w) => w !== "")) {
    const found = words.findIndex((w, i) => i >= at && w.includes(word));
    if (found < 0) missing.push(word);
    else at = found + 1;
  }
  return missing;
}
