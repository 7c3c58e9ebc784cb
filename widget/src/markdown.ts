/**
 * The Markdown subset replies may use: paragraphs with line breaks, bulleted and
 * numbered lists, `**strong**`, `*emphasis*`, `` `code` ``, `[links](https://…)` and bare
 * http(s) URLs. Parsed into a small tree that `render.ts` turns into DOM nodes with
 * `createElement` and text nodes only: nothing here is ever HTML, so `<img onerror>` in
 * a reply stays text. A link whose target is not http, https or mailto stays text too.
 */

export type Inline =
  | string
  | { t: "b" | "i"; c: Inline[] }
  | { t: "code"; s: string }
  | { t: "a"; href: string; c: Inline[] };

export type Block =
  | { t: "p"; lines: Inline[][] }
  | { t: "ul" | "ol"; items: Inline[][] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;

/** The blocks of `text`. */
export function parse(text: string): Block[] {
  const blocks: Block[] = [];
  let last: Block | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      last = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet || numbered;
    if (item) {
      const t = bullet ? "ul" : "ol";
      if (last?.t !== t) blocks.push((last = { t, items: [] }));
      last.items.push(inline(item[1]));
      continue;
    }
    const heading = HEADING.exec(line);
    const content = heading ? [{ t: "b" as const, c: inline(heading[1]) }] : inline(line);
    if (last?.t !== "p" || heading) blocks.push((last = { t: "p", lines: [] }));
    last.lines.push(content);
    if (heading) last = undefined;
  }
  return blocks;
}

// strong | emphasis | code | [label](target) | bare URL
const TOKEN =
  /\*\*(.+?)\*\*|\*(\S(?:.*?\S)?)\*|`([^`]+)`|\[([^\]\n]+)\]\(([^()\s]*)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"。、）」])/;

/** The inline nodes of one line. */
export function inline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(rest))) {
    if (m.index) out.push(rest.slice(0, m.index));
    if (m[1] !== undefined) out.push({ t: "b", c: inline(m[1]) });
    else if (m[2] !== undefined) out.push({ t: "i", c: inline(m[2]) });
    else if (m[3] !== undefined) out.push({ t: "code", s: m[3] });
    else if (m[4] !== undefined) {
      const href = safeUrl(m[5]);
      out.push(href ? { t: "a", href, c: inline(m[4]) } : m[0]);
    } else {
      const href = safeUrl(m[6]);
      out.push(href ? { t: "a", href, c: [m[6]] } : m[6]);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

/** `url` if it is an absolute http, https or mailto URL, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  try {
    const u = new URL(url || "");
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
