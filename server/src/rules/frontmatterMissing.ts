import type { Rule } from '../engine/rule';
import { formatInstant, offsetFor } from '../engine/dates';
import { firstHeading } from '../engine/body';
import { yamlScalar } from '../engine/text';

export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  category: 'frontmatter',
  tags: ['frontmatter', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'suggestion',
  needs: 'document',
  description: {
    en: 'The article has no YAML frontmatter, so it has no headline, date, author or sources on record.',
    ar: 'لا يحتوي الخبر على بيانات وصفية (frontmatter)، فلا عنوان ولا تاريخ ولا كاتب ولا مصادر مسجلة له.',
  },
  docs: {
    why: {
      en: 'The desk, the CMS and every other check read the article’s metadata from the frontmatter block at the top of the file. Without it the article cannot be scheduled, credited or sourced.',
      ar: 'يقرأ المحرر ونظام إدارة المحتوى وسائر الفحوص بيانات الخبر من كتلة البيانات الوصفية في أعلى الملف. ومن دونها لا يمكن جدولة الخبر ولا نسبته إلى كاتبه ولا توثيق مصادره.',
    },
    bad: '# وزير الخارجية يلتقي نظيره التركي\n\nالتقى وزير الخارجية…',
    good: '---\ntitle: وزير الخارجية يلتقي نظيره التركي\ndate: 2025-06-02T18:00:00+02:00\nauthor: سارة أحمد\nsources:\n  - وكالة الأنباء الليبية\n---\n\nالتقى وزير الخارجية…',
  },
  check(ctx) {
    if (ctx.doc.frontmatter) return;
    const { doc } = ctx;
    const at = doc.bom ? 1 : 0;
    // A block pushed down by blank lines is not frontmatter to any tool: say so where it is.
    const lead = /^(?:[ \t]*(?:\r\n|\r|\n))+(?=---[ \t]*(?:\r\n|\r|\n))/.exec(doc.text.slice(at, at + 4096));
    if (lead) {
      const open = at + lead[0].length;
      ctx.report({
        start: open,
        end: open + 3,
        message: {
          en: 'The frontmatter must start on the first line: remove the blank lines above `---`.',
          ar: 'يجب أن تبدأ البيانات الوصفية من السطر الأول: احذف الأسطر الفارغة فوق `---`.',
        },
        fix: {
          title: { en: 'Remove the blank lines above the frontmatter', ar: 'حذف الأسطر الفارغة فوق البيانات الوصفية' },
          edits: [{ start: at, end: open, newText: '' }],
          safe: true,
        },
      });
      return;
    }
    const end = doc.lines.lineEnd(0);
    const now = ctx.now.getTime();
    const eol = doc.eol;
    const heading = firstHeading(doc);
    const skeleton = [
      '---',
      `title: ${yamlScalar(heading?.text ?? '')}`,
      `date: ${formatInstant(now, offsetFor(ctx.timeZone, now))}`,
      `author: ${ctx.author ? yamlScalar(ctx.author) : '""'}`,
      'sources:',
      '  - name: ""',
      '---',
      '',
    ].join(eol);
    ctx.report({
      start: at,
      end: Math.max(at, end),
      message: {
        en: 'This article has no frontmatter: add title, date, author and sources between `---` lines at the top.',
        ar: 'لا توجد بيانات وصفية لهذا الخبر: أضف العنوان والتاريخ والكاتب والمصادر بين سطرَي `---` في أعلى الملف.',
      },
      fix: {
        title: { en: 'Add a frontmatter block', ar: 'إضافة كتلة البيانات الوصفية' },
        edits: [{ start: at, end: at, newText: skeleton }],
        safe: false,
      },
    });
  },
};
