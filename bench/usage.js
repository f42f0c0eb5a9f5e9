// The usage of a bench script: its header comment, from the second line to the first import.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Prints the header comment of the script at `url` (its `import.meta.url`) and exits with `code`. */
export function printUsage(url, code = 0) {
  const lines = readFileSync(fileURLToPath(url), "utf8").split("\n");
  const end = lines.findIndex((line) => line.startsWith("import"));
  console.log(
    lines
      .slice(1, end)
      .map((line) => line.replace(/^\/\/ ?/, ""))
      .join("\n"),
  );
  process.exit(code);
}
