import { lint, type LintOptions } from './lint';
import type { EngineDiagnostic, OffsetEdit } from './types';

/** Applies edits that do not overlap, first come first kept; returns the new text and how many were used. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
    applied++;
  }
  return { text: out + text.slice(pos), applied };
}

/** The edits of every safe fix, whole fixes only: a fix whose edits collide with another's is left for the next pass. */
export function safeFixEdits(diagnostics: readonly EngineDiagnostic[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const overlaps = (e: OffsetEdit) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end));
  for (const d of diagnostics) {
    if (!d.fix?.safe) continue;
    if (d.fix.edits.some(overlaps)) continue;
    taken.push(...d.fix.edits);
  }
  return taken;
}

/** Applies safe fixes until nothing changes (a fix can reveal another); bounded so a bad fix cannot loop. */
export function fixAll(text: string, options: LintOptions = {}, maxPasses = 10): { text: string; passes: number; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const edits = safeFixEdits(lint(current, options).diagnostics);
    if (edits.length === 0) return { text: current, passes: pass - 1, fixed };
    const next = applyEdits(current, edits);
    if (next.text === current) return { text: current, passes: pass - 1, fixed };
    current = next.text;
    fixed += next.applied;
  }
  return { text: current, passes: maxPasses, fixed };
}
