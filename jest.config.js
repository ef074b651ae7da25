/**
 * Two Jest projects. `unit`: the engine, the sheet plan, the writers, the CLI in-process, the task
 * pane over a DOM stand-in — what a developer runs often (`npm run test:unit`, about a minute).
 * `integration`: every test that needs a production webpack build, Chromium or LibreOffice, or
 * spawns the command (`npm run test:integration`). `npm test` runs both (`jest` runs every project).
 */
const path = require("path");

/** Test files of the integration project, by what they need. */
const INTEGRATION = [
  // Chromium (test/support/browser.ts), over the production build (test/support/build.ts)
  "*.browser.test.ts",
  "help.test.ts",
  "harness.test.ts",
  // the production webpack build
  "deployment.test.ts",
  "shippedScripts.test.ts",
  // LibreOffice (test/support/libreoffice.ts), pdftotext
  "*.libreoffice.test.ts",
  "libreoffice.test.ts",
  "libreofficeGenerated.test.ts",
  "lettersPrinted.test.ts",
  "printedProtocol.test.ts",
  "exerciseWorkbook.test.ts",
  // the built command in a process of its own (test/support/cliBuild.js)
  "cliProcess.test.ts",
];

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // Each run works in a temporary folder of its own (test/support/runTmpdir.js).
  globalSetup: "<rootDir>/test/support/runTmpdirSetup.js",
  globalTeardown: "<rootDir>/test/support/runTmpdirTeardown.js",
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/*.test.ts"],
      testPathIgnorePatterns: INTEGRATION.map(toRegex),
    },
    {
      ...shared,
      displayName: "integration",
      // The command's JavaScript build, brought up to date once per run (test/support/cliBuild.js).
      globalSetup: "<rootDir>/test/support/cliBuild.js",
      testMatch: INTEGRATION.map((name) => `<rootDir>/test/${name}`),
    },
  ],
};

/** A file name pattern ("*" for any name) as a regular expression on the test's path. */
function toRegex(name) {
  const escaped = name.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return `${path.sep === "/" ? "/" : "\\\\"}test/${escaped}$`;
}
