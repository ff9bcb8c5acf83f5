import { checkModel } from '../../lib/checks/engine';
import { Opaque } from '../../lib/checks/model/opaque';
import { TemplateModel } from '../../lib/checks/model/template-model';
import { booleanValue, stringValue } from '../../lib/checks/model/values';
import { Rule, fail, pass, unverified } from '../../lib/checks/rule';

function fakeRule(overrides: Partial<Rule> & Pick<Rule, 'evaluate'>): Rule {
  return {
    id: 'XX-01',
    name: 'fake',
    title: 'Fake rule for engine tests',
    severity: 'high',
    rationale: 'Exercises the engine.',
    fix: 'Nothing to fix.',
    applicability: { os: ['linux'], launchTypes: ['FARGATE'] },
    resourceTypes: ['Test::Thing'],
    compliance: { securityHub: ['ECS.5'] },
    enabledByDefault: true,
    ...overrides,
  };
}

const flagRule = fakeRule({
  evaluate: (props) => {
    const flag = booleanValue(props.Flag);
    if (flag instanceof Opaque) return [unverified('', `Flag is ${flag.display}`)];
    return [flag ? fail('', 'Flag is on') : pass('', 'Flag is off')];
  },
});

describe('checkModel', () => {
  test('reports failures with rule metadata, resource and source', () => {
    const model = new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Properties: { Flag: true } } } }, { file: 't.json', stack: 'S' });
    const { findings, resourcesChecked, evaluations, tally } = checkModel(model, [flagRule]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'XX-01',
        status: 'fail',
        severity: 'high',
        message: 'Flag is on',
        fix: 'Nothing to fix.',
        resource: { logicalId: 'A', type: 'Test::Thing', name: 'A' },
        source: { file: 't.json', stack: 'S' },
        controls: { securityHub: ['ECS.5'] },
      }),
    ]);
    expect({ resourcesChecked, evaluations }).toEqual({ resourcesChecked: 1, evaluations: 1 });
    expect(tally['XX-01']).toEqual({ 'pass': 0, 'fail': 1, 'unverified': 0, 'not-applicable': 0 });
  });

  test('passes produce no finding; other resource types are not evaluated', () => {
    const model = new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Properties: { Flag: 'false' } }, B: { Type: 'Other' } } });
    const result = checkModel(model, [flagRule]);
    expect(result.findings).toEqual([]);
    expect(result.resourcesChecked).toBe(1);
  });

  test('an unresolvable value is reported as unverified, never as a pass', () => {
    const model = new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Properties: { Flag: { 'Fn::ImportValue': 'x' } } } } });
    expect(checkModel(model, [flagRule]).findings.map((f) => [f.status, f.message])).toEqual([['unverified', 'Flag is <ImportValue:x>']]);
  });

  test('every Fn::If branch is evaluated and the worst result wins', () => {
    const model = new TemplateModel({
      Conditions: { C: {} },
      Resources: { A: { Type: 'Test::Thing', Properties: { Flag: { 'Fn::If': ['C', false, true] } } } },
    });
    expect(checkModel(model, [flagRule]).findings.map((f) => f.status)).toEqual(['fail']);
  });

  test('a throwing rule becomes an unverified finding instead of crashing', () => {
    const throwing = fakeRule({ evaluate: () => { throw new Error('boom'); } });
    const model = new TemplateModel({ Resources: { A: { Type: 'Test::Thing' } } });
    expect(checkModel(model, [throwing]).findings).toEqual([expect.objectContaining({ status: 'unverified', message: expect.stringContaining('boom') })]);
  });

  test('exemption metadata and cdk-nag suppressions acknowledge exactly the matching finding', () => {
    const keyed = fakeRule({ evaluate: (props) => (props.Names as string[]).map((n) => fail(`Container::${n}`, `${n} fails`, n)) });
    const model = new TemplateModel({
      Resources: {
        A: {
          Type: 'Test::Thing',
          Properties: { Names: ['web', 'sidecar', 'log'] },
          Metadata: {
            'cdk-hardened-ecs:exemptions': [{ option: 'allowX', rule: 'XX-01', finding: 'Container::web', reason: 'legacy image, ticket 1' }],
            'cdk_nag': { rules_to_suppress: [{ id: 'HardenedECS::HardenedECS-XX-01[Container::sidecar]', reason: 'vendor sidecar' }, { id: 'HardenedECS-XX-01', reason: 'bare id covers nothing granular' }] },
          },
        },
      },
    });
    const byKey = Object.fromEntries(checkModel(model, [keyed]).findings.map((f) => [f.key, f.acknowledged?.reason]));
    expect(byKey).toEqual({ 'Container::web': 'legacy image, ticket 1', 'Container::sidecar': 'vendor sidecar', 'Container::log': undefined });
  });

  test('findings are sorted deterministically whatever the template order', () => {
    const keyed = fakeRule({ evaluate: (props) => [fail(String(stringValue(props.K)), 'x')] });
    const resources = { B: { Type: 'Test::Thing', Properties: { K: 'b' } }, A: { Type: 'Test::Thing', Properties: { K: 'a' } } };
    const reversed = Object.fromEntries(Object.entries(resources).reverse());
    const ids = (r: object) => checkModel(new TemplateModel({ Resources: r } as never), [keyed]).findings.map((f) => f.resource.logicalId);
    expect(ids(resources)).toEqual(['A', 'B']);
    expect(ids(reversed)).toEqual(['A', 'B']);
  });

  test('the resource condition is carried into the finding', () => {
    const model = new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Condition: 'IsProd', Properties: { Flag: true } } } });
    expect(checkModel(model, [flagRule]).findings[0].condition).toBe('IsProd');
  });
});
