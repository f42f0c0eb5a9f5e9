// The usage of a bench script: its header comment, from the second line to the first import.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
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

/**
 * The command line of a bench script that reads a built checkout: `--help` prints the usage,
 * `option(name, fallback)` reads `--name VALUE`, and `root` is the first positional argument (a
 * checkout; default: this one), which must hold dist/extract.js (`name` prefixes the error).
 */
export function benchArgs(url, name) {
  const args = process.argv.slice(2);
  if (args.includes("--help")) printUsage(url);
  const option = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const root = resolve(positional[0] ?? join(dirname(fileURLToPath(url)), ".."));
  if (!existsSync(join(root, "dist/extract.js"))) {
    console.error(`${name}: ${root}/dist/extract.js is missing (build it first)`);
    process.exit(2);
  }
  return { args, option, root };
}
