// What the New Article command decides without VS Code: the free file name and the picker's
// grouping. Kept free of the `vscode` module so it is tested with plain node:test.
import { suffixedArticlePath } from '../../server/src/engine/templates/articlePath';

/** A template as `muharrir/templates` describes it (the fields the command uses). */
export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  prefixes: string[];
  pack?: { name: string; version: string };
  body: string;
}

/** How many `-n` suffixes are tried before giving up: a headline reused a hundred times a day is a mistake. */
export const MAX_SUFFIX = 100;

/**
 * The first of `path`, `path-2`, `path-3`… (before the extension) that does not exist, or undefined
 * when all MAX_SUFFIX do: a second article with the same headline on the same day never overwrites
 * the first.
 */
export async function firstFreeArticlePath(relPath: string, exists: (relPath: string) => Promise<boolean>): Promise<string | undefined> {
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const candidate = suffixedArticlePath(relPath, n);
    if (!(await exists(candidate))) return candidate;
  }
  return undefined;
}

export type PickerEntry = { kind: 'separator'; label: string } | { kind: 'template'; template: TemplateChoice };

/**
 * The picker's rows: the built-ins first under `builtInLabel`, then each pack under its own
 * heading (`name version`), packs in the order the server lists them, each list in its own order.
 */
export function pickerEntries(templates: readonly TemplateChoice[], builtInLabel: string): PickerEntry[] {
  const groups = new Map<string, { label: string; templates: TemplateChoice[] }>();
  const builtIns: TemplateChoice[] = [];
  for (const t of templates) {
    if (!t.pack) {
      builtIns.push(t);
      continue;
    }
    const key = `${t.pack.name}\u0000${t.pack.version}`;
    let g = groups.get(key);
    if (!g) {
      g = { label: t.pack.version ? `${t.pack.name} ${t.pack.version}` : t.pack.name, templates: [] };
      groups.set(key, g);
    }
    g.templates.push(t);
  }
  const out: PickerEntry[] = [];
  const section = (label: string, list: TemplateChoice[]) => {
    if (!list.length) return;
    out.push({ kind: 'separator', label });
    for (const template of list) out.push({ kind: 'template', template });
  };
  section(builtInLabel, builtIns);
  for (const g of groups.values()) section(g.label, g.templates);
  return out;
}
