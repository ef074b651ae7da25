/**
 * The two worked examples of the workshop (conventions §8), embedded from `examples/*.json`: the
 * standalone page starts on them with `?example=1` / `?example=2`, and "Infoga övningsarbetsbok" writes
 * them as the training workbook's contract rows.
 */
import { ContractInput } from "../engine";
import example1 from "../../examples/worked-example-1.json";
import example2 from "../../examples/worked-example-2.json";

/** The worked examples by their number. */
export const WORKED_EXAMPLES: Readonly<Record<string, ContractInput>> = {
  "1": example1,
  "2": example2,
};

/** The worked examples in order, as contract rows. */
export const WORKED_EXAMPLE_ROWS: readonly ContractInput[] = [example1, example2];
