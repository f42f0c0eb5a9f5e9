/**
 * Element building without HTML parsing: every string becomes a text node, so article text and
 * API data can never turn into markup. Nothing in the page uses innerHTML.
 */

type Child = Node | string | null | undefined | false;

/** Attributes and handlers for `h`. */
export interface Props {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  tabindex?: number;
  href?: string;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  onclick?: (event: MouseEvent) => void;
  onkeydown?: (event: KeyboardEvent) => void;
  type?: string;
  value?: string;
  placeholder?: string;
}

/** Creates an element with text-only children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.role) el.setAttribute("role", props.role);
  if (props.tabindex !== undefined) el.tabIndex = props.tabindex;
  if (props.href !== undefined) {
    const safe = safeHref(props.href);
    if (safe !== null) el.setAttribute("href", safe);
  }
  if (props.type !== undefined) el.setAttribute("type", props.type);
  if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
  if (props.placeholder !== undefined) el.setAttribute("placeholder", props.placeholder);
  for (const [key, value] of Object.entries(props.dataset ?? {})) el.dataset[key] = value;
  for (const [key, value] of Object.entries(props.aria ?? {}))
    el.setAttribute(`aria-${key}`, value);
  if (props.onclick) el.addEventListener("click", props.onclick as EventListener);
  if (props.onkeydown) el.addEventListener("keydown", props.onkeydown as EventListener);
  append(el, ...children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Removes every child of an element. */
export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A same-page `#…` link or an absolute http(s) URL; anything else (javascript:, data:) is refused. */
export function safeHref(href: string): string | null {
  if (href.startsWith("#")) return href;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Makes an element act as a button for the keyboard: focusable, Enter and Space activate it. */
export function activatable<E extends HTMLElement>(el: E, action: () => void): E {
  if (el.tabIndex < 0) el.tabIndex = 0;
  if (!el.getAttribute("role")) el.setAttribute("role", "button");
  el.addEventListener("click", (event) => {
    event.preventDefault();
    action();
  });
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  });
  return el;
}
