import type { ArticleDocument } from './document';
import type { ResolvedConfig } from './config';
import type { FmMap } from './frontmatter';
import type { Profile } from './profile';
import type { TimeZoneChoice } from './dates';
import type { Bilingual, Fix, Severity } from './types';

export type RuleCategory = 'frontmatter' | 'sources' | 'dates' | 'typography' | 'hygiene';

/** What a rule is, for the registry, the docs and SARIF (markdownlint-style metadata). */
export interface RuleMeta {
  id: string;
  category: RuleCategory;
  tags: string[];
  defaultSeverity: Severity;
  /** `safe`: applied by --fix and fix-all; `suggestion`: a quick fix the writer chooses. */
  fixable: 'safe' | 'suggestion' | 'mixed' | 'none';
  description: Bilingual;
  docs: {
    why: Bilingual;
    /** Frontmatter/Markdown that triggers the rule, and the corrected version. */
    bad: string;
    good: string;
  };
}

export interface Rule extends RuleMeta {
  /**
   * `frontmatter` rules only run when the frontmatter was read cleanly: on broken YAML the
   * writer sees `frontmatter-syntax` alone rather than a cascade of guesses.
   */
  needs: 'document' | 'frontmatter';
  check(ctx: RuleContext): void;
}

export interface RuleReport {
  start: number;
  end: number;
  message: Bilingual;
  fix?: Fix;
  /**
   * A severity for this report instead of the rule's default (e.g. `relative-date` is a hint when
   * `date` anchors it, a warning when nothing does). A severity set in `.muharrir.yaml` wins.
   */
  severity?: Severity;
}

export interface RuleContext {
  readonly doc: ArticleDocument;
  /** The frontmatter's top-level fields (only null for `needs: 'document'` rules). */
  readonly fm: FmMap;
  readonly config: ResolvedConfig;
  readonly profile: Profile;
  /** The clock. Reading it ties the result to this exact time; prefer `isPast` to compare with it. */
  readonly now: Date;
  /** Whether `instant` (ms) is at or before now; the result then holds for every clock on the same side of it. */
  isPast(instant: number): boolean;
  readonly timeZone: TimeZoneChoice;
  /** The writer's name from the editor settings, for fixes that fill in `author`. */
  readonly author?: string;
  readonly options: Record<string, unknown>;
  report(r: RuleReport): void;
  /**
   * While set, every report also goes here: how `reportByParagraph` keeps what a paragraph gave
   * for the next keystroke's lint. Rules leave it alone.
   */
  keep?: RuleReport[];
}
