import type { Rule, RuleContext } from '../engine/rule';
import type { FmMap, FmNode } from '../engine/frontmatter';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  category: 'frontmatter',
  tags: ['frontmatter', 'yaml'],
  defaultSeverity: 'error',
  fixable: 'none',
  needs: 'frontmatter',
  description: {
    en: 'A field is set twice in the same block; YAML keeps only one of the values, and which one depends on the tool.',
    ar: 'حقل مكرر في الكتلة نفسها؛ لا تحتفظ YAML إلا بإحدى القيمتين، ويتوقف أيّهما على الأداة.',
  },
  docs: {
    why: {
      en: 'Two `date:` lines mean two different publication times; one of them silently wins. The writer must choose.',
      ar: 'سطران لـ`date:` يعنيان وقتَي نشر مختلفين، وتفوز إحداهما بصمت. على الكاتب أن يختار.',
    },
    bad: '---\ntitle: قمة الرياض\ndate: 2025-06-02T18:00:00+03:00\ndate: 2025-06-03T09:00:00+03:00\n---',
    good: '---\ntitle: قمة الرياض\ndate: 2025-06-03T09:00:00+03:00\n---',
  },
  check(ctx) {
    walk(ctx, ctx.fm);
  },
};

function walk(ctx: RuleContext, node: FmNode | null): void {
  if (!node) return;
  if (node.kind === 'map') checkMap(ctx, node);
  else if (node.kind === 'seq') for (const item of node.items) walk(ctx, item);
}

function checkMap(ctx: RuleContext, map: FmMap): void {
  const first = new Map<string, number>();
  for (const e of map.entries) {
    const seen = first.get(e.key);
    if (seen === undefined) first.set(e.key, e.keyStart);
    else {
      const line = ctx.doc.lines.positionAt(seen).line + 1;
      ctx.report({
        start: e.keyStart,
        end: e.keyEnd,
        message: {
          en: `\`${e.key}\` is already set on line ${line}; keep one of the two.`,
          ar: `الحقل \`${e.key}\` مذكور من قبل في السطر ${line}؛ أبقِ واحدًا منهما.`,
        },
      });
    }
    walk(ctx, e.value);
  }
}
