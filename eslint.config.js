import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const GPL = "HyperFormula is GPL-3.0: it belongs to the preview, the CLI and tests only.";
const GPL_OR_UI = `${GPL} React and Fluent belong to the pane.`;

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "test-results/**", "coverage/**", ".tmp/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unnecessary-condition": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "No eval." },
        { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Text from the workbook or the card is never rendered as HTML.",
        },
      ],
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Never build HTML from strings." },
        { property: "outerHTML", message: "Never build HTML from strings." },
      ],
    },
  },
  {
    // The engine is pure: nothing from Office, React, the DOM, the network or the file system.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*", "!../engine/*"],
              message: "The engine imports nothing outside itself.",
            },
            {
              group: [
                "react",
                "react-*",
                "@fluentui/*",
                "node:*",
                "fs",
                "path",
                "hyperformula",
                "office-*",
                "@microsoft/*",
              ],
              message: "The engine is pure TypeScript.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "fetch",
        "Office",
        "Excel",
        "CustomFunctions",
        "localStorage",
      ],
    },
  },
  {
    // The budget workbook is host-neutral: the engine and the data, never a host or the pane.
    files: ["src/budget/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../office/*", "../preview/*", "../taskpane/*", "../functions/*", "../cli/*"],
              message: "The budget workbook is host-neutral: adapters import it, not the reverse.",
            },
            { group: ["hyperformula", "react", "react-*", "@fluentui/*"], message: GPL_OR_UI },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel"],
    },
  },
  {
    // Office is Excel only: it writes the budget's layout, never computes CREW functions itself.
    files: ["src/office/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../functions/*", "../preview/*", "../taskpane/*", "../cli/*"],
              message: "The Excel adapter imports the budget and the engine only.",
            },
            { group: ["hyperformula", "react", "react-*", "@fluentui/*"], message: GPL_OR_UI },
          ],
        },
      ],
    },
  },
  {
    // HyperFormula (GPL-3.0) never reaches the add-in bundles: only the preview, the CLI, the
    // HyperFormula registration of the functions and the tests import it.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts", "src/data/**/*.ts"],
    // The HyperFormula host and its graph index; only the preview, the CLI and tests import them.
    ignores: ["src/functions/hyperformula.ts", "src/functions/hyperformulaEdges.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["hyperformula"], message: GPL }] }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
