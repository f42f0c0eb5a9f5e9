import { describe, expect, it } from "vitest";
import { candidateOf, tracedFeatures } from "./testing.js";
import { sentenceFeatures, type Candidate } from "./features.js";

describe("events:features/sentence", () => {
  const text = "由于天气恶劣，舰队于1894年返回，随后解散，官员说明";
  const candidate = (
    start: number,
    end: number,
    headAt: number,
    headEnd: number,
    opts: { rule?: boolean; explicit?: boolean } = {},
  ): Candidate =>
    candidateOf(text, start, end, {
      rule: opts.rule ? { type: "statement", trigger: "说明", role: "act" } : null,
      head: { start: headAt, end: headEnd },
      date: {
        value: "1894",
        mod: null,
        timex: null,
        inferred: false,
        basis: opts.explicit ? "explicit" : "narrative",
      },
    });
  const at = (w: string): [number, number] => [text.indexOf(w), text.indexOf(w) + w.length];

  it("reads each candidate against the other candidates of its sentence", () => {
    const group = [
      candidate(7, 17, ...at("返回"), { explicit: true }),
      candidate(18, 22, ...at("解散")),
      candidate(23, 27, ...at("说明"), { rule: true }),
    ];
    const [returned, dissolved, said] = sentenceFeatures(group);
    expect(returned).toContain("ctx:ncand=3");
    expect(returned).toContain("ctx:cpos=first|bare");
    expect(returned).toContain("ctx:srule=bare|other");
    expect(returned).toContain("ctx:own=first|bare");
    expect(dissolved).toContain("ctx:cpos=mid|bare");
    expect(dissolved).toContain("ctx:own=after|bare");
    expect(said).toContain("ctx:cpos=last|rule");
    expect(said).toContain("ctx:srule=rule|alone");
    // 返回 and 解散 are event vocabulary (the lexicon), counted in order.
    expect(returned).toContain("ctx:lexrank=0|bare");
    expect(dissolved).toContain("ctx:lexrank=1|bare");
  });

  it("marks a candidate alone in its sentence", () => {
    const [only] = sentenceFeatures([candidate(7, 17, ...at("返回"))]);
    expect(only).toContain("ctx:ncand=1");
    expect(only).toContain("ctx:cpos=only|bare");
    expect(only).toContain("ctx:own=none|bare");
    expect(only?.some((f) => f.startsWith("ctx:share"))).toBe(false);
  });

  it("gives the candidates of an article their sentence's features", () => {
    const features = tracedFeatures("1900年，清军进攻天津，联军撤退。\n\n各国签订条约。\n");
    const attack = [...features].find(([t]) => t.includes("清军进攻"))?.[1] ?? [];
    expect(attack).toContain("ctx:ncand=2");
    expect(attack.some((f) => f.startsWith("ctx:cpos=first|"))).toBe(true);
    const retreat = [...features].find(([t]) => t.includes("联军撤退"))?.[1] ?? [];
    expect(retreat.some((f) => f.startsWith("ctx:cpos=last|"))).toBe(true);
    const treaty = [...features].find(([t]) => t.includes("签订条约"))?.[1] ?? [];
    expect(treaty.some((f) => f.startsWith("ctx:cpos=only"))).toBe(true);
  });
});

describe("events:features/typer-evidence", () => {
  it("reads the kind of the argument before the head, with the head's classes", () => {
    const features = tracedFeatures("1900年，舰队抵达天津。\n\n1901年，公使抵达北京。\n");
    const fleet = [...features].find(([t]) => t.includes("舰队抵达"))?.[1] ?? [];
    expect(fleet).toContain("subj=force");
    expect(fleet).toContain("subj=force|hlex=visit");
    const envoy = [...features].find(([t]) => t.includes("公使抵达"))?.[1] ?? [];
    expect(envoy).toContain("subj=office|hlex=visit");
  });

  it("marks a head outside the event lexicon", () => {
    const features = tracedFeatures("1921年，铁路向西延伸至包头。\n");
    const line = [...features].find(([t]) => t.includes("延伸"))?.[1] ?? [];
    expect(line).toContain("hlex=none");
    expect(line).toContain("hlex=none|rule=none");
    expect(line).not.toContain("hlex=any");
  });
});
