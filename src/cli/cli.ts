/**
 * The command line: `atertag calc FILE.json [FILE.json ...] [--json]`, `atertag examples`.
 * Bad input (a missing file, invalid JSON, a contract field, an --out path whose folder does not
 * exist) prints one line naming the file, the field and the value, and exits with status 2; nothing
 * is written.
 */
import { promises as fs } from "fs";
import path from "path";
import {
  BUILT_IN_RATES,
  Calculation,
  EngineError,
  ReferenceRateTable,
  calculate,
  parseContract,
  toReport,
} from "../engine";
import { writeXlsxFile } from "../export/writeFile";
import { SheetPlan } from "../sheet/types";
import { planSheet } from "../sheet/plan";
import { planCaseWorkbook } from "../sheet/caseWorkbook";
import { DEFAULT_SENDER, Sender } from "../sheet/letters";
import { PARTIAL_STATUS, runBatch } from "./batch";
import { parseCommandArgs } from "./args";
import { exercises } from "./exercises";
import { loadRates, rateTableText } from "./rates";
import { JsonSyntaxError, parseJsonFile } from "./json";
import { CLI_TEXT } from "./messages";
import { ProgressSink } from "./progress";
import { statementText } from "./statementText";
import { UsageError, writeOrRefuse } from "./usageError";
import { packageRoot } from "./packageRoot";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr for a batch's progress report (a bar on a terminal); default: plain lines via `err`. */
  progress?: ProgressSink;
  /** Clock in milliseconds for progress reports; default Date.now. */
  now?: () => number;
}

export { PARTIAL_STATUS };

const EXAMPLES_DIR = path.join(packageRoot(), "examples");
const EXAMPLE_FILES = ["worked-example-1.json", "worked-example-2.json"];
/** Where `npm run examples` writes the worked examples' workbooks. */
const EXAMPLES_OUT_DIR = path.join(packageRoot(), "out");

const SEPARATOR = "\n\n" + "=".repeat(90) + "\n\n";

const USAGE = CLI_TEXT.usage;

/** An input file's text; a file that cannot be read is the user's to fix (exit 2). */
async function readInput(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      CLI_TEXT.unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error)),
    );
  }
}

/** Reads and validates one contract file; errors name the file. */
async function loadContractFile(file: string, rates: ReferenceRateTable): Promise<Calculation> {
  const text = await readInput(file);
  try {
    return calculate(parseContract(parseJsonFile(text, file)), { referenceRates: rates });
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new UsageError(error.message);
    if (error instanceof EngineError) throw new UsageError(CLI_TEXT.inFile(file, error.message));
    throw error;
  }
}

async function calc(args: string[], io: CliIo): Promise<void> {
  const { values, positionals: files } = parseCommandArgs("calc", args);
  if (files.length === 0) throw new UsageError(`${CLI_TEXT.atLeastOneFile}\n${USAGE}`);
  const rates = await ratesFor(values.rates, io);
  // Validate everything before printing anything, so output is all or nothing.
  const calcs: Calculation[] = [];
  for (const file of files) calcs.push(await loadContractFile(file, rates));
  if (values.json) {
    // The report stays the documented JSON; the law's warning goes to stderr (the text has it).
    for (const c of calcs)
      if (c.lawWarning !== null) io.err(CLI_TEXT.warningLine(c.contract.caseId, c.lawWarning));
    const reports = calcs.map(toReport);
    io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  } else {
    io.out(calcs.map(statementText).join(SEPARATOR));
  }
}

/** The reference rates for `--rates FIL` (or none), its notices on stderr. */
async function ratesFor(file: string | undefined, io: CliIo): Promise<ReferenceRateTable> {
  const { table, notices } = await loadRates(file);
  for (const notice of notices) io.err(notice);
  return table;
}

/** `atertag rates [--rates FIL]`: the table in force, each half-year with its source. */
async function rates(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs("rates", args);
  if (positionals.length > 0)
    throw new UsageError(`${CLI_TEXT.unexpected(positionals[0])}\n${USAGE}`);
  io.out(rateTableText(await ratesFor(values.rates, io)));
}

/** Writes a workbook; a path that cannot be written is the user's to fix (exit 2), not a bug. */
async function writeWorkbook(plans: SheetPlan[], out: string): Promise<string> {
  return writeOrRefuse(out, () => writeXlsxFile(plans, out));
}

/** `--out` as given: it must name an .xlsx file. */
function xlsxOut(out: string | undefined): string | null {
  if (out === undefined) return null;
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(CLI_TEXT.notXlsx(out));
  return out;
}

/** The sender flags' names and the {@link Sender} field each sets. */
const SENDER_FLAG_FIELDS = [
  ["sender", "authority"],
  ["sender-address", "address"],
  ["sender-phone", "telephone"],
] as const;

/**
 * The letters' sender from `--sender`, `--sender-address` and `--sender-phone` over the default
 * (Kronofogden, the rest blank); a sender flag without `--letters`, or with an empty text, is refused.
 */
function senderOf(
  values: Partial<Record<(typeof SENDER_FLAG_FIELDS)[number][0], string>>,
  letters: boolean,
): Sender {
  const sender: Sender = { ...DEFAULT_SENDER };
  for (const [flag, field] of SENDER_FLAG_FIELDS) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!letters) throw new UsageError(`${CLI_TEXT.senderNeedsLetters(`--${flag}`)}\n${USAGE}`);
    if (value.trim() === "") throw new UsageError(CLI_TEXT.senderEmpty(`--${flag}`));
    sender[field] = value.trim();
  }
  return sender;
}

async function sheet(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs("sheet", args);
  const letters = values.letters ?? false;
  const sender = senderOf(values, letters);
  if (positionals.length !== 1) throw new UsageError(`${CLI_TEXT.exactlyOneFile}\n${USAGE}`);
  const out = xlsxOut(values.out);
  if (out === null) throw new UsageError(`${CLI_TEXT.outRequired}\n${USAGE}`);
  const calculation = await loadContractFile(positionals[0], await ratesFor(values.rates, io));
  const plans = planCaseWorkbook(calculation, { letters, sender, rateSheet: true });
  const written = await writeWorkbook(plans, out);
  const sheets = letters ? `\n${CLI_TEXT.sheetsWritten(plans.map((plan) => plan.name))}` : "";
  io.out(`${statementText(calculation)}\n\n${CLI_TEXT.wrote([written])}${sheets}`);
}

async function batch(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: files } = parseCommandArgs("batch", args);
  const json = values.json ?? false;
  const sheets = values.sheets ?? false;
  const letters = values.letters ?? false;
  const sender = senderOf(values, letters);
  if (files.length !== 1) throw new UsageError(`${CLI_TEXT.exactlyOneCsv}\n${USAGE}`);
  const out = xlsxOut(values.out);
  if (out === null && !json) throw new UsageError(`${CLI_TEXT.outOrJson}\n${USAGE}`);
  if (letters && !sheets) throw new UsageError(`${CLI_TEXT.lettersNeedSheets}\n${USAGE}`);
  if (letters && out === null) throw new UsageError(`${CLI_TEXT.lettersNeedOut}\n${USAGE}`);
  const rates = await ratesFor(values.rates, io);
  return runBatch(
    { file: files[0], out, json, sheets, letters, sender, sheet: values.sheet ?? null, rates },
    io,
  );
}

async function examples(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs("examples", args);
  if (positionals.length > 0)
    throw new UsageError(`${CLI_TEXT.unexpected(positionals[0])}\n${USAGE}`);
  const files = EXAMPLE_FILES.map((file) => path.join(EXAMPLES_DIR, file));
  const calcs: Calculation[] = [];
  for (const file of files) calcs.push(await loadContractFile(file, BUILT_IN_RATES));
  if (values.json) {
    io.out(JSON.stringify(calcs.map(toReport), null, 2));
    return;
  }
  // out/ is this command's own folder (git-ignored, absent in a fresh clone): made here, unlike a
  // folder the user names with --out, which must exist.
  await fs.mkdir(EXAMPLES_OUT_DIR, { recursive: true });
  const written: string[] = [];
  for (const [index, calculation] of calcs.entries()) {
    const target = path.join(EXAMPLES_OUT_DIR, EXAMPLE_FILES[index].replace(/\.json$/, ".xlsx"));
    written.push(await writeWorkbook([planSheet(calculation)], target));
  }
  io.out(calcs.map(statementText).join(SEPARATOR));
  io.out(`\n${CLI_TEXT.wrote(written)}`);
}

/** Runs the command line; returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "calc":
        await calc(rest, io);
        return 0;
      case "batch":
        return await batch(rest, io);
      case "sheet":
        await sheet(rest, io);
        return 0;
      case "examples":
        await examples(rest, io);
        return 0;
      case "rates":
        await rates(rest, io);
        return 0;
      case "exercises":
        await exercises(rest, io, writeWorkbook);
        return 0;
      case undefined:
      case "help":
      case "--help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`${CLI_TEXT.unknownCommand(command)}\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(CLI_TEXT.errorLine(error.message));
      return 2;
    }
    throw error;
  }
}
