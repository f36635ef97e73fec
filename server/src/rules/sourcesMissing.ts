import type { Rule } from '../engine/rule';
import { getEntry, isEmptyValue } from '../engine/frontmatter';
import { sourceLineNames } from '../engine/body';
import { yamlScalar } from '../engine/text';
import { appendToFrontmatter, entryAt, openingDelimiter, replaceEmptyEntry } from './helpers';
import { intendedKey } from './unknownField';

export const sourcesMissing: Rule = {
  id: 'sources-missing',
  category: 'sources',
  tags: ['sources', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'mixed',
  needs: 'frontmatter',
  description: {
    en: 'The article lists no sources: the `sources` field is missing or empty.',
    ar: 'لا يذكر الخبر أي مصدر: الحقل `sources` مفقود أو فارغ.',
  },
  docs: {
    why: {
      en: 'Every news article rests on sources the desk can check. The quick fix adds a `sources:` block, filled from the body’s `المصدر:` line when there is one.',
      ar: 'يقوم كل خبر على مصادر يستطيع المحرر التحقق منها. يضيف الإصلاح السريع كتلة `sources:`، ويملؤها من سطر «المصدر:» في متن الخبر إن وُجد.',
    },
    bad: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\n---\n\nافتتح وزير الثقافة…\n\nالمصدر: وكالة الأنباء السعودية',
    good: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء السعودية\n---\n\nافتتح وزير الثقافة…\n\nالمصدر: وكالة الأنباء السعودية',
  },
  check(ctx) {
    const entry = getEntry(ctx.fm, 'sources');
    if (entry && !isEmptyValue(entry.value)) return;
    const names = sourceLineNames(ctx.doc);
    // `sorces:` or `المصادر:` is the sources list under a wrong name: renaming it (unknown-field) is the fix,
    // and adding a second block beside it in the same fix-all pass would leave two lists.
    const known = Object.keys(ctx.profile);
    const misnamed = !entry && ctx.fm.entries.some((e) => !known.includes(e.key) && intendedKey(e.key, known, true) === 'sources');
    const block = ['sources:', ...(names.length ? names : ['']).map((n) => `  - name: ${n ? yamlScalar(n) : '""'}`)];
    ctx.report({
      ...(entry ? entryAt(entry) : openingDelimiter(ctx)),
      message: entry
        ? { en: '`sources` is empty: list at least one source.', ar: 'الحقل `sources` فارغ: اذكر مصدرًا واحدًا على الأقل.' }
        : {
            en: 'The article lists no sources: add a `sources` field.',
            ar: 'لا يذكر الخبر أي مصدر: أضف الحقل `sources`.',
          },
      fix: {
        title: names.length
          ? { en: `Add sources: ${names.join(', ')}`, ar: `إضافة المصادر: ${names.join('، ')}` }
          : { en: 'Add a sources block', ar: 'إضافة كتلة المصادر' },
        edits: [entry ? replaceEmptyEntry(ctx, entry, block) : appendToFrontmatter(ctx, block)],
        // Safe only when the names come from the article itself; a blank name is a prompt, not a fix.
        safe: names.length > 0 && !misnamed,
      },
    });
  },
};
