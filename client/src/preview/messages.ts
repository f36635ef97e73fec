/**
 * The messages between the extension and the preview's webview. What the webview sends is
 * checked before use: the page shows the writer's text, so the host trusts only well-formed
 * messages with values it knows.
 */
import type { PanelState, View, Width } from './panelModel';

export type ToolbarAction =
  | { action: 'width'; value: Width }
  | { action: 'view'; value: View }
  | { action: 'problems'; value: boolean }
  | { action: 'lock'; value: boolean };

export type FromWebview =
  /** The page (re)loaded and wants its content. */
  | { type: 'ready' }
  /** The writer scrolled the preview: the line now at its top. */
  | { type: 'scrolled'; line: number }
  /** A problem in the list or an element was clicked / double-clicked: show that line in the editor. */
  | { type: 'reveal'; line: number }
  /** A link was clicked: the host decides what it may open. */
  | { type: 'openLink'; href: string }
  | ({ type: 'toolbar' } & ToolbarAction);

export interface ToolbarState {
  width: Width;
  view: View;
  showProblems: boolean;
  locked: boolean;
}

export type ToWebview =
  | {
      type: 'update';
      /** The renderer's fragment for `#muharrir-root` and its body classes. */
      fragment: string;
      bodyClass: string;
      lang: string;
      dir: 'rtl' | 'ltr';
      lineCount: number;
      toolbar: ToolbarState;
      /** What the webview saves for a restart (getState/setState); absent for template previews. */
      state?: PanelState;
      /** Scroll to this source line after the swap (the editor's top line); else keep the offset. */
      line?: number;
    }
  | { type: 'scrollToLine'; line: number };

const MAX_LINE = 10_000_000;
const MAX_HREF = 8192;

function lineOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_LINE ? v : undefined;
}

export function parseWebviewMessage(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'scrolled':
    case 'reveal': {
      const line = lineOf(m.line);
      return line === undefined ? undefined : { type: m.type, line };
    }
    case 'openLink':
      return typeof m.href === 'string' && m.href.length <= MAX_HREF ? { type: 'openLink', href: m.href } : undefined;
    case 'toolbar':
      if (m.action === 'width' && (m.value === 'desktop' || m.value === 'mobile')) return { type: 'toolbar', action: 'width', value: m.value };
      if (m.action === 'view' && (m.value === 'article' || m.value === 'social-card')) return { type: 'toolbar', action: 'view', value: m.value };
      if ((m.action === 'problems' || m.action === 'lock') && typeof m.value === 'boolean') return { type: 'toolbar', action: m.action, value: m.value };
      return undefined;
    default:
      return undefined;
  }
}
