import { Api, ApiError, type Config, type Conversation, type Message, type Source } from "./api";
import { fill, h, icon } from "./dom";
import { type Locale, type Strings, strings } from "./i18n";
import { safeUrl } from "./markdown";
import { link, markdown } from "./render";
import { Store } from "./store";
import { css } from "./style";

type Listener = (detail: unknown) => void;

const BUBBLE =
  "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";

/**
 * The widget: a launcher and a panel in a shadow root attached to `<mimi-widget>`, so the
 * host page's styles and ours never meet. All text enters the DOM as text nodes.
 */
export class Widget {
  private readonly host = document.createElement("mimi-widget");
  private t: Strings;
  private config: Config | null = null;
  private conv: Conversation | null;
  private busy = false;
  /** Why the widget cannot chat here (the settings did not load), if it cannot. */
  private blocked: ApiError | null = null;
  private readonly listeners: Record<string, Listener[]> = {};
  /** Stops following the conversation's live stream. */
  private following: AbortController | null = null;

  private readonly launcher = h("button", { class: "l", type: "button", "aria-expanded": "false", "aria-controls": "mimi-panel" }, icon(BUBBLE));
  private readonly title = h("h2");
  private readonly avatar = h("img", { alt: "", hidden: true });
  private readonly over = h("button", { type: "button" });
  private readonly x = h("button", { class: "x", type: "button" }, "×");
  private readonly log = h("div", { class: "g" });
  private readonly greeting = h("div", { class: "m" });
  private readonly chips = h("div", { class: "q" });
  private readonly notice = h("div", { class: "n", role: "alert" });
  private readonly contactLabel = h("label", { for: "mimi-contact" });
  private readonly contact = h("input", { id: "mimi-contact", autocomplete: "email", maxlength: "200" });
  private readonly contactSend = h("button", { type: "submit" });
  private readonly cancel = h("button", { class: "c", type: "button" });
  private readonly handoff = h("form", { class: "h", hidden: true }, this.contactLabel, this.contact, this.contactSend, this.cancel);
  private readonly input = h("input", { maxlength: "2000", enterkeyhint: "send", autocomplete: "off" });
  private readonly send = h("button", { type: "submit" });
  private readonly person = h("button", { type: "button" });
  private readonly live = h("div", { class: "r", "aria-live": "polite" });
  private readonly panel = h(
    "div",
    { class: "p", id: "mimi-panel", role: "dialog", hidden: true },
    h("header", {}, this.avatar, this.title, this.over, this.x),
    this.log,
    this.chips,
    this.notice,
    this.handoff,
    h("form", {}, this.input, this.send),
    h("footer", {}, this.person),
    this.live,
  );

  constructor(
    private readonly api: Api,
    private readonly store: Store,
    private locale: Locale,
  ) {
    this.t = strings(locale);
    this.conv = store.get();
    const root = this.host.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(h("style", {}, css));
    }
    this.theme("#4f46e5");
    this.log.appendChild(this.greeting);
    root.append(this.launcher, this.panel);
    this.wire();
    this.strings();
    document.body.appendChild(this.host);
  }

  /** Loads the app's settings, then the stored conversation, if any. */
  async load(): Promise<void> {
    try {
      this.config = await this.api.config();
    } catch (e) {
      this.blocked = e instanceof ApiError ? e : new ApiError(0, "failed");
      this.fail(this.blocked);
      this.input.disabled = this.send.disabled = this.person.disabled = this.over.disabled = true;
      return;
    }
    this.blocked = null;
    this.notice.textContent = "";
    this.input.disabled = this.send.disabled = this.person.disabled = this.over.disabled = false;
    const { theme, avatar_url } = this.config;
    this.theme(theme.primary_color);
    this.host.setAttribute("data-pos", theme.launcher_position);
    const avatar = safeUrl(avatar_url && new URL(avatar_url, this.api.origin).href);
    if (avatar) {
      this.avatar.src = avatar;
      this.avatar.hidden = false;
    }
    for (const q of theme.suggested_questions) {
      const chip = h("button", { type: "button" }, q);
      chip.addEventListener("click", () => this.ask(q));
      this.chips.appendChild(chip);
    }
    this.strings();
    await this.resume();
  }

  /** Shows the stored conversation, if any, and follows the owner's replies to it. */
  private async resume(): Promise<void> {
    if (!this.conv) return;
    try {
      const messages = await this.api.history(this.conv);
      this.log.replaceChildren(this.greeting);
      for (const m of messages) this.show(m);
      this.follow();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) this.forget();
    }
  }

  /**
   * Follows the conversation's live stream while it lasts: an owner's reply appears as
   * it is written. After a dropped connection it tries again every few seconds.
   */
  private follow(): void {
    const c = this.conv;
    if (this.following || !c) return;
    const stop = (this.following = new AbortController());
    const heard = (event: string, m: Message) => {
      if (event === "message") {
        this.show(m);
        this.live.textContent = m.text;
        this.emit("message", m);
      } else if (event === "resync" && !this.busy) void this.resume();
      else if (event === "deleted") this.forget();
    };
    void (async () => {
      while (!stop.signal.aborted) {
        try {
          await this.api.follow(c, stop.signal, heard);
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) return this.forget();
        }
        await new Promise((r) => setTimeout(r, 5000));
      }
    })();
  }

  /** Runs a command of the JS API: `open`, `close`, `toggle`, `locale`, `on`. */
  command(name: string, args: unknown[]): void {
    if (name === "open") this.open();
    else if (name === "close") this.close();
    else if (name === "toggle") this.panel.hidden ? this.open() : this.close();
    else if (name === "locale") this.setLocale(args[0] === "ja" ? "ja" : "en");
    else if (name === "on" && typeof args[1] === "function") (this.listeners[String(args[0])] ||= []).push(args[1] as Listener);
    else console.warn("mimi: unknown command", name);
  }

  open(): void {
    if (!this.panel.hidden) return;
    // Offline when the page loaded: try again now that the visitor wants to chat.
    if (this.blocked?.code === "network") this.load().then(() => this.blocked || this.input.focus());
    this.panel.hidden = false;
    this.host.setAttribute("data-open", "");
    this.launcher.setAttribute("aria-expanded", "true");
    this.scroll();
    (this.input.disabled ? this.x : this.input).focus();
    this.emit("open", null);
  }

  close(): void {
    if (this.panel.hidden) return;
    const inside = this.host.shadowRoot!.activeElement;
    this.panel.hidden = true;
    this.host.removeAttribute("data-open");
    this.launcher.setAttribute("aria-expanded", "false");
    if (inside) this.launcher.focus();
    this.emit("close", null);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.t = strings(locale);
    this.strings();
  }

  private wire(): void {
    this.launcher.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
    this.x.addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        this.close();
      }
    });
    this.input.form!.addEventListener("submit", (e) => {
      e.preventDefault();
      this.ask(this.input.value);
    });
    this.over.addEventListener("click", () => this.startOver());
    this.person.addEventListener("click", () => {
      this.handoff.hidden = false;
      this.contact.focus();
    });
    this.cancel.addEventListener("click", () => {
      this.handoff.hidden = true;
      this.person.focus();
    });
    this.handoff.addEventListener("submit", (e) => {
      e.preventDefault();
      this.handOff();
    });
  }

  /** The UI's words in the current locale. */
  private strings(): void {
    const t = this.t;
    const name = this.config?.name || "";
    this.host.setAttribute("lang", this.locale);
    this.panel.setAttribute("aria-label", name || t.open);
    this.launcher.setAttribute("aria-label", t.open);
    this.x.setAttribute("aria-label", t.close);
    this.title.textContent = name;
    this.over.textContent = t.over;
    this.input.placeholder = t.placeholder;
    this.input.setAttribute("aria-label", t.placeholder);
    this.send.textContent = t.send;
    this.person.textContent = t.person;
    this.contactLabel.textContent = t.contact;
    this.contactSend.textContent = t.contactSend;
    this.cancel.textContent = t.cancel;
    const greeting = this.config?.theme.greeting || t.greeting.replace("%s", name);
    fill(this.greeting, ...markdown(greeting));
    if (this.blocked) this.fail(this.blocked);
  }

  private theme(color: string): void {
    const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
    const [r, g, b] = rgb.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    this.host.style.setProperty("--c", color);
    // White or near-black text on the app's colour, whichever contrasts more.
    this.host.style.setProperty("--on", 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.0565 ? "#fff" : "#111");
  }

  /** Sends the visitor's question and streams the reply in. */
  async ask(text: string): Promise<void> {
    text = text.trim();
    if (!text || this.busy || this.blocked) return;
    this.busy = this.input.disabled = this.send.disabled = true;
    this.notice.textContent = "";
    this.input.value = "";
    this.show({ role: "visitor", text });
    this.emit("message", { role: "visitor", text });
    const reply = this.show({ role: "assistant", text: "" });
    reply.body.textContent = this.t.thinking;
    let answer = "";
    let sources: Source[] = [];
    const handlers = {
      delta: (d: string) => {
        answer += d;
        fill(reply.body, ...markdown(answer));
        this.scroll();
      },
      sources: (s: Source[]) => {
        sources = s;
        reply.sources(s);
      },
    };
    try {
      try {
        await this.api.send(await this.conversation(), text, handlers);
      } catch (e) {
        // The owner deleted the conversation: begin a new one and ask again.
        if (!(e instanceof ApiError && e.status === 404 && !answer)) throw e;
        this.forget();
        await this.api.send(await this.conversation(), text, handlers);
      }
      this.live.textContent = answer;
      this.emit("message", { role: "assistant", text: answer, sources });
    } catch (e) {
      if (e instanceof ApiError && e.shown) {
        fill(reply.body, e.shown);
        this.live.textContent = e.shown;
      } else {
        if (!answer) reply.el.remove();
        this.fail(e);
      }
    } finally {
      this.busy = this.input.disabled = this.send.disabled = false;
      if (this.host.shadowRoot!.activeElement === null && !this.panel.hidden) this.input.focus();
    }
  }

  private async conversation(): Promise<Conversation> {
    if (!this.conv) {
      this.conv = await this.api.start();
      this.store.set(this.conv);
      this.follow();
    }
    return this.conv;
  }

  private async handOff(): Promise<void> {
    try {
      await this.api.handoff(await this.conversation(), this.contact.value.trim());
      this.handoff.hidden = true;
      this.contact.value = "";
      this.show({ role: "assistant", text: this.t.handedOff });
      this.live.textContent = this.t.handedOff;
      this.input.focus();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Forgets the conversation, here and in storage; the next question starts another. */
  private startOver(): void {
    if (this.busy) return;
    this.forget();
    this.log.replaceChildren(this.greeting);
    this.notice.textContent = "";
    this.handoff.hidden = true;
    this.chips.hidden = false;
    this.input.focus();
  }

  private forget(): void {
    this.following?.abort();
    this.following = null;
    this.conv = null;
    this.store.forget();
  }

  /** Adds a message to the log; a reply's sources are set as they arrive. */
  private show(m: Message): { el: HTMLElement; body: HTMLElement; sources(s: Source[]): void } {
    const mine = m.role === "visitor";
    const body = h("div", {}, ...(mine ? [m.text] : markdown(m.text)));
    const el = h("div", { class: mine ? "m v" : m.role === "owner" ? "m o" : "m" }, body);
    if (mine) this.chips.hidden = true;
    const sources = (list: Source[]) => {
      if (!list?.length) return;
      const ul = h("ul");
      for (const s of list) {
        const label = s.section ? `${s.title} — ${s.section}` : s.title;
        const href = safeUrl(s.link);
        const item = href ? link(href) : h("span");
        item.textContent = label;
        ul.appendChild(h("li", {}, item));
      }
      el.appendChild(h("div", { class: "s" }, this.t.sources, ul));
    };
    sources(m.sources || []);
    this.log.appendChild(el);
    this.scroll();
    return { el, body, sources };
  }

  private fail(e: unknown): void {
    const { code, status } = e instanceof ApiError ? e : { code: "failed", status: 0 };
    const t = this.t;
    this.notice.textContent =
      code === "origin_not_allowed"
        ? t.notAllowed
        : status === 404
          ? t.notFound
          : status === 429
            ? t.slow
            : code === "network"
              ? t.offline
              : code.startsWith("contact_")
                ? t.badContact
                : t.failed;
  }

  private scroll(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private emit(name: string, detail: unknown): void {
    for (const fn of this.listeners[name] || []) {
      try {
        fn(detail);
      } catch (e) {
        console.error(e);
      }
    }
  }
}
