import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  awsManagedPolicyName,
  ecsRoleKinds,
  ecsRoleUses,
  policiesOfRole,
  roleGrants,
  rolesOfPolicy,
  taskDefinitionRole,
} from '../../../lib/checks/model/ecs-roles';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const secretArn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-AbCdEf';

function model(): TemplateModel {
  return new TemplateModel({
    Resources: {
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } },
      ExecRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'app-exec',
          AssumeRolePolicyDocument: trust,
          ManagedPolicyArns: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']] },
            { Ref: 'Managed' },
            'arn:aws:iam::111111111111:policy/from-elsewhere',
          ],
          Policies: [{ PolicyName: 'inline', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn }] } }],
        },
      },
      Shared: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } },
      Unused: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } },
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } },
      Attached: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'attached', Roles: [{ Ref: 'TaskRole' }, 'app-exec'], PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 'secretsmanager:*', Resource: 'arn:aws:secretsmanager:*:*:secret:blocked-*' }] } },
      },
      Key: {
        Type: 'AWS::KMS::Key',
        Properties: {
          KeyPolicy: {
            Statement: [
              { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
              { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' },
            ],
          },
        },
      },
      Web: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'web', TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ExecutionRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ExecRole}' } },
      },
      Worker: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: 'worker', TaskRoleArn: { Ref: 'Shared' }, ExecutionRoleArn: 'arn:aws:iam::111111111111:role/app-exec' } },
      Batch: { Type: 'AWS::ECS::TaskDefinition', Properties: { TaskRoleArn: { 'Fn::GetAtt': ['Shared', 'Arn'] }, ExecutionRoleArn: { 'Fn::GetAtt': ['Shared', 'Arn'] } } },
    },
  });
}

describe('ECS role discovery', () => {
  const m = model();
  const role = (id: string) => m.resource(id)!;

  test('finds task and execution roles through GetAtt, Sub ARNs, Ref and literal ARNs', () => {
    expect(ecsRoleKinds(m, role('TaskRole'))).toEqual(new Set(['task']));
    expect(ecsRoleUses(m, role('ExecRole')).map((u) => `${u.family}:${u.kind}`)).toEqual(['web:execution', 'worker:execution']);
    expect(ecsRoleKinds(m, role('Shared'))).toEqual(new Set(['task', 'execution']));
    expect(ecsRoleUses(m, role('Shared')).map((u) => u.family)).toEqual(['worker', 'Batch', 'Batch']);
    expect(ecsRoleUses(m, role('Unused'))).toEqual([]);
    expect(taskDefinitionRole(m, m.resource('Web')!, 'execution')?.logicalId).toBe('ExecRole');
  });

  test('collects inline, attached, managed, AWS managed, external and key policies', () => {
    const policies = policiesOfRole(m, role('ExecRole'));
    expect(policies.map((p) => `${p.source}:${p.name}`)).toEqual([
      'inline:inline',
      'aws-managed:service-role/AmazonECSTaskExecutionRolePolicy',
      'managed-policy:Managed',
      'external-managed:arn:aws:iam::111111111111:policy/from-elsewhere',
      'key-policy:Key',
      'policy:attached',
    ]);
    expect(policies.find((p) => p.source === 'aws-managed')!.statements[0].actions).toContain('ecr:GetAuthorizationToken');
    expect(policies.find((p) => p.source === 'key-policy')!.statements.map((s) => s.index)).toEqual([1]);
    expect(policies.find((p) => p.source === 'external-managed')!.unknown).toBeInstanceOf(Opaque);
  });

  test('rolesOfPolicy follows Roles and ManagedPolicyArns', () => {
    expect(rolesOfPolicy(m, m.resource('Attached')!).map((r) => r.logicalId)).toEqual(['TaskRole', 'ExecRole']);
    expect(rolesOfPolicy(m, m.resource('Managed')!).map((r) => r.logicalId)).toEqual(['ExecRole']);
  });

  test('flattens AWS managed policy ARNs', () => {
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('AdministratorAccess');
    expect(awsManagedPolicyName('arn:aws:iam::111111111111:policy/Mine')).toBeUndefined();
  });
});

describe('roleGrants', () => {
  const m = model();
  const exec = m.resource('ExecRole')!;

  test('grants the referenced secret through the inline policy', () => {
    const answer = roleGrants(m, exec, 'secretsmanager:GetSecretValue', secretArn);
    expect(answer.granted).toBe(true);
    expect(answer.allowedBy.map((s) => s.key)).toEqual(['Statement::inline/0']);
  });

  test('an unconditional Deny wins', () => {
    const answer = roleGrants(m, exec, 'secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:1:secret:blocked-x');
    expect(answer.granted).toBe(false);
    expect(answer.deniedBy?.effect).toBe('Deny');
  });

  test('a grant that only an external policy could give is undecidable', () => {
    expect(roleGrants(m, exec, 'secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:1:secret:other-AbCdEf').granted).toBeInstanceOf(Opaque);
  });

  test('key policy statements grant the role on that key only', () => {
    const template = JSON.parse(JSON.stringify(m.template));
    template.Resources.ExecRole.Properties.ManagedPolicyArns = [];
    const noExternal = new TemplateModel(template);
    const role = noExternal.resource('ExecRole')!;
    expect(roleGrants(noExternal, role, 'kms:Decrypt', noExternal.resolve({ 'Fn::GetAtt': ['Key', 'Arn'] }) as Opaque).granted).toBe(true);
    expect(roleGrants(noExternal, role, 'kms:Decrypt', 'arn:aws:kms:eu-west-1:1:key/other').granted).toBeInstanceOf(Opaque);
  });

  test('works on what CDK synthesizes for a secret on a Fargate task definition', () => {
    const stack = new Stack();
    const key = new kms.Key(stack, 'Key');
    const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: key });
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { DB: ecs.Secret.fromSecretsManager(secret) } });
    const cdkModel = new TemplateModel(Template.fromStack(stack).toJSON() as any);
    const taskDefinition = cdkModel.resourcesOfType('AWS::ECS::TaskDefinition')[0];
    const execRole = taskDefinitionRole(cdkModel, taskDefinition, 'execution')!;
    expect(execRole).toBeDefined();
    const secretRef = cdkModel.resolve({ Ref: cdkModel.resourcesOfType('AWS::SecretsManager::Secret')[0].logicalId }) as Opaque;
    expect(roleGrants(cdkModel, execRole, 'secretsmanager:GetSecretValue', secretRef).granted).toBe(true);
    expect(roleGrants(cdkModel, execRole, 'kms:Decrypt', cdkModel.resolve({ 'Fn::GetAtt': [cdkModel.resourcesOfType('AWS::KMS::Key')[0].logicalId, 'Arn'] }) as Opaque).granted).toBe(true);
    expect(ecsRoleKinds(cdkModel, taskDefinitionRole(cdkModel, taskDefinition, 'task')!)).toEqual(new Set(['task']));
  });
});
