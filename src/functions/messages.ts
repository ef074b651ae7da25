/**
 * Every text the custom functions add to the engine's messages, in Swedish. Excel shows the message
 * of `#VALUE!` (and `#N/A`) in the cell's error tooltip; the engine's catalogue (src/engine/messages.ts)
 * says what is wrong, these name the argument as the function's signature does.
 */
export const FUNCTION_TEXT = {
  /** An argument by its name in the function's signature: "argumentet installmentAmount". */
  argument: (name: string) => `argumentet ${name}`,
  /** The percent cell of one row of a `rates` range, counted from 1: "rates rad 3 procent". */
  ratesRowPercent: (row: number) => `rates rad ${row} procent`,
  /** How a missing half-year is added for a function: the `rates` argument. */
  addRate:
    "ge funktionen referensräntorna som sista argument, t.ex. 'Referensräntor'!A2:B60, med halvåret tillagt på bladet Referensräntor",
  notFinite: (result: number) => `Resultatet är inget ändligt tal (${result})`,
  internalError: (message: string) => `Internt fel i funktionen: ${message}`,
} as const;
