import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

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
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
