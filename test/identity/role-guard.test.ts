import { App, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { exemptionsOf } from '../../lib/audit/exemption';
import { RoleGuard } from '../../lib/identity/role-guard';

// The guard runs as a construct validation: `node.validate()` runs it without a full synthesis.
function guarded(kind: 'task' | 'execution' = 'task', stack = new Stack(new App(), 'Svc', { env: { account: '111111111111', region: 'eu-west-1' } })) {
  const owner = new Construct(stack, kind === 'task' ? 'Task' : 'Exec');
  const role = new iam.Role(owner, 'Resource', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  const guard = new RoleGuard(owner, role, kind);
  return { stack, owner, role, guard };
}

function warnings(owner: Construct): string[] {
  return owner.node.metadata.filter(m => m.type === 'aws:cdk:warning').map(m => m.data as string);
}

const wildcardResource = (sid?: string) => new iam.PolicyStatement({ sid, actions: ['s3:GetObject'], resources: ['*'] });

test('statements of several acknowledged findings are recorded once each, however often validation runs', () => {
  const { owner, role, guard } = guarded();
  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'A', actions: ['s3:*'], resources: ['arn:aws:s3:::a'] }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'B', actions: ['s3:*'], resources: ['arn:aws:s3:::b'] }));
  guard.accept({ action: 's3:*', reason: 'both buckets are scratch areas, SEC-9' }, 'acknowledgeStatement');
  expect(owner.node.validate()).toEqual([]);
  expect(owner.node.validate()).toEqual([]);
  expect(exemptionsOf(role.node.findChild('DefaultPolicy'))).toEqual([
    { option: 'acknowledgeStatement', rule: 'IAM-05', finding: 'Statement::A', reason: 'both buckets are scratch areas, SEC-9' },
    { option: 'acknowledgeStatement', rule: 'IAM-05', finding: 'Statement::B', reason: 'both buckets are scratch areas, SEC-9' },
  ]);
  expect(warnings(owner)).toEqual([]);
});

test('an unused acknowledgment is reported with its selector and the advice to remove it; an internal one is not', () => {
  const { owner, guard } = guarded();
  guard.accept({ sid: 'Gone', ruleId: 'IAM-05', reason: 'left over from an old design' }, 'acknowledgeStatement');
  guard.accept({ action: 's3:GetObject', reason: 'left over from an old design' }, 'acknowledgeStatement');
  guard.accept({ sid: 'LibraryOnly', reason: 'documented: no resource-level scope' }, 'enableExecuteCommand', true);
  owner.node.validate();
  const advice = 'matches no rejected statement; remove it so it cannot silently accept a future statement. '
    + '[ack: cdk-hardened-ecs:unused-acknowledgment]';
  expect(warnings(owner)).toEqual([
    `acknowledgeStatement({"sid":"Gone","ruleId":"IAM-05"}) ${advice}`,
    `acknowledgeStatement({"action":"s3:GetObject"}) ${advice}`,
  ]);
});

test('a statement the rules cannot decide is a warning with its own id, not an error', () => {
  const { owner, role } = guarded();
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [Fn.importValue('Data:QueueArn')] }));
  expect(owner.node.validate()).toEqual([]);
  expect(warnings(owner)).toEqual([
    expect.stringMatching(/^statement #0 of .* cannot be fully checked at synth:\n.*\[ack: cdk-hardened-ecs:statement-unverified\]$/s),
  ]);
});

test('every managed policy whose statements are not in the stack is an error with the fix for the role kind', () => {
  const task = guarded('task');
  task.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));
  task.role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(task.stack, 'Team', 'arn:aws:iam::111111111111:policy/team'));
  const arn = '{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonS3FullAccess"]]}';
  expect(task.owner.node.validate()).toEqual([
    `managed policy ${arn} is attached to the task role; its statements cannot be checked at synth. `
      + 'Fix: grant specific actions on specific ARNs with grants or taskRole.addToPrincipalPolicy instead of a managed policy.',
    'managed policy "arn:aws:iam::111111111111:policy/team" is attached to the task role; its statements cannot be checked at synth. '
      + 'Fix: grant specific actions on specific ARNs with grants or taskRole.addToPrincipalPolicy instead of a managed policy.',
  ]);
  const exec = guarded('execution');
  exec.role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(exec.stack, 'Team', 'arn:aws:iam::111111111111:policy/team'));
  exec.role.addToPrincipalPolicy(wildcardResource('Broad'));
  const errors = exec.owner.node.validate();
  expect(errors).toHaveLength(2);
  expect(errors[0]).toMatch(/^statement Sid 'Broad' .* is not allowed on an execution role\./);
  expect(errors[1]).toBe('managed policy "arn:aws:iam::111111111111:policy/team" is attached to the execution role; its statements '
    + 'cannot be checked at synth. Fix: use the grant* methods of HardenedExecutionRole, which add exact statements instead of a managed policy.');
});

test('creating a guard discards the policy index of the current pass, so policies added since are seen', () => {
  const first = guarded('task');
  expect(first.owner.node.validate()).toEqual([]);
  const second = guarded('execution', first.stack);
  new iam.Policy(first.stack, 'Late', { statements: [wildcardResource()], roles: [second.role] });
  expect(second.owner.node.validate()).toEqual([expect.stringMatching(/^statement #0 of Svc\/Late\/Resource .* is not allowed on an execution role\./)]);
});

test('a guard that validates again starts a new pass, so a policy attached since the last one is seen', () => {
  const { owner, role, stack } = guarded();
  const shared = new iam.Policy(stack, 'Shared', { statements: [wildcardResource()] });
  expect(owner.node.validate()).toEqual([]);
  shared.attachToRole(role);
  expect(owner.node.validate()).toEqual([expect.stringMatching(/^statement #0 of Svc\/Shared\/Resource .*\[IAM-17\]/s)]);
});
