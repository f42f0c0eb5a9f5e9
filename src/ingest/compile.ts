/**
 * micromark events → mdast, without mdast-util-from-markdown: the same tree (types, fields,
 * positions) for the constructs the lean reader parses (CommonMark plus GFM autolink literals,
 * strikethrough, tables and task lists; no footnotes), built in one pass over the events.
 *
 * It follows from-markdown's handlers and mdast-util-gfm's, handler by handler, and differs
 * only in how it gets there: a switch instead of a handler table called with a fresh context
 * object per event; token values sliced from the source string instead of re-serialized from
 * micromark's chunks when the source has no tab, NUL or leading byte-order mark (the only
 * characters `preprocess` rewrites; otherwise `sliceSerialize`, as from-markdown), except a
 * line ending (its token may end past the next line's container prefix) and a label that spans
 * lines (its slice holds the prefixes `> ` and list indentation of its later lines); and a
 * link's label kept aside instead of set on the node and deleted from a plain link.
 * The tree is tested equal to remark-parse + GFM's on every repository article and on the
 * malformed documents of the tests.
 */
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import type { Point, Position } from "unist";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { decodeNumericCharacterReference } from "micromark-util-decode-numeric-character-reference";
import { decodeString } from "micromark-util-decode-string";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import type { Event, Token } from "micromark-util-types";

/** An mdast node while it is built (fields as from-markdown sets them). */
interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  position: Position | undefined;
  [field: string]: unknown;
}

/** A token with the list fields from-markdown's `prepareList` adds. */
type ListToken = Token & { _spread?: boolean | undefined };

const CAN_CONTAIN_EOLS = new Set([
  "emphasis",
  "fragment",
  "heading",
  "paragraph",
  "strong",
  "delete",
]);

function point(d: { line: number; column: number; offset: number }): Point {
  return { line: d.line, column: d.column, offset: d.offset };
}

/** Compiles the events of `text` (micromark's `postprocess` output) into an mdast root. */
export function compileEvents(events: Event[], text: string): Root {
  return new Compiler(text).compile(events);
}

class Compiler {
  private readonly stack: MNode[];
  private readonly tree: MNode;
  /** Whether a token's value is its source slice (see the file comment). */
  private readonly exact: boolean;
  private expectingFirstListItemValue = false;
  private flowCodeInside = false;
  private setextHeadingSlurpLineEnding = false;
  private atHardBreak = false;
  private inReference = false;
  private inTable = false;
  private referenceType: string | undefined = undefined;
  private characterReferenceType: string | undefined = undefined;
  /** The label and identifier of the last link or image label (set on references only). */
  private label: string | undefined = undefined;
  private identifier: string | undefined = undefined;

  constructor(private readonly text: string) {
    this.tree = { type: "root", children: [], position: undefined };
    this.stack = [this.tree];
    this.exact = !/[\t\0]/.test(text) && text.charCodeAt(0) !== 0xfeff;
  }

  compile(input: Event[]): Root {
    const events = prepareLists(input);
    for (const event of events) {
      if (event[0] === "enter") this.enter(event[1], event);
      else this.exitToken(event[1], event);
    }
    const first = events[0];
    const last = events[events.length - 2];
    const origin = { line: 1, column: 1, offset: 0 };
    this.tree.position = {
      start: point(first !== undefined ? first[1].start : origin),
      end: point(last !== undefined ? last[1].end : origin),
    };
    return this.tree as unknown as Root;
  }

  private slice(token: Token, event: Event): string {
    return this.exact
      ? this.text.slice(token.start.offset, token.end.offset)
      : event[2].sliceSerialize(token);
  }

  /**
   * The value of a token that may span lines (a label): the source slice holds the container
   * prefixes (`> `, list indentation) of its later lines, micromark's chunks do not.
   */
  private sliceLines(token: Token, event: Event): string {
    const value = this.slice(token, event);
    return /[\n\r]/.test(value) ? event[2].sliceSerialize(token) : value;
  }

  /** A line ending's value (its token may end past the next line's container prefix). */
  private lineEndingValue(token: Token): string {
    const at = token.start.offset;
    if (this.text.charCodeAt(at) !== 13) return "\n";
    return this.text.charCodeAt(at + 1) === 10 ? "\r\n" : "\r";
  }

  private top(): MNode {
    return this.stack[this.stack.length - 1] as MNode;
  }

  private open(node: MNode, token: Token): void {
    (this.top().children as MNode[]).push(node);
    this.stack.push(node);
    node.position = { start: point(token.start), end: undefined as unknown as Point };
  }

  private close(token: Token): void {
    const node = this.stack.pop() as MNode;
    (node.position as Position).end = point(token.end);
  }

  private buffer(): void {
    this.stack.push({ type: "fragment", children: [], position: undefined });
  }

  private resume(): string {
    return toString(this.stack.pop() as unknown as Root);
  }

  private enterData(token: Token): void {
    const siblings = this.top().children as MNode[];
    let tail = siblings[siblings.length - 1];
    if (tail === undefined || tail.type !== "text") {
      tail = {
        type: "text",
        value: "",
        position: { start: point(token.start), end: undefined as unknown as Point },
      };
      siblings.push(tail);
    }
    this.stack.push(tail);
  }

  private exitData(token: Token, event: Event): void {
    const tail = this.stack.pop() as MNode;
    tail.value += this.slice(token, event);
    (tail.position as Position).end = point(token.end);
  }

  private enter(token: ListToken, event: Event): void {
    switch (token.type) {
      case "data":
      case "autolinkProtocol":
      case "autolinkEmail":
      case "characterEscape":
      case "characterReference":
      case "codeTextData":
      case "codeFlowValue":
      case "htmlFlowData":
      case "htmlTextData":
      case "literalAutolinkEmail":
      case "literalAutolinkHttp":
      case "literalAutolinkWww":
        this.enterData(token);
        return;
      case "paragraph":
        this.open({ type: "paragraph", children: [], position: undefined }, token);
        return;
      case "atxHeading":
      case "setextHeading":
        this.open({ type: "heading", depth: 0, children: [], position: undefined }, token);
        return;
      case "blockQuote":
        this.open({ type: "blockquote", children: [], position: undefined }, token);
        return;
      case "codeFenced":
        this.open(codeNode(), token);
        return;
      case "codeIndented":
        this.open(codeNode(), token);
        this.buffer();
        return;
      case "codeText":
        this.open({ type: "inlineCode", value: "", position: undefined }, token);
        this.buffer();
        return;
      case "codeFencedFenceInfo":
      case "codeFencedFenceMeta":
      case "definitionDestinationString":
      case "definitionLabelString":
      case "definitionTitleString":
      case "label":
      case "referenceString":
      case "resourceDestinationString":
      case "resourceTitleString":
        this.buffer();
        return;
      case "definition":
        this.open(
          {
            type: "definition",
            identifier: "",
            label: null,
            title: null,
            url: "",
            position: undefined,
          },
          token,
        );
        return;
      case "emphasis":
      case "strong":
        this.open({ type: token.type, children: [], position: undefined }, token);
        return;
      case "strikethrough":
        this.open({ type: "delete", children: [], position: undefined }, token);
        return;
      case "hardBreakEscape":
      case "hardBreakTrailing":
        this.open({ type: "break", position: undefined }, token);
        return;
      case "htmlFlow":
      case "htmlText":
        this.open({ type: "html", value: "", position: undefined }, token);
        this.buffer();
        return;
      case "image":
        this.open({ type: "image", title: null, url: "", alt: null, position: undefined }, token);
        return;
      case "link":
      case "autolink":
      case "literalAutolink":
        this.open({ type: "link", title: null, url: "", children: [], position: undefined }, token);
        return;
      case "listItem":
        this.open(
          {
            type: "listItem",
            spread: token._spread,
            checked: null,
            children: [],
            position: undefined,
          },
          token,
        );
        return;
      case "listItemValue":
        if (this.expectingFirstListItemValue) {
          const list = this.stack[this.stack.length - 2] as MNode;
          list.start = Number.parseInt(this.slice(token, event), 10);
          this.expectingFirstListItemValue = false;
        }
        return;
      case "listOrdered":
      case "listUnordered":
        this.open(
          {
            type: "list",
            ordered: token.type === "listOrdered",
            start: null,
            spread: token._spread,
            children: [],
            position: undefined,
          },
          token,
        );
        if (token.type === "listOrdered") this.expectingFirstListItemValue = true;
        return;
      case "reference":
        this.referenceType = "collapsed";
        return;
      case "thematicBreak":
        this.open({ type: "thematicBreak", position: undefined }, token);
        return;
      case "table":
        this.open(
          {
            type: "table",
            align: (token._align ?? []).map((d) => (d === "none" ? null : d)),
            children: [],
            position: undefined,
          },
          token,
        );
        this.inTable = true;
        return;
      case "tableRow":
        this.open({ type: "tableRow", children: [], position: undefined }, token);
        return;
      case "tableData":
      case "tableHeader":
        this.open({ type: "tableCell", children: [], position: undefined }, token);
        return;
      default:
    }
  }

  private exitToken(token: Token, event: Event): void {
    switch (token.type) {
      case "data":
      case "characterEscapeValue":
      case "codeFlowValue":
      case "codeTextData":
      case "htmlFlowData":
      case "htmlTextData":
        this.exitData(token, event);
        return;
      case "lineEnding":
        this.lineEnding(token, event);
        return;
      case "paragraph":
        this.taskListParagraph();
        this.close(token);
        return;
      case "atxHeading":
      case "autolink":
      case "blockQuote":
      case "definition":
      case "emphasis":
      case "listItem":
      case "listOrdered":
      case "listUnordered":
      case "strong":
      case "thematicBreak":
      case "literalAutolink":
      case "strikethrough":
      case "tableData":
      case "tableHeader":
      case "tableRow":
        this.close(token);
        return;
      case "table":
        this.close(token);
        this.inTable = false;
        return;
      case "atxHeadingSequence": {
        const node = this.top();
        if (!node.depth) node.depth = this.slice(token, event).length;
        return;
      }
      case "setextHeadingText":
        this.setextHeadingSlurpLineEnding = true;
        return;
      case "setextHeadingLineSequence":
        this.top().depth = this.slice(token, event).codePointAt(0) === 61 ? 1 : 2;
        return;
      case "setextHeading":
        this.close(token);
        this.setextHeadingSlurpLineEnding = false;
        return;
      case "autolinkProtocol":
      case "literalAutolinkHttp":
        this.exitData(token, event);
        this.top().url = this.slice(token, event);
        return;
      case "autolinkEmail":
      case "literalAutolinkEmail":
        this.exitData(token, event);
        this.top().url = "mailto:" + this.slice(token, event);
        return;
      case "literalAutolinkWww":
        this.exitData(token, event);
        this.top().url = "http://" + this.slice(token, event);
        return;
      case "characterReferenceMarkerHexadecimal":
      case "characterReferenceMarkerNumeric":
        this.characterReferenceType = token.type;
        return;
      case "characterReferenceValue": {
        const data = this.slice(token, event);
        const type = this.characterReferenceType;
        let value: string;
        if (type !== undefined) {
          value = decodeNumericCharacterReference(
            data,
            type === "characterReferenceMarkerNumeric" ? 10 : 16,
          );
          this.characterReferenceType = undefined;
        } else {
          value = decodeNamedCharacterReference(data) as string;
        }
        this.top().value += value;
        return;
      }
      case "characterReference": {
        const tail = this.stack.pop() as MNode;
        (tail.position as Position).end = point(token.end);
        return;
      }
      case "codeFencedFence":
        if (this.flowCodeInside) return;
        this.buffer();
        this.flowCodeInside = true;
        return;
      case "codeFencedFenceInfo": {
        const data = this.resume();
        this.top().lang = data;
        return;
      }
      case "codeFencedFenceMeta": {
        const data = this.resume();
        this.top().meta = data;
        return;
      }
      case "codeFenced": {
        const data = this.resume();
        this.top().value = data.replace(/^(?:\r?\n|\r)|(?:\r?\n|\r)$/g, "");
        this.flowCodeInside = false;
        this.close(token);
        return;
      }
      case "codeIndented": {
        const data = this.resume();
        this.top().value = data.replace(/(?:\r?\n|\r)$/, "");
        this.close(token);
        return;
      }
      case "codeText": {
        let data = this.resume();
        if (this.inTable)
          data = data.replace(/\\([\\|])/g, (all, c: string) => (c === "|" ? c : all));
        this.top().value = data;
        this.close(token);
        return;
      }
      case "htmlFlow":
      case "htmlText": {
        const data = this.resume();
        this.top().value = data;
        this.close(token);
        return;
      }
      case "definitionLabelString": {
        const label = this.resume();
        const node = this.top();
        node.label = label;
        node.identifier = normalizeIdentifier(this.sliceLines(token, event)).toLowerCase();
        return;
      }
      case "definitionTitleString":
      case "resourceTitleString": {
        const data = this.resume();
        this.top().title = data;
        return;
      }
      case "definitionDestinationString":
      case "resourceDestinationString": {
        const data = this.resume();
        this.top().url = data;
        return;
      }
      case "hardBreakEscape":
      case "hardBreakTrailing":
        this.atHardBreak = true;
        this.close(token);
        return;
      case "labelText": {
        const string = this.sliceLines(token, event);
        this.label = decodeString(string);
        this.identifier = normalizeIdentifier(string).toLowerCase();
        return;
      }
      case "label": {
        const fragment = this.top();
        const value = this.resume();
        const node = this.top();
        this.inReference = true;
        if (node.type === "link") node.children = fragment.children as MNode[];
        else node.alt = value;
        return;
      }
      case "resource":
        this.inReference = false;
        return;
      case "referenceString": {
        this.label = this.resume();
        this.identifier = normalizeIdentifier(this.sliceLines(token, event)).toLowerCase();
        this.referenceType = "full";
        return;
      }
      case "link":
      case "image":
        this.linkOrImage();
        this.close(token);
        return;
      case "taskListCheckValueChecked":
      case "taskListCheckValueUnchecked":
        (this.stack[this.stack.length - 2] as MNode).checked =
          token.type === "taskListCheckValueChecked";
        return;
      default:
    }
  }

  private lineEnding(token: Token, event: Event): void {
    const context = this.top();
    if (this.atHardBreak) {
      const children = context.children as MNode[];
      const tail = children[children.length - 1] as MNode;
      (tail.position as Position).end = point(token.end);
      this.atHardBreak = false;
      return;
    }
    if (!this.setextHeadingSlurpLineEnding && CAN_CONTAIN_EOLS.has(context.type)) {
      this.enterData(token);
      const tail = this.stack.pop() as MNode;
      tail.value += this.exact ? this.lineEndingValue(token) : event[2].sliceSerialize(token);
      (tail.position as Position).end = point(token.end);
    }
  }

  /** A link or image with a label but no resource is a reference (from-markdown's rule). */
  private linkOrImage(): void {
    const node = this.top();
    if (this.inReference) {
      // Note: from-markdown retypes the node and deletes its url and title; the same fields.
      const reference: MNode = { type: `${node.type}Reference`, position: node.position };
      if (node.type === "image") reference.alt = node.alt;
      else reference.children = node.children as MNode[];
      reference.label = this.label;
      reference.identifier = this.identifier;
      reference.referenceType = this.referenceType ?? "shortcut";
      const siblings = (this.stack[this.stack.length - 2] as MNode).children as MNode[];
      siblings[siblings.length - 1] = reference;
      this.stack[this.stack.length - 1] = reference;
    }
    this.referenceType = undefined;
  }

  /** mdast-util-gfm-task-list-item: the check's trailing space leaves the first paragraph. */
  private taskListParagraph(): void {
    const parent = this.stack[this.stack.length - 2];
    if (parent === undefined || parent.type !== "listItem" || typeof parent.checked !== "boolean") {
      return;
    }
    const node = this.top();
    const head = (node.children as MNode[])[0];
    if (head === undefined || head.type !== "text") return;
    const first = (parent.children as MNode[]).find((sibling) => sibling.type === "paragraph");
    if (first !== node) return;
    head.value = (head.value as string).slice(1);
    if (head.value.length === 0) (node.children as MNode[]).shift();
    else if (node.position && head.position && typeof head.position.start.offset === "number") {
      head.position.start.column += 1;
      head.position.start.offset += 1;
      node.position.start = { ...head.position.start };
    }
  }
}

function codeNode(): MNode {
  return { type: "code", lang: null, meta: null, value: "", position: undefined };
}

/**
 * from-markdown's list preparation: `listItem` events inserted around each item, each list
 * and item marked spread or not. Returns the new event list (the input is not reordered, but
 * its line-ending tokens are retyped as from-markdown retypes them).
 */
function prepareLists(events: Event[]): Event[] {
  const prepared: Event[] = [];
  const listStack: number[] = [];
  for (const event of events) {
    prepared.push(event);
    const type = event[1].type;
    if (type === "listOrdered" || type === "listUnordered") {
      if (event[0] === "enter") listStack.push(prepared.length - 1);
      else prepareList(prepared, listStack.pop() as number);
    }
  }
  return prepared;
}

/** One list, last in `events` (a port of from-markdown's `prepareList`). */
function prepareList(events: Event[], start: number): void {
  const end = events.length - 1;
  let containerBalance = -1;
  let listSpread = false;
  let listItem: ListToken | undefined;
  let lineIndex: number | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: Array<{ at: number; event: Event }> = [];
  for (let index = start; index <= end; index += 1) {
    const event = events[index] as Event;
    switch (event[1].type) {
      case "listUnordered":
      case "listOrdered":
      case "blockQuote":
        containerBalance += event[0] === "enter" ? 1 : -1;
        atMarker = undefined;
        break;
      case "lineEndingBlank":
        if (event[0] === "enter") {
          if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) {
            firstBlankLineIndex = index;
          }
          atMarker = undefined;
        }
        break;
      case "linePrefix":
      case "listItemValue":
      case "listItemMarker":
      case "listItemPrefix":
      case "listItemPrefixWhitespace":
        break;
      default:
        atMarker = undefined;
    }
    if (
      (!containerBalance && event[0] === "enter" && event[1].type === "listItemPrefix") ||
      (containerBalance === -1 &&
        event[0] === "exit" &&
        (event[1].type === "listUnordered" || event[1].type === "listOrdered"))
    ) {
      if (listItem) {
        let tailIndex = index;
        lineIndex = undefined;
        while (tailIndex--) {
          const tailEvent = events[tailIndex] as Event;
          const tailType = tailEvent[1].type;
          if (tailType === "lineEnding" || tailType === "lineEndingBlank") {
            if (tailEvent[0] === "exit") continue;
            if (lineIndex) {
              (events[lineIndex] as Event)[1].type = "lineEndingBlank";
              listSpread = true;
            }
            tailEvent[1].type = "lineEnding";
            lineIndex = tailIndex;
          } else if (
            tailType === "linePrefix" ||
            tailType === "blockQuotePrefix" ||
            tailType === "blockQuotePrefixWhitespace" ||
            tailType === "blockQuoteMarker" ||
            tailType === "listItemIndent"
          ) {
            // Empty.
          } else break;
        }
        if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) {
          listItem._spread = true;
        }
        listItem.end = Object.assign(
          {},
          lineIndex ? (events[lineIndex] as Event)[1].start : event[1].end,
        );
        insertions.push({ at: lineIndex || index, event: ["exit", listItem, event[2]] });
      }
      if (event[1].type === "listItemPrefix") {
        const item = {
          type: "listItem",
          _spread: false,
          start: Object.assign({}, event[1].start),
          end: undefined,
        } as unknown as ListToken;
        listItem = item;
        insertions.push({ at: index, event: ["enter", item, event[2]] });
        firstBlankLineIndex = undefined;
        atMarker = true;
      }
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let index = 0; index < listEvents.length; index += 1) {
    while (insertion < insertions.length && insertions[insertion]?.at === start + index) {
      events.push((insertions[insertion] as { event: Event }).event);
      insertion += 1;
    }
    events.push(listEvents[index] as Event);
  }
  ((events[start] as Event)[1] as ListToken)._spread = listSpread;
}
