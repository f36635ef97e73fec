import type { Rule, RuleContext } from '../engine/rule';
import type { FmEntry, FmNode } from '../engine/frontmatter';
import type { FieldSpec } from '../engine/profile';
import type { Bilingual, Fix } from '../engine/types';
import { didYouMean, letterLength, yamlScalar } from '../engine/text';
import { describeNode, isString } from './helpers';

const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const fieldType: Rule = {
  id: 'field-type',
  category: 'frontmatter',
  tags: ['frontmatter', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'mixed',
  needs: 'frontmatter',
  description: {
    en: 'A field’s value does not fit the profile: wrong type, a value outside the allowed list (status, section), too long (title, summary), or not a language tag.',
    ar: 'قيمة الحقل لا تطابق تعريفه: نوع خاطئ، أو قيمة خارج القائمة المسموح بها (الحالة، القسم)، أو نص أطول من الحد (العنوان، الموجز)، أو وسم لغة غير صالح.',
  },
  docs: {
    why: {
      en: 'The CMS rejects or silently mangles values of the wrong shape: a number where a headline belongs, `Published` for `published`, a 140-letter headline that the homepage cuts in half. Length limits count letters, not diacritics or tatweel.',
      ar: 'يرفض نظام إدارة المحتوى القيم ذات الشكل الخاطئ أو يشوهها بصمت: رقم مكان العنوان، أو `Published` بدل `published`، أو عنوان من 140 حرفًا تقطعه الصفحة الرئيسية. تُحسب الأطوال بالحروف دون التشكيل والتطويل.',
    },
    bad: '---\ntitle: 2025\nstatus: Published\ntags: اقتصاد\n---',
    good: '---\ntitle: "2025: عام التحول الرقمي"\nstatus: published\ntags: [اقتصاد]\n---',
  },
  check(ctx) {
    for (const entry of ctx.fm.entries) {
      const spec = ctx.profile[entry.key];
      if (!spec || entry.value === null || entry.value.kind === 'alias') continue;
      if (spec.type === 'datetime' || spec.type === 'sources' && entry.value.kind === 'seq') continue;
      checkEntry(ctx, entry, entry.value, spec);
    }
  },
};

const TYPE_NAMES: Record<FieldSpec['type'], Bilingual> = {
  string: { en: 'text', ar: 'نصًا' },
  'string-list': { en: 'a list of text items', ar: 'قائمة نصوص' },
  'string-or-list': { en: 'text or a list of text items', ar: 'نصًا أو قائمة نصوص' },
  datetime: { en: 'a date-time', ar: 'تاريخًا ووقتًا' },
  sources: { en: 'a list of sources', ar: 'قائمة مصادر' },
  language: { en: 'a language tag such as ar or en', ar: 'وسم لغة مثل ar أو en' },
  number: { en: 'a number', ar: 'رقمًا' },
  boolean: { en: 'true or false', ar: 'true أو false' },
};

function checkEntry(ctx: RuleContext, entry: FmEntry, value: FmNode, spec: FieldSpec): void {
  const wrongType = (fix?: Fix) => {
    const got = describeNode(value);
    const want = TYPE_NAMES[spec.type];
    ctx.report({
      start: value.start,
      end: value.end,
      message: {
        en: `\`${entry.key}\` must be ${want.en}, not ${got.en}.`,
        ar: `يجب أن يكون \`${entry.key}\` ${want.ar}، لا ${got.ar}.`,
      },
      fix,
    });
  };
  switch (spec.type) {
    case 'string':
    case 'language':
      if (isString(value)) return checkString(ctx, entry, value, spec);
      if (value.kind === 'scalar' && value.value !== null) {
        return wrongType({
          title: { en: 'Write it as text', ar: 'كتابته نصًا' },
          edits: [{ start: value.start, end: value.end, newText: JSON.stringify(value.source) }],
          safe: true,
        });
      }
      return wrongType();
    case 'string-list':
    case 'string-or-list':
    case 'sources':
      if (value.kind === 'seq') {
        for (const item of value.items) if (!isString(item)) return wrongTypeItem(ctx, entry, item, spec);
        return;
      }
      if (isString(value)) {
        if (spec.type === 'string-or-list') return checkString(ctx, entry, value, spec);
        return wrongType({
          title: { en: 'Make it a list', ar: 'تحويله إلى قائمة' },
          edits: [{ start: value.start, end: value.end, newText: `[${value.source}]` }],
          safe: true,
        });
      }
      return wrongType();
    case 'number':
      if (value.kind !== 'scalar' || typeof value.value !== 'number') wrongType();
      return;
    case 'boolean':
      if (value.kind !== 'scalar' || typeof value.value !== 'boolean') wrongType();
      return;
  }
}

function wrongTypeItem(ctx: RuleContext, entry: FmEntry, item: FmNode, spec: FieldSpec): void {
  const got = describeNode(item);
  ctx.report({
    start: item.start,
    end: item.end,
    message: {
      en: `Every item of \`${entry.key}\` must be text, not ${got.en}.`,
      ar: `يجب أن يكون كل عنصر في \`${entry.key}\` نصًا، لا ${got.ar}.`,
    },
  });
  void spec;
}

function checkString(ctx: RuleContext, entry: FmEntry, value: FmNode & { value: string }, spec: FieldSpec): void {
  const text = value.value;
  if (spec.type === 'language' && text !== '' && !BCP47.test(text)) {
    ctx.report({
      start: value.start,
      end: value.end,
      message: {
        en: `\`${text}\` is not a BCP 47 language tag; use ar, en, ar-EG…`,
        ar: `\`${text}\` ليس وسم لغة وفق BCP 47؛ استخدم ar أو en أو ar-EG…`,
      },
    });
  }
  if (spec.enum && text !== '' && !spec.enum.includes(text)) {
    const exact = spec.enum.find((v) => v.toLowerCase() === text.trim().toLowerCase());
    const guess = exact ?? didYouMean(text.trim(), spec.enum);
    ctx.report({
      start: value.start,
      end: value.end,
      message: {
        en: `\`${entry.key}\` must be one of: ${spec.enum.join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        ar: `يجب أن تكون قيمة \`${entry.key}\` واحدة من: ${spec.enum.join('، ')}.${guess ? ` هل تقصد \`${guess}\`؟` : ''}`,
      },
      fix: guess
        ? {
            title: { en: `Change to ${guess}`, ar: `التغيير إلى ${guess}` },
            edits: [{ start: value.start, end: value.end, newText: yamlScalar(guess) }],
            safe: exact !== undefined,
          }
        : undefined,
    });
  }
  if (spec.maxLength !== undefined) {
    const n = letterLength(text);
    if (n > spec.maxLength) {
      ctx.report({
        start: value.start,
        end: value.end,
        message: {
          en: `\`${entry.key}\` is ${n} letters long; the limit is ${spec.maxLength}.`,
          ar: `طول \`${entry.key}\` ${n} حرفًا، والحد الأقصى ${spec.maxLength}.`,
        },
      });
    }
  }
}
