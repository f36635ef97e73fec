import type { FrontmatterProblem } from './frontmatter';
import type { Bilingual } from './types';

/** Words for what the YAML reader refused or could not read, shared by articles and config files. */
export function problemMessage(p: FrontmatterProblem): Bilingual {
  switch (p.kind) {
    case 'yaml':
      return {
        en: `The frontmatter is not valid YAML: ${p.detail ?? 'syntax error'}.${p.hint ? ' ' + p.hint.en : ''}`,
        ar: `البيانات الوصفية ليست YAML صالحة: ${p.detail ?? 'خطأ في الصياغة'}.${p.hint ? ' ' + p.hint.ar : ''}`,
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
        en: 'The frontmatter must be a list of `key: value` fields.',
        ar: 'يجب أن تكون البيانات الوصفية حقولًا بصيغة `المفتاح: القيمة`.',
      };
    case 'alias':
      return {
        en: 'YAML aliases (`*name`) are not allowed in frontmatter; write the value out.',
        ar: 'الإحالات في YAML ‏(`*name`) غير مسموح بها في البيانات الوصفية؛ اكتب القيمة صريحة.',
      };
    case 'anchor':
      return {
        en: `YAML anchors (\`&${p.detail}\`) are not allowed in frontmatter.`,
        ar: `المراسي في YAML ‏(\`&${p.detail}\`) غير مسموح بها في البيانات الوصفية.`,
      };
    case 'tag':
      return {
        en: `YAML tags (\`${p.detail}\`) are not allowed in frontmatter; values are plain text, numbers, lists and fields.`,
        ar: `الوسوم في YAML ‏(\`${p.detail}\`) غير مسموح بها؛ القيم نصوص وأرقام وقوائم وحقول فقط.`,
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
        en: 'The frontmatter is larger than 256 KB; it was not read.',
        ar: 'البيانات الوصفية أكبر من 256 كيلوبايت؛ لم تُقرأ.',
      };
  }
}
