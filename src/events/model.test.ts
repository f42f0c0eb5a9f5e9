import { describe, expect, it } from "vitest";
import { EVENT, NONE, perceptron, predict, tablePrior, train, type Example } from "./model.js";

/** A small labelled set: the verb decides the type, a modal cue makes it no event. */
function examples(): Example[] {
  const out: Example[] = [];
  const verbs: Array<[string, string]> = [
    ["head=登陆", "armed_incident"],
    ["head=签署", "agreement"],
    ["head=访问", "visit"],
    ["head=认为", NONE],
  ];
  for (let i = 0; i < 40; i += 1)
    for (const [verb, label] of verbs) {
      const features = ["bias", verb, `w=x${i % 7}`];
      out.push({ features, label });
      if (label !== NONE) out.push({ features: [...features, "modal=plan"], label: NONE });
    }
  return out;
}

describe("events:model/perceptron", () => {
  it("learns the labels of a separable set, including the modal negatives", () => {
    const model = train(examples(), { epochs: 8, seed: 7 });
    expect(predict(model, ["bias", "head=登陆", "w=x3"]).label).toBe("armed_incident");
    expect(predict(model, ["bias", "head=签署"]).label).toBe("agreement");
    expect(predict(model, ["bias", "head=访问", "modal=plan"]).label).toBe(NONE);
    expect(predict(model, ["bias", "head=认为"]).label).toBe(NONE);
  });

  it("is reproducible: the same examples and seed give the same weights", () => {
    const a = train(examples(), { epochs: 5, seed: 3 });
    const b = train(examples(), { epochs: 5, seed: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("averages the weights of perceptrons trained on different shuffles", () => {
    const runs = [1, 2, 3].map((seed) => perceptron(examples(), { epochs: 2, seed }));
    const mean = perceptron(examples(), { epochs: 2, seed: 1, shuffles: 3 });
    expect(mean.labels).toEqual(runs[0]?.labels);
    const weight = (m: (typeof runs)[number], f: string, label: string): number => {
      const row = m.weights[f] ?? [];
      const at = row.findIndex((x, i) => i % 2 === 0 && x === m.labels.indexOf(label));
      return at < 0 ? 0 : (row[at + 1] ?? 0);
    };
    // The runs differ (else averaging would change nothing), and the mean is their mean.
    const single = runs.map((m) => weight(m, "w=x3", "armed_incident"));
    expect(new Set(single).size).toBeGreaterThan(1);
    const expected = single.reduce((a, b) => a + b, 0) / 3;
    expect(weight(mean, "w=x3", "armed_incident")).toBeCloseTo(expected, 2);
    // Same settings, same weights.
    const again = perceptron(examples(), { epochs: 2, seed: 1, shuffles: 3 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(mean));
  });

  it("does not depend on the order labels first appear in", () => {
    const a = train(examples(), { epochs: 3, seed: 1 });
    expect(a.detector.labels).toEqual([NONE, EVENT]);
    expect(a.typer.labels.slice(1)).toEqual([...a.typer.labels.slice(1)].sort());
  });

  it("starts the typer from the tables' reading and corrects it only where the data disagree", () => {
    const prior = tablePrior(["agreement", "talks"], 5);
    // Two examples say the rules' "talks" reading of 会谈 is right, none says otherwise.
    const examplesWithRule: Example[] = [
      { features: ["rule=talks", "head=会谈"], label: "talks" },
      { features: ["rule=agreement", "head=签署"], label: "agreement" },
    ];
    const typer = perceptron(examplesWithRule, { epochs: 3, seed: 1, prior });
    const row = typer.weights["rule=agreement"] ?? [];
    expect(row[0]).toBe(typer.labels.indexOf("agreement"));
    expect(row[1]).toBe(5);
    // A type the prior knows wins for an unseen head.
    const detector = perceptron(
      [
        { features: ["rule=agreement"], label: EVENT },
        { features: ["modal=plan"], label: NONE },
      ],
      { epochs: 5, seed: 1 },
    );
    const model = { version: 2 as const, threshold: 0, detector, typer };
    expect(predict(model, ["rule=agreement", "head=缔结"]).label).toBe("agreement");
  });

  it("lets the detector read a clause's context (ctx:…) and keeps it out of the typer", () => {
    // The context alone tells events from none; it never tells the type.
    const data: Example[] = [];
    for (let i = 0; i < 20; i += 1) {
      data.push({ features: ["bias", "head=登陆", "ctx:sec=course"], label: "armed_incident" });
      data.push({ features: ["bias", "head=签署", "ctx:sec=after"], label: "agreement" });
      data.push({ features: ["bias", "head=签署", "ctx:sec=assess"], label: NONE });
    }
    const model = train(data, { epochs: 5, seed: 1 });
    expect(Object.keys(model.detector.weights)).toContain("ctx:sec=assess");
    expect(Object.keys(model.typer.weights).some((f) => f.startsWith("ctx:"))).toBe(false);
    expect(predict(model, ["bias", "head=签署", "ctx:sec=assess"]).label).toBe(NONE);
    expect(predict(model, ["bias", "head=签署", "ctx:sec=course"]).label).toBe("agreement");
  });

  it("predicts none with a zero margin for unknown features only when none scores highest", () => {
    const model = train(examples(), { epochs: 5, seed: 2 });
    const { label, margin } = predict(model, ["never-seen"]);
    expect(label).toBe(NONE);
    expect(margin).toBe(0);
  });
});
