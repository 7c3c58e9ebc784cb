// Builds src/main.ts into one minified IIFE, dist/widget.js, which the server embeds.
// `node build.mjs --check` builds in memory and fails if dist/widget.js differs.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
export const DIST = here("./dist/widget.js");

/** The built widget, as text. */
export async function build() {
  const result = await esbuild.build({
    entryPoints: [here("./src/main.ts")],
    bundle: true,
    format: "iife",
    minify: true,
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    legalComments: "none",
    charset: "utf8",
    write: false,
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await build();
  if (process.argv.includes("--check")) {
    if (readFileSync(DIST, "utf8") !== text) {
      console.error("widget/dist/widget.js is stale: run `npm run build` in widget/ and commit it");
      process.exit(1);
    }
  } else {
    writeFileSync(DIST, text);
    console.log(`dist/widget.js: ${text.length} bytes`);
  }
}
