/**
 * Test support: a module loaded afresh with one shipped data file (`data/<relative>`) replaced,
 * for the loaders of trained models, which cache what they read.
 */
import { vi } from "vitest";

const DATA_MODULE = new URL("../src/model/data.ts", import.meta.url).pathname;

/**
 * Imports a fresh copy of a module (through `importer`, so its path resolves beside the test)
 * whose `loadDataJson(relative)` returns `load()`; other data files load as shipped.
 */
export async function withData<T>(
  relative: string,
  load: () => unknown,
  importer: () => Promise<T>,
): Promise<T> {
  vi.resetModules();
  vi.doMock(DATA_MODULE, async (original) => {
    const data = await original<typeof import("../src/model/data.js")>();
    return {
      ...data,
      loadDataJson: (path: string) => (path === relative ? load() : data.loadDataJson(path)),
    };
  });
  return importer();
}

/** Undoes `withData`: later imports read the shipped files again. */
export function unmockData(): void {
  vi.doUnmock(DATA_MODULE);
  vi.resetModules();
}
