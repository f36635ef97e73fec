import type { LineIndex } from './lines';

/**
 * Inline switches a writer puts in the article:
 *   <!-- muharrir-disable RULE... -->  … <!-- muharrir-enable RULE... -->   (body, a region)
 *   <!-- muharrir-disable-next-line RULE... -->                            (body)
 *   # muharrir-disable-next-line RULE...                                   (frontmatter comment)
 *   # muharrir-disable-line RULE...                                        (frontmatter, trailing)
 *   # muharrir-disable RULE...                                             (frontmatter: the whole article)
 * No rule names means every rule. A `disable` written as a frontmatter comment is a setting of the
 * article, so it covers it from the first line: missing-field rules report on the opening `---`,
 * above anything a writer could put a comment on.
 */
export interface Directives {
  isDisabled(rule: string, line: number): boolean;
}

const DIRECTIVE = /(?:<!--|#)[ \t]*muharrir-(disable-next-line|disable-line|disable|enable)\b([^\r\n]*?)(?:-->|$)/gm;
const ALL = '*';

interface Region {
  rules: Set<string>;
  from: number;
  to: number;
}

export function parseDirectives(text: string, lines: LineIndex): Directives {
  if (!text.includes('muharrir-')) return { isDisabled: () => false };
  const perLine = new Map<number, Set<string>>();
  const regions: Region[] = [];
  const open = new Map<string, number>();
  for (const m of text.matchAll(DIRECTIVE)) {
    const kind = m[1];
    const names = m[2].trim().split(/[\s,]+/).filter(Boolean);
    const rules = names.length ? names : [ALL];
    const line = lines.positionAt(m.index).line;
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const target = kind === 'disable-line' ? line : line + 1;
      const set = perLine.get(target) ?? new Set<string>();
      for (const r of rules) set.add(r);
      perLine.set(target, set);
    } else if (kind === 'disable') {
      const from = m[0].startsWith('#') ? 0 : line;
      for (const r of rules) if (!open.has(r)) open.set(r, from);
    } else {
      for (const r of rules === names ? names : [...open.keys()]) {
        const from = open.get(r);
        if (from !== undefined) {
          regions.push({ rules: new Set([r]), from, to: line });
          open.delete(r);
        }
      }
    }
  }
  for (const [r, from] of open) regions.push({ rules: new Set([r]), from, to: Number.MAX_SAFE_INTEGER });
  return {
    isDisabled(rule, line) {
      const set = perLine.get(line);
      if (set && (set.has(rule) || set.has(ALL))) return true;
      return regions.some((g) => line >= g.from && line <= g.to && (g.rules.has(rule) || g.rules.has(ALL)));
    },
  };
}
