import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';
import type { Logger } from './guard';

/**
 * The shape of every message the server acts on, checked before any handler (or the library code
 * in front of it) reads the params. A client that sends `position: null` or `textDocument: 5` gets
 * a JSON-RPC InvalidParams error with one line saying what is wrong; a malformed notification is
 * dropped with one line in the log. Only the shape is checked: a well-formed position past the end
 * of the document is the handlers' business, and they clamp it.
 */

/** What is wrong with a value, in a few words, or undefined when it is usable. */
type Problem = string | undefined;
type Check = (value: unknown) => Problem;

/** LSP `uinteger`. */
const UINTEGER_MAX = 2 ** 31 - 1;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const need = (at: string, what: string, got: unknown): string => `${at} must be ${what} (got ${shown(got)})`;

function record(v: unknown, at: string): Problem {
  return isRecord(v) ? undefined : need(at, 'an object', v);
}

function string(v: unknown, at: string): Problem {
  return typeof v === 'string' ? undefined : need(at, 'a string', v);
}

function optional(v: unknown, check: () => Problem): Problem {
  return v === undefined || v === null ? undefined : check();
}

function integer(v: unknown, at: string): Problem {
  return Number.isSafeInteger(v) ? undefined : need(at, 'an integer', v);
}

function uinteger(v: unknown, at: string): Problem {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= UINTEGER_MAX ? undefined : need(at, `an integer from 0 to ${UINTEGER_MAX}`, v);
}

function list(v: unknown, at: string, item?: (x: unknown, at: string) => Problem): Problem {
  if (!Array.isArray(v)) return need(at, 'an array', v);
  if (item) {
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${at}[${i}]`);
      if (p) return p;
    }
  }
  return undefined;
}

export function position(v: unknown, at = 'position'): Problem {
  return record(v, at) ?? uinteger((v as Record<string, unknown>).line, `${at}.line`) ?? uinteger((v as Record<string, unknown>).character, `${at}.character`);
}

/** Start after end is tolerated like a position past the end: it is well-formed, only out of order. */
export function range(v: unknown, at = 'range'): Problem {
  return record(v, at) ?? position((v as Record<string, unknown>).start, `${at}.start`) ?? position((v as Record<string, unknown>).end, `${at}.end`);
}

function textDocument(v: unknown, at = 'textDocument'): Problem {
  return record(v, at) ?? string((v as Record<string, unknown>).uri, `${at}.uri`);
}

/** Runs `check` on the params once they are known to be an object. */
function params(check: (p: Record<string, unknown>) => Problem = () => undefined): Check {
  return (v) => record(v, 'params') ?? check(v as Record<string, unknown>);
}

/** Params of a request the client may send without any (`muharrir/templates`): absent, or an object. */
function optionalParams(check: (p: Record<string, unknown>) => Problem): Check {
  return (v) => (v === undefined || v === null ? undefined : params(check)(v));
}

const documentOnly = params((p) => textDocument(p.textDocument));
const documentPosition = params((p) => textDocument(p.textDocument) ?? position(p.position));
const optionalStrings = (...keys: string[]) =>
  optionalParams((p) => {
    for (const k of keys) {
      const problem = optional(p[k], () => string(p[k], k));
      if (problem) return problem;
    }
    return undefined;
  });

function diagnostic(v: unknown, at: string): Problem {
  return record(v, at) ?? range((v as Record<string, unknown>).range, `${at}.range`) ?? string((v as Record<string, unknown>).message, `${at}.message`);
}

function workspaceFolder(v: unknown, at: string): Problem {
  return record(v, at) ?? string((v as Record<string, unknown>).uri, `${at}.uri`);
}

function contentChange(v: unknown, at: string): Problem {
  if (!isRecord(v)) return need(at, 'an object', v);
  return string(v.text, `${at}.text`) ?? optional(v.range, () => range(v.range, `${at}.range`));
}

function fileEvent(v: unknown, at: string): Problem {
  if (!isRecord(v)) return need(at, 'an object', v);
  return string(v.uri, `${at}.uri`) ?? (v.type === 1 || v.type === 2 || v.type === 3 ? undefined : need(`${at}.type`, '1, 2 or 3', v.type));
}

/** Requests the server answers, by method. */
const REQUESTS: Record<string, Check> = {
  initialize: params((p) =>
    optional(p.capabilities, () => record(p.capabilities, 'capabilities')) ??
    optional(p.workspaceFolders, () => list(p.workspaceFolders, 'workspaceFolders', workspaceFolder)) ??
    optional(p.rootUri, () => string(p.rootUri, 'rootUri')) ??
    optional(p.rootPath, () => string(p.rootPath, 'rootPath')) ??
    optional(p.locale, () => string(p.locale, 'locale')),
  ),
  'textDocument/hover': documentPosition,
  'textDocument/completion': params(
    (p) => textDocument(p.textDocument) ?? position(p.position) ?? optional(p.context, () => record(p.context, 'context')),
  ),
  'textDocument/codeAction': params((p) => {
    const problem = textDocument(p.textDocument) ?? range(p.range) ?? record(p.context, 'context');
    if (problem) return problem;
    const context = p.context as Record<string, unknown>;
    return (
      list(context.diagnostics, 'context.diagnostics', diagnostic) ??
      optional(context.only, () => list(context.only, 'context.only', (x, at) => string(x, at)))
    );
  }),
  'codeAction/resolve': params((p) => string(p.title, 'title')),
  'workspace/executeCommand': params((p) => string(p.command, 'command') ?? optional(p.arguments, () => list(p.arguments, 'arguments'))),
  'textDocument/willSaveWaitUntil': documentOnly,
  'textDocument/documentSymbol': documentOnly,
  'textDocument/foldingRange': documentOnly,
  'textDocument/diagnostic': params(
    (p) => textDocument(p.textDocument) ?? optional(p.previousResultId, () => string(p.previousResultId, 'previousResultId')),
  ),
  'workspace/diagnostic': params((p) =>
    list(p.previousResultIds, 'previousResultIds', (v, at) => record(v, at) ?? string((v as Record<string, unknown>).uri, `${at}.uri`) ?? string((v as Record<string, unknown>).value, `${at}.value`)),
  ),
  'muharrir/desk': optionalParams((p) => optional(p.since, () => string(p.since, 'since'))),
  'muharrir/articleSummary': params((p) => string(p.uri, 'uri')),
  'muharrir/newArticle': optionalStrings('folderUri', 'title', 'pattern'),
  'muharrir/templates': optionalStrings('uri', 'title', 'dateline'),
};

/** Notifications the server acts on, by method. */
const NOTIFICATIONS: Record<string, Check> = {
  'textDocument/didOpen': params((p) => {
    const td = p.textDocument;
    if (!isRecord(td)) return need('textDocument', 'an object', td);
    return string(td.uri, 'textDocument.uri') ?? string(td.languageId, 'textDocument.languageId') ?? integer(td.version, 'textDocument.version') ?? string(td.text, 'textDocument.text');
  }),
  'textDocument/didChange': params(
    (p) =>
      textDocument(p.textDocument) ??
      integer((p.textDocument as Record<string, unknown>).version, 'textDocument.version') ??
      list(p.contentChanges, 'contentChanges', contentChange),
  ),
  'textDocument/didClose': documentOnly,
  'textDocument/willSave': documentOnly,
  'textDocument/didSave': params((p) => textDocument(p.textDocument) ?? optional(p.text, () => string(p.text, 'text'))),
  'workspace/didChangeConfiguration': params(),
  'workspace/didChangeWatchedFiles': params((p) => list(p.changes, 'changes', fileEvent)),
  'workspace/didChangeWorkspaceFolders': params((p) => {
    const e = p.event;
    if (!isRecord(e)) return need('event', 'an object', e);
    return list(e.added, 'event.added', workspaceFolder) ?? list(e.removed, 'event.removed', workspaceFolder);
  }),
};

/** What is wrong with a message's params, or undefined when the message is one the server does not check or is well-formed. */
export function paramsProblem(method: string, value: unknown, kind: 'request' | 'notification'): Problem {
  const check = (kind === 'request' ? REQUESTS : NOTIFICATIONS)[method];
  return check ? check(value) : undefined;
}

/**
 * Where a refused request goes: the message strategy sees the message before the library, but
 * cannot answer it; renamed to this method, the request is answered by the error below with its
 * own id.
 */
export const REFUSED_REQUEST = 'muharrir/internal/invalidParams';

interface Refused {
  method: string;
  problem: string;
}

export interface ParamValidation {
  /** For `createConnection`'s options. */
  readonly messageStrategy: MessageStrategy;
  /** Registers the answer to refused requests and the log for refused messages. */
  attach(connection: Connection): void;
}

export function paramValidation(): ParamValidation {
  let log: Logger | undefined;
  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message)) {
          const problem = paramsProblem(message.method, message.params, 'request');
          if (problem) {
            log?.warn(`[muharrir] refused ${message.method}: ${problem}`);
            const refused: Refused = { method: message.method, problem };
            return next({ ...message, method: REFUSED_REQUEST, params: refused } as RequestMessage);
          }
        } else if (Message.isNotification(message)) {
          const problem = paramsProblem(message.method, message.params, 'notification');
          if (problem) {
            log?.warn(`[muharrir] ignored ${message.method}: ${problem}`);
            return;
          }
        }
        return next(message);
      },
    },
    attach(connection) {
      log = connection.console;
      connection.onRequest(REFUSED_REQUEST, (p: Refused) => {
        // Asked for by name (not renamed here), the params are the client's own: still refused.
        const what = isRecord(p) && typeof p.method === 'string' && typeof p.problem === 'string' ? `${p.method}: ${p.problem}` : REFUSED_REQUEST;
        return new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${what}`);
      });
    },
  };
}
