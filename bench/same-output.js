#!/usr/bin/env node
// Output identity check for speed work: `node bench/same-output.js OLD NEW [DIR...]`.
// OLD and NEW are two built checkouts (each with dist/, bin/ and data/). For every article (the
// bundled sample plus NAME.md or NAME/NAME.md under each DIR; default: NEW's corpus/) it compares
//   1. the stdout of `node ROOT/bin/annals.js extract FILE` (the JSON contract), byte for byte;
//   2. the whole extraction of `extract()` (document with its offset maps, the normalized texts,
//      the chronicle) and the store's rows from `prepareDocument` (blobs as base64, the pipeline
//      fingerprint left out: it hashes the code, which a speed change alters by design).
// Prints one line per difference and a summary; exits 1 when anything differs. Asserts no timing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const [oldArg, newArg, ...dirArgs] = process.argv.slice(2);
if (oldArg === undefined || newArg === undefined) {
  console.error("usage: node bench/same-output.js OLD_ROOT NEW_ROOT [DIR...]");
  process.exit(2);
}
const roots = [resolve(oldArg), resolve(newArg)];
for (const root of roots) {
  if (!existsSync(join(root, "dist/extract.js"))) {
    console.error(`same-output: ${root}/dist/extract.js is missing (build it first)`);
    process.exit(2);
  }
}
const dirs = (dirArgs.length > 0 ? dirArgs : [join(roots[1], "corpus")]).map((d) => resolve(d));

const files = [join(roots[1], "samples/us-dprk.md")];
for (const dir of dirs) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.endsWith(".md") && statSync(path).isFile()) files.push(path);
    else if (existsSync(join(path, `${name}.md`))) files.push(join(path, `${name}.md`));
  }
}

/** JSON with typed arrays and buffers written out (base64 for bytes, arrays for offsets). */
const stable = (value) =>
  JSON.stringify(value, (key, v) => {
    if (key === "pipeline") return undefined;
    if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
    if (ArrayBuffer.isView(v)) return Array.from(v);
    if (v instanceof Map) return [...v];
    return v;
  });

const libs = [];
for (const root of roots) {
  libs.push({
    extract: (await import(join(root, "dist/extract.js"))).extract,
    prepare: (await import(join(root, "dist/store/write.js"))).prepareDocument,
  });
}

let differ = 0;
for (const file of files) {
  const raw = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const [cliOld, cliNew] = roots.map((root) =>
    spawnSync(process.execPath, [join(root, "bin/annals.js"), "extract", file], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    }),
  );
  if (cliOld.status !== cliNew.status || cliOld.stdout !== cliNew.stdout) {
    differ += 1;
    console.log(`DIFF cli extract: ${file} (exit ${cliOld.status} vs ${cliNew.status})`);
  }
  const [a, b] = libs.map((lib) => {
    const extraction = lib.extract({ raw, name: file });
    return { extraction: stable(extraction), prepared: stable(lib.prepare(extraction)) };
  });
  if (a.extraction !== b.extraction) {
    differ += 1;
    console.log(`DIFF extraction: ${file}`);
  }
  if (a.prepared !== b.prepared) {
    differ += 1;
    console.log(`DIFF prepared rows: ${file}`);
  }
}
console.log(
  `same-output: ${files.length} articles, ${differ} difference(s) (cli JSON, extraction, rows)`,
);
process.exit(differ === 0 ? 0 : 1);
