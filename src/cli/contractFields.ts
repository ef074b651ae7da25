/**
 * The table of contract fields in docs/cli.md, generated from the contract schema (src/engine/schema.ts) so
 * that the documentation cannot drift from what the parser accepts; test/readme.test.ts compares the
 * page with it.
 */
import {
  CONTRACT_FIELDS,
  CONTRACT_SCHEMA,
  FieldKind,
  FieldSpec,
  MAX_AMOUNT_KRONOR,
  formatNumber,
} from "../engine";

/** The markers around the generated table in docs/cli.md. */
const TABLE_BEGIN = "<!-- contract-fields:begin (generated from src/engine/schema.ts) -->";
const TABLE_END = "<!-- contract-fields:end -->";

const KIND_TEXT: Readonly<Record<FieldKind, string>> = {
  text: "text",
  date: "date `YYYY-MM-DD` or Excel serial",
  money: `amount in kr, 0–${formatNumber(MAX_AMOUNT_KRONOR)}`,
  rate: "rate: `5,95 %`, `0,0595` or `5,95`",
  integer: "whole number",
  method: "`auto`, `rule78` or `actual`",
};

function requirementText(spec: FieldSpec): string {
  if (spec.requirement === "required") return "yes";
  if (spec.requirement === "optional") return "";
  return `unless \`${spec.requirement.unless}\``;
}

function kindText(spec: FieldSpec): string {
  if (spec.positive) return `amount in kr, > 0, ≤ ${formatNumber(MAX_AMOUNT_KRONOR)}`;
  const range = spec.range ? ` ${spec.range.min}–${spec.range.max}` : "";
  return KIND_TEXT[spec.kind] + range;
}

/** The Markdown table: one row per field, in the order of the example files. */
function contractFieldsTable(): string {
  const rows = CONTRACT_FIELDS.map((field) => {
    const spec = CONTRACT_SCHEMA[field];
    const headers = [spec.label, ...spec.aliases].join(", ");
    const empty = spec.whenEmpty ? `*${spec.whenEmpty}*` : "";
    return `| \`${field}\` | ${headers} | ${kindText(spec)} | ${requirementText(spec)} | ${empty} |`;
  });
  return [
    "| Field | Swedish headers (the first is the label) | Kind | Required | When empty |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** The page with the text between the markers replaced by the generated table. */
export function withContractFieldsTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin === -1 || end < begin) throw new Error("docs/cli.md lacks the contract-fields markers");
  return (
    readme.slice(0, begin + TABLE_BEGIN.length) +
    "\n" +
    contractFieldsTable() +
    "\n" +
    readme.slice(end)
  );
}
