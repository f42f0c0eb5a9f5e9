import { describe, expect, it } from "vitest";
import { Command, Help } from "commander";
import { COMMANDS, createProgram, invokedCommand } from "./index.js";

const argv = (...args: string[]) => ["node", "annals", ...args];

describe("lazy command modules", () => {
  it("lists each command as its module registers it (name, term, description)", async () => {
    const help = new Help();
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load()).register(program);
      const [cmd] = program.commands;
      expect(cmd?.name()).toBe(entry.name);
      expect(help.subcommandTerm(cmd!)).toBe(entry.term);
      expect(cmd?.description()).toBe(entry.description);
    }
  });

  it("prints the same program help with help entries as with every module loaded", async () => {
    const full = (await createProgram()).helpInformation();
    const lazy = (await createProgram(argv("--help"))).helpInformation();
    expect(lazy).toBe(full);
    expect(lazy).toContain("extract [options] <file>");
  });

  it("finds the command argv runs, through options and `help NAME`", () => {
    expect(invokedCommand(argv("extract", "a.md"))?.name).toBe("extract");
    expect(invokedCommand(argv("--help"))).toBeNull();
    expect(invokedCommand(argv("help", "ingest"))?.name).toBe("ingest");
    expect(invokedCommand(argv("-h", "check"))?.name).toBe("check");
    expect(invokedCommand(argv("extrct", "a.md"))).toBeNull();
    // An argument that happens to name another command is not the command.
    expect(invokedCommand(argv("parse", "train"))?.name).toBe("parse");
  });

  it("registers only the invoked command for real; the others load nothing", async () => {
    const program = await createProgram(argv("check", "a.md"));
    const check = program.commands.find((c) => c.name() === "check")!;
    const parse = program.commands.find((c) => c.name() === "parse")!;
    expect(check.options.length).toBeGreaterThan(0);
    expect(parse.options.length).toBe(0);
  });
});
