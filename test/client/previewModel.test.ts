/**
 * The preview's decisions that need no VS Code: which panel shows an article (one per article,
 * unlocked ones follow), what a restored panel trusts from its saved state, the writer's language,
 * the language server's diagnostics as the renderer takes them, the debounce of renders, the
 * webview's messages and where a clicked link may lead.
 */
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { Debouncer, type Timers } from '../../client/src/preview/debounce';
import { previewDiagnostics, previewSeverity, type DiagnosticLike } from '../../client/src/preview/diagnostics';
import { linkTarget } from '../../client/src/preview/links';
import { parseWebviewMessage } from '../../client/src/preview/messages';
import { planFollow, planOpen, previewLocale, readPanelState, type PanelSlot } from '../../client/src/preview/panelModel';

const A = 'file:///news/articles/a.md';
const B = 'file:///news/articles/b.md';
const C = 'file:///news/articles/c.md';

describe('planOpen: one preview per article', () => {
  test('no preview yet: a new one', () => {
    assert.deepEqual(planOpen([], A), { kind: 'create' });
  });

  test('the article already has a preview (locked or not): that one is shown, never a second', () => {
    assert.deepEqual(planOpen([{ uri: B, locked: false }, { uri: A, locked: true }], A), { kind: 'reveal', index: 1 });
    assert.deepEqual(planOpen([{ uri: A, locked: false }], A), { kind: 'reveal', index: 0 });
  });

  test('another article is previewed unlocked: that preview moves to this one', () => {
    assert.deepEqual(planOpen([{ uri: B, locked: true }, { uri: C, locked: false }], A), { kind: 'retarget', index: 1 });
  });

  test('every preview is locked on another article: a new one', () => {
    assert.deepEqual(planOpen([{ uri: B, locked: true }], A), { kind: 'create' });
  });
});

describe('planFollow: unlocked previews follow the active article', () => {
  test('the first unlocked preview follows', () => {
    const panels: PanelSlot[] = [{ uri: B, locked: true }, { uri: C, locked: false }, { uri: '', locked: false }];
    assert.equal(planFollow(panels, A), 1);
  });

  test('locked previews stay', () => {
    assert.equal(planFollow([{ uri: B, locked: true }], A), undefined);
  });

  test('no move when a preview already shows the article (no duplicate)', () => {
    assert.equal(planFollow([{ uri: B, locked: false }, { uri: A, locked: true }], A), undefined);
    assert.equal(planFollow([{ uri: A, locked: false }], A), undefined);
  });
});

describe('readPanelState: what a restored preview takes from its page', () => {
  test('a saved state comes back as it was', () => {
    const saved = { uri: A, locked: true, width: 'mobile', view: 'social-card', showProblems: false, line: 12.5 };
    assert.deepEqual(readPanelState(saved, true), saved);
  });

  test('unknown values fall back to the defaults, field by field', () => {
    assert.deepEqual(readPanelState({ uri: A, locked: 'yes', width: 'tablet', view: 5, showProblems: null, line: -3 }, true), {
      uri: A,
      locked: false,
      width: 'desktop',
      view: 'article',
      showProblems: true,
      line: 0,
    });
  });

  test('without an article address there is nothing to restore', () => {
    for (const raw of [undefined, null, 'file:///a.md', {}, { uri: 7 }, { uri: 'not a uri' }, { uri: 'x'.repeat(5000) }]) {
      assert.equal(readPanelState(raw, true), undefined, JSON.stringify(raw)?.slice(0, 40));
    }
  });
});

describe('previewLocale', () => {
  test('the setting wins, then the newsroom file, then VS Code\'s language', () => {
    assert.equal(previewLocale('en', 'ar', 'ar'), 'en');
    assert.equal(previewLocale('auto', 'ar', 'en-US'), 'ar');
    assert.equal(previewLocale('auto', undefined, 'ar-EG'), 'ar');
    assert.equal(previewLocale(undefined, undefined, 'fr'), 'en');
    assert.equal(previewLocale('klingon', 'auto', 'AR'), 'ar');
  });
});

describe('diagnostics for the preview', () => {
  test('VS Code\'s severity numbers become the renderer\'s names; unknown ones count as errors', () => {
    assert.deepEqual([0, 1, 2, 3].map(previewSeverity), ['error', 'warning', 'information', 'hint']);
    assert.equal(previewSeverity(undefined), 'error');
    assert.equal(previewSeverity(9), 'error');
  });

  test('only the language server\'s own diagnostics, copied to plain data with their rule code', () => {
    const range = { start: { line: 9, character: 4 }, end: { line: 9, character: 12 } };
    const list: DiagnosticLike[] = [
      { range, message: 'الإجتماع → الاجتماع', severity: 1, source: 'muharrir', code: 'hamza-common-error' },
      { range, message: 'spelling', severity: 2, source: 'cSpell' },
      { range, message: 'no sources', severity: 0, source: 'muharrir', code: { value: 'sources-missing' } },
      { range, message: 'a number code', severity: 3, source: 'muharrir', code: 42 },
      { range, message: 'no code', severity: 2, source: 'muharrir' },
    ];
    const out = previewDiagnostics(list);
    assert.deepEqual(
      out.map((d) => [d.severity, d.code, d.message]),
      [
        ['warning', 'hamza-common-error', 'الإجتماع → الاجتماع'],
        ['error', 'sources-missing', 'no sources'],
        ['hint', '42', 'a number code'],
        ['information', undefined, 'no code'],
      ],
    );
    assert.deepEqual(out[0].range, range);
    assert.notEqual(out[0].range, range, 'the range is a copy, not VS Code\'s object');
    assert.equal('code' in out[3], false);
  });
});

describe('Debouncer', () => {
  test('a burst of triggers renders once, the delay after the last one', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let runs = 0;
      const d = new Debouncer(() => runs++, 150);
      d.trigger();
      mock.timers.tick(100);
      d.trigger();
      mock.timers.tick(100);
      d.trigger();
      mock.timers.tick(149);
      assert.equal(runs, 0);
      assert.equal(d.pending, true);
      mock.timers.tick(1);
      assert.equal(runs, 1);
      assert.equal(d.pending, false);
      mock.timers.tick(1000);
      assert.equal(runs, 1);
    } finally {
      mock.timers.reset();
    }
  });

  test('flush runs a pending call now and only once; cancel drops it', () => {
    const scheduled: (() => void)[] = [];
    const timers: Timers = { set: (fn) => scheduled.push(fn), clear: () => {} };
    let runs = 0;
    const d = new Debouncer(() => runs++, 150, timers);
    d.flush();
    assert.equal(runs, 0, 'nothing pending, nothing run');
    d.trigger();
    d.flush();
    assert.equal(runs, 1);
    d.trigger();
    d.cancel();
    assert.equal(d.pending, false);
    assert.equal(runs, 1);
  });
});

describe('parseWebviewMessage', () => {
  test('well-formed messages pass', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'scrolled', line: 12.5 }), { type: 'scrolled', line: 12.5 });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', line: 3 }), { type: 'reveal', line: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'openLink', href: 'other.md' }), { type: 'openLink', href: 'other.md' });
    assert.deepEqual(parseWebviewMessage({ type: 'toolbar', action: 'width', value: 'mobile' }), { type: 'toolbar', action: 'width', value: 'mobile' });
    assert.deepEqual(parseWebviewMessage({ type: 'toolbar', action: 'view', value: 'social-card' }), {
      type: 'toolbar',
      action: 'view',
      value: 'social-card',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'toolbar', action: 'lock', value: true }), { type: 'toolbar', action: 'lock', value: true });
  });

  test('anything else is dropped', () => {
    for (const raw of [
      null,
      'ready',
      { type: 'eval', code: 'x' },
      { type: 'scrolled', line: -1 },
      { type: 'scrolled', line: Number.POSITIVE_INFINITY },
      { type: 'reveal', line: '3' },
      { type: 'openLink', href: 42 },
      { type: 'openLink', href: 'x'.repeat(9000) },
      { type: 'toolbar', action: 'width', value: 'tablet' },
      { type: 'toolbar', action: 'problems', value: 'true' },
      { type: 'toolbar', action: 'theme', value: 'dark' },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw)?.slice(0, 60));
    }
  });
});

describe('linkTarget: what a click in the preview may open', () => {
  test('web and mail addresses go out through VS Code', () => {
    assert.deepEqual(linkTarget('https://www.spa.gov.sa/x?y=1#z'), { kind: 'external', url: 'https://www.spa.gov.sa/x?y=1#z' });
    assert.deepEqual(linkTarget('//example.com/a'), { kind: 'external', url: 'https://example.com/a' });
    assert.deepEqual(linkTarget('mailto:desk@example.com'), { kind: 'external', url: 'mailto:desk@example.com' });
  });

  test('relative paths open next to the article, escapes decoded, query and fragment dropped', () => {
    assert.deepEqual(linkTarget('../2025/%D8%AE%D8%A8%D8%B1.md#h-x'), { kind: 'file', path: '../2025/خبر.md' });
    assert.deepEqual(linkTarget('images\\photo.jpg?v=2'), { kind: 'file', path: 'images/photo.jpg' });
  });

  test('scripts, commands, files and absolute paths open nothing', () => {
    for (const href of ['javascript:alert(1)', 'java\tscript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode:extension/x', 'data:text/html,<script>', '/etc/passwd', '%2Fetc%2Fpasswd', 'C:%5CWindows', '#h-section', '']) {
      assert.deepEqual(linkTarget(href), { kind: 'none' }, href);
    }
  });
});
