/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  testTimeout: 60000,
  // Each run works in a temporary folder of its own (test/support/runTmpdir.js).
  globalSetup: "<rootDir>/test/support/runTmpdirSetup.js",
  globalTeardown: "<rootDir>/test/support/runTmpdirTeardown.js",
};
