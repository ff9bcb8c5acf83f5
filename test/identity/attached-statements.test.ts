import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { attachedPolicies } from '../../lib/identity/attached-statements';

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
