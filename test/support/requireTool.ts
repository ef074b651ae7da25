/**
 * Policy for tests that depend on external tools (chromium, LibreOffice).
 *
 * - Tool present            -> returns true.
 * - Tool absent, CI is set  -> throws: the tool is mandatory in CI.
 * - Tool absent, local run  -> prints ONE line to stderr and returns false.
 *
 * Usage:
 *   const describeIf = requireTool("chromium", findChromium() !== null, "apt-get install chromium")
 *     ? describe : describe.skip;
 */

const DEFAULT_HINTS: Record<string, string> = {
  chromium: "apt-get install chromium",
  soffice: "apt-get install libreoffice-calc-nogui",
  libreoffice: "apt-get install libreoffice-calc-nogui",
};

const alreadyWarned = new Set<string>();

function isCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export function requireTool(name: string, found: boolean, installHint?: string): boolean {
  if (found) return true;
  const hint = installHint ?? DEFAULT_HINTS[name.toLowerCase()] ?? `install ${name}`;
  if (isCI()) {
    throw new Error(
      `${name} is mandatory in CI (CI=${process.env.CI}) but was not found (${hint})`,
    );
  }
  if (!alreadyWarned.has(name)) {
    alreadyWarned.add(name);
    process.stderr.write(`skipping ${name} tests: ${name} not installed (${hint})\n`);
  }
  return false;
}
