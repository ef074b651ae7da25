/**
 * `atertag exercises --level L [--count N] [--seed S] (--out FIL.xlsx | --json)`: a handout of
 * practice cases (src/training). The cases are "Övning L.S", "Övning L.(S+1)", … — `--seed` is the
 * number of the first case, so the same command (or the same case number alone) always gives the
 * same contracts. `--out FIL.xlsx` writes two workbooks, each atomically: FIL.xlsx for the trainees
 * (an exercise sheet per case and Referensräntor, no answers, so it prints whole) and
 * FIL-facit.xlsx for the trainer (the same sheets and Facit, its formulas over their facts); `--json` prints an array of `{ "contract": …, "answers": … }`, the contract as
 * `calc` reads a file and the answers exactly what `calc --json` prints for it.
 */
import { toReport } from "../engine";
import { SheetPlan } from "../sheet/types";
import {
  MAX_PRACTICE_NUMBER,
  PRACTICE_LEVELS,
  PracticeLevel,
  practiceCases,
} from "../training/practiceCase";
import {
  MAX_HANDOUT_CASES,
  calculatePracticeCase,
  planExerciseWorkbook,
} from "../training/workbook";
import { parseCommandArgs } from "./args";
import { loadRates } from "./rates";
import { CLI_TEXT, EXERCISES_TEXT } from "./messages";
import { UsageError } from "./usageError";

/** The most cases one handout holds. */
const MAX_EXERCISES = MAX_HANDOUT_CASES;
/** Cases in a handout when --count is not given. */
const DEFAULT_EXERCISES = 20;

export interface ExercisesIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Writes the plans to `out` (the command line's atomic writer) and returns the path written. */
export type WorkbookWriter = (plans: SheetPlan[], out: string) => Promise<string>;

/** A whole number from `min` to `max` given to `flag`, or a usage error naming both. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new UsageError(EXERCISES_TEXT.range(flag, text, min, max));
  return value;
}

interface ExercisesRun {
  level: PracticeLevel;
  count: number;
  first: number;
  out: string | null;
  json: boolean;
  /** The add-in's deployed folder: the exercise sheets' notes link to the conventions there. */
  helpBase: string | undefined;
  /** `--rates FIL`, if given. */
  rates?: string;
}

/** The command's flags, checked; every problem is a usage error naming the flag and its value. */
function parseExercisesArgs(args: string[]): ExercisesRun {
  const { values, positionals } = parseCommandArgs("exercises", args);
  const { level, count, seed } = values;
  const json = values.json ?? false;
  const out = values.out ?? null;
  if (positionals.length > 0)
    throw new UsageError(`${CLI_TEXT.unexpected(positionals[0])}\n${CLI_TEXT.usage}`);
  if (level === undefined)
    throw new UsageError(`${EXERCISES_TEXT.levelRequired}\n${CLI_TEXT.usage}`);
  if (!PRACTICE_LEVELS.map(String).includes(level))
    throw new UsageError(EXERCISES_TEXT.badLevel(level));
  if (out === null && !json) throw new UsageError(`${CLI_TEXT.outOrJson}\n${CLI_TEXT.usage}`);
  if (out !== null && !out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(CLI_TEXT.notXlsx(out));
  const n =
    count === undefined ? DEFAULT_EXERCISES : wholeNumber("--count", count, 1, MAX_EXERCISES);
  const first = seed === undefined ? 1 : wholeNumber("--seed", seed, 1, MAX_PRACTICE_NUMBER);
  if (first + n - 1 > MAX_PRACTICE_NUMBER)
    throw new UsageError(EXERCISES_TEXT.pastLast(first, n, MAX_PRACTICE_NUMBER));
  const helpBase = values["help-url"] === undefined ? undefined : helpFolder(values["help-url"]);
  return {
    level: Number(level) as PracticeLevel,
    count: n,
    first,
    out,
    json,
    helpBase,
    rates: values.rates,
  };
}

/** `--help-url`: an http(s) folder URL (the build's `--env url`), with its final "/". */
function helpFolder(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (url === null || !/^https?:$/.test(url.protocol) || url.search !== "" || url.hash !== "")
    throw new UsageError(EXERCISES_TEXT.badHelpUrl(text));
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The trainer's file beside the trainees': `övningar.xlsx` → `övningar-facit.xlsx`. */
function facitFile(out: string): string {
  return out.replace(/\.xlsx$/i, (extension) => `-facit${extension}`);
}

/** Runs `atertag exercises`; a bad flag is a {@link UsageError} (exit 2), nothing written. */
export async function exercises(
  args: string[],
  io: ExercisesIo,
  writeWorkbook: WorkbookWriter,
): Promise<void> {
  const run = parseExercisesArgs(args);
  const { table, notices } = await loadRates(run.rates);
  for (const notice of notices) io.err(notice);
  const cases = practiceCases(run.level, run.first, run.count);
  const written =
    run.out === null
      ? null
      : [
          await writeWorkbook(
            planExerciseWorkbook(cases, { table, facit: false, helpBase: run.helpBase }),
            run.out,
          ),
          await writeWorkbook(
            planExerciseWorkbook(cases, { table, helpBase: run.helpBase }),
            facitFile(run.out),
          ),
        ];
  if (run.json) {
    const items = cases.map((pc) => ({
      contract: pc.contract,
      answers: toReport(calculatePracticeCase(pc, table)),
    }));
    io.out(JSON.stringify(items, null, 2));
    return;
  }
  io.out(CLI_TEXT.wrote(written!));
  io.out(EXERCISES_TEXT.done(run.level, cases[0].name, cases[cases.length - 1].name, cases.length));
}
