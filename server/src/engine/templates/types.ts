/** A newsroom template: one VS Code snippet, wherever it came from (the built-ins or a team pack). */
export interface Template {
  /** Stable and unique among all loaded templates: a built-in's English prefix, a pack's `pack/name`. */
  id: string;
  /** What a picker shows: the snippet's name in its file. */
  name: string;
  description: string;
  /** Every prefix that expands it; built-ins carry an English and an Arabic one. */
  prefixes: string[];
  /** VS Code snippet syntax (tab stops, placeholders, choices, variables), lines joined with \n. */
  body: string;
  /** Absent for the built-ins. */
  pack?: TemplatePack;
  /** The kind of article (`brief`, `interview`, …); see NEWS_GENRES for the built-in ones. */
  genre?: string;
}

export interface TemplatePack {
  name: string;
  version: string;
}

/** The article kinds the built-in templates cover, in the order pickers list them. */
export const NEWS_GENRES = ['brief', 'breaking', 'report', 'investigation', 'interview', 'opinion', 'press-release', 'correction'] as const;
export type NewsGenre = (typeof NEWS_GENRES)[number];
