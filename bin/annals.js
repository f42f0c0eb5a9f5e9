#!/usr/bin/env node
// The annals command: runs the compiled CLI (built by `npm install` through `prepare`).
// Every failure ends as one line on stderr and a non-zero exit, never a stack trace.

// A reader that stops early (`annals extract … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.exit(70);
  });
}

let main;
try {
  ({ main } = await import("../dist/cli/index.js"));
} catch (error) {
  const reason =
    error?.code === "ERR_MODULE_NOT_FOUND" ? "not built (run `npm run build`)" : error?.message;
  process.stderr.write(`annals: cannot load the program: ${String(reason).split("\n")[0]}\n`);
  process.exit(70);
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last resort: main() reports its own errors; anything here is a bug, still one line.
    process.stderr.write(
      `annals: internal error: ${String(error?.message ?? error).split("\n")[0]}\n`,
    );
    process.exitCode = 70;
  },
);
