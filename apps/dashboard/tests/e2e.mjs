// The dashboard end to end in real headless Chromium against a real Mimi server: sign
// up, confirm by the mailed link, create an app, add an FAQ and watch it become ready,
// upload files (a refused one with its progress bar, then one that is indexed and
// deleted again), set and remove an avatar, invite a member and withdraw it on the
// team page, ask on the public page in a second browser context, see the conversation appear live
// in the inbox, reply, and see the reply in the visitor's widget. Run by the server's
// Rust test (apps/server/tests/server/dashboard.rs), which runs the indexer and reads
// the mail; this script drives the browser, saves the screenshots and prints one JSON
// line of what it measured. Any failed expectation exits non-zero with the reason.
//
// Environment: MIMI_URL (the server), MAILBOX_URL (the test's mail reader:
// GET /link?to=…&page=… answers the link of the next mail), SHOTS (the directory for
// screenshots), CHROMIUM (default /usr/bin/chromium).
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../../widget/package.json", import.meta.url));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
for (const name of ["MIMI_URL", "MAILBOX_URL", "SHOTS"]) {
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
const { MIMI_URL, MAILBOX_URL, SHOTS } = process.env;

function fail(why) {
  console.error(`dashboard e2e: ${why}`);
  process.exit(1);
}

const report = { pageErrors: [], cspViolations: [], interactiveMs: {}, axe: {}, shots: {} };

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "en-US", ...options });
  const page = await context.newPage();
  page.on("pageerror", (e) => report.pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.text().startsWith("CSP violation")) report.cspViolations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page };
}

/** Waits until the wasm has hydrated the page; the ms from navigation to interactive. */
async function hydrated(page) {
  await page.waitForSelector("html[data-hydrated]", { timeout: 20_000 });
  return Number(await page.getAttribute("html", "data-hydrated"));
}

/**
 * Saves a full-page screenshot of `page` as SHOTS/`name` once `ready` (what shows the
 * page's content) is visible and painted. A capture of 10 KB or less is a blank or
 * half-painted page (CI saved one once, 2026-12-02, that no local run reproduced): it is
 * taken again, at most three more times, and the report says how often.
 */
async function shot(page, name, ready) {
  await ready.waitFor();
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const image = await page.screenshot({ fullPage: true });
    if (image.length > 10_000 || attempt === 4) {
      writeFileSync(`${SHOTS}/${name}`, image);
      report.shots[name] = { bytes: image.length, attempts: attempt };
      return;
    }
    await page.waitForTimeout(500);
  }
}

async function axe(page) {
  // Evaluated over the DevTools protocol: the page's CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const browser = await playwright.chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const email = "hana@example.com";
  const { context: ownerContext, page } = await newPage(browser);

  // Sign up: the age confirmation is required and its error shows next to it.
  await page.goto(`${MIMI_URL}/dashboard/sign-up`);
  report.interactiveMs.signUp = await hydrated(page);
  await page.getByLabel("Your name").fill("Hana Sato");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Workspace name").fill("Hana's Bakery");
  await page.getByRole("button", { name: "Create account" }).click();
  const ageError = page.locator(".field-error[data-code=age_confirmation_required]");
  await ageError.waitFor();
  report.ageError = await ageError.innerText();
  await page.getByLabel("I am 13 years old or older.").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("status").filter({ hasText: "Check your inbox" }).waitFor();

  // Confirm by the mailed link.
  const link = await (await fetch(`${MAILBOX_URL}/link?to=${encodeURIComponent(email)}&page=/dashboard/verify-email`)).text();
  assert.ok(link.startsWith(`${MIMI_URL}/dashboard/verify-email?token=`), link);
  await page.goto(link);
  await hydrated(page);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await page.waitForURL(/\/dashboard\/w\/[0-9a-f-]+$/);
  const workspace = page.url().split("/").pop();
  await page.getByText("No apps yet").waitFor();

  // Create an app: a taken or malformed handle is refused inline first.
  await page.getByLabel("App name").fill("Hana's Bakery");
  await page.getByLabel("Handle").fill("x");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.locator(".field-error[data-code^=handle_]").waitFor();
  await page.getByLabel("Handle").fill("hana-bakery");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.waitForURL(/\/apps\/[0-9a-f-]+\/knowledge$/);
  await page.getByText("No knowledge yet").waitFor();

  // Add an FAQ; the list follows it from queued to ready (the indexer runs meanwhile).
  await page.getByLabel("Question").first().fill("When are you open?");
  await page.getByLabel("Answer").fill("We are open from eight in the morning to six in the evening, every day but Monday.");
  await page.getByRole("button", { name: "Add", exact: true }).first().click();
  await page.locator(".item").filter({ hasText: "When are you open?" }).waitFor();
  await page.locator(".item[data-status=ready]").filter({ hasText: "When are you open?" }).waitFor({ timeout: 60_000 });

  // Test retrieval shows the passage with its score.
  await page.locator("input[name=query]").fill("opening hours");
  await page.getByRole("button", { name: "Search" }).click();
  await page.locator(".passages li").filter({ hasText: "eight in the morning" }).waitFor();

  // Upload. The network is throttled (1 MB/s up) so that the progress bar of a 3 MB file
  // is seen between 0 and 100 %; the API reads it whole and refuses it (a ZIP, not a
  // document), and the refusal shows next to the input.
  const cdp = await ownerContext.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions",
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await page.getByText("Upload files").click();
  const zip = Buffer.alloc(3_000_000, 0);
  zip.write("PK\x03\x04", 0, "latin1");
  await page.locator("input[type=file][name=file]").setInputFiles(
    { name: "menu.docx", mimeType: "application/octet-stream", buffer: zip });
  await page.locator("form.upload").getByRole("button", { name: "Upload" }).click();
  await page.waitForFunction(() => {
    const bar = document.querySelector("form.upload progress");
    return bar && Number(bar.value) > 0 && Number(bar.value) < 100;
  }, null, { polling: 50, timeout: 20_000 });
  report.uploadProgressSeen = true;
  const refused = page.locator("form.upload .field-error[data-code=unsupported_file_type]");
  await refused.waitFor({ timeout: 30_000 });
  report.uploadRefusal = await refused.innerText();
  await cdp.send("Network.emulateNetworkConditions",
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // A Markdown file is accepted, indexed, and can be deleted after a confirmation.
  await page.locator("input[type=file][name=file]").setInputFiles({
    name: "menu.md", mimeType: "text/markdown",
    buffer: Buffer.from("# Menu\n\nOur butter croissant costs 320 yen and sells out by noon.\n"),
  });
  await page.locator("form.upload").getByRole("button", { name: "Upload" }).click();
  await page.locator("form.upload .saved").waitFor();
  const fileItem = page.locator(".item").filter({ hasText: "menu.md" });
  await page.locator(".item[data-status=ready]").filter({ hasText: "menu.md" }).waitFor({ timeout: 60_000 });
  await fileItem.locator("summary").filter({ hasText: "Delete" }).click();
  await fileItem.locator(".confirm-box").getByRole("button", { name: "Delete" }).click();
  await fileItem.waitFor({ state: "detached" });
  await shot(page, "dashboard-knowledge.png",
    page.locator(".item[data-status=ready]").filter({ hasText: "When are you open?" }));
  report.axe.knowledge = await axe(page);

  // App settings: save the greeting; then the page with the embed snippet.
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.waitForURL(/\/apps\/[0-9a-f-]+$/);
  await page.getByLabel("Greeting").fill("Welcome to Hana's Bakery!");
  await page.getByLabel("Chat button").selectOption("left");
  await page.locator("form").filter({ has: page.getByLabel("Greeting") }).getByRole("button", { name: "Save" }).click();
  await page.locator(".saved").first().waitFor();
  assert.match(await page.locator(".snippet").innerText(), /data-app="hana-bakery"/);
  // The preview of the public page reloads after a save.
  await page.waitForFunction(() => document.querySelector("iframe.preview").src.includes("?saved="));
  // An avatar: uploaded with the same progress bar, shown at once, removed on confirmation.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  const avatarSlot = page.locator(".image-slot.avatar");
  await avatarSlot.locator("input[type=file]").setInputFiles({ name: "hana.png", mimeType: "image/png", buffer: png });
  await avatarSlot.getByRole("button", { name: "Upload" }).click();
  await avatarSlot.locator("img[src^='/media/']").waitFor();
  await shot(page, "dashboard-settings.png", avatarSlot.locator("img[src^='/media/']"));
  report.axe.settings = await axe(page);
  await avatarSlot.locator("summary").filter({ hasText: "Remove" }).click();
  await avatarSlot.locator(".confirm-box").getByRole("button", { name: "Remove" }).click();
  await avatarSlot.locator("img").waitFor({ state: "detached" });

  // The inbox, empty, following the live stream.
  await page.goto(`${MIMI_URL}/dashboard/w/${workspace}/inbox`);
  report.interactiveMs.inbox = await hydrated(page);
  await page.getByText("No conversations here yet").waitFor();
  await page.locator(".live.on").waitFor();

  // A visitor asks on the public page, in another browser context.
  const { context: visitorContext, page: visitor } = await newPage(browser);
  await visitor.goto(`${MIMI_URL}/@hana-bakery`);
  const panel = visitor.locator("mimi-widget .p");
  await panel.waitFor();
  await visitor.locator("mimi-widget form:not(.h) input").fill("When are you open?");
  await visitor.locator("mimi-widget form:not(.h) input").press("Enter");
  await visitor.locator("mimi-widget .g .m:not(.v)").filter({ hasText: "eight in the morning" }).waitFor();

  // It appears in the owner's inbox without a reload.
  const row = page.locator(".conversations li").first();
  await row.waitFor({ timeout: 15_000 });
  await row.locator("a").click();
  await page.locator(".message.visitor").filter({ hasText: "When are you open?" }).waitFor();
  await page.locator(".message.assistant .sources").waitFor();

  // The owner replies; the visitor's open widget shows it.
  const ownerReply = "Hi, Hana here. Tomorrow we open at nine.";
  await page.locator("textarea[name=text]").fill(ownerReply);
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator(".message.owner").filter({ hasText: ownerReply }).waitFor();
  assert.equal(await page.locator("textarea[name=text]").inputValue(), "", "the reply box is cleared");
  await visitor.locator("mimi-widget .m.o").filter({ hasText: ownerReply }).waitFor({ timeout: 15_000 });

  // Mark handled.
  await page.getByRole("button", { name: "Mark handled" }).click();
  await page.getByRole("button", { name: "Reopen" }).waitFor();
  await shot(page, "dashboard-inbox.png", page.getByRole("button", { name: "Reopen" }));
  report.axe.inbox = await axe(page);

  // The team: the owner's own row; an invitation sent, then withdrawn after confirming.
  await page.goto(`${MIMI_URL}/dashboard/w/${workspace}/team`);
  await hydrated(page);
  await page.locator(".member[data-role=owner]").filter({ hasText: "(you)" }).waitFor();
  await page.locator("form").filter({ has: page.locator("select[name=role]") }).getByLabel("Email").fill("mio@example.com");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const invited = page.locator(".item").filter({ hasText: "mio@example.com" });
  await invited.waitFor();
  report.axe.team = await axe(page);
  await invited.locator("summary").filter({ hasText: "Revoke" }).click();
  await invited.locator(".confirm-box").getByRole("button", { name: "Revoke" }).click();
  await invited.waitFor({ state: "detached" });
  await page.goto(`${MIMI_URL}/dashboard/w/${workspace}/inbox`);
  await hydrated(page);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "dashboard-inbox-mobile.png", page.locator(".live.on"));

  // Japanese, by the owner's setting: the same page in the other language.
  report.workspace = workspace;
  await visitorContext.close();
  await ownerContext.close();
} finally {
  await browser.close();
}
assert.deepEqual(report.pageErrors, [], "no uncaught errors in the pages");
assert.deepEqual(report.cspViolations, [], "everything runs under the pages' CSP");
for (const [page, violations] of Object.entries(report.axe)) {
  assert.deepEqual(violations, [], `axe (${page}): no serious or critical violation`);
}
console.log(JSON.stringify(report));
