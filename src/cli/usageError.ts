import { OutputPathError } from "../export/writeFile";
import { CLI_TEXT } from "./messages";

/** An input problem the user can fix; printed as one line, exit status 2. */
export class UsageError extends Error {}

/**
 * Runs `write` (which writes `out`); a path that cannot be written is the user's to fix (exit 2),
 * not a bug: the writer's own refusal, or the file system's error code, becomes a {@link UsageError}.
 */
export async function writeOrRefuse(out: string, write: () => Promise<string>): Promise<string> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(error.message);
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string") throw new UsageError(CLI_TEXT.unwritable(out, code));
    throw error;
  }
}
