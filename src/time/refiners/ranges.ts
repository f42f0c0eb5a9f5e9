/**
 * Links the endpoints of ranges and coordinations (至/到/—/～/-, 和/及/与/或/、): each endpoint
 * stays its own timex, and a later endpoint takes missing parts from the one before it.
 */
import type { Refiner } from "../types.js";

const CONNECTOR = /^\s*(?:[至到—–\-－~～、和及与或一]|以及|起至)\s*$/;

/** `time:zh/ranges`. */
export const ranges: Refiner = {
  name: "ranges",
  refine(items, input) {
    return items.map((item, i) => {
      const prev = items[i - 1];
      if (prev === undefined || prev.block !== item.block) return item;
      if (
        item.type === "DURATION" ||
        item.type === "SET" ||
        prev.type === "DURATION" ||
        prev.type === "SET"
      )
        return item;
      if (item.value !== undefined || prev.value !== undefined) return item;
      if (!CONNECTOR.test(input.text.slice(prev.textEnd, item.textStart))) return item;
      return { ...item, head: i - 1 };
    });
  },
};
