import { sampleReport } from './sample-report';
import { formatReport, REPORT_FORMATS } from '../../../lib/checks/report/format-report';
import { formatJson } from '../../../lib/checks/report/json-format';
import { formatMarkdown } from '../../../lib/checks/report/markdown-format';
import { formatSarif } from '../../../lib/checks/report/sarif-format';
import { formatText } from '../../../lib/checks/report/text-format';

describe('formatReport', () => {
  test('offers text, json, sarif and markdown', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'sarif', 'markdown']);
  });

  test('each format is rendered by its formatter', () => {
    const report = sampleReport();
    expect(formatReport(report, 'json', { colour: false })).toBe(formatJson(report));
    expect(formatReport(report, 'sarif', { colour: false })).toBe(formatSarif(report));
    expect(formatReport(report, 'markdown', { colour: false })).toBe(formatMarkdown(report));
    expect(formatReport(report, 'text', { colour: false })).toBe(formatText(report, { colour: false }));
  });

  test('colour is passed to text and ignored by the other formats', () => {
    const report = sampleReport();
    expect(formatReport(report, 'text', { colour: true })).toBe(formatText(report, { colour: true }));
    expect(formatReport(report, 'text', { colour: true })).toContain('\u001b[');
    expect(formatReport(report, 'json', { colour: true })).toBe(formatJson(report));
  });
});
