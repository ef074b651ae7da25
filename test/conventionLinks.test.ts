/**
 * The one URL scheme for a section of the conventions (src/training/conventionLinks.ts): the built
 * page conventions.html beside help.html, anchors `avsnitt-N` for the numbered section N of
 * docs/conventions.md; relative in the pane, absolute against a deployment's folder in a workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { conventionCitation, conventionHref } from "../src/training/conventionLinks";
import { FIELD_HINTS, MISTAKE_HINTS } from "../src/training/hints";

test.each([
  [4, undefined, "conventions.html#avsnitt-4", "the pane: beside its own page"],
  [
    7,
    "https://addin.example.se/atertag/",
    "https://addin.example.se/atertag/conventions.html#avsnitt-7",
    "a deployment's folder",
  ],
  [
    9,
    "https://addin.example.se/atertag/taskpane.html?x=1",
    "https://addin.example.se/atertag/conventions.html#avsnitt-9",
    "the pane's own address as the base",
  ],
])("section %d against %s is %s (%s)", (section, base, expected, _scenario) => {
  expect(conventionHref(section, base)).toBe(expected);
});

test("a citation names the section in words, never a repository file", () => {
  expect(conventionCitation(4)).toBe("Se konventionerna, avsnitt 4.");
});

test("every hint cites a numbered section that docs/conventions.md has", () => {
  const text = fs.readFileSync(path.join(__dirname, "..", "docs", "conventions.md"), "utf8");
  const sections = new Set([...text.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
  const cited = [...Object.values(MISTAKE_HINTS), ...Object.values(FIELD_HINTS)].map(
    (h) => h.section,
  );
  expect(cited.filter((s) => !sections.has(s))).toEqual([]);
});
