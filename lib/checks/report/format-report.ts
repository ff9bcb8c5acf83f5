import { formatJson } from './json-format';
import { formatMarkdown } from './markdown-format';
import { Report } from './report';
import { formatSarif } from './sarif-format';
import { formatText } from './text-format';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown'];

/** Renders a report; colour applies to text only. */
export function formatReport(report: Report, format: ReportFormat, options: { colour: boolean }): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'text':
      return formatText(report, options);
  }
}
