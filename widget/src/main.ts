/**
 * The entry point: finds its own `<script>` (the API origin and `data-app` handle),
 * installs `window.mimi` and replays the calls queued before it loaded, then builds the
 * widget once the page has a body.
 *
 *   window.mimi = window.mimi || function () { (mimi.q = mimi.q || []).push(arguments) };
 *   mimi("open"); mimi("locale", "ja"); mimi("on", "message", fn);
 */
import { Api } from "./api";
import { pickLocale } from "./i18n";
import { Store } from "./store";
import { Widget } from "./ui";

type Mimi = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

const w = window as unknown as { mimi?: Mimi };
const script = (document.currentScript ||
  document.querySelector("script[data-app][src*='widget']")) as HTMLScriptElement | null;

if (script && !w.mimi?.loaded) {
  const origin = new URL(script.src, location.href).origin;
  const handle = script.getAttribute("data-app");
  const queue = [...(w.mimi?.q || [])];
  let widget: Widget | undefined;
  const mimi: Mimi = (...args) => {
    if (widget) widget.command(String(args[0]), args.slice(1));
    else queue.push(args);
  };
  mimi.loaded = true;
  w.mimi = mimi;
  const start = () => {
    const api = new Api(origin, handle);
    widget = new Widget(api, new Store(origin, handle), pickLocale(navigator.language));
    for (const args of queue) mimi(...Array.from(args));
    const loaded = widget.load();
    if (script.hasAttribute("data-open")) loaded.then(() => widget!.open());
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
}
