/** Small DOM helpers: elements are built with createElement and text nodes only. */

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** `<tag attrs…>children</tag>`; `false`/absent attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v === true) el.setAttribute(k, "");
    else if (v !== false && v !== undefined) el.setAttribute(k, v);
  }
  add(el, children);
  return el;
}

export function add(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** Replaces `el`'s children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  add(el, children);
}

/** An SVG icon from one path, hidden from assistive technology. */
export function icon(d: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  svg.appendChild(path);
  return svg;
}
