import type { Rule } from '../../engine/rule';
import { proseMask, isArabicLetter, isArabicLetterCode, isArabicMark, TATWEEL } from '../../engine/arabic';

function inWord(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c === 0x0640 || isArabicLetterCode(c) || isArabicMark(ch);
}

export const tatweel: Rule = {
  id: 'tatweel',
  category: 'typography',
  tags: ['typography', 'arabic', 'kashida'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'A word stretched with tatweel (kashida, `ـ`) inside it: `فعاليــات`, `الســلام`.',
    ar: 'كلمة ممدودة بالتطويل (الكشيدة `ـ`) في داخلها: `فعاليــات` و`الســلام`.',
  },
  docs: {
    why: {
      en: 'Tatweel typed into the text to justify a line breaks search (`الســلام` is not found as `السلام`), spell-checking and screen readers, and the layout should do the stretching. Only tatweel between two letters of a word is flagged: the Hijri marker `هـ` (`1446هـ`), and `الـ` or `لـ` before a number, a Latin word or a quotation (`الـ20`, `الـ«فيفا»`, `الـ GPS`) are the normal way to write those. The fix removes the tatweel.',
      ar: 'التطويل المكتوب في النص لضبط السطر يُفسد البحث (لا يُعثر على `الســلام` عند البحث عن `السلام`) والتدقيق الإملائي وقارئات الشاشة، والمدّ من عمل التنسيق لا النص. ولا تُعلَّم إلا الكشيدة بين حرفين من كلمة واحدة: فعلامة الهجري `هـ` (`1446هـ`)، و`الـ` أو `لـ` قبل رقم أو كلمة لاتينية أو اقتباس (`الـ20` و`الـ«فيفا»` و`الـ GPS`) هي الطريقة المعتادة لكتابتها. ويحذف الإصلاح التطويل.',
    },
    bad: '---\ntitle: انطلاق مهرجان الشارقة القرائي\ndate: 2025-04-23T10:00:00+04:00\nauthor: ريم السويدي\nsources:\n  - هيئة الشارقة للكتاب\n---\n\nانطلقت فعاليــات مهرجان الشارقة القرائي للطفل في دورته الـ16 بمشاركة 150 دار نشر.',
    good: '---\ntitle: انطلاق مهرجان الشارقة القرائي\ndate: 2025-04-23T10:00:00+04:00\nauthor: ريم السويدي\nsources:\n  - هيئة الشارقة للكتاب\n---\n\nانطلقت فعاليات مهرجان الشارقة القرائي للطفل في دورته الـ16 بمشاركة 150 دار نشر.',
  },
  check(ctx) {
    const { doc } = ctx;
    const mask = proseMask(doc);
    let from = doc.bodyStart;
    for (;;) {
      const i = mask.indexOf(TATWEEL, from);
      if (i === -1) return;
      // The whole word around it, and every tatweel inside it, in one report.
      let start = i;
      while (start > 0 && inWord(mask[start - 1])) start--;
      let end = i;
      while (end < mask.length && inWord(mask[end])) end++;
      from = end;
      const edits: { start: number; end: number; newText: string }[] = [];
      for (let j = start; j < end; j++) {
        if (mask[j] !== TATWEEL) continue;
        let k = j;
        while (k < end && mask[k] === TATWEEL) k++;
        // Between two letters it stretches the word; at its edge (هـ، الـ20، لـ«) it marks an abbreviation or a prefix.
        let b = j - 1;
        while (b >= start && isArabicMark(mask[b])) b--;
        let a = k;
        while (a < end && isArabicMark(mask[a])) a++;
        if (isArabicLetter(mask[b]) && isArabicLetter(mask[a]) && b >= start && a < end) edits.push({ start: j, end: k, newText: '' });
        j = k - 1;
      }
      if (edits.length === 0) continue;
      const word = doc.text.slice(start, end);
      let fixed = '';
      let pos = start;
      for (const e of edits) {
        fixed += doc.text.slice(pos, e.start);
        pos = e.end;
      }
      fixed += doc.text.slice(pos, end);
      ctx.report({
        start,
        end,
        message: {
          en: `Tatweel stretches “${word}”: write “${fixed}”.`,
          ar: `تطويل في «${word}»: اكتبها «${fixed}».`,
        },
        fix: { title: { en: `Write “${fixed}”`, ar: `كتابتها «${fixed}»` }, edits, safe: true },
      });
    }
  },
};
