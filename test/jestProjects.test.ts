/**
 * The unit project stays fast: no test it runs starts LibreOffice, Chromium, pdftotext or the
 * production webpack build. Those belong to the integration project, chosen by file name in
 * jest.config.js; a unit test that began to use them (as the summary's sentence check once did)
 * would slow `npm run test:unit` by its whole start-up, so this names it.
 */
import * as fs from "fs";
import * as path from "path";

/** What starts an outside program or the build, by the helper that does it. */
const SLOW_HELPERS = [
  // test/support/libreoffice.ts
  "recalculateXlsx",
  "recalculatedPlans",
  "describeWithSoffice",
  "findSoffice",
  // test/support/pdf.ts
  "printToPdf",
  // test/support/browser.ts
  "launchChromium",
  "paneSession",
  "describeWithChromium",
  // test/support/build.ts
  "productionBuild",
];

const config = require("../jest.config.js") as {
  projects: { displayName: string; testPathIgnorePatterns: string[] }[];
};

test("the unit project's files use none of the helpers that start LibreOffice, Chromium or the build", () => {
  const unit = config.projects.find((project) => project.displayName === "unit")!;
  const ignored = unit.testPathIgnorePatterns.map((pattern) => new RegExp(pattern));
  const unitFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith(".test.ts"))
    .filter((name) => !ignored.some((re) => re.test(path.join(__dirname, name))));
  expect(unitFiles.length).toBeGreaterThan(40);
  expect(unitFiles).toContain("jestProjects.test.ts");
  const slow = unitFiles
    .filter((name) => name !== path.basename(__filename))
    .flatMap((name) => {
      const text = fs.readFileSync(path.join(__dirname, name), "utf8");
      return SLOW_HELPERS.filter((helper) => new RegExp(`\\b${helper}\\b`).test(text)).map(
        (helper) => `${name}: ${helper}`,
      );
    });
  expect(slow).toEqual([]);
});
