import type { Rule } from '../../engine/rule';
import { proseMask, convertDigits, isDigitCode, isLatinLetter, isNumberSeparatorCode, nextDigit } from '../../engine/arabic';

type System = 'latin' | 'arabic-indic';

const NAMES: Record<System, { en: string; ar: string }> = {
  latin: { en: 'Latin digits', ar: 'الأرقام اللاتينية' },
  'arabic-indic': { en: 'Arabic-Indic digits', ar: 'الأرقام الهندية' },
};

interface Run {
  start: number;
  end: number;
  system: System;
  /** Whether the run holds digits of both systems (`2٠25`). */
  mixed: boolean;
}

/**
 * Numbers in the body's prose, in order: digits with the separators between them (1,250 — ٣٫٥),
 * read in one pass over the text and handed to `visit` one by one.
 */
function numberRuns(mask: string, from: number, visit: (run: Run) => void): void {
  for (let i = nextDigit(mask, from); i !== -1; ) {
    let j = i + 1;
    for (;;) {
      const c = mask.charCodeAt(j);
      if (isDigitCode(c)) j++;
      else if (isNumberSeparatorCode(c) && isDigitCode(mask.charCodeAt(j + 1))) j += 2;
      else break;
    }
    let latin = 0;
    let arabic = 0;
    for (let k = i; k < j; k++) {
      const c = mask.charCodeAt(k);
      if (c >= 0x30 && c <= 0x39) latin++;
      else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) arabic++;
    }
    // G20, COP28, F-16, iPhone 16, 2nd, 4x4: digits in a Latin name are part of the name, not the article's numbers.
    const before = mask[i - 1] === '-' || mask[i - 1] === ' ' ? mask[i - 2] : mask[i - 1];
    const inLatinName = arabic === 0 && (isLatinLetter(before) || isLatinLetter(mask[j]));
    if (!inLatinName) visit({ start: i, end: j, system: arabic > latin ? 'arabic-indic' : 'latin', mixed: latin > 0 && arabic > 0 });
    i = nextDigit(mask, j);
  }
}

/** Arabic decimal and thousands separators have exact Latin equivalents; Latin ones are left as written. */
function convert(text: string, to: System): string {
  const digits = convertDigits(text, to);
  return to === 'latin' ? digits.replace(/\u066B/g, '.').replace(/\u066C/g, ',') : digits;
}

export const mixedDigits: Rule = {
  id: 'mixed-digits',
  category: 'typography',
  tags: ['typography', 'digits', 'consistency'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'The article mixes Arabic-Indic digits (٠١٢٣) and Latin digits (0123) in its text.',
    ar: 'يخلط الخبر بين الأرقام الهندية (٠١٢٣) والأرقام اللاتينية (0123) في نصه.',
  },
  docs: {
    why: {
      en: 'A reader sees `٢٠٢٥` beside `2025` as sloppy copy, and search and sorting treat them as different text. The article’s majority system wins unless the newsroom sets option `prefer: latin` or `prefer: arabic-indic`; numbers in the other system are flagged and the fix converts them. Digits inside Latin names (`G20`, `F-16`), code, URLs and the frontmatter are not counted.',
      ar: 'يرى القارئ `٢٠٢٥` بجوار `2025` علامة على نص غير متقن، ويعاملهما البحث والترتيب نصين مختلفين. يُعتمد النظام الغالب في الخبر ما لم تضبط المؤسسة الخيار `prefer: latin` أو `prefer: arabic-indic`، فتُعلَّم أرقام النظام الآخر ويحوّلها الإصلاح. ولا تُحتسب الأرقام داخل الأسماء اللاتينية (`G20` و`F-16`) ولا الشيفرة ولا الروابط ولا البيانات الوصفية.',
    },
    bad: '---\ntitle: ميزانية البلدية للعام المقبل\ndate: 2025-06-02T12:00:00+03:00\nauthor: يوسف العلي\nsources:\n  - المجلس البلدي\n---\n\nأقر المجلس البلدي ميزانية بقيمة 450 مليون دينار لعام 2026، بزيادة ١٢ في المئة عن العام الماضي.',
    good: '---\ntitle: ميزانية البلدية للعام المقبل\ndate: 2025-06-02T12:00:00+03:00\nauthor: يوسف العلي\nsources:\n  - المجلس البلدي\n---\n\nأقر المجلس البلدي ميزانية بقيمة 450 مليون دينار لعام 2026، بزيادة 12 في المئة عن العام الماضي.',
  },
  check(ctx) {
    const { doc } = ctx;
    const mask = proseMask(doc);
    const count = { latin: 0, 'arabic-indic': 0 };
    let mixedRun = false;
    // Counted first: most articles use one system and need no list of their numbers.
    numberRuns(mask, doc.bodyStart, (r) => {
      count[r.system]++;
      if (r.mixed) mixedRun = true;
    });
    if (!mixedRun && (count.latin === 0 || count['arabic-indic'] === 0)) return;
    const runs: Run[] = [];
    numberRuns(mask, doc.bodyStart, (r) => runs.push(r));
    const option = ctx.options.prefer;
    const chosen = option === 'latin' || option === 'arabic-indic' ? option : null;
    // A tie goes to Latin digits, what most Arabic news sites publish.
    const prefer: System = chosen ?? (count['arabic-indic'] > count.latin ? 'arabic-indic' : 'latin');
    const other: System = prefer === 'latin' ? 'arabic-indic' : 'latin';
    const why = chosen
      ? { en: 'the newsroom’s setting', ar: 'بحسب إعداد المؤسسة' }
      : { en: `most of its numbers: ${count[prefer]} to ${count[other]}`, ar: `وهي الغالبة فيه: ${count[prefer]} مقابل ${count[other]}` };
    for (const r of runs) {
      if (r.system === prefer && !r.mixed) continue;
      const text = doc.text.slice(r.start, r.end);
      const fixed = convert(text, prefer);
      if (fixed === text) continue;
      ctx.report({
        start: r.start,
        end: r.end,
        message: {
          en: `${r.mixed ? 'A number mixing both systems' : NAMES[other].en} in an article that uses ${NAMES[prefer].en} (${why.en}): write ${fixed}.`,
          ar: `${r.mixed ? 'رقم يخلط النظامين' : other === 'latin' ? 'أرقام لاتينية' : 'أرقام هندية'} في خبر يستعمل ${NAMES[prefer].ar} (${why.ar}): اكتب ${fixed}.`,
        },
        fix: {
          title: { en: `Write ${fixed}`, ar: `كتابته ${fixed}` },
          edits: [{ start: r.start, end: r.end, newText: fixed }],
          safe: true,
        },
      });
    }
  },
};
