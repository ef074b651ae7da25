/**
 * Every command's flags, declared once and read by `node:util` `parseArgs` in strict mode: an unknown
 * flag, a flag without its value, a value given to a switch or a flag given twice is a
 * {@link UsageError} in Swedish naming the flag (exit 2), before anything is read or written.
 *
 * Adding a flag to a command is one line in {@link COMMAND_FLAGS} (a shared flag is declared once in
 * {@link FLAG}); the command then finds it in `values`.
 */
import { parseArgs } from "node:util";
import { CLI_TEXT } from "./messages";
import { UsageError } from "./usageError";

type FlagSpec = { type: "string" } | { type: "boolean" };

/** The flags, each declared once: `--out FIL.xlsx` takes a value, `--json` is a switch. */
const FLAG = {
  out: { type: "string" },
  json: { type: "boolean" },
  letters: { type: "boolean" },
  sheets: { type: "boolean" },
  sheet: { type: "string" },
  level: { type: "string" },
  count: { type: "string" },
  seed: { type: "string" },
  "help-url": { type: "string" },
  /** The letters' sender (the workbook's Avsändare sheet): authority, address, telephone. */
  sender: { type: "string" },
  "sender-address": { type: "string" },
  "sender-phone": { type: "string" },
  rates: { type: "string" },
} as const satisfies Record<string, FlagSpec>;

/** The flags of the letters' sender, for the commands that write letters. */
const SENDER_FLAGS = {
  sender: FLAG.sender,
  "sender-address": FLAG["sender-address"],
  "sender-phone": FLAG["sender-phone"],
} as const;

/** Each command's flags. */
const COMMAND_FLAGS = {
  calc: { json: FLAG.json, rates: FLAG.rates },
  sheet: { out: FLAG.out, letters: FLAG.letters, rates: FLAG.rates, ...SENDER_FLAGS },
  batch: {
    out: FLAG.out,
    json: FLAG.json,
    sheets: FLAG.sheets,
    letters: FLAG.letters,
    ...SENDER_FLAGS,
    sheet: FLAG.sheet,
    rates: FLAG.rates,
  },
  exercises: {
    level: FLAG.level,
    count: FLAG.count,
    seed: FLAG.seed,
    "help-url": FLAG["help-url"],
    out: FLAG.out,
    json: FLAG.json,
    rates: FLAG.rates,
  },
  examples: { json: FLAG.json },
  rates: { rates: FLAG.rates },
} as const satisfies Record<string, Record<string, FlagSpec>>;

export type Command = keyof typeof COMMAND_FLAGS;

/** A flag's value as read: text for a flag with a value, true for a switch given, absent otherwise. */
type FlagValues<F extends Record<string, FlagSpec>> = {
  [K in keyof F]?: F[K] extends { type: "string" } ? string : boolean;
};

export interface ParsedArgs<C extends Command> {
  values: FlagValues<(typeof COMMAND_FLAGS)[C]>;
  /** The arguments that are not flags (files), in order. */
  positionals: string[];
}

/** The flag an English parseArgs message names ("Unknown option '--foo'. …" → `--foo`). */
function flagIn(message: string): string {
  return /'(-[^' ]*)/.exec(message)?.[1] ?? "";
}

/** parseArgs' error as a Swedish usage error naming the flag. */
function swedishError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const flag = flagIn(message);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError(`${CLI_TEXT.unknownFlag(flag)}\n${CLI_TEXT.usage}`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return /does not take an argument/.test(message)
      ? new UsageError(CLI_TEXT.switchTakesNoValue(flag.replace(/=.*$/, "")))
      : new UsageError(`${CLI_TEXT.needsValue(flag)}\n${CLI_TEXT.usage}`);
  throw error;
}

/**
 * Reads `args` (the words after the command) against the command's flags. A flag with a value may be
 * written `--out FIL` or `--out=FIL`; a value that starts with `-` only in the second form.
 */
export function parseCommandArgs<C extends Command>(command: C, args: string[]): ParsedArgs<C> {
  const options: Record<string, FlagSpec> = COMMAND_FLAGS[command];
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw swedishError(error);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(CLI_TEXT.givenTwice(token.rawName));
    seen.add(token.name);
  }
  return {
    values: parsed.values as ParsedArgs<C>["values"],
    positionals: parsed.positionals,
  };
}
