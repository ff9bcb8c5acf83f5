import { sampleReport } from './sample-report';
import { cell, formatMarkdown } from '../../../lib/checks/report/markdown-format';

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(sampleReport());

  test('verdict and summary table by severity', () => {
    expect(markdown).toContain(':x: **1 finding at or above `--fail-on error`**');
    expect(markdown).toContain('| high | 1 | 1 | 1 |');
    expect(markdown).toContain('| low | 1 | 0 | 0 |');
    expect(markdown).toContain('| **total** | **2** | **1** | **1** |');
    expect(markdown).not.toContain('| critical |');
  });

  test('details per file, with intrinsic displays escaped so they survive as text', () => {
    expect(markdown).toContain('### `templates/unverified-template.yaml`');
    expect(markdown).toContain('ReadonlyRootFilesystem is &lt;ImportValue:shared-readonly-setting&gt;.');
    expect(markdown).toContain('| acknowledged: Legacy image writes to /app/cache; ticket SEC-123 |');
    expect(markdown).toContain('`AppTask`<br>AppStack/Task/Resource');
  });

  test('a clean run says so', () => {
    expect(formatMarkdown(sampleReport({ findings: [] }))).toContain(':white_check_mark: **Nothing at or above `--fail-on error`**');
  });

  test('cells never break the table', () => {
    expect(cell('a | b\nc <x> & d')).toBe('a \\| b<br>c &lt;x&gt; &amp; d');
  });
});
