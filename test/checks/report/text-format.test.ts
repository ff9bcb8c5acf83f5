import { sampleReport } from './sample-report';
import { formatText } from '../../../lib/checks/report/text-format';

describe('formatText', () => {
  const text = formatText(sampleReport(), { colour: false });

  test('groups by file, then resource (with construct path), then rule with its fix once', () => {
    const lines = text.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(lines[0]).toBe('templates/task-definition-template.json  (AppStack)');
    expect(lines[1]).toBe('  AppTask  AWS::ECS::TaskDefinition  AppStack/Task/Resource');
    expect(lines[2]).toBe('    FAKE-RO [high]  Fake rule FAKE-RO');
    expect(lines[3]).toBe('      FAIL Container::web: Container web has a writable root file system.');
    expect(lines[4]).toBe('      Fix: Set `ReadonlyRootFilesystem: true` (fix for FAKE-RO).');
    expect(at('FAIL (below threshold) Container::sidecar: Container sidecar sets no User.')).toBeGreaterThan(at('FAKE-USER [low]'));
    expect(text.split('Fix: Set `ReadonlyRootFilesystem: true` (fix for FAKE-USER)').length).toBe(2);
  });

  test('unverified and acknowledged findings are labelled distinctly, with the reason', () => {
    expect(text).toContain('UNVERIFIED (below threshold) Container::web: ReadonlyRootFilesystem is <ImportValue:shared-readonly-setting>.');
    expect(text).toContain('ACKNOWLEDGED Container::web: Container web has a writable root file system. Reason: Legacy image writes to /app/cache; ticket SEC-123');
  });

  test('summary line counts each state and says what fails the run', () => {
    expect(text.trimEnd().split('\n').pop()).toBe(
      'Summary: 2 failed, 1 unverified, 1 acknowledged; 1 at or above --fail-on error. 3 templates, 3 resources checked by 2 rules.',
    );
  });

  test('no findings: one line', () => {
    expect(formatText(sampleReport({ findings: [] }), { colour: false })).toBe('No findings. 3 templates, 3 resources checked by 2 rules.\n');
  });

  test('colour only when asked, and the text is otherwise identical', () => {
    const coloured = formatText(sampleReport(), { colour: true });
    expect(text).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });
});
