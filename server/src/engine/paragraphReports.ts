import { paragraphs } from './arabic/blocks';
import { unchangedParagraphs, type ParagraphFindings } from './previous';
import type { RuleContext, RuleReport } from './rule';

/**
 * Looks for what `[from, to)` holds: reports exactly the problems that start there, in order of
 * position, reading the text around them as it likes but never depending on another paragraph.
 */
export type RangeScan = (ctx: RuleContext, from: number, to: number) => void;

/**
 * Runs a rule whose every report lies inside one paragraph and depends on nothing but that
 * paragraph's text, the frontmatter and the config: the paragraphs (blocks.ts) one by one, and the
 * text between them (blank lines, breaks, fences, the frontmatter from `from` on) each time. In a
 * keystroke's lint (`LintOptions.previous`) a paragraph the change did not touch gives again what
 * the rule reported there last time, moved by the change's length, instead of being read again.
 * The reports go through `ctx.report` as a whole-text scan would make them, in the same order, so
 * disable comments and the per-rule cap apply as before. `key` names what is kept per paragraph
 * for the next lint: one per rule.
 */
export function reportByParagraph(ctx: RuleContext, key: string, scan: RangeScan, from = ctx.doc.bodyStart): void {
  const { doc } = ctx;
  const paras = paragraphs(doc);
  const kept = unchangedParagraphs<RuleReport>(doc, key);
  if (!doc.incremental && !kept) {
    // A batch run (the CLI): nothing to take from before, nothing to keep for after.
    scan(ctx, from, doc.text.length);
    return;
  }
  const groups: RuleReport[][] = [];
  let at = from;
  for (const para of paras) {
    if (at < para.start) scan(ctx, at, para.start);
    const same = kept?.(para);
    let group: RuleReport[];
    if (same) {
      group = same.by === 0 || same.group.length === 0 ? same.group : same.group.map((r) => moved(r, same.by));
      for (const r of group) ctx.report(r);
    } else {
      // What the rule reports in this paragraph, kept as it goes out.
      ctx.keep = group = [];
      try {
        scan(ctx, para.start, para.end);
      } finally {
        ctx.keep = undefined;
      }
    }
    groups.push(group);
    at = para.end;
  }
  if (at < doc.text.length) scan(ctx, at, doc.text.length);
  if (doc.incremental) doc.memo.set(key, { paras, groups } satisfies ParagraphFindings<RuleReport>);
}

/** The report `by` characters further on, its fix's edits with it. */
function moved(r: RuleReport, by: number): RuleReport {
  const out: RuleReport = { ...r, start: r.start + by, end: r.end + by };
  if (r.fix) out.fix = { ...r.fix, edits: r.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}
