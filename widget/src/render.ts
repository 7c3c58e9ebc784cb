import { h } from "./dom";
import { type Block, type Inline, parse } from "./markdown";

/** DOM nodes for a reply written in the Markdown subset. */
export function markdown(text: string): Node[] {
  return parse(text).map(block);
}

function block(b: Block): Node {
  if (b.t === "p") {
    const p = h("p");
    b.lines.forEach((line, i) => {
      if (i) p.appendChild(h("br"));
      inlines(p, line);
    });
    return p;
  }
  const list = h(b.t);
  for (const item of b.items) inlines(list.appendChild(h("li")), item);
  return list;
}

function inlines(parent: Node, nodes: Inline[]): void {
  for (const n of nodes) {
    if (typeof n === "string") {
      parent.appendChild(document.createTextNode(n));
    } else if (n.t === "code") {
      parent.appendChild(h("code", {}, n.s));
    } else if (n.t === "a") {
      inlines(parent.appendChild(link(n.href)), n.c);
    } else {
      inlines(parent.appendChild(h(n.t === "b" ? "strong" : "em")), n.c);
    }
  }
}

/** A link that opens in a new tab without handing the page a reference to ours. */
export function link(href: string): HTMLAnchorElement {
  return h("a", { href, target: "_blank", rel: "noopener noreferrer" });
}
