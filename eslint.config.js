// ESLint flat config: typescript-eslint for TypeScript, eslint-plugin-regexp for the grammar.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "artifacts/**", "web-dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  // Layering (DESIGN §1): pipeline stages are pure; only store/ touches the database,
  // only cli/ and server/ touch the terminal and the network.
  {
    files: [
      "src/model/types.ts",
      "src/model/spans.ts",
      "src/ingest/**/*.ts",
      "src/normalize/**/*.ts",
      "src/time/**/*.ts",
      "src/entities/**/*.ts",
      "src/events/**/*.ts",
      "src/check/**/*.ts",
      "src/export/**/*.ts",
      "src/eval/**/*.ts",
      "src/extract.ts",
    ],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["better-sqlite3", "fastify", "cli-progress"].concat(
            ["node:fs", "node:fs/promises", "fs"].map((name) => ({
              name,
              message:
                "stages are pure: load data tables with loadDataJson/loadDataTsv from src/model/data.ts",
            })),
          ),
          patterns: ["**/cli/**", "**/store/**", "**/server/**", "**/web/**"],
        },
      ],
    },
  },
  {
    files: ["src/store/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/cli/**", "**/server/**", "**/web/**"] }],
    },
  },
  // The page (src/web) runs in the browser.
  {
    files: ["src/web/**/*.ts"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        fetch: "readonly",
        URLSearchParams: "readonly",
        Node: "readonly",
        Element: "readonly",
        HTMLElement: "readonly",
        HTMLElementTagNameMap: "readonly",
        HTMLInputElement: "readonly",
        HTMLSelectElement: "readonly",
        HTMLLIElement: "readonly",
        Event: "readonly",
        EventListener: "readonly",
        MouseEvent: "readonly",
        KeyboardEvent: "readonly",
        ResizeObserver: "readonly",
      },
    },
  },
);
