import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../../../lib/checks/report/rules-format';
import { FAKE_CATALOGUE, offByDefaultRule, readOnlyRule } from '../fake-rules';

describe('rules formatters', () => {
  test('text: one aligned line per rule with severity and default', () => {
    const lines = formatRulesText(FAKE_CATALOGUE).split('\n');
    expect(lines[0]).toBe('ID         SEVERITY  DEF  TITLE');
    expect(lines[1]).toBe('FAKE-RO    high      on   Fake rule FAKE-RO');
    expect(lines[3]).toBe('FAKE-OFF   critical  off  Fake rule FAKE-OFF');
    expect(lines[5]).toBe('4 rules. Off-by-default rules run with --include or --rules.');
  });

  test('json: metadata of every rule, without the evaluate function', () => {
    const entries = JSON.parse(formatRulesJson(FAKE_CATALOGUE));
    expect(entries).toHaveLength(FAKE_CATALOGUE.length);
    expect(entries[0]).toMatchObject({ id: 'FAKE-RO', severity: 'high', level: 'error', enabledByDefault: true, compliance: readOnlyRule.compliance });
    expect(entries[0]).not.toHaveProperty('evaluate');
  });

  test('markdown: index table linking to one section per rule, with controls and escaped prose', () => {
    const markdown = formatRulesMarkdown([readOnlyRule, offByDefaultRule]);
    expect(markdown).toContain('| [FAKE-RO](#fake-ro) | Fake rule FAKE-RO | high | on | `AWS::ECS::TaskDefinition` |');
    expect(markdown).toContain('<a id="fake-off"></a>\n## FAKE-OFF fake-fake-off');
    expect(markdown).toContain('- Enabled by default: no');
    expect(markdown).toContain('- AWS Security Hub: `ECS.5`');
    expect(markdown).toContain('- Applies to: Linux; FARGATE, EC2');
    expect(markdown).toContain('with an intrinsic display &lt;Role.Arn&gt; and a | pipe.');
    expect(markdown).toContain('**Fix:** Set `ReadonlyRootFilesystem: true` (fix for FAKE-RO).');
  });
});
