/**
 * The preview page's script (media/preview.js, loaded with the CSP nonce). It swaps in the
 * content the extension sends (no reload, no flicker, scroll kept), keeps the page scrolled with
 * the editor in both directions without echoing a scroll back, turns toolbar, link and problem
 * clicks into messages, and saves what a restored panel needs. It never builds HTML itself: the
 * fragments come from the renderer, already escaped, and the CSP would stop any script in them.
 */
import { EchoGate, lineForOffset, normalizeBoxes, offsetForLine, type BlockBox } from '../scrollMap';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ToolbarState {
  width: string;
  view: string;
  showProblems: boolean;
  locked: boolean;
}

const api = acquireVsCodeApi();
/** Our own scrolls, so the scroll events they cause are not reported back as the writer's. */
const gate = new EchoGate(() => performance.now(), 400, 2);
let lineCount = Number(document.body.dataset.lineCount) || 1;
let saved: Record<string, unknown> =
  api.getState() && typeof api.getState() === 'object' ? { ...(api.getState() as Record<string, unknown>) } : {};

function root(): HTMLElement | null {
  return document.getElementById('muharrir-root');
}

function toolbarHeight(): number {
  return document.getElementById('muharrir-toolbar')?.getBoundingClientRect().height ?? 0;
}

/** Every element of the article that carries its source line (the problem list's items are links, not anchors). */
function boxes(): BlockBox[] {
  const r = root();
  if (!r) return [];
  const out: BlockBox[] = [];
  for (const el of Array.from(r.querySelectorAll<HTMLElement>('[data-line]'))) {
    if (el.closest('.muharrir-problems')) continue;
    const line = Number(el.dataset.line);
    const rect = el.getBoundingClientRect();
    out.push({ line, top: rect.top + window.scrollY, height: rect.height });
  }
  return normalizeBoxes(out);
}

function maxScroll(): number {
  return Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
}

function scrollToY(y: number): void {
  const target = Math.min(maxScroll(), Math.max(0, Math.round(y)));
  if (Math.abs(window.scrollY - target) < 1) return;
  gate.expect(target);
  window.scrollTo(0, target);
}

function scrollToLine(line: number): void {
  // The editor at its first line: the page at its very top, kicker and margin included.
  const y = line < 1 ? 0 : offsetForLine(boxes(), line, lineCount);
  if (y !== undefined) scrollToY(y === 0 ? 0 : y - toolbarHeight());
  save({ line });
}

function save(patch: Record<string, unknown>): void {
  saved = { ...saved, ...patch };
  api.setState(saved);
}

// --- messages from the extension ------------------------------------------------------------------

function setBodyClasses(bodyClass: string): void {
  // VS Code's own (vscode-light, vscode-dark…) stay: they choose the palette.
  const body = document.body;
  for (const c of Array.from(body.classList)) if (!c.startsWith('vscode-')) body.classList.remove(c);
  for (const c of bodyClass.split(/\s+/)) if (c) body.classList.add(c);
}

function setToolbar(state: ToolbarState): void {
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('#muharrir-toolbar [data-action]'))) {
    const action = button.dataset.action;
    const value = button.dataset.value;
    const on =
      action === 'width' ? state.width === value
      : action === 'view' ? state.view === value
      : action === 'problems' ? state.showProblems
      : action === 'lock' ? state.locked
      : false;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
}

function update(m: Record<string, unknown>): void {
  const r = root();
  if (!r || typeof m.fragment !== 'string' || typeof m.bodyClass !== 'string') return;
  const y = window.scrollY;
  r.innerHTML = m.fragment;
  setBodyClasses(m.bodyClass);
  if (typeof m.lang === 'string') document.documentElement.lang = m.lang;
  if (m.dir === 'rtl' || m.dir === 'ltr') document.documentElement.dir = m.dir;
  if (typeof m.lineCount === 'number' && m.lineCount > 0) {
    lineCount = m.lineCount;
    document.body.dataset.lineCount = String(m.lineCount);
  }
  if (m.toolbar && typeof m.toolbar === 'object') setToolbar(m.toolbar as ToolbarState);
  if (m.state && typeof m.state === 'object') save({ ...(m.state as Record<string, unknown>), line: saved.line ?? 0 });
  if (typeof m.line === 'number') scrollToLine(m.line);
  else scrollToY(y); // the swap can shorten the page for a moment: put it back where the writer had it
  document.body.dataset.updated = String((Number(document.body.dataset.updated) || 0) + 1);
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as Record<string, unknown> | null;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'update') update(m);
  else if (m.type === 'scrollToLine' && typeof m.line === 'number' && Number.isFinite(m.line)) scrollToLine(m.line);
});

// --- the writer scrolls the preview ---------------------------------------------------------------

let frame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const y = window.scrollY;
      if (gate.isEcho(y)) return;
      const line = lineForOffset(boxes(), y + toolbarHeight(), lineCount);
      if (line === undefined) return;
      save({ line });
      api.postMessage({ type: 'scrolled', line });
    });
  },
  { passive: true },
);

// --- clicks: toolbar, links, problems -------------------------------------------------------------

function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const button = target.closest<HTMLElement>('#muharrir-toolbar [data-action]');
  if (button) {
    event.preventDefault();
    const action = button.dataset.action;
    const value =
      action === 'problems' || action === 'lock' ? button.getAttribute('aria-pressed') !== 'true' : button.dataset.value;
    api.postMessage({ type: 'toolbar', action, value });
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[href]');
  if (link) {
    // Ours to handle, before VS Code's own handler (on the window) opens anything.
    event.preventDefault();
    event.stopPropagation();
    if (event.type !== 'click' || event.button !== 0) return;
    const href = link.getAttribute('href') ?? '';
    if (link.dataset.link === 'fragment') {
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // not an escape: the id as written
      }
      document.getElementById(id)?.scrollIntoView({ block: 'start' });
    } else if (link.dataset.link) {
      api.postMessage({ type: 'openLink', href });
    }
    return;
  }
  const problem = target.closest<HTMLElement>('.muharrir-problems [data-line]');
  if (problem && event.type === 'click') api.postMessage({ type: 'reveal', line: Number(problem.dataset.line) });
}

document.addEventListener('click', onClick, true);
document.addEventListener('auxclick', onClick, true);

// Double-click in the article: show that line in the editor, as the Markdown preview does.
document.addEventListener('dblclick', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const block = target?.closest<HTMLElement>('#muharrir-root [data-line]');
  if (block && !block.closest('.muharrir-problems')) api.postMessage({ type: 'reveal', line: Number(block.dataset.line) });
});

api.postMessage({ type: 'ready' });
