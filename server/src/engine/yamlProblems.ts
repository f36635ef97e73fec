import type { FrontmatterProblem } from './frontmatter';
import type { Bilingual } from './types';

/** What the words call the YAML being read: an article's frontmatter or a `.muharrir.yaml`. */
export type YamlPlace = 'frontmatter' | 'config';

// Arabic verbs agree with the noun: البيانات الوصفية is feminine, ملف الإعدادات masculine.
const NOUN: Record<YamlPlace, { en: string; in: string; ar: string; arNot: string; arValid: string; arBe: string; arUnread: string }> = {
  frontmatter: { en: 'The frontmatter', in: 'in frontmatter', ar: 'البيانات الوصفية', arNot: 'ليست', arValid: 'صالحة', arBe: 'تكون', arUnread: 'لم تُقرأ' },
  config: { en: 'This config file', in: 'in .muharrir.yaml', ar: 'ملف الإعدادات', arNot: 'ليس', arValid: 'صالحًا', arBe: 'يكون', arUnread: 'لم يُقرأ' },
};

/** Words for what the YAML reader refused or could not read, shared by articles and config files. */
export function problemMessage(p: FrontmatterProblem, place: YamlPlace = 'frontmatter'): Bilingual {
  const n = NOUN[place];
  switch (p.kind) {
    case 'yaml':
      return {
        en: `${n.en} is not valid YAML: ${p.detail ?? 'syntax error'}.${p.hint ? ' ' + p.hint.en : ''}`,
        ar: `${n.ar} ${n.arNot} YAML ${n.arValid}: ${p.detail ?? 'خطأ في الصياغة'}.${p.hint ? ' ' + p.hint.ar : ''}`,
      };
    case 'unclosed':
      return {
        en: 'The frontmatter is never closed: add a line with `---` after the last field.',
        ar: 'البيانات الوصفية غير مغلقة: أضف سطرًا فيه `---` بعد آخر حقل.',
      };
    case 'language':
      return {
        en: `Frontmatter written as \`${p.detail}\` is not read (and never executed); use YAML between \`---\` lines.`,
        ar: `البيانات الوصفية المكتوبة بلغة \`${p.detail}\` لا تُقرأ ولا تُنفَّذ أبدًا؛ استخدم YAML بين سطرَي \`---\`.`,
      };
    case 'not-a-map':
      return {
        en: `${n.en} must be a list of \`key: value\` fields.`,
        ar: `يجب أن ${n.arBe} ${n.ar} حقولًا بصيغة \`المفتاح: القيمة\`.`,
      };
    case 'alias':
      return {
        en: `YAML aliases (\`*name\`) are not allowed ${n.in}; write the value out.`,
        ar: `الإحالات في YAML \u200F(\`*name\`) غير مسموح بها في ${n.ar}؛ اكتب القيمة صريحة.`,
      };
    case 'anchor':
      return {
        en: `YAML anchors (\`&${p.detail}\`) are not allowed ${n.in}.`,
        ar: `المراسي في YAML \u200F(\`&${p.detail}\`) غير مسموح بها في ${n.ar}.`,
      };
    case 'tag':
      return {
        en: `YAML tags (\`${p.detail}\`) are not allowed ${n.in}; values are plain text, numbers, lists and fields.`,
        ar: `الوسوم في YAML \u200F(\`${p.detail}\`) غير مسموح بها؛ القيم نصوص وأرقام وقوائم وحقول فقط.`,
      };
    case 'complex-key':
      return {
        en: 'Field names must be plain text.',
        ar: 'يجب أن تكون أسماء الحقول نصًا بسيطًا.',
      };
    case 'too-deep':
      return {
        en: 'The YAML is nested too deeply to be a real field; it was not read.',
        ar: 'التداخل في YAML أعمق من أن يكون حقلًا حقيقيًا؛ لم تُقرأ.',
      };
    case 'too-large':
      return {
        en: `${n.en} is larger than 256 KB; it was not read.`,
        ar: `${n.ar} أكبر من 256 كيلوبايت؛ ${n.arUnread}.`,
      };
  }
}
