/**
 * What the preview decides without VS Code: which panel shows which article (one per article,
 * unlocked previews follow the active one), the per-panel view state and how the webview's saved
 * copy of it is read back, and the writer's language.
 */
import type { Locale } from '../../../server/src/engine/types';

export type Width = 'desktop' | 'mobile';
export type View = 'article' | 'social-card';

/** What the writer chose for one preview panel (kept across reloads by the webview's state). */
export interface ViewState {
  locked: boolean;
  width: Width;
  view: View;
  showProblems: boolean;
}

/** The webview's saved state: the view plus the article and where it was scrolled. */
export interface PanelState extends ViewState {
  uri: string;
  line: number;
}

/** A preview as the planning functions see it: the article it shows and whether it is locked. */
export interface PanelSlot {
  uri: string;
  locked: boolean;
}

export type OpenPlan = { kind: 'reveal'; index: number } | { kind: 'retarget'; index: number } | { kind: 'create' };

/**
 * Open Preview for `uri`: the panel already showing it if there is one (never a second preview of
 * one article), else the first unlocked panel moves to it, else a new panel.
 */
export function planOpen(panels: readonly PanelSlot[], uri: string): OpenPlan {
  const showing = panels.findIndex((p) => p.uri === uri);
  if (showing !== -1) return { kind: 'reveal', index: showing };
  const follower = panels.findIndex((p) => !p.locked);
  if (follower !== -1) return { kind: 'retarget', index: follower };
  return { kind: 'create' };
}

/**
 * The writer switched to article `uri`: the panel that follows it (the first unlocked one), or
 * none when a panel already shows it or every panel is locked.
 */
export function planFollow(panels: readonly PanelSlot[], uri: string): number | undefined {
  if (panels.some((p) => p.uri === uri)) return undefined;
  const follower = panels.findIndex((p) => !p.locked);
  return follower === -1 ? undefined : follower;
}

export function defaultViewState(showProblems: boolean): ViewState {
  return { locked: false, width: 'desktop', view: 'article', showProblems };
}

/**
 * The state a restored panel's webview saved, checked field by field: it comes back from the
 * webview, so anything unexpected falls back to the defaults, and a state without a usable
 * article address gives undefined (the panel cannot be restored).
 */
export function readPanelState(raw: unknown, showProblemsDefault: boolean): PanelState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.uri !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(s.uri) || s.uri.length > 4096) return undefined;
  const base = defaultViewState(showProblemsDefault);
  return {
    uri: s.uri,
    locked: typeof s.locked === 'boolean' ? s.locked : base.locked,
    width: s.width === 'mobile' || s.width === 'desktop' ? s.width : base.width,
    view: s.view === 'social-card' || s.view === 'article' ? s.view : base.view,
    showProblems: typeof s.showProblems === 'boolean' ? s.showProblems : base.showProblems,
    line: typeof s.line === 'number' && Number.isFinite(s.line) && s.line >= 0 ? s.line : 0,
  };
}

/**
 * The writer's language for the preview's notes and toolbar: the `muharrir.locale` setting, else
 * the newsroom's `.muharrir.yaml` `locale`, else VS Code's display language — as the server
 * chooses for its messages.
 */
export function previewLocale(setting: unknown, configLocale: string | undefined, displayLanguage: string): Locale {
  if (setting === 'ar' || setting === 'en') return setting;
  if (configLocale === 'ar' || configLocale === 'en') return configLocale;
  return displayLanguage.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
