import type { Conversation } from "./api";

/**
 * The visitor's conversation with one app, kept in the host page's localStorage (never
 * a cookie). Storage may be unavailable (blocked, private modes): then the widget
 * still works, without resuming.
 */
export class Store {
  private readonly key: string;

  constructor(apiOrigin: string, handle: string | null) {
    this.key = `mimi:${apiOrigin}:${handle || ""}`;
  }

  get(): Conversation | null {
    try {
      const c = JSON.parse(localStorage.getItem(this.key) || "null");
      return c?.conversation_id && c.visitor_token ? c : null;
    } catch {
      return null;
    }
  }

  set(c: Conversation): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ conversation_id: c.conversation_id, visitor_token: c.visitor_token }));
    } catch {
      // Storage refused: this page keeps it in memory only.
    }
  }

  forget(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing was kept.
    }
  }
}
