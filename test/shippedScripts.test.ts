/**
 * Every script shipped in dist/ must run on the oldest WebKit Excel on a Mac may use (issue 10 item
 * 6). Safari before 16.4 cannot parse a lookbehind assertion (`(?<=…)`, `(?<!…)`) in a regular
 * expression: one in a regex literal is a syntax error for the whole file, and one in a `new
 * RegExp("…")` string throws when it runs. So each shipped script (ours and the dependencies
 * bundled into it, the lazy ExcelJS chunk included) is parsed with acorn at ES2020 (newer syntax
 * would fail to parse) and no regex literal or RegExp string it contains may hold a lookbehind.
 * The build is the shared production build of test/support/build.ts.
 */
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import { filesIn, productionBuild } from "./support/build";

/**
 * Whether a regular-expression source holds a lookbehind: `(?<=` or `(?<!` as syntax, i.e. not
 * escaped and not inside a character class (`(?<name>` is a named group, which Safari has parsed
 * since 11.1).
 */
function hasLookbehind(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++; // the escaped character is a literal
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(" && pattern[i + 1] === "?" && pattern[i + 2] === "<") {
      if (pattern[i + 3] === "=" || pattern[i + 3] === "!") return true;
    }
  }
  return false;
}

interface Found {
  pattern: string;
  offset: number;
}

type AnyNode = acorn.Node & Record<string, unknown>;

/** Regex literals, and the string first argument of `RegExp(…)` / `new RegExp(…)`, in a script. */
function regexSources(code: string): Found[] {
  const ast = acorn.parse(code, { ecmaVersion: 2020, sourceType: "script" });
  const found: Found[] = [];
  const isRegExpCall = (node: AnyNode) =>
    (node.type === "NewExpression" || node.type === "CallExpression") &&
    (node.callee as AnyNode).type === "Identifier" &&
    (node.callee as AnyNode).name === "RegExp";
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== "object" || typeof (value as AnyNode).type !== "string")
      return;
    const node = value as AnyNode;
    const regex = node.regex as { pattern: string } | undefined;
    if (node.type === "Literal" && regex)
      found.push({ pattern: regex.pattern, offset: node.start });
    if (isRegExpCall(node)) {
      const first = (node.arguments as AnyNode[])[0];
      if (first?.type === "Literal" && typeof first.value === "string")
        found.push({ pattern: first.value, offset: first.start });
      if (first?.type === "TemplateLiteral")
        for (const quasi of first.quasis as AnyNode[])
          found.push({
            pattern: String((quasi.value as { cooked: string }).cooked),
            offset: quasi.start,
          });
    }
    for (const key of Object.keys(node)) if (key !== "type") visit(node[key]);
  };
  visit(ast);
  return found;
}

describe("the detector", () => {
  test.each`
    pattern              | lookbehind | scenario
    ${"(?<=;)"}          | ${true}    | ${"positive lookbehind"}
    ${"a(?<!b)c"}        | ${true}    | ${"negative lookbehind"}
    ${"(?<year>\\d{4})"} | ${false}   | ${"named group"}
    ${"\\(?<=x"}         | ${false}   | ${"escaped parenthesis"}
    ${"[(?<=]"}          | ${false}   | ${"inside a character class"}
    ${"[\\]](?<=x)"}     | ${true}    | ${"after a class holding an escaped ]"}
    ${"(?=a)(?!b)"}      | ${false}   | ${"lookaheads"}
  `("$scenario: $pattern → $lookbehind", ({ pattern, lookbehind }) => {
    expect(hasLookbehind(pattern)).toBe(lookbehind);
  });

  test("finds regex literals and RegExp strings, not other strings", () => {
    const code =
      'var a = /(?<=;)/g; var b = new RegExp("(?<!x)y"); var c = RegExp(`(?<=${"z"})`); var d = "(?<=not a regex)";';
    const patterns = regexSources(code).map((f) => f.pattern);
    expect(patterns).toEqual(["(?<=;)", "(?<!x)y", "(?<=", ")"]);
    expect(patterns.filter(hasLookbehind)).toEqual(["(?<=;)", "(?<!x)y", "(?<="]);
  });

  test("newer syntax than ES2020 does not parse (class static blocks, ES2022)", () => {
    expect(() => regexSources("class A { static { } }")).toThrow();
  });
});

describe("every script in the production dist/", () => {
  let dist: string;
  let scripts: string[];
  beforeAll(async () => {
    dist = await productionBuild();
    scripts = filesIn(dist).filter((name) => name.endsWith(".js"));
  }, 300_000);

  test("the pane, the functions and the lazy ExcelJS chunk are all there", () => {
    expect(scripts).toEqual(
      expect.arrayContaining(["taskpane.js", "functions.js", expect.stringMatching(/^xlsx\./)]),
    );
  });

  test("parses at ES2020 and holds no lookbehind in any regular expression", () => {
    const problems = scripts.flatMap((name) => {
      const code = fs.readFileSync(path.join(dist, name), "utf8");
      let sources: Found[];
      try {
        sources = regexSources(code);
      } catch (error) {
        return [`${name}: does not parse at ES2020: ${(error as Error).message}`];
      }
      return sources
        .filter((f) => hasLookbehind(f.pattern))
        .map((f) => `${name} at ${f.offset}: /${f.pattern}/`);
    });
    expect(problems).toEqual([]);
  });
});
