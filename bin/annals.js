#!/usr/bin/env node
// The annals command: runs the compiled CLI (built by `npm install` through `prepare`).
import { main } from "../dist/cli/index.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last resort: main() reports its own errors; anything here is a bug, still one line.
    process.stderr.write(`annals: internal error: ${error?.message ?? error}\n`);
    process.exitCode = 70;
  },
);
