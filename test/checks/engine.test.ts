import { CheckOptions, DEFAULT_CHECK_OPTIONS } from '../../lib/checks/check-options';
import { atLeast, checkModel } from '../../lib/checks/engine';
import { Opaque } from '../../lib/checks/model/opaque';
import { TemplateModel } from '../../lib/checks/model/template-model';
import { booleanValue, stringValue } from '../../lib/checks/model/values';
import { Rule, fail, notApplicable, pass, unverified } from '../../lib/checks/rule';

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

  test('with only, just the named resources are evaluated; the others stay context for references', () => {
    const following = fakeRule({
      evaluate: (props, { model }) => {
        const target = model.referencedResource(props.Peer);
        return [target ? fail('', `follows ${target.logicalId}`) : fail('', 'own flag')];
      },
    });
    const model = new TemplateModel({
      Resources: {
        A: { Type: 'Test::Thing', Properties: { Peer: { Ref: 'B' } } },
        B: { Type: 'Test::Thing', Properties: {} },
        C: { Type: 'Test::Thing', Properties: {} },
      },
    });
    const result = checkModel(model, [following], {}, new Set(['A', 'C']));
    expect(result.findings.map((f) => [f.resource.logicalId, f.message])).toEqual([['A', 'follows B'], ['C', 'own flag']]);
    expect({ checked: result.resourcesChecked, evaluations: result.evaluations }).toEqual({ checked: 2, evaluations: 2 });
    expect(checkModel(model, [following]).findings.map((f) => f.resource.logicalId)).toEqual(['A', 'B', 'C']);
    expect(checkModel(model, [following], {}, new Set()).findings).toEqual([]);
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

describe('checkModel details pinned by mutation testing', () => {
  const thing = (props: Record<string, unknown>, metadata?: Record<string, unknown>) =>
    new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Properties: props, Metadata: metadata } } });

  test('the rule receives the model, the resolved options and the resource', () => {
    const seen: string[] = [];
    const probe = fakeRule({
      evaluate: (_props, context) => {
        seen.push(`${context.resource.logicalId}:${context.model.resources.size}:${typeof context.options}`);
        return [pass('', 'ok')];
      },
    });
    checkModel(thing({}), [probe]);
    expect(seen).toEqual(['A:1:object']);
  });

  test('a throwing rule is reported with the exact reason, also when it throws a non-Error', () => {
    const throwingError = fakeRule({ evaluate: () => { throw new Error('boom'); } });
    const throwingString = fakeRule({ evaluate: () => { throw 'plain text'; } });
    const throwingNull = fakeRule({ evaluate: () => { throw null; } });
    const message = (rule: Rule) => checkModel(thing({}), [rule]).findings.map((f) => f.message);
    expect(message(throwingError)).toEqual(['The rule could not evaluate this resource: boom']);
    expect(message(throwingString)).toEqual(['The rule could not evaluate this resource: plain text']);
    expect(message(throwingNull)).toEqual(['The rule could not evaluate this resource: null']);
    expect(checkModel(thing({}), [throwingError]).findings.map((f) => [f.key, f.status])).toEqual([['', 'unverified']]);
  });

  test('the worst status wins whichever Fn::If branch comes first; on a tie the first variant is kept', () => {
    const conditional = (flag: unknown) => new TemplateModel({
      Conditions: { C: {} },
      Resources: { A: { Type: 'Test::Thing', Properties: { Flag: flag } } },
    });
    expect(checkModel(conditional({ 'Fn::If': ['C', true, false] }), [flagRule]).findings.map((f) => f.status)).toEqual(['fail']);
    const echo = fakeRule({ evaluate: (props) => [fail('', `value ${String(stringValue(props.V))}`)] });
    const tie = new TemplateModel({
      Conditions: { C: {} },
      Resources: { A: { Type: 'Test::Thing', Properties: { V: { 'Fn::If': ['C', 'first', 'second'] } } } },
    });
    const variants = tie.variants(tie.resource('A')!).map((v) => v.V);
    expect(checkModel(tie, [echo]).findings.map((f) => f.message)).toEqual([`value ${String(variants[0])}`]);
  });

  test('malformed exemption and suppression entries are ignored instead of crashing or matching', () => {
    const keyed = fakeRule({ evaluate: () => [fail('', 'resource-level'), fail('Container::web', 'web', 'web')] });
    const metadata = {
      'cdk-hardened-ecs:exemptions': [null, 'XX-01', { rule: 'XX-01' }, { rule: 7, reason: 'not a rule id' }, { reason: 'no rule' }, { rule: 'XX-01', reason: 5 }],
      'cdk_nag': { rules_to_suppress: [null, 'HardenedECS-XX-01', { id: 'HardenedECS-XX-01' }, { id: 3, reason: 'not an id' }, { reason: 'no id' }, { id: 'HardenedECS-XX-01', reason: 5 }] },
    };
    const findings = checkModel(thing({}, metadata), [keyed]).findings;
    expect(findings).toHaveLength(2);
    for (const finding of findings) expect(finding.acknowledged).toBeUndefined();
  });

  test('an exemption whose finding key is not a string covers the resource-level finding only', () => {
    const keyed = fakeRule({ evaluate: () => [fail('', 'resource-level'), fail('Container::web', 'web', 'web')] });
    const metadata = { 'cdk-hardened-ecs:exemptions': [{ rule: 'XX-01', finding: 42, reason: 'resource-wide, ticket 2' }] };
    const byKey = Object.fromEntries(checkModel(thing({}, metadata), [keyed]).findings.map((f) => [f.key, f.acknowledged]));
    expect(byKey).toEqual({ '': { reason: 'resource-wide, ticket 2' }, 'Container::web': undefined });
  });

  test('a cdk-nag suppression without the pack prefix still matches, and only the leading prefix is stripped', () => {
    const keyed = fakeRule({ evaluate: () => [fail('Container::web', 'web', 'web'), fail('Container::log', 'log', 'log')] });
    const metadata = {
      cdk_nag: {
        rules_to_suppress: [
          { id: 'HardenedECS-XX-01[Container::web]', reason: 'unprefixed id' },
          { id: 'HardenedECS::HardenedECS-XX-01[Container::log]', reason: 'prefixed id' },
        ],
      },
    };
    const byKey = Object.fromEntries(checkModel(thing({}, metadata), [keyed]).findings.map((f) => [f.key, f.acknowledged?.reason]));
    expect(byKey).toEqual({ 'Container::web': 'unprefixed id', 'Container::log': 'prefixed id' });
  });

  test('findings sort by rule id then key, whatever order rules and outcomes come in', () => {
    const reversedKeys = (id: string) => fakeRule({ id, evaluate: () => ['c', 'a', 'b'].map((k) => fail(k, k)) });
    const findings = checkModel(thing({}), [reversedKeys('XX-02'), reversedKeys('XX-01')]).findings;
    expect(findings.map((f) => `${f.ruleId}/${f.key}`)).toEqual(['XX-01/a', 'XX-01/b', 'XX-01/c', 'XX-02/a', 'XX-02/b', 'XX-02/c']);
  });

  test('the tally counts every status per rule and evaluations count rule-by-resource pairs', () => {
    const mixed = fakeRule({
      evaluate: () => [pass('p', 'p'), fail('f', 'f'), unverified('u', 'u'), { status: 'not-applicable', key: 'n', message: 'n' }],
    });
    const second = fakeRule({ id: 'XX-02', evaluate: () => [pass('', 'ok')] });
    const result = checkModel(thing({}), [mixed, second]);
    expect(result.tally).toEqual({
      'XX-01': { 'pass': 1, 'fail': 1, 'unverified': 1, 'not-applicable': 1 },
      'XX-02': { 'pass': 1, 'fail': 0, 'unverified': 0, 'not-applicable': 0 },
    });
    expect({ resourcesChecked: result.resourcesChecked, evaluations: result.evaluations }).toEqual({ resourcesChecked: 1, evaluations: 2 });
    expect(result.findings.map((f) => f.status)).toEqual(['fail', 'unverified']);
  });
});

describe('checkModel options and outcome helpers', () => {
  const thing = () => new TemplateModel({ Resources: { A: { Type: 'Test::Thing', Properties: {} } } });
  const optionsSeen = (options?: Partial<CheckOptions>) => {
    const seen: CheckOptions[] = [];
    checkModel(thing(), [fakeRule({ evaluate: (_props, context) => { seen.push(context.options); return [pass('', 'ok')]; } })], options);
    return seen[0];
  };

  test('rules see the documented defaults when no option is given', () => {
    expect(optionsSeen()).toEqual(DEFAULT_CHECK_OPTIONS);
  });

  test('given options override the defaults; options passed as undefined keep them', () => {
    expect(optionsSeen({ minLogRetentionDays: 30, requiredTags: undefined, allowedRegistries: ['example.com'] })).toEqual({
      ...DEFAULT_CHECK_OPTIONS,
      minLogRetentionDays: 30,
      allowedRegistries: ['example.com'],
    });
  });

  test('a not-applicable outcome is tallied and produces no finding', () => {
    const rule = fakeRule({ evaluate: () => [notApplicable('k', 'does not apply', 'web')] });
    expect(notApplicable('k', 'does not apply', 'web')).toEqual({ status: 'not-applicable', key: 'k', message: 'does not apply', container: 'web' });
    const result = checkModel(thing(), [rule]);
    expect(result.tally['XX-01']).toEqual({ 'pass': 0, 'fail': 0, 'unverified': 0, 'not-applicable': 1 });
    expect(result.findings).toEqual([]);
  });
});

describe('atLeast', () => {
  test('compares severities from worst to mildest, inclusive', () => {
    expect(atLeast('critical', 'high')).toBe(true);
    expect(atLeast('high', 'high')).toBe(true);
    expect(atLeast('medium', 'high')).toBe(false);
    expect(atLeast('info', 'low')).toBe(false);
    expect(atLeast('low', 'info')).toBe(true);
  });
});
