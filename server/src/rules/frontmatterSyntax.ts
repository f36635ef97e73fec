import type { Rule } from '../engine/rule';
import { problemMessage } from '../engine/yamlProblems';

const MAX_PER_KIND = 5;

export const frontmatterSyntax: Rule = {
  id: 'frontmatter-syntax',
  category: 'frontmatter',
  tags: ['frontmatter', 'yaml'],
  defaultSeverity: 'error',
  fixable: 'none',
  needs: 'document',
  description: {
    en: 'The frontmatter cannot be read: YAML syntax errors, an unclosed block, a non-YAML language, or YAML features refused for safety (aliases, anchors, tags).',
    ar: 'تتعذّر قراءة البيانات الوصفية: خطأ في صياغة YAML، أو كتلة غير مغلقة، أو لغة غير YAML، أو ميزات مرفوضة حفاظًا على الأمان (الإحالات والمراسي والوسوم).',
  },
  docs: {
    why: {
      en: 'When the frontmatter cannot be read, none of the article’s metadata reaches the CMS. Aliases and tags are refused because they let a file expand into gigabytes or ask a parser to build objects; `---js` blocks are never executed.',
      ar: 'إذا تعذّرت قراءة البيانات الوصفية لم يصل شيء من بيانات الخبر إلى نظام إدارة المحتوى. وتُرفض الإحالات والوسوم لأنها تتيح لملف صغير أن يتضخم إلى غيغابايتات أو أن يطلب من المحلل بناء كائنات؛ ولا تُنفَّذ كتل \u200E`---js` أبدًا.',
    },
    bad: '---\ntitle: "وزير الخارجية يلتقي نظيره التركي\ndate: 2025-06-02T18:00:00+02:00\n---',
    good: '---\ntitle: "وزير الخارجية يلتقي نظيره التركي"\ndate: 2025-06-02T18:00:00+02:00\n---',
  },
  check(ctx) {
    const fm = ctx.doc.frontmatter;
    if (!fm) return;
    const { lines } = ctx.doc;
    // An alias bomb is hundreds of aliases: a few diagnostics say it, hundreds would bury the editor.
    const perKind = new Map<string, number>();
    /** The sixth problem of each kind, and how many of that kind went unlisted. */
    const unlisted = new Map<string, { at: (typeof fm.problems)[number]; count: number }>();
    for (const p of fm.problems) {
      const seen = (perKind.get(p.kind) ?? 0) + 1;
      perKind.set(p.kind, seen);
      if (seen > MAX_PER_KIND) {
        const u = unlisted.get(p.kind);
        if (u) u.count++;
        else unlisted.set(p.kind, { at: p, count: 1 });
        continue;
      }
      let { start, end } = p;
      if (end <= start) {
        // A zero-width parser position is widened to the rest of its line so the editor shows it.
        const line = lines.positionAt(start).line;
        end = Math.max(start, lines.lineEnd(line));
        if (end === start && start > lines.lineStart(line)) start = lines.lineStart(line);
      }
      ctx.report({ start, end, message: problemMessage(p) });
    }
    for (const { at, count } of unlisted.values()) {
      const what = problemMessage(at);
      ctx.report({
        start: at.start,
        end: Math.max(at.end, at.start),
        message: {
          en: `${count} more problems like this one are not listed (${MAX_PER_KIND} of each kind are): ${what.en}`,
          ar: `لم تُعرض ${count} مشكلات أخرى من هذا النوع (يُعرض ${MAX_PER_KIND} من كل نوع): ${what.ar}`,
        },
      });
    }
  },
};
