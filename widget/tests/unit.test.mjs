// Unit tests of the widget's pure parts (Markdown subset, SSE parser, locale choice),
// bundled from src/ in memory with esbuild. The browser behaviour is tested by
// tests/e2e.mjs, which the server's Rust tests run against a real server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

async function load(entry) {
  const out = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`../src/${entry}`, import.meta.url))],
    bundle: true,
    format: "esm",
    write: false,
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

const { parse, inline, safeUrl } = await load("markdown.ts");
const { SseParser } = await load("sse.ts");
const { pickLocale } = await load("i18n.ts");

test("paragraphs, line breaks, lists and emphasis are parsed", () => {
  assert.deepEqual(parse("Hello **you**\nsecond line\n\n- one\n- *two*\n1. first\n2) `x`"), [
    { t: "p", lines: [["Hello ", { t: "b", c: ["you"] }], ["second line"]] },
    { t: "ul", items: [["one"], [{ t: "i", c: ["two"] }]] },
    { t: "ol", items: [["first"], [{ t: "code", s: "x" }]] },
  ]);
  assert.deepEqual(parse("## Hours\nopen"), [
    { t: "p", lines: [[{ t: "b", c: ["Hours"] }]] },
    { t: "p", lines: [["open"]] },
  ]);
});

test("links keep only http, https and mailto targets", () => {
  assert.deepEqual(inline("see [our page](https://cafe.example/a?b=1) or mail [us](mailto:a@cafe.example)"), [
    "see ",
    { t: "a", href: "https://cafe.example/a?b=1", c: ["our page"] },
    " or mail ",
    { t: "a", href: "mailto:a@cafe.example", c: ["us"] },
  ]);
  assert.deepEqual(inline("Visit https://cafe.example/menu."), [
    "Visit ",
    { t: "a", href: "https://cafe.example/menu", c: ["https://cafe.example/menu"] },
    ".",
  ]);
  for (const bad of ["[x](javascript:alert(1))", "[x](javascript:alert%281%29)", "[x](data:text/html,hi)", "[x](/relative)"]) {
    assert.deepEqual(inline(bad), [bad], bad);
  }
  assert.equal(safeUrl("JavaScript:alert(1)"), null);
  assert.equal(safeUrl(" https://a.example"), "https://a.example/");
});

test("HTML in a reply is plain text", () => {
  const text = '<img src=x onerror="alert(1)"> <b>bold</b>';
  assert.deepEqual(parse(text), [{ t: "p", lines: [[text]] }]);
});

test("a lone asterisk is not emphasis", () => {
  assert.deepEqual(inline("2 * 3 * 4"), ["2 * 3 * 4"]);
});

test("the SSE parser joins events split anywhere, with CRLF and comments", () => {
  const p = new SseParser();
  assert.deepEqual(p.push(": keep-alive\n\nevent: del"), []);
  assert.deepEqual(p.push('ta\r\ndata: {"text":"Hi'), []);
  assert.deepEqual(p.push('"}\r\n\r\nevent:done\ndata:{}\n\n'), [
    { event: "delta", data: '{"text":"Hi"}' },
    { event: "done", data: "{}" },
  ]);
  assert.deepEqual(p.push("data: a\ndata: b\n\n"), [{ event: "message", data: "a\nb" }]);
});

test("Japanese browsers get Japanese, everyone else English", () => {
  assert.equal(pickLocale("ja-JP"), "ja");
  assert.equal(pickLocale("ja"), "ja");
  assert.equal(pickLocale("jv"), "en");
  assert.equal(pickLocale("en-US"), "en");
  assert.equal(pickLocale(undefined), "en");
});
