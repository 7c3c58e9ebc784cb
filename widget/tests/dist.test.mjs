// The committed dist/widget.js is what src/ builds to: the server embeds the committed
// file, so a change to src/ without `npm run build` would ship the old widget.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DIST, build } from "../build.mjs";

test("dist/widget.js is built from the current sources", async () => {
  const fresh = await build();
  assert.ok(
    readFileSync(DIST, "utf8") === fresh,
    "widget/dist/widget.js is stale: run `npm run build` in widget/ and commit it",
  );
});
