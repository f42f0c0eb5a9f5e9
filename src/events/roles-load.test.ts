import { afterEach, describe, expect, it, vi } from "vitest";

/** Loads roles.ts afresh with `loadDataJson` replaced by `load` (the shipped model is cached). */
async function withData(load: () => unknown): Promise<typeof import("./roles.js")> {
  vi.resetModules();
  vi.doMock("../model/data.js", async (original) => {
    const data = await original<typeof import("../model/data.js")>();
    return {
      ...data,
      loadDataJson: (relative: string) =>
        relative === "events/roles.json" ? load() : data.loadDataJson(relative),
    };
  });
  return import("./roles.js");
}

afterEach(() => {
  vi.doUnmock("../model/data.js");
  vi.resetModules();
});

describe("loadRoleModel", () => {
  it("is null when no role model is shipped (the rules' roles are kept)", async () => {
    const { loadRoleModel } = await withData(() => {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    });
    expect(loadRoleModel()).toBeNull();
  });

  it("throws on a corrupt file instead of falling back to the rules silently", async () => {
    const { loadRoleModel } = await withData(() => JSON.parse('{"version": 1, "roles": {'));
    expect(() => loadRoleModel()).toThrow(SyntaxError);
  });

  it("throws on a model of another version", async () => {
    const { loadRoleModel } = await withData(() => ({ version: 2 }));
    expect(() => loadRoleModel()).toThrow(/version 2/);
  });

  it("loads the shipped model", async () => {
    vi.resetModules();
    const { loadRoleModel } = await import("./roles.js");
    expect(loadRoleModel()?.version).toBe(1);
  });
});
