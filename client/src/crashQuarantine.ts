// What the language client does when the server process dies, without VS Code: which document to
// blame, whether to restart, and what the restarted server is told (initializationOptions.quarantine).

/** The window the restart budget counts in; also vscode-languageclient's own. */
export const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** Crashes no document explains that are restarted per window: vscode-languageclient's default. */
export const MAX_UNEXPLAINED_RESTARTS = 4;
/** Different documents blamed per window: the bound on a server that crashes on every document. */
export const MAX_BLAMED_DOCUMENTS = 10;

export type CrashDecision =
  | { restart: true; quarantined: string | undefined }
  | { restart: false; reason: 'unexplained' | 'every-document'; crashes: number };

/**
 * A document that crashes the server is blamed and quarantined: the restarted server does not
 * check it, so it cannot crash the server again by itself. The budget is therefore simple:
 *
 * - a crash blamed on a document (the one the server was last asked to check, when it is not
 *   already quarantined) is restarted, however often that document did it before: the restarted
 *   server skips it, so it can crash again only when the writer edits or reopens it;
 * - a crash with no new document to blame counts against vscode-languageclient's usual budget:
 *   MAX_UNEXPLAINED_RESTARTS restarts in CRASH_WINDOW_MS, then the client gives up;
 * - and a server that crashes on every document (more than MAX_BLAMED_DOCUMENTS different ones
 *   in CRASH_WINDOW_MS) is not restarted once per open document: the client gives up too.
 *
 * A start the writer asks for (Restart Server), like the first, lifts every quarantine and
 * forgets the crashes.
 */
export class CrashQuarantine {
  private readonly held = new Set<string>();
  /** The document the server was last asked to check and has not answered for. */
  private suspect: string | undefined;
  private crashes: { at: number; blamed: string | undefined }[] = [];
  /** The next start is the one this class asked for after a crash. */
  private restarting = false;

  /** didOpen, or a pull of diagnostics beginning: the server is (about to be) checking `uri`. */
  checking(uri: string): void {
    this.suspect = uri;
  }

  /** The server answered a pull for `uri`: that check is over. */
  checked(uri: string): void {
    if (this.suspect === uri) this.suspect = undefined;
  }

  /** didChange: the writer edited `uri`, which lifts its quarantine (the server does the same) and starts a check. */
  edited(uri: string): void {
    this.held.delete(uri);
    this.suspect = uri;
  }

  /** didClose: half of reopening, which lifts the quarantine. */
  closed(uri: string): void {
    this.held.delete(uri);
    if (this.suspect === uri) this.suspect = undefined;
  }

  /** The server process died (not stopped by the client): restart or not. */
  serverDied(now: number): CrashDecision {
    this.crashes = this.crashes.filter((c) => now - c.at < CRASH_WINDOW_MS);
    const blamed = this.suspect !== undefined && !this.held.has(this.suspect) ? this.suspect : undefined;
    this.suspect = undefined;
    this.crashes.push({ at: now, blamed });
    if (blamed === undefined) {
      // This crash included: like the library's default, the 5th in the window is not restarted.
      const unexplained = this.crashes.filter((c) => c.blamed === undefined).length;
      if (unexplained > MAX_UNEXPLAINED_RESTARTS) return { restart: false, reason: 'unexplained', crashes: unexplained };
    } else {
      const documents = new Set(this.crashes.map((c) => c.blamed).filter((u) => u !== undefined)).size;
      if (documents > MAX_BLAMED_DOCUMENTS) return { restart: false, reason: 'every-document', crashes: this.crashes.length };
      this.held.add(blamed);
    }
    this.restarting = true;
    return { restart: true, quarantined: blamed };
  }

  /**
   * `initializationOptions.quarantine` for the server being started: the quarantined documents
   * after a crash; after any other start (the first, Restart Server) none, and a fresh budget.
   */
  forNextStart(): string[] {
    if (this.restarting) {
      this.restarting = false;
      return [...this.held];
    }
    this.held.clear();
    this.crashes = [];
    this.suspect = undefined;
    return [];
  }

  get quarantined(): readonly string[] {
    return [...this.held];
  }
}
