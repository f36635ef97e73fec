import type { Format } from '../args';
import type { Report } from '../report';
import { formatGithub } from './github';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
  executionSuccessful: boolean;
}

export function formatReport(format: Format, report: Report, ctx: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, ctx);
    case 'github':
      return formatGithub(report);
    case 'html':
      return formatHtml(report);
    case 'stylish':
      return formatStylish(report, ctx.color);
  }
}
