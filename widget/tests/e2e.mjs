// The widget in real headless Chromium against a real Mimi server and host pages on
// other origins. Run by the server's Rust test (apps/server/tests/server/widget.rs),
// which seeds the apps and the fake model, serves the host pages and checks the
// database afterwards; this script drives the browser and prints one JSON line of what
// it saw. Any failed expectation exits non-zero with the reason.
//
// Environment: MIMI_URL (the server), HOST_URL (an allowed origin's page server),
// OTHER_URL (the same pages on an origin the app does not allow), SCREENSHOT (where the
// mobile screenshot goes), CHROMIUM (default /usr/bin/chromium).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
for (const name of ["MIMI_URL", "HOST_URL", "OTHER_URL", "SCREENSHOT", "OWNER_KEY", "WORKSPACE_ID"]) {
  if (!process.env[name]) fail(`${name} is not set`);
}
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}: install Debian's chromium (scripts/test does)`);
let playwright, axeSource;
try {
  playwright = require("playwright-core");
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch {
  fail("widget/node_modules is missing: run `npm ci` in widget/ (scripts/test does)");
}

const { MIMI_URL, HOST_URL, OTHER_URL, SCREENSHOT, OWNER_KEY, WORKSPACE_ID } = process.env;
const MIMI = new URL(MIMI_URL).origin;
const HOST = new URL(HOST_URL).origin;
const OTHER = new URL(OTHER_URL).origin;
const REACH_Q = "How can I reach the manager?";

function fail(why) {
  console.error(`widget e2e: ${why}`);
  process.exit(1);
}

/** Everything every page saw: request origins, Set-Cookie headers, CSP reports. */
const seen = { origins: new Set(), setCookies: [], cspErrors: [], pageErrors: [] };

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "en-US", ...options });
  const page = await context.newPage();
  page.on("request", (r) => seen.origins.add(new URL(r.url()).origin));
  page.on("response", async (r) => {
    const headers = await r.allHeaders().catch(() => ({}));
    if (headers["set-cookie"]) seen.setCookies.push(r.url());
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.cspErrors.push(m.text());
  });
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page };
}

/** The page's widget elements (Playwright's CSS reaches into open shadow roots). */
function widget(page) {
  const $ = (css) => page.locator(`mimi-widget ${css}`);
  return {
    launcher: $(".l"),
    panel: $(".p"),
    title: $("h2"),
    input: $("form:not(.h) input"),
    notice: $(".n"),
    log: $(".g"),
    replies: $(".g .m:not(.v)"),
    $,
  };
}

/** Which element of the shadow root has focus, as `tag.class`. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.querySelector("mimi-widget")?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${el.className}` : null;
  });

/** Asks `question` and waits for the reply to finish (the input comes back). */
async function ask(page, question) {
  const w = widget(page);
  await w.input.fill(question);
  await w.input.press("Enter");
  await page.waitForFunction(() => {
    const root = document.querySelector("mimi-widget").shadowRoot;
    return !root.querySelector("form:not(.h) input").disabled;
  });
  return w.replies.last();
}

function storedConversation(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("mimi:"));
    return key ? JSON.parse(localStorage.getItem(key)) : null;
  });
}

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function noCookies(page) {
  assert.equal(await page.evaluate(() => document.cookie), "", "document.cookie is empty");
  assert.deepEqual(await page.context().cookies(), [], "the browser holds no cookie");
}

const report = { conversations: [], handed_off: null, axe: {} };
const browser = await playwright.chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

try {
  await desktop();
  await mobile();
  await japanese();
  await markup();
  await refused();
  await publicPage();
  assert.deepEqual(seen.setCookies, [], "no response set a cookie");
  assert.deepEqual([...seen.origins].sort(), [HOST, MIMI, OTHER].sort(), "only the host pages and Mimi were asked");
  assert.deepEqual(seen.cspErrors, [], "the host pages' CSP refused nothing");
  assert.deepEqual(seen.pageErrors, [], "no uncaught error");
  console.log(JSON.stringify(report));
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
}

/** Open, ask, stream, sources, redaction, reload to resume, hand-off, start over. */
async function desktop() {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${HOST_URL}/?app=ann-cafe`);
  const w = widget(page);
  await w.title.filter({ hasText: "Ann's Cafe" }).waitFor({ state: "attached" });
  assert.equal(await w.panel.isVisible(), false, "the panel starts closed");
  // The theme colour came through the constructable stylesheet, under the host's CSP.
  assert.equal(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(15, 118, 110)");
  // The host page's styles do not reach the widget, and the widget's do not reach the page.
  assert.equal(await page.locator("main p").evaluate((el) => getComputedStyle(el).color), "rgb(255, 0, 0)");
  assert.equal(await page.locator("main button").evaluate((el) => getComputedStyle(el).borderRadius), "3px");
  assert.equal(await w.launcher.evaluate((el) => getComputedStyle(el).borderRadius), "50%");

  await w.launcher.click();
  await w.panel.waitFor();
  assert.equal(await focused(page), "input.", "opening focuses the question field");
  assert.equal(await w.launcher.getAttribute("aria-expanded"), "true");
  assert.match(await w.log.innerText(), /Welcome to Ann's Cafe!/);
  assert.equal(await w.$(".q button").innerText(), "When are you open?");

  const reply = await ask(page, REACH_Q);
  const text = await reply.innerText();
  assert.notEqual(await reply.locator("p").first().evaluate((el) => getComputedStyle(el).color), "rgb(255, 0, 0)");
  assert.match(text, /\[PHONE\]/, "the manager's number is redacted");
  assert.doesNotMatch(text, /090-1234-5678/);
  const source = reply.locator(".s a");
  assert.equal(await source.getAttribute("href"), "https://cafe.example/contact");
  assert.equal(await source.getAttribute("target"), "_blank");
  assert.match(await source.getAttribute("rel"), /noopener/);
  assert.equal(await source.innerText(), REACH_Q);
  assert.match(await w.$(".r[aria-live=polite]").textContent(), /\[PHONE\]/, "the reply is announced");
  assert.equal(await w.$(".q").isVisible(), false, "suggestions go once the visitor asks");
  const events = await page.evaluate(() => window.__messages);
  assert.deepEqual(
    events.map((m) => m.role),
    ["visitor", "assistant"],
    "mimi('on','message') queued before load hears both",
  );
  assert.match(events[1].text, /\[PHONE\]/);
  const stored = await storedConversation(page);
  assert.ok(stored?.conversation_id && stored.visitor_token, "the conversation is kept in localStorage");
  report.conversations.push(stored.conversation_id);
  report.axe.desktop = await axe(page);
  assert.deepEqual(report.axe.desktop, [], "axe: no serious or critical violation");

  // Reload: the conversation comes back from localStorage.
  await page.reload();
  await w.title.filter({ hasText: "Ann's Cafe" }).waitFor({ state: "attached" });
  await page.evaluate(() => window.mimi("open"));
  await w.replies.filter({ hasText: "[PHONE]" }).waitFor();
  assert.match(await w.log.innerText(), new RegExp(REACH_Q.replace("?", "\\?")));
  assert.equal(await w.$(".s a").getAttribute("href"), "https://cafe.example/contact");

  // Esc closes and gives the launcher back the focus.
  await w.input.focus();
  await page.keyboard.press("Escape");
  assert.equal(await w.panel.isVisible(), false, "Esc closes");
  assert.equal(await focused(page), "button.l");
  await page.keyboard.press("Enter");
  await w.panel.waitFor();

  // Talk to a person: the contact reaches the owner (the Rust test reads it back).
  await w.$("footer button").click();
  assert.equal(await focused(page), "input.");
  await w.$("#mimi-contact").fill("ken@example.com");
  await w.$("form.h button[type=submit]").click();
  await w.replies.filter({ hasText: "passed on" }).waitFor();
  report.handed_off = stored.conversation_id;

  // The owner replies from the dashboard: the open widget shows it as it is written.
  const ownerReply = "Hi, Ann here. I will call you back this afternoon.";
  const url = `${MIMI_URL}/api/v1/workspaces/${WORKSPACE_ID}/conversations/${stored.conversation_id}/messages`;
  const posted = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${OWNER_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ text: ownerReply }),
  });
  assert.equal(posted.status, 201, await posted.text());
  await w.$(".m.o").filter({ hasText: ownerReply }).waitFor();
  assert.match(await w.$(".r[aria-live=polite]").textContent(), /Ann here/, "the owner's reply is announced");

  // Start over forgets the conversation, here and after a reload.
  await w.$("header button:not(.x)").click();
  assert.equal(await storedConversation(page), null, "start over clears localStorage");
  assert.doesNotMatch(await w.log.innerText(), /PHONE/);
  assert.equal(await w.$(".q").isVisible(), true);
  await page.reload();
  await w.title.filter({ hasText: "Ann's Cafe" }).waitFor({ state: "attached" });
  await page.evaluate(() => window.mimi("toggle"));
  await w.panel.waitFor();
  assert.equal(await w.$(".g .m").count(), 1, "only the greeting is left");
  await noCookies(page);
  await context.close();
}

/** Full screen on a phone, opened by `data-open`, with a 16 px question field. */
async function mobile() {
  const { context, page } = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  });
  await page.goto(`${HOST_URL}/?app=ann-cafe&open`);
  const w = widget(page);
  await w.panel.waitFor();
  assert.deepEqual(await w.panel.boundingBox(), { x: 0, y: 0, width: 390, height: 844 }, "full screen");
  assert.equal(await w.launcher.isVisible(), false, "the launcher hides under the full-screen panel");
  const size = await w.input.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 16, `the question field's font is ${size}px`);
  const reply = await ask(page, "When are you open?");
  assert.match(await reply.innerText(), /nine in the morning/);
  report.conversations.push((await storedConversation(page)).conversation_id);
  await page.locator("mimi-widget .p").screenshot({ path: SCREENSHOT });
  report.axe.mobile = await axe(page);
  assert.deepEqual(report.axe.mobile, [], "axe (mobile): no serious or critical violation");
  await noCookies(page);
  await context.close();
}

/** A Japanese browser gets Japanese; mimi('locale', …) overrides it. */
async function japanese() {
  const { context, page } = await newPage(browser, { locale: "ja-JP" });
  await page.goto(`${HOST_URL}/?app=ann-cafe`);
  const w = widget(page);
  await w.title.filter({ hasText: "Ann's Cafe" }).waitFor({ state: "attached" });
  assert.equal(await w.launcher.getAttribute("aria-label"), "チャットを開く");
  await page.evaluate(() => window.mimi("locale", "en"));
  assert.equal(await w.launcher.getAttribute("aria-label"), "Open chat");
  await page.evaluate(() => window.mimi("locale", "ja"));
  await w.launcher.click();
  assert.equal(await w.$("footer button").innerText(), "担当者と話す");
  await context.close();
}

/**
 * A model reply full of markup, streamed a few characters at a time, on a page without
 * a CSP (so an inline handler would run if it ever reached the DOM as HTML).
 */
async function markup() {
  const { context, page } = await newPage(browser);
  await page.goto(`${HOST_URL}/?app=markup-cafe&open&nocsp`);
  const w = widget(page);
  await w.panel.waitFor();
  await w.title.filter({ hasText: "Markup Cafe" }).waitFor({ state: "attached" });
  // Count the states the reply passes through while it streams.
  await page.evaluate(() => {
    window.__states = new Set();
    const log = document.querySelector("mimi-widget").shadowRoot.querySelector(".g");
    new MutationObserver(() => {
      const last = log.querySelectorAll(".m:not(.v)");
      window.__states.add(last[last.length - 1].textContent);
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  const reply = await ask(page, "What is on the menu?");
  const states = await page.evaluate(() => window.__states.size);
  assert.ok(states > 5, `the reply streamed in (${states} states seen)`);
  const text = await reply.innerText();
  assert.match(text, /<img src=x onerror=window\.__pwned=1>/, "raw HTML shows as text");
  assert.match(text, /\[x\]\(javascript:alert\(1\)\)/, "a javascript: link shows as text");
  assert.equal(await reply.locator("img").count(), 0);
  assert.equal(await w.$("img:not([hidden])").count(), 0, "no image anywhere in the widget");
  assert.equal(await reply.locator("a[href^='javascript' i]").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing ran");
  assert.equal(await reply.locator("strong").innerText(), "Coffee");
  assert.equal(await reply.locator("li").count(), 2);
  assert.equal(await reply.locator("a[href='https://cafe.example/menu']").count(), 1);
  report.conversations.push((await storedConversation(page)).conversation_id);
  await noCookies(page);
  await context.close();
}

/** The same snippet on an origin the app does not allow: a clear message, nothing created. */
async function refused() {
  const { context, page } = await newPage(browser);
  await page.goto(`${OTHER_URL}/?app=ann-cafe&open`);
  const w = widget(page);
  await w.panel.waitFor();
  await w.notice.filter({ hasText: "not available on this site" }).waitFor();
  assert.equal(await w.input.isDisabled(), true, "nothing can be asked");
  assert.equal(await storedConversation(page), null);
  await noCookies(page);
  await context.close();
}

/**
 * The app's own page on Mimi, under the page's own CSP: whole without the widget, then
 * the widget opened by `data-open` answers there.
 */
async function publicPage() {
  const { context, page } = await newPage(browser);
  const response = await page.goto(`${MIMI_URL}/@ann-cafe`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self'/);
  assert.equal(await page.locator("h1").innerText(), "Ann's Cafe");
  const w = widget(page);
  await w.panel.waitFor();
  const reply = await ask(page, "When are you open?");
  assert.match(await reply.innerText(), /nine in the morning/);
  report.conversations.push((await storedConversation(page)).conversation_id);
  report.axe.public_page = await axe(page);
  assert.deepEqual(report.axe.public_page, [], "axe (public page): no serious or critical violation");
  await noCookies(page);
  await context.close();
}
