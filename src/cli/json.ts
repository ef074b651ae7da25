/**
 * Reading a contract file's JSON with a Swedish explanation of a syntax error: what was expected and
 * where (line and column, counted from 1), instead of the parser's English message. A byte-order mark
 * (Notepad's UTF-8) is dropped first.
 */
import { CLI_TEXT, JsonProblem, TextPosition } from "./messages";

/** A file that is not JSON; the message is Swedish and names the file. */
export class JsonSyntaxError extends Error {}

/** Parses `text` as JSON; throws {@link JsonSyntaxError} explaining the problem in `file`. */
export function parseJsonFile(text: string, file: string): unknown {
  const source = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(source);
  } catch (error) {
    const parserMessage = (error as Error).message;
    const offset = positionIn(parserMessage);
    // A position past the last character means the file ends too early, whatever the parser says.
    if (offset !== null && offset >= source.length) {
      throw new JsonSyntaxError(CLI_TEXT.malformedJson(file, { kind: "end" }, null));
    }
    const at = offset === null ? null : lineAndColumn(source, offset);
    const char = offset === null ? tokenIn(parserMessage) : source[offset];
    const problem = classify(parserMessage, char);
    throw new JsonSyntaxError(CLI_TEXT.malformedJson(file, problem, at));
  }
}

/** The character offset the parser reports ("… at position 17"), if any. */
function positionIn(parserMessage: string): number | null {
  const match = /at position (\d+)/.exec(parserMessage);
  return match ? Number(match[1]) : null;
}

/** The token a parser message quotes without a position ("Unexpected token 'a', …"). */
function tokenIn(parserMessage: string): string {
  return /token '(.+?)'/.exec(parserMessage)?.[1] ?? "";
}

function classify(parserMessage: string, char: string): JsonProblem {
  if (/end of JSON input/i.test(parserMessage)) return { kind: "end" };
  if (/Expected ',' or/.test(parserMessage)) return { kind: "missingComma", char };
  if (/property name/i.test(parserMessage)) return { kind: "propertyName", char };
  if (/after JSON/i.test(parserMessage)) return { kind: "afterEnd", char };
  return { kind: "unexpected", char };
}

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
