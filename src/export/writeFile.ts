/**
 * Node only: sheet plans written to an .xlsx file atomically. The workbook is built in memory first,
 * written to a temporary file in the target's directory (same file system, so the rename is atomic),
 * flushed to disk and renamed over the target. On any error the temporary file is removed and the
 * target is untouched: a failed run never leaves a half-written workbook, and never destroys the one
 * that was there.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { SheetPlan } from "../sheet/types";
import { WorkbookOptions, toXlsxBuffer } from "./xlsx";

/** The output path cannot be written (a directory, or the file system refused); nothing was left behind. */
export class OutputPathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: kan inte skrivas (${reason})`);
    this.name = "OutputPathError";
  }
}

/**
 * Writes the plans as one workbook to `outPath` (created, or replaced) and returns the absolute path
 * written. The folder must exist: a typo in it is refused (naming the folder), never created. Refuses an
 * `outPath` that is an existing directory.
 */
export async function writeXlsxFile(
  plans: SheetPlan[],
  outPath: string,
  options: WorkbookOptions = {},
): Promise<string> {
  const target = await checkTarget(outPath);
  // Build before touching the disk: a plan the writer rejects leaves nothing behind.
  const bytes = await toXlsxBuffer(plans, options);
  const temp = tempPathBeside(target);
  try {
    const handle = await fs.promises.open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
  return target;
}

/**
 * The absolute target path, checked before anything is written: its folder must exist (a typo in it
 * is refused, naming the folder, never created), and the path must not be a directory.
 */
export async function checkTarget(outPath: string): Promise<string> {
  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  const folder = await statOrNull(dir);
  if (folder === null) {
    throw new OutputPathError(
      target,
      `mappen ${dir} finns inte; skapa den först eller rätta sökvägen`,
    );
  }
  if (!folder.isDirectory()) throw new OutputPathError(target, `${dir} är ingen mapp`);
  if ((await statOrNull(target))?.isDirectory()) {
    throw new OutputPathError(
      target,
      `en mapp; ange ett filnamn, t.ex. ${path.join(target, "kalkyl.xlsx")}`,
    );
  }
  return target;
}

/**
 * A fresh temporary file name in the target's folder, so the final rename stays on one file system
 * and is atomic. Hidden, and named after the target.
 */
export function tempPathBeside(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
}

/** The path's stats, or null where nothing is there (or a file stands where a folder should be). */
async function statOrNull(p: string): Promise<fs.Stats | null> {
  try {
    return await fs.promises.stat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw err;
  }
}
