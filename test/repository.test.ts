/**
 * The repository is self-contained: a clone has everything its text refers to. No tracked file points
 * outside it (the conventions and the reference-rate table used to live in a sibling folder that a clone
 * does not have), every relative link in the Markdown files reaches a file and a heading that exist, and
 * docs/conventions.md carries every convention with its sources and the worked examples' figures.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./testkit/fixtures";

const THIS_FILE = path.relative(REPO_ROOT, __filename).split(path.sep).join("/");

function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" });
  return out.split("\0").filter((file) => file !== "" && fs.existsSync(path.join(REPO_ROOT, file)));
}

function read(file: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
}

describe("no tracked file refers to anything outside the repository", () => {
  const outside = [
    { text: "../shared", why: "the sibling folder a clone does not have" },
    { text: "/work/shared", why: "an absolute path on one machine" },
    { text: "shared/DOMAIN.md", why: "now docs/conventions.md" },
    { text: "shared/reference-rates.json", why: "now src/engine/data/reference-rates.json" },
    { text: "shared/examples", why: "now examples/" },
    { text: "shared/seeds", why: "cite the sources as docs/conventions.md does" },
    { text: "DOMAIN.md", why: "not in the repository: cite docs/conventions.md (conventions §N)" },
  ];

  test("git lists the repository's files (the check below has something to look at)", () => {
    const files = trackedFiles();
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/conventions.md"]));
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(outside)("no “$text” ($why)", ({ text }) => {
    const hits: string[] = [];
    for (const file of trackedFiles()) {
      if (file === THIS_FILE || file === "package-lock.json") continue;
      const lines = read(file).split("\n");
      lines.forEach((line, index) => {
        if (line.includes(text)) hits.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
});

/** GitHub's heading anchor: lower case, punctuation dropped (letters of any script kept), spaces → '-'. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inCode = !inCode;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading && !inCode) anchors.add(anchorOf(heading[1]));
  }
  return anchors;
}

describe("Markdown links reach files and headings that exist", () => {
  test("the anchor rule matches GitHub's for a heading with a number, parentheses and Swedish letters", () => {
    expect(anchorOf("6. Late interest (*dröjsmålsränta*)")).toBe("6-late-interest-dröjsmålsränta");
  });

  const markdownFiles = trackedFiles().filter((file) => file.endsWith(".md"));

  test("README.md and docs/conventions.md are among the files checked", () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(["README.md", "docs/conventions.md"]));
  });

  test.each(markdownFiles)("%s", (file) => {
    const broken: string[] = [];
    for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [filePart, anchor] = target.split("#");
      const linked = filePart === "" ? file : path.posix.join(path.posix.dirname(file), filePart);
      if (!fs.existsSync(path.join(REPO_ROOT, linked))) {
        broken.push(`${target}: no file ${linked}`);
        continue;
      }
      if (anchor !== undefined && linked.endsWith(".md")) {
        if (!headingAnchors(read(linked)).has(decodeURIComponent(anchor)))
          broken.push(`${target}: no heading #${anchor} in ${linked}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("docs/conventions.md is the reference the code cites", () => {
  const text = read("docs/conventions.md");

  test("has the numbered sections the code cites as “conventions §N”", () => {
    const cited = new Set<string>();
    for (const file of trackedFiles().filter((f) => /^(src|test)\//.test(f))) {
      for (const [, n] of read(file).matchAll(/conventions §(\d+)/g)) cited.add(n);
    }
    expect(cited.size).toBeGreaterThan(5);
    const sections = new Set([...text.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
    expect([...cited].filter((n) => !sections.has(n))).toEqual([]);
  });

  test.each`
    words                                                                                                                            | what
    ${["t(t + 1) · c / (n(n + 1))", "n − 1 − (number of due dates strictly before the date)"]}                                       | ${"the rule of 78 and its count of t"}
    ${["B_m · i · (date − due_m) / (due_(m+1) − due_m)", "f · (n − m)"]}                                                             | ${"actual settlement by the day"}
    ${["both the first and the last day", "divided by 365", "reference rate plus 8"]}                                                | ${"late interest"}
    ${["/ 36 500", "rounded once"]}                                                                                                  | ${"the exact-sum rule for late interest"}
    ${["half away from zero", "sums of the rounded lines"]}                                                                          | ${"rounding"}
    ${["calendar months", "last day"]}                                                                                               | ${"due dates"}
    ${["basicFee", "600 kr", "interestFrom", "`method` `auto`"]}                                                                     | ${"defaults"}
    ${["40 § konsumentkreditlagen (2010:1846)", "27 § konsumentkreditlagen (1992:830)", "17–18 §§ konsumentkreditlagen (1977:981)"]} | ${"the settlement paragraphs"}
    ${["Räntelagen (1975:635) 6 §", "9 §", "(1992:1094)", "Workshop återtagning 2012-12-06", "riksbank.se"]}                         | ${"the sources"}
    ${["4 785 kr", "2 099 kr", "487 kr", "77 449 kr", "77 551 kr", "−17 551 kr", "−5,12 kr"]}                                        | ${"worked example 1"}
    ${["10 474,48 kr", "10 410,29 kr", "93 335 kr", "93 529 kr", "1 471 kr"]}                                                        | ${"worked example 2"}
  `("states $what", ({ words }: { words: string[] }) => {
    const flat = text.replace(/\s+/g, " ");
    expect(words.filter((word) => !flat.includes(word))).toEqual([]);
  });
});
