import { afterEach, describe, expect, it, vi } from "vitest";
import { unmockData, withData } from "../../test/shipped-data.js";

afterEach(unmockData);

/** roles.ts loaded afresh with its shipped model replaced by `load()`. */
const shippedWith = (load: () => unknown) =>
  withData("events/roles.json", load, () => import("./roles.js"));

describe("loadRoleModel", () => {
  it("is null when no role model is shipped (the rules' roles are kept)", async () => {
    const { loadRoleModel } = await shippedWith(() => {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    });
    expect(loadRoleModel()).toBeNull();
  });

  it("throws on a corrupt file instead of falling back to the rules silently", async () => {
    const { loadRoleModel } = await shippedWith(() => JSON.parse('{"version": 1, "roles": {'));
    expect(() => loadRoleModel()).toThrow(SyntaxError);
  });

  it("throws on a model of another version", async () => {
    const { loadRoleModel } = await shippedWith(() => ({ version: 2 }));
    expect(() => loadRoleModel()).toThrow(/version 2/);
  });

  it("loads the shipped model", async () => {
    vi.resetModules();
    const { loadRoleModel } = await import("./roles.js");
    expect(loadRoleModel()?.version).toBe(1);
  });
});
