/**
 * The preview's toolbar: desktop or mobile width, the article or its share card, and for an
 * article the problems shown or hidden and the lock that stops it following the active editor. It sits
 * above `#muharrir-root`, outside what live updates replace, in the writer's language. The
 * webview script turns clicks into messages and sets `aria-pressed` from each update.
 */
import type { Locale } from '../../../server/src/engine/types';
import { escapeHtml } from './render/escape';
import type { ToolbarState } from './messages';

interface ToolbarLabels {
  toolbar: string;
  width: string;
  desktop: string;
  mobile: string;
  view: string;
  article: string;
  card: string;
  problems: string;
  problemsTip: string;
  lock: string;
  lockTip: string;
}

export const TOOLBAR_LABELS: Record<Locale, ToolbarLabels> = {
  en: {
    toolbar: 'Preview options',
    width: 'Width',
    desktop: 'Desktop',
    mobile: 'Mobile',
    view: 'View',
    article: 'Article',
    card: 'Share card',
    problems: 'Problems',
    problemsTip: 'Mark the problems Muharrir found in the text (hide them for a clean read)',
    lock: 'Lock',
    lockTip: 'Keep showing this article instead of following the active editor',
  },
  ar: {
    toolbar: 'خيارات المعاينة',
    width: 'العرض',
    desktop: 'سطح المكتب',
    mobile: 'الجوال',
    view: 'طريقة العرض',
    article: 'الخبر',
    card: 'بطاقة المشاركة',
    problems: 'المشكلات',
    problemsTip: 'تمييز المشكلات التي وجدها «محرّر» في النص (أخفِها لقراءة نظيفة)',
    lock: 'تثبيت',
    lockTip: 'إبقاء هذا الخبر في المعاينة بدل تتبّع المحرر النشط',
  },
};

export interface ToolbarOptions {
  locale: Locale;
  /** A template preview has no editor to follow and no diagnostics: no lock, no problems toggle. */
  source: 'article' | 'template';
}

export function toolbarHtml(state: ToolbarState, o: ToolbarOptions): string {
  const L = TOOLBAR_LABELS[o.locale];
  const dir = o.locale === 'ar' ? 'rtl' : 'ltr';
  const pressed = (on: boolean) => `aria-pressed="${on ? 'true' : 'false'}"`;
  const choice = (action: string, value: string, label: string, on: boolean) =>
    `<button type="button" data-action="${action}" data-value="${value}" ${pressed(on)}>${escapeHtml(label)}</button>`;
  const toggle = (action: string, label: string, tip: string, on: boolean) =>
    `<button type="button" data-action="${action}" title="${escapeHtml(tip)}" ${pressed(on)}>${escapeHtml(label)}</button>`;
  return (
    `<nav id="muharrir-toolbar" class="muharrir-toolbar muharrir-writer" lang="${o.locale}" dir="${dir}" aria-label="${escapeHtml(L.toolbar)}">` +
    `<div class="group" role="group" aria-label="${escapeHtml(L.width)}">` +
    choice('width', 'desktop', L.desktop, state.width === 'desktop') +
    choice('width', 'mobile', L.mobile, state.width === 'mobile') +
    `</div><div class="group" role="group" aria-label="${escapeHtml(L.view)}">` +
    choice('view', 'article', L.article, state.view === 'article') +
    choice('view', 'social-card', L.card, state.view === 'social-card') +
    `</div>` +
    (o.source === 'article'
      ? `<div class="group">` +
        toggle('problems', L.problems, L.problemsTip, state.showProblems) +
        toggle('lock', L.lock, L.lockTip, state.locked) +
        `</div>`
      : '') +
    `</nav>`
  );
}

/** In VS Code's own colours (the webview gets them as --vscode-* variables), so it reads as the editor's chrome, not the article. */
export const TOOLBAR_CSS = `
.muharrir-toolbar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center;
  padding: 6px 12px; background: var(--vscode-editorWidget-background, var(--stage)); color: var(--vscode-foreground, var(--ink));
  border-bottom: 1px solid var(--vscode-widget-border, var(--rule)); }
.muharrir-toolbar .group { display: inline-flex; }
.muharrir-toolbar button { font: inherit; font-size: 12px; line-height: 18px; padding: 2px 10px; margin: 0; cursor: pointer;
  color: var(--vscode-button-secondaryForeground, var(--ink)); background: var(--vscode-button-secondaryBackground, var(--chip));
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 0; }
.muharrir-toolbar .group button:first-child { border-start-start-radius: 3px; border-end-start-radius: 3px; }
.muharrir-toolbar .group button:last-child { border-start-end-radius: 3px; border-end-end-radius: 3px; }
.muharrir-toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--rule)); }
.muharrir-toolbar button[aria-pressed='true'] { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, var(--link)); }
.muharrir-toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder, var(--link)); outline-offset: 1px; }
`;

const ROOT_TAG = '<main class="page" id="muharrir-root">';

/**
 * The renderer's document with the toolbar before `#muharrir-root` and its stylesheet (under the
 * same nonce) in <head>. Throws if the document does not have the renderer's shape.
 */
export function withToolbar(html: string, toolbar: string, nonce: string): string {
  const head = html.indexOf('</head>');
  const root = html.indexOf(ROOT_TAG);
  if (head === -1 || root === -1 || root < head) throw new Error('withToolbar: not a document from renderArticle');
  return (
    html.slice(0, head) +
    `<style nonce="${escapeHtml(nonce)}">${TOOLBAR_CSS}</style>\n` +
    html.slice(head, root) +
    toolbar +
    html.slice(root)
  );
}
