import type { Range } from '../../engine';
import type { Report } from '../report';

/** DESIGN §4, key for key: tools parse this, so nothing is added beyond the contract. */
export function formatJson(report: Report): string {
  const out = {
    version: 1,
    files: report.files.map((f) => ({
      path: f.path,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        range: copyRange(d.range),
        fixable: d.fixable,
      })),
    })),
    summary: { files: report.summary.files, errors: report.summary.errors, warnings: report.summary.warnings },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function copyRange(r: Range): Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}
