/**
 * The command line: `atertag calc FILE.json [FILE.json ...] [--json]`, `atertag examples`.
 * Bad input (a missing file, invalid JSON, a contract field) prints one line naming the file, the
 * field and the value, and exits with status 2; nothing is written.
 */
import { promises as fs } from "fs";
import path from "path";
import { Calculation, EngineError, calculate, parseContract, toReport } from "../engine";
import { statementText } from "./statementText";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** An input problem the user can fix; printed as one line, exit status 2. */
export class UsageError extends Error {}

export const EXAMPLES_DIR = path.resolve(__dirname, "../../examples");
export const EXAMPLE_FILES = ["worked-example-1.json", "worked-example-2.json"];

const USAGE = [
  "Användning:",
  "  npm run atertag -- calc FIL.json [FIL.json ...] [--json]   beräkna och skriv ut",
  "  npm run examples                                           övningsexemplen 1 och 2",
].join("\n");

/** Reads and validates one contract file; errors name the file. */
export async function loadContractFile(file: string): Promise<Calculation> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: kan inte läsas (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: ogiltig JSON (${(error as Error).message})`);
  }
  try {
    return calculate(parseContract(raw));
  } catch (error) {
    if (error instanceof EngineError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

async function calc(args: string[], io: CliIo): Promise<void> {
  const json = args.includes("--json");
  const files = args.filter((arg) => arg !== "--json");
  const unknown = files.find((arg) => arg.startsWith("--"));
  if (unknown) throw new UsageError(`okänd flagga ${unknown}\n${USAGE}`);
  if (files.length === 0) throw new UsageError(`ange minst en kontraktsfil\n${USAGE}`);
  // Validate everything before printing anything, so output is all or nothing.
  const calcs: Calculation[] = [];
  for (const file of files) calcs.push(await loadContractFile(file));
  if (json) {
    const reports = calcs.map(toReport);
    io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  } else {
    io.out(calcs.map(statementText).join("\n\n" + "=".repeat(84) + "\n\n"));
  }
}

async function examples(args: string[], io: CliIo): Promise<void> {
  await calc([...args, ...EXAMPLE_FILES.map((file) => path.join(EXAMPLES_DIR, file))], io);
}

/** Runs the command line; returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "calc":
        await calc(rest, io);
        return 0;
      case "examples":
        await examples(rest, io);
        return 0;
      case undefined:
      case "help":
      case "--help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`okänt kommando ${JSON.stringify(command)}\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`fel: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
