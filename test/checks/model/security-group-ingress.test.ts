import { Opaque } from '../../../lib/checks/model/opaque';
import { ingressRulesOf } from '../../../lib/checks/model/security-group-ingress';
import { CfnResourceJson, TemplateModel } from '../../../lib/checks/model/template-model';

const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' };
const https = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/8' };

function modelWith(resources: Record<string, CfnResourceJson>, extra: Record<string, unknown> = {}): TemplateModel {
  return new TemplateModel({ ...extra, Resources: resources });
}

function originsOf(m: TemplateModel, id = 'Sg'): string[] {
  return ingressRulesOf(m, m.resource(id)!).rules.map((r) => r.origin);
}

describe('ingressRulesOf: inline rules', () => {
  test('a group without ingress has no rules and nothing undecided', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x' } } });
    expect(ingressRulesOf(m, m.resource('Sg')!)).toEqual({ rules: [], undecided: [] });
  });

  test('inline rules keep their resolved content and their index', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: [ssh, https] } } });
    expect(ingressRulesOf(m, m.resource('Sg')!)).toEqual({
      rules: [
        { rule: ssh, origin: 'SecurityGroupIngress[0] of Sg' },
        { rule: https, origin: 'SecurityGroupIngress[1] of Sg' },
      ],
      undecided: [],
    });
  });

  test('an unresolvable ingress list is undecided, not an empty list', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: { 'Fn::ImportValue': 'shared-rules' } } } });
    expect(ingressRulesOf(m, m.resource('Sg')!)).toEqual({ rules: [], undecided: ['SecurityGroupIngress of Sg is <ImportValue:shared-rules>'] });
  });

  test('an unresolvable entry is undecided under its index, and the other entries are still read', () => {
    const m = modelWith(
      { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: [ssh, { Ref: 'RuleParam' }, https] } } },
      { Parameters: { RuleParam: { Type: 'String' } } },
    );
    const result = ingressRulesOf(m, m.resource('Sg')!);
    expect(result.undecided).toEqual(['SecurityGroupIngress[1] of Sg is <RuleParam>']);
    expect(result.rules).toEqual([
      { rule: ssh, origin: 'SecurityGroupIngress[0] of Sg' },
      { rule: https, origin: 'SecurityGroupIngress[2] of Sg' },
    ]);
  });

  test('a scalar entry is malformed: undecided, never a rule', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: ['tcp/22'] } } });
    const result = ingressRulesOf(m, m.resource('Sg')!);
    expect(result.undecided).toEqual(['SecurityGroupIngress[0] of Sg is "tcp/22"']);
    expect(result.rules).toEqual([]);
    expect(result.rules.some((r) => r.rule instanceof Opaque)).toBe(false);
  });

  test('a null entry is skipped silently', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: [null, ssh] } } });
    expect(ingressRulesOf(m, m.resource('Sg')!)).toEqual({ rules: [{ rule: ssh, origin: 'SecurityGroupIngress[1] of Sg' }], undecided: [] });
  });

  test('the property name is matched case-insensitively', () => {
    const m = modelWith({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { securitygroupingress: [ssh] } } });
    expect(originsOf(m)).toEqual(['SecurityGroupIngress[0] of Sg']);
  });

  test('every deployment variant contributes its rules', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: [{ 'Fn::If': ['Open', ssh, https] }] } },
    });
    expect(ingressRulesOf(m, m.resource('Sg')!).rules.map((r) => r.rule)).toEqual([ssh, https]);
  });
});

describe('ingressRulesOf: standalone AWS::EC2::SecurityGroupIngress resources', () => {
  test('resources aimed at the group by GroupId (Ref or GetAtt) are its rules', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: [ssh] } },
      ByRef: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Sg' }, ...https } },
      ByAtt: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] }, ...ssh } },
    });
    const result = ingressRulesOf(m, m.resource('Sg')!);
    expect(result.rules.map((r) => r.origin)).toEqual([
      'SecurityGroupIngress[0] of Sg',
      'ByRef (AWS::EC2::SecurityGroupIngress)',
      'ByAtt (AWS::EC2::SecurityGroupIngress)',
    ]);
    expect(result.rules[1].rule).toEqual({ GroupId: new Opaque('ref', '<Sg>', { target: 'Sg', reason: 'reference to resource Sg' }), ...https });
  });

  test('GroupId is matched case-insensitively and through nested intrinsics', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      Lower: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { groupid: { Ref: 'Sg' }, ...ssh } },
      Nested: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::Join': ['', [{ Ref: 'Sg' }]] }, ...ssh } },
    });
    expect(originsOf(m)).toEqual(['Lower (AWS::EC2::SecurityGroupIngress)', 'Nested (AWS::EC2::SecurityGroupIngress)']);
  });

  test('a resource that names the group as its source, or under another key, is not a rule of the group', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      Other: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      FromSg: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Other' }, SourceSecurityGroupId: { Ref: 'Sg' }, ...ssh } },
      Suffixed: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupIdentifier: { Ref: 'Sg' }, ...ssh } },
      Prefixed: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { SourceGroupId: { Ref: 'Sg' }, ...ssh } },
    });
    expect(originsOf(m)).toEqual([]);
    expect(originsOf(m, 'Other')).toEqual(['FromSg (AWS::EC2::SecurityGroupIngress)']);
  });

  test('other resource types aimed at the group by GroupId are not ingress rules', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      Egress: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { Ref: 'Sg' }, IpProtocol: '-1', CidrIp: '0.0.0.0/0' } },
    });
    expect(ingressRulesOf(m, m.resource('Sg')!)).toEqual({ rules: [], undecided: [] });
  });

  test('a resource that refers to the group twice contributes once', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      Twice: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::Join': ['', [{ Ref: 'Sg' }, { Ref: 'Sg' }]] }, ...ssh } },
    });
    expect(originsOf(m)).toEqual(['Twice (AWS::EC2::SecurityGroupIngress)']);
  });

  test('each variant of a standalone rule is a rule', () => {
    const m = modelWith({
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      Maybe: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Sg' }, IpProtocol: 'tcp', CidrIp: { 'Fn::If': ['Open', '0.0.0.0/0', '10.0.0.0/8'] } } },
    });
    expect(ingressRulesOf(m, m.resource('Sg')!).rules.map((r) => `${r.origin} ${String(r.rule.CidrIp)}`)).toEqual([
      'Maybe (AWS::EC2::SecurityGroupIngress) 0.0.0.0/0',
      'Maybe (AWS::EC2::SecurityGroupIngress) 10.0.0.0/8',
    ]);
  });
});
