import { type SseEvent, SseParser } from "./sse";

/** A source a reply drew on. */
export interface Source {
  title: string;
  section?: string;
  link?: string | null;
}

/** A message of the conversation as the server keeps it. */
export interface Message {
  role: "visitor" | "assistant" | "owner";
  text: string;
  sources?: Source[];
}

/** What `GET …/widget` answers. */
export interface Config {
  handle: string;
  name: string;
  avatar_url?: string | null;
  theme: {
    primary_color: string;
    launcher_position: "left" | "right";
    greeting: string;
    suggested_questions: string[];
  };
}

/** The conversation the visitor is in: what localStorage keeps. */
export interface Conversation {
  conversation_id: string;
  visitor_token: string;
}

/** A refusal: the HTTP status and the API's error code, or `network`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** A message the server wrote for the visitor, in their language. */
    readonly shown?: string,
  ) {
    super(code);
  }
}

export interface Handlers {
  delta(text: string): void;
  sources(sources: Source[]): void;
}

/**
 * The visitor API of one app. Requests never carry cookies (`credentials: "omit"`),
 * even on Mimi's own pages, and send no referrer.
 */
export class Api {
  constructor(
    readonly origin: string,
    private readonly handle: string | null,
  ) {}

  /** An app's path: by handle, or by the host Mimi is reached at. */
  private app(path: string): string {
    return this.handle ? `/apps/${encodeURIComponent(this.handle)}/${path}` : `/app/${path}`;
  }

  private async call(path: string, init: RequestInit = {}, c?: Conversation): Promise<Response> {
    const headers: Record<string, string> = {};
    if (c) headers.authorization = `Bearer ${c.visitor_token}`;
    if (init.body) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.origin}/api/v1${path}`, {
        ...init,
        headers,
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
    } catch {
      throw new ApiError(0, "network");
    }
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new ApiError(res.status, body?.error?.code || "failed");
    }
    return res;
  }

  async config(): Promise<Config> {
    return (await this.call(this.app("widget"))).json();
  }

  async start(): Promise<Conversation> {
    return (await this.call(this.app("conversations"), { method: "POST" })).json();
  }

  async history(c: Conversation): Promise<Message[]> {
    const res = await this.call(`/conversations/${c.conversation_id}/messages`, {}, c);
    return (await res.json()).messages;
  }

  async handoff(c: Conversation, contact: string): Promise<void> {
    const body = JSON.stringify(contact ? { contact } : {});
    await this.call(`/conversations/${c.conversation_id}/handoff`, { method: "POST", body }, c);
  }

  /**
   * Follows the conversation's live stream (the owner's replies, `resync`, `deleted`)
   * until it ends or `signal` aborts.
   */
  async follow(c: Conversation, signal: AbortSignal, on: (event: string, data: Message) => void): Promise<void> {
    const res = await this.call(`/conversations/${c.conversation_id}/events`, { signal }, c);
    await read(res, (e) => on(e.event, JSON.parse(e.data)));
  }

  /** Sends `text` and streams the reply into `on`; resolves when it is done. */
  async send(c: Conversation, text: string, on: Handlers): Promise<void> {
    const res = await this.call(
      `/conversations/${c.conversation_id}/messages`,
      { method: "POST", body: JSON.stringify({ text }) },
      c,
    );
    let finished = false;
    await read(res, (e) => {
      const data = JSON.parse(e.data);
      if (e.event === "delta") on.delta(data.text);
      else if (e.event === "sources") on.sources(data.sources);
      else if (e.event === "done") finished = true;
      else if (e.event === "error") throw new ApiError(200, data.code, data.message);
      return finished;
    });
    if (!finished) throw new ApiError(0, "network");
  }
}

/** Hands each event of a streamed response to `on` until it returns true or the body ends. */
async function read(res: Response, on: (e: SseEvent) => boolean | void): Promise<void> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError(0, "network");
    });
    if (done) return;
    for (const e of parser.push(value)) if (on(e)) return reader.cancel();
  }
}
