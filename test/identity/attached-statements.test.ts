import { App, CfnResource, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { attachedPolicies, describeStatement, StackPolicyIndex, statementActions } from '../../lib/identity/attached-statements';

function role(s: Stack): iam.Role {
  return new iam.Role(s, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
}

const statement = (action: string) => new iam.PolicyStatement({ actions: [action], resources: ['arn:aws:s3:::b'] });

test('collects the default policy, other inline policies and customer managed policies from both sides', () => {
  const s = new Stack(new App(), 'S');
  const r = role(s);
  r.addToPrincipalPolicy(statement('s3:GetObject'));
  new iam.Policy(s, 'Inline', { statements: [statement('s3:PutObject')], roles: [r] });
  new iam.ManagedPolicy(s, 'AttachedFromPolicy', { statements: [statement('s3:DeleteObject')], roles: [r] });
  r.addManagedPolicy(new iam.ManagedPolicy(s, 'AttachedFromRole', { statements: [statement('s3:ListBucket')] }));
  new iam.Policy(s, 'Unrelated', { statements: [statement('s3:PutBucketPolicy')], roles: [role2(s)] });
  const found = attachedPolicies(r);
  expect(found.statements.map(a => a.statement.Action).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
  expect(found.opaqueManagedPolicies).toEqual([]);
});

test('AWS managed policies are reported as opaque', () => {
  const s = new Stack(new App(), 'S');
  const r = role(s);
  r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));
  expect(JSON.stringify(attachedPolicies(r).opaqueManagedPolicies)).toContain('ReadOnlyAccess');
});

function role2(s: Stack): iam.Role {
  return new iam.Role(s, 'Other', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
}

describe('attachedPolicies edge cases', () => {
  test('a policy listed both ways is collected once, with each statement at its position', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const both = new iam.ManagedPolicy(s, 'Both', { statements: [statement('s3:GetObject'), statement('s3:PutObject')], roles: [r] });
    r.addManagedPolicy(both);
    const found = attachedPolicies(r).statements;
    expect(found.map(a => [a.policy.node.path, a.index, a.statement.Action])).toEqual([
      ['S/Both/Resource', 0, 's3:GetObject'],
      ['S/Both/Resource', 1, 's3:PutObject'],
    ]);
  });

  test('L1 policies: one listing several roles belongs to each, a literal role name is matched, an empty document has no statements', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const other = role2(s);
    const named = new iam.Role(s, 'Named', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'), roleName: 'fixed-name' });
    const doc = (action: string) => ({ Statement: [{ Effect: 'Allow', Action: action, Resource: 'arn:aws:s3:::b' }] });
    new iam.CfnPolicy(s, 'Shared', { policyName: 'shared', roles: [r.roleName, other.roleName], policyDocument: doc('s3:GetObject') });
    new iam.CfnPolicy(s, 'ByName', { policyName: 'by-name', roles: [other.roleName, 'fixed-name'], policyDocument: doc('s3:PutObject') });
    new iam.CfnPolicy(s, 'Empty', { policyName: 'empty', roles: [r.roleName], policyDocument: {} });
    const actions = (x: iam.Role) => attachedPolicies(x).statements.map(a => a.statement.Action);
    expect(actions(r)).toEqual(['s3:GetObject']);
    expect(actions(other)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(actions(named)).toEqual(['s3:PutObject']);
  });

  test('a role whose logical id is overridden still gets its policies', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    (r.node.defaultChild as iam.CfnRole).overrideLogicalId('RenamedRole');
    new iam.Policy(s, 'Inline', { statements: [statement('s3:PutObject')], roles: [r] });
    new iam.Policy(s, 'ForOther', { statements: [statement('s3:GetObject')], roles: [role2(s)] });
    expect(attachedPolicies(r).statements.map(a => a.statement.Action)).toEqual(['s3:PutObject']);
  });

  test('a policy naming the role through a token of its own is matched once resolved', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const other = role2(s);
    const doc = (action: string) => ({ Statement: [{ Effect: 'Allow', Action: action, Resource: 'arn:aws:s3:::b' }] });
    new iam.CfnPolicy(s, 'ViaLazy', { policyName: 'lazy', roles: [Lazy.string({ produce: () => r.roleName })], policyDocument: doc('s3:GetObject') });
    expect(attachedPolicies(r).statements.map(a => a.statement.Action)).toEqual(['s3:GetObject']);
    expect(attachedPolicies(other).statements).toEqual([]);
  });

  test('a role with a literal name gets no policy of another role', () => {
    const s = new Stack(new App(), 'S');
    const named = new iam.Role(s, 'Named', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'), roleName: 'fixed-name' });
    new iam.Policy(s, 'ForOther', { statements: [statement('s3:PutObject')], roles: [role2(s)] });
    expect(attachedPolicies(named).statements).toEqual([]);
  });

  test('ManagedPolicyArns: a same-stack L1 managed policy is checked, an unrelated one is not, an imported one is opaque', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const local = new iam.CfnManagedPolicy(s, 'LocalL1', { policyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } });
    new iam.ManagedPolicy(s, 'NotAttached', { statements: [statement('s3:DeleteObject')] });
    r.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(s, 'LocalL1Arn', local.ref));
    r.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(s, 'Imported', 'arn:aws:iam::111111111111:policy/team-policy'));
    const found = attachedPolicies(r);
    expect(found.statements.map(a => [a.policy.node.path, a.statement.Action])).toEqual([['S/LocalL1', 's3:GetObject']]);
    expect(found.opaqueManagedPolicies).toEqual(['arn:aws:iam::111111111111:policy/team-policy']);
  });

  test('a reference to an inline policy in ManagedPolicyArns is not taken for a customer managed policy', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const inline = new iam.CfnPolicy(s, 'Inline', {
      policyName: 'inline', policyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
    });
    r.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(s, 'InlineRef', inline.ref));
    const found = attachedPolicies(r);
    expect(found.statements).toEqual([]);
    expect(found.opaqueManagedPolicies).toEqual([{ Ref: 'Inline' }]);
  });
});

describe('StackPolicyIndex', () => {
  test('lists the IAM policies of the stack and the name and logical-id tokens of its L2 roles', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const other = role2(s);
    new iam.Policy(s, 'Inline', { statements: [statement('s3:PutObject')], roles: [r] });
    new iam.ManagedPolicy(s, 'Managed', { statements: [statement('s3:GetObject')] });
    new iam.CfnRole(s, 'L1Role', { assumeRolePolicyDocument: {} });
    const index = new StackPolicyIndex(s);
    expect(index.policies.map(p => p.node.path)).toEqual(['S/Inline/Resource', 'S/Managed/Resource']);
    const cfn = (x: iam.Role) => (x.node.defaultChild as iam.CfnRole).ref;
    expect([...index.roleTokens].sort()).toEqual([r.roleName, cfn(r), other.roleName, cfn(other)].sort());
  });

  test('resolves a policy\'s Roles once and reuses the result; a policy without Roles has none', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const inline = new iam.Policy(s, 'Inline', { statements: [statement('s3:PutObject')], roles: [r] });
    const managed = new iam.ManagedPolicy(s, 'Managed', { statements: [statement('s3:GetObject')] });
    const index = new StackPolicyIndex(s);
    const inlineCfn = inline.node.defaultChild as CfnResource;
    const first = index.rolesOf(inlineCfn);
    expect(first).toEqual([{ Ref: 'Role1ABCC5F0' }]);
    expect(index.rolesOf(inlineCfn)).toBe(first);
    expect(index.rolesOf(managed.node.defaultChild as CfnResource)).toEqual([]);
  });

  test('a policy naming only other roles of the stack by token is skipped without resolving its Roles', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const other = role2(s);
    const forOther = new iam.CfnPolicy(s, 'ForOther', { policyName: 'p', roles: [other.roleName], policyDocument: { Statement: [] } });
    const index = new StackPolicyIndex(s);
    const rolesOf = jest.spyOn(index, 'rolesOf');
    expect(attachedPolicies(r, index).statements).toEqual([]);
    expect(rolesOf).not.toHaveBeenCalledWith(forOther);
  });
});

describe('StackPolicyIndex.policiesListing', () => {
  test('finds each role\'s policies in tree order, resolving each policy\'s Roles once for all roles', () => {
    const s = new Stack(new App(), 'S');
    const r = role(s);
    const other = role2(s);
    const named = new iam.Role(s, 'Named', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'), roleName: 'fixed-name' });
    const doc = { Statement: [] };
    const second = new iam.Policy(s, 'Second', { statements: [statement('s3:PutObject')], roles: [r, other] });
    const byToken = new iam.CfnPolicy(s, 'ByToken', { policyName: 'p', roles: [other.roleName], policyDocument: doc });
    const byName = new iam.CfnPolicy(s, 'ByName', { policyName: 'q', roles: ['fixed-name'], policyDocument: doc });
    r.addToPrincipalPolicy(statement('s3:GetObject'));
    const index = new StackPolicyIndex(s);
    const rolesOf = jest.spyOn(index, 'rolesOf');
    const paths = (x: iam.Role) => index.policiesListing(x).map((p) => p.node.path);
    const defaultPolicy = 'S/Role/DefaultPolicy/Resource';
    // The default policy is created later but sits under the role, which comes first in the tree.
    expect(paths(r)).toEqual([defaultPolicy, 'S/Second/Resource']);
    expect(paths(other)).toEqual(['S/Second/Resource', 'S/ByToken']);
    expect(paths(named)).toEqual(['S/ByName']);
    expect(new Set(rolesOf.mock.calls.map(([policy]) => policy.node.path))).toEqual(new Set(['S/Second/Resource', 'S/ByName', defaultPolicy]));
    expect(rolesOf).toHaveBeenCalledTimes(3);
    expect(rolesOf).not.toHaveBeenCalledWith(byToken);
    void second; void byName;
  });
});

describe('describeStatement and statementActions', () => {
  const policy = new CfnResource(new Stack(new App(), 'S'), 'Policy', { type: 'AWS::IAM::Policy' });
  const describeAt = (raw: Record<string, unknown>, index = 2) => describeStatement({ policy, index, statement: raw });

  test('names a statement by Sid, or by position and policy path when the Sid is empty', () => {
    expect(describeAt({ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' }))
      .toBe('statement Sid \'Read\' (Allow Action ["s3:GetObject"] on Resource ["arn:aws:s3:::b"])');
    expect(describeAt({ Sid: '', Effect: 'Deny', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['a', 'b'] }))
      .toBe('statement #2 of S/Policy (Deny Action ["s3:GetObject","s3:PutObject"] on Resource ["a","b"])');
  });

  test('shows NotAction and NotResource when the statement uses them', () => {
    expect(describeAt({ Effect: 'Allow', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::b'] }, 0))
      .toBe('statement #0 of S/Policy (Allow NotAction ["iam:*"] on NotResource ["arn:aws:s3:::b"])');
  });

  test('statementActions returns the string actions of Action, else of NotAction', () => {
    expect(statementActions({ Action: 's3:GetObject', NotAction: 'iam:*' })).toEqual(['s3:GetObject']);
    expect(statementActions({ Action: ['s3:GetObject', { Ref: 'ActionParam' }, 's3:PutObject'] })).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(statementActions({ NotAction: ['iam:*'] })).toEqual(['iam:*']);
    expect(statementActions({})).toEqual([]);
  });
});
