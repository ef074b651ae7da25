/**
 * ESLint: Office's recommended rules for add-ins (Excel API misuse, Prettier formatting) plus the
 * project's layering: the pure layers never touch Office, the DOM or the process.
 */
const officeAddins = require("eslint-plugin-office-addins");
const globals = require("globals");
const tseslint = require("typescript-eslint");
const importX = require("eslint-plugin-import-x");

const OFFICE_GLOBALS = ["Excel", "Office", "CustomFunctions", "OfficeExtension"].map((name) => ({
  name,
  message:
    "Office APIs live in src/excel (Excel.run), src/functions (CustomFunctions) and the task pane entry only.",
}));
const DOM_GLOBALS = ["window", "document", "navigator", "localStorage", "fetch"].map((name) => ({
  name,
  message: "The engine and the sheet plan are pure: no DOM, no network.",
}));

/** The layers above the engine and the sheet plan, by folder (src/<layer>). */
const UPPER_LAYERS = ["functions", "excel", "taskpane", "export", "cli"];
const upward = (layers, message) => ({
  group: layers.flatMap((layer) => [`**/${layer}`, `**/${layer}/**`]),
  message,
});
/** Office, DOM and file-format packages: the pure layers use decimal.js and nothing else. */
const PURE_PACKAGES = {
  regex: "^(?!\\.|decimal\\.js$)",
  message: "The engine and the sheet plan are pure: relative imports and decimal.js only.",
};

module.exports = [
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "build/"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    // TypeScript itself reports undefined names, including type-only globals (NodeJS, DOM maps).
    rules: {
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // No import circles: a module and what it imports form a tree, so each can be read (and
    // loaded) before what uses it. Type-only imports count too: they tie the modules' designs.
    files: ["src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [
        importX.createNodeResolver({ extensions: [".ts", ".js", ".json"] }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // A function does one job a reader can name; past a hundred lines it is always several.
      "max-lines-per-function": ["error", { max: 100 }],
    },
  },
  {
    // The Excel code syncs through countedSync (src/excel/context.ts), which counts every
    // context.sync for the benchmark; these rules only recognise a literal context.sync() call.
    // office-addin-mock tests drive the same code. Sync order is tested against the mock instead.
    files: ["src/excel/**/*.ts", "test/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.jest,
        Excel: "readonly",
        Office: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
  },
  {
    files: ["src/engine/**/*.ts", "src/sheet/**/*.ts", "src/training/**/*.ts", "src/guide/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS,
        ...DOM_GLOBALS,
        { name: "process", message: "Pure layer: no process." },
      ],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            upward(
              ["sheet", ...UPPER_LAYERS],
              "The engine imports nothing from the layers above it.",
            ),
            PURE_PACKAGES,
          ],
        },
      ],
    },
  },
  {
    files: ["src/sheet/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            upward(UPPER_LAYERS, "The sheet plan uses the engine only, never the layers above it."),
            PURE_PACKAGES,
          ],
        },
      ],
    },
  },
  {
    // Practice cases and their sheets are plans like src/sheet: the pane and the CLI use them.
    files: ["src/training/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            upward(UPPER_LAYERS, "Practice cases use the engine and the sheet plans only."),
            PURE_PACKAGES,
          ],
        },
      ],
    },
  },
  {
    // The guided mode's model (src/guide): the engine only; the task pane renders it.
    files: ["src/guide/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            upward(["sheet", ...UPPER_LAYERS], "The guide's model builds on the engine only."),
            PURE_PACKAGES,
          ],
        },
      ],
    },
  },
  {
    // The task pane's hosts: the standalone page never loads the Excel mode, nor the Excel mode
    // the standalone page; what both need lives in ui/, form/, guide/ and training/.
    files: ["src/taskpane/standaloneMode/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/excelMode/**"], message: "The standalone page is not Excel." }],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/excelMode/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/standaloneMode/**"],
              message: "The Excel mode is not the standalone page.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts", "src/export/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },
];
