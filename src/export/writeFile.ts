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
 * Writes the plans as one workbook to `outPath` (created with its parent directories, or replaced) and
 * returns the absolute path written. Refuses an `outPath` that is an existing directory.
 */
export async function writeXlsxFile(
  plans: SheetPlan[],
  outPath: string,
  options: WorkbookOptions = {},
): Promise<string> {
  const target = await checkTarget(outPath);
  // Build before touching the disk: a plan the writer rejects leaves nothing behind.
  const bytes = await toXlsxBuffer(plans, options);
  const temp = await tempPathBeside(target);
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

/** The absolute target path; refuses an existing directory (nothing is created yet). */
export async function checkTarget(outPath: string): Promise<string> {
  const target = path.resolve(outPath);
  if ((await statOrNull(target))?.isDirectory()) {
    throw new OutputPathError(
      target,
      `en mapp; ange ett filnamn, t.ex. ${path.join(target, "kalkyl.xlsx")}`,
    );
  }
  return target;
}

/**
 * A fresh temporary file name in the target's directory (created, with its parents, if missing), so
 * the final rename stays on one file system and is atomic. Hidden, and named after the target.
 */
export async function tempPathBeside(target: string): Promise<string> {
  const dir = path.dirname(target);
  await fs.promises.mkdir(dir, { recursive: true });
  return path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
}

async function statOrNull(p: string): Promise<fs.Stats | null> {
  try {
    return await fs.promises.stat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
