import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EXEMPTIONS_METADATA_KEY, exemptionsOf, packRuleId, recordExemption } from '../../lib/audit/exemption';

function resource(): CfnResource {
  return new CfnResource(new Stack(new App(), 'Svc'), 'Res', { type: 'AWS::ECS::TaskDefinition' });
}

/** The acknowledgments aws-cdk-lib recorded on a construct, as `id -> reason`. */
function acknowledgedOn(construct: Construct): Record<string, string> {
  return Object.assign({}, ...construct.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .map((m) => m.data as Record<string, string>));
}

describe('recordExemption', () => {
  test('records the exemption under the documented metadata key, with option, rule, finding and the trimmed reason', () => {
    const res = resource();
    recordExemption(res, { option: 'allowWritableRootFilesystem', ruleId: 'TD-02', findingKey: 'Container::web' },
      { reason: '  Legacy image writes to /app/cache; SEC-123  ' });
    expect(EXEMPTIONS_METADATA_KEY).toBe('cdk-hardened-ecs:exemptions');
    expect(res.getMetadata('cdk-hardened-ecs:exemptions')).toEqual([
      { option: 'allowWritableRootFilesystem', rule: 'TD-02', finding: 'Container::web', reason: 'Legacy image writes to /app/cache; SEC-123' },
    ]);
  });

  test('a resource-level exemption has no finding field, and later exemptions are appended to earlier ones', () => {
    const res = resource();
    recordExemption(res, { option: 'first', ruleId: 'TD-01' }, { reason: 'first reason, SEC-1' });
    recordExemption(res, { option: 'second', ruleId: 'TD-03', findingKey: '' }, { reason: 'second reason, SEC-2' });
    const records = res.getMetadata(EXEMPTIONS_METADATA_KEY);
    expect(records).toEqual([
      { option: 'first', rule: 'TD-01', reason: 'first reason, SEC-1' },
      { option: 'second', rule: 'TD-03', reason: 'second reason, SEC-2' },
    ]);
    expect(records.map((r: object) => Object.keys(r))).toEqual([['option', 'rule', 'reason'], ['option', 'rule', 'reason']]);
  });

  test('acknowledges the matching HardenedECS finding on the resource with the same reason', () => {
    const res = resource();
    recordExemption(res, { option: 'o', ruleId: 'TD-02', findingKey: 'Container::web' }, { reason: ' reason for TD-02 on web ' });
    recordExemption(res, { option: 'o', ruleId: 'TD-05' }, { reason: 'reason for the whole task' });
    expect(acknowledgedOn(res)).toEqual({
      'Annotation::HardenedECS-TD-02[Container::web]': 'reason for TD-02 on web',
      'Annotation::HardenedECS-TD-05': 'reason for the whole task',
    });
  });

  test('a reason shorter than 10 characters after trimming is refused with the path, the option and an example', () => {
    const res = resource();
    const refused = /^Svc\/Res: the exemption 'allowX' needs a reason of at least 10 characters \(it is recorded in the template for auditors\), e\.g\. \{ reason: 'Legacy image writes to \/app\/cache; ticket SEC-123, until 2027-01' \}\.$/;
    expect(() => recordExemption(res, { option: 'allowX', ruleId: 'TD-02' }, { reason: '  123456789    ' })).toThrow(refused);
    // JavaScript callers can omit the reason or the whole exemption: same message, not a TypeError.
    expect(() => recordExemption(res, { option: 'allowX', ruleId: 'TD-02' }, {} as any)).toThrow(refused);
    expect(() => recordExemption(res, { option: 'allowX', ruleId: 'TD-02' }, undefined as any)).toThrow(refused);
    expect(res.getMetadata(EXEMPTIONS_METADATA_KEY)).toBeUndefined();
  });

  test('a reason of exactly 10 characters is enough', () => {
    const res = resource();
    recordExemption(res, { option: 'allowX', ruleId: 'TD-02' }, { reason: '0123456789' });
    expect(exemptionsOf(res)).toEqual([{ option: 'allowX', rule: 'TD-02', reason: '0123456789' }]);
  });
});

describe('packRuleId', () => {
  test('prefixes the rule with the pack name and appends a granular finding key in brackets', () => {
    expect(packRuleId('TD-02')).toBe('HardenedECS-TD-02');
    expect(packRuleId('TD-02', '')).toBe('HardenedECS-TD-02');
    expect(packRuleId('IAM-05', 'Statement::Broad')).toBe('HardenedECS-IAM-05[Statement::Broad]');
  });
});

describe('exemptionsOf', () => {
  test('reads the records of a CfnResource itself and of an L2 construct through its default child', () => {
    const s = new Stack(new App(), 'Svc');
    const role = new iam.Role(s, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const cfnRole = role.node.defaultChild as CfnResource;
    recordExemption(cfnRole, { option: 'grantX', ruleId: 'IAM-13' }, { reason: 'recorded on the role resource' });
    const expected = [{ option: 'grantX', rule: 'IAM-13', reason: 'recorded on the role resource' }];
    expect(exemptionsOf(cfnRole)).toEqual(expected);
    expect(exemptionsOf(role)).toEqual(expected);
  });

  test('is empty for a resource without exemptions, a construct without default child and one whose default child is not a resource', () => {
    const s = new Stack(new App(), 'Svc');
    expect(exemptionsOf(new CfnResource(s, 'Bare', { type: 'AWS::SQS::Queue' }))).toEqual([]);
    expect(exemptionsOf(new Construct(s, 'Group'))).toEqual([]);
    const wrapper = new Construct(s, 'Wrapper');
    new Construct(wrapper, 'Resource');
    expect(wrapper.node.defaultChild).toBeDefined();
    expect(exemptionsOf(wrapper)).toEqual([]);
  });
});
