import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  RolePolicy,
  awsManagedPolicyName,
  ecsRoleKinds,
  ecsRoleUses,
  inlinePolicies,
  managedPolicyBaseName,
  policiesOfRole,
  roleGrants,
  roleIdentifiedBy,
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

describe('policiesOfRole, rolesOfPolicy and roleIdentifiedBy in detail', () => {
  const allowS3 = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

  function detailModel(): TemplateModel {
    return new TemplateModel({
      Parameters: { NameParam: { Type: 'String' } },
      Resources: {
        AppRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            RoleName: 'app-role',
            AssumeRolePolicyDocument: trust,
            ManagedPolicyArns: [
              { Ref: 'Managed' },
              'arn:aws:iam::aws:policy/AdministratorAccess',
              'arn:aws:iam::aws:policy/ReadOnlyAccess',
              { Ref: 'Bucket' },
              { 'Fn::ImportValue': 'shared-policy' },
              'arn:aws:iam::111111111111:policy/external',
            ],
          },
        },
        OtherRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'other-role', AssumeRolePolicyDocument: trust } },
        Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: 'managed-by-arn', PolicyDocument: allowS3 } },
        Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
        ByRef: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'by-ref', Roles: [{ Ref: 'AppRole' }], PolicyDocument: allowS3 } },
        ByScalarRoles: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Roles: { Ref: 'AppRole' }, PolicyDocument: allowS3 } },
        Twice: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'twice', Roles: [{ Ref: 'AppRole' }, 'app-role'], PolicyDocument: allowS3 } },
        Mentions: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'mentions',
            Roles: [{ Ref: 'OtherRole' }],
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['AppRole', 'Arn'] } }] },
          },
        },
        Suffixed: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'suffixed', RolesToReview: [{ Ref: 'AppRole' }], PolicyDocument: allowS3 } },
        Prefixed: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'prefixed', ExtraRoles: [{ Ref: 'AppRole' }], PolicyDocument: allowS3 } },
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: {
            KeyPolicy: {
              Statement: [
                { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
                { Sid: 'Both', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root', { 'Fn::GetAtt': ['AppRole', 'Arn'] }] }, Action: 'kms:Decrypt', Resource: '*' },
                { Sid: 'Other', Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['OtherRole', 'Arn'] } }, Action: 'kms:Encrypt', Resource: '*' },
                { Sid: 'AsService', Effect: 'Allow', Principal: { Service: { 'Fn::GetAtt': ['AppRole', 'Arn'] } }, Action: 'kms:Sign', Resource: '*' },
                { Sid: 'NoPrincipal', Effect: 'Allow', Action: 'kms:Verify', Resource: '*' },
                { Sid: 'ByName', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/app-role' }, Action: 'kms:GenerateDataKey', Resource: '*' },
              ],
            },
          },
        },
        TaggedKey: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [] }, Tags: [{ Key: 'owner', Value: { Ref: 'AppRole' } }] } },
        ByName: { Type: 'AWS::IAM::Policy', Properties: { Roles: ['app-role'], PolicyDocument: allowS3 } },
        ManagedByName: { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: 'managed-by-name', Roles: ['app-role'], PolicyDocument: allowS3 } },
        OtherName: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'other-name', Roles: ['other-role', 'app-role-2'], PolicyDocument: allowS3 } },
        OpaqueDocument: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'opaque-doc', Roles: ['other-role'], PolicyDocument: { 'Fn::ImportValue': 'doc' } } },
      },
    });
  }

  function summary(policies: readonly RolePolicy[]): string[] {
    return policies.map((p) => `${p.source}:${p.name}:${p.holder.logicalId}:${p.statements.length}${p.unknown ? `:unknown ${p.unknown.display}` : ''}`);
  }

  test('collects every policy of the role once, by ARN, by Roles reference, from key policies and by literal RoleName', () => {
    const m = detailModel();
    expect(summary(policiesOfRole(m, m.resource('AppRole')!))).toEqual([
      'managed-policy:managed-by-arn:Managed:1',
      'aws-managed:AdministratorAccess:AppRole:1',
      'aws-managed:ReadOnlyAccess:AppRole:0:unknown ReadOnlyAccess',
      'external-managed:<Bucket>:AppRole:0:unknown <Bucket>',
      'external-managed:<ImportValue:shared-policy>:AppRole:0:unknown <ImportValue:shared-policy>',
      'external-managed:arn:aws:iam::111111111111:policy/external:AppRole:0:unknown arn:aws:iam::111111111111:policy/external',
      'policy:by-ref:ByRef:1',
      'managed-policy:ByScalarRoles:ByScalarRoles:1',
      'policy:twice:Twice:1',
      'key-policy:Key:Key:2',
      'policy:ByName:ByName:1',
      'managed-policy:managed-by-name:ManagedByName:1',
    ]);
  });

  test('a policy attached through Roles by Ref applies to the role', () => {
    const m = detailModel();
    const byRef = policiesOfRole(m, m.resource('AppRole')!).find((p) => p.holder.logicalId === 'ByRef')!;
    expect(byRef.source).toBe('policy');
    expect(byRef.name).toBe('by-ref');
    expect(byRef.statements.map((s) => s.actions)).toEqual([['s3:GetObject']]);
    expect(byRef.unknown).toBeUndefined();
  });

  test('a policy that only mentions the role outside Roles does not apply to it', () => {
    const m = detailModel();
    const holders = policiesOfRole(m, m.resource('AppRole')!).map((p) => p.holder.logicalId);
    expect(holders).not.toContain('Mentions');
    expect(holders).not.toContain('Suffixed');
    expect(holders).not.toContain('Prefixed');
    expect(holders).not.toContain('TaggedKey');
    expect(holders).not.toContain('OtherName');
  });

  test('key policy statements are only those naming the role as an AWS principal', () => {
    const m = detailModel();
    const key = policiesOfRole(m, m.resource('AppRole')!).find((p) => p.source === 'key-policy')!;
    expect(key.holder).toBe(m.resource('Key'));
    expect(key.name).toBe('Key');
    expect(key.statements.map((s) => s.key)).toEqual(['Statement::Both', 'Statement::ByName']);
    expect(key.unknown).toBeUndefined();
  });

  test('a key policy naming the role only by its literal ARN is found through the role name', () => {
    const m = new TemplateModel({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'named' } },
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: {
            KeyPolicy: {
              Statement: [
                { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/named' }, Action: 'kms:Decrypt', Resource: '*' },
                { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }, Action: 'kms:Encrypt', Resource: '*' },
              ],
            },
          },
        },
      },
    });
    expect(policiesOfRole(m, m.resource('Role')!).find((p) => p.source === 'key-policy')!.statements.map((s) => s.index)).toEqual([0, 1]);
  });

  test('the other role sees its own key statement and its own policies', () => {
    const m = detailModel();
    expect(summary(policiesOfRole(m, m.resource('OtherRole')!))).toEqual([
      'policy:mentions:Mentions:1',
      'key-policy:Key:Key:1',
      'policy:other-name:OtherName:1',
      'policy:opaque-doc:OpaqueDocument:0:unknown <ImportValue:doc>',
    ]);
    const key = policiesOfRole(m, m.resource('OtherRole')!).find((p) => p.source === 'key-policy')!;
    expect(key.statements.map((s) => s.sid)).toEqual(['Other']);
  });

  test('a role without RoleName, or with a deploy-time one, gets no policy by name', () => {
    const m = new TemplateModel({
      Parameters: { Name: { Type: 'String' } },
      Resources: {
        Plain: { Type: 'AWS::IAM::Role', Properties: {} },
        Dynamic: { Type: 'AWS::IAM::Role', Properties: { RoleName: { Ref: 'Name' } } },
        Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: ['Plain', 'Dynamic', '<Name>'], PolicyDocument: allowS3 } },
      },
    });
    expect(policiesOfRole(m, m.resource('Plain')!)).toEqual([]);
    expect(policiesOfRole(m, m.resource('Dynamic')!)).toEqual([]);
  });

  test('an AWS managed policy ARN is matched case-insensitively against the known contents', () => {
    const m = new TemplateModel({
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            ManagedPolicyArns: [
              'arn:aws:iam::aws:policy/administratoraccess',
              { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess' },
              'arn:aws-cn:iam::aws:policy/IAMFullAccess',
            ],
          },
        },
      },
    });
    const policies = policiesOfRole(m, m.resource('Role')!);
    expect(summary(policies)).toEqual([
      'aws-managed:administratoraccess:Role:1',
      'aws-managed:PowerUserAccess:Role:2',
      'aws-managed:IAMFullAccess:Role:1',
    ]);
    expect(policies[0].statements[0].key).toBe('Statement::administratoraccess/0');
    expect(policies[1].statements[0].notActions).toEqual(['iam:*', 'organizations:*', 'account:*']);
  });

  test('an unknown AWS managed policy is reported with the reason', () => {
    const m = detailModel();
    const readOnly = policiesOfRole(m, m.resource('AppRole')!).find((p) => p.name === 'ReadOnlyAccess')!;
    expect(readOnly.unknown).toEqual(new Opaque('unsupported', 'ReadOnlyAccess', { reason: 'content of AWS managed policy ReadOnlyAccess is not known to the checker' }));
  });

  test('a managed policy ARN from outside keeps the opaque value or explains the literal', () => {
    const m = detailModel();
    const policies = policiesOfRole(m, m.resource('AppRole')!);
    const imported = policies.find((p) => p.name === '<ImportValue:shared-policy>')!;
    expect(imported.unknown).toBe((m.properties(m.resource('AppRole')!).ManagedPolicyArns as unknown[])[4]);
    expect(imported.unknown).toEqual(m.resolve({ 'Fn::ImportValue': 'shared-policy' }));
    const literal = policies.find((p) => p.name === 'arn:aws:iam::111111111111:policy/external')!;
    expect(literal.unknown).toEqual(
      new Opaque('unsupported', 'arn:aws:iam::111111111111:policy/external', { reason: 'managed policy arn:aws:iam::111111111111:policy/external is defined outside this template' }),
    );
  });

  test('a ManagedPolicyArns entry that is not a string is named by its text', () => {
    const m = new TemplateModel({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: [5] } } } });
    const [policy] = policiesOfRole(m, m.resource('Role')!);
    expect(policy.source).toBe('external-managed');
    expect(policy.name).toBe('5');
    expect(policy.unknown).toEqual(new Opaque('unsupported', '5', { reason: 'managed policy 5 is defined outside this template' }));
  });

  test('task definitions without a literal Family are named by logical id; a missing role is skipped', () => {
    const m = new TemplateModel({
      Parameters: { FamilyParam: { Type: 'String' } },
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: {} },
        Empty: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: '', ExecutionRoleArn: { Ref: 'Role' } } },
        Dynamic: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: { Ref: 'FamilyParam' }, TaskRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
        None: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: 'none' } },
      },
    });
    expect(ecsRoleUses(m, m.resource('Role')!).map((u) => `${u.family}:${u.kind}:${u.taskDefinition.logicalId}`)).toEqual([
      'Empty:execution:Empty',
      'Dynamic:task:Dynamic',
    ]);
    expect(taskDefinitionRole(m, m.resource('None')!, 'task')).toBeUndefined();
  });

  test('a single ManagedPolicyArns value that is not a list is still read', () => {
    const m = new TemplateModel({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: 'arn:aws:iam::aws:policy/AdministratorAccess' } } } });
    expect(summary(policiesOfRole(m, m.resource('Role')!))).toEqual(['aws-managed:AdministratorAccess:Role:1']);
  });

  test('rolesOfPolicy reads Roles by reference and by name, and role ManagedPolicyArns only', () => {
    const m = detailModel();
    expect(rolesOfPolicy(m, m.resource('Twice')!).map((r) => r.logicalId)).toEqual(['AppRole']);
    expect(rolesOfPolicy(m, m.resource('OtherName')!).map((r) => r.logicalId)).toEqual(['OtherRole']);
    expect(rolesOfPolicy(m, m.resource('Managed')!).map((r) => r.logicalId)).toEqual(['AppRole']);
    expect(rolesOfPolicy(m, m.resource('Mentions')!).map((r) => r.logicalId)).toEqual(['OtherRole']);
  });

  test('rolesOfPolicy ignores references from other places and other resource types', () => {
    const m = new TemplateModel({
      Resources: {
        Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: allowS3 } },
        Tagged: { Type: 'AWS::IAM::Role', Properties: { Tags: [{ Key: 'policy', Value: { Ref: 'Managed' } }] } },
        Prefixed: { Type: 'AWS::IAM::Role', Properties: { OldManagedPolicyArns: [{ Ref: 'Managed' }] } },
        Suffixed: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArnsBackup: [{ Ref: 'Managed' }] } },
        User: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: [{ Ref: 'Managed' }] } },
        Scalar: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: { Ref: 'Managed' } } },
      },
    });
    expect(rolesOfPolicy(m, m.resource('Managed')!).map((r) => r.logicalId)).toEqual(['Scalar']);
  });

  test('roleIdentifiedBy resolves references, ARNs and names to roles of the template only', () => {
    const m = detailModel();
    const id = (value: unknown) => roleIdentifiedBy(m, m.resolve(value))?.logicalId;
    expect(id({ Ref: 'AppRole' })).toBe('AppRole');
    expect(id({ 'Fn::GetAtt': ['OtherRole', 'Arn'] })).toBe('OtherRole');
    expect(id({ Ref: 'Managed' })).toBeUndefined();
    expect(id('arn:aws:iam::111111111111:role/app-role')).toBe('AppRole');
    expect(id('arn:aws:iam::111111111111:role/service/app-role')).toBe('AppRole');
    expect(id('other-role')).toBe('OtherRole');
    expect(id('xarn:aws:iam::1:role/app-role')).toBeUndefined();
    expect(id('arn:aws:iam::1:role/unknown')).toBeUndefined();
    expect(id('')).toBeUndefined();
    expect(id(7)).toBeUndefined();
    expect(id({ 'Fn::ImportValue': 'role' })).toBeUndefined();
  });

  test('inlinePolicies names each policy by PolicyName, its display, or its position', () => {
    const m = new TemplateModel({
      Parameters: { NameParam: { Type: 'String' } },
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            Policies: [
              { PolicyName: 'named', PolicyDocument: allowS3 },
              { PolicyDocument: allowS3 },
              { PolicyName: { Ref: 'NameParam' }, PolicyDocument: { Statement: { 'Fn::ImportValue': 'statements' } } },
              { 'Fn::ImportValue': 'whole-policy' },
              'not-a-policy',
            ],
          },
        },
      },
    });
    const role = m.resource('Role')!;
    const policies = inlinePolicies(role, m.properties(role));
    expect(policies.map((p) => `${p.source}:${p.name}:${p.holder.logicalId}:${p.unknown?.display}`)).toEqual([
      'inline:named:Role:undefined',
      'inline:Policies.1:Role:undefined',
      'inline:<NameParam>:Role:<ImportValue:statements>',
      'inline:Policies.3:Role:<ImportValue:whole-policy>',
      'inline:Policies.4:Role:undefined',
    ]);
    expect(policies.map((p) => p.statements.map((st) => st.key))).toEqual([['Statement::named/0'], ['Statement::Policies.1/0'], expect.anything(), [], []]);
    expect(inlinePolicies(role, {})).toEqual([]);
  });

  test('managedPolicyBaseName keeps the last path segment', () => {
    expect(managedPolicyBaseName('service-role/AmazonECSTaskExecutionRolePolicy')).toBe('AmazonECSTaskExecutionRolePolicy');
    expect(managedPolicyBaseName('a/b/c')).toBe('c');
    expect(managedPolicyBaseName('AdministratorAccess')).toBe('AdministratorAccess');
  });

  test('awsManagedPolicyName reads literal and deploy-time partitions only for the aws account', () => {
    expect(awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess')).toBe('job-function/ViewOnlyAccess');
    expect(awsManagedPolicyName(new Opaque('composite', 'arn:<AWS::Partition>:iam::aws:policy/service-role/X'))).toBe('service-role/X');
    expect(awsManagedPolicyName('xarn:aws:iam::aws:policy/AdministratorAccess')).toBeUndefined();
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/')).toBeUndefined();
    expect(awsManagedPolicyName('arn:a:b:iam::aws:policy/X')).toBeUndefined();
    expect(awsManagedPolicyName(undefined)).toBeUndefined();
    expect(awsManagedPolicyName('')).toBeUndefined();
  });
});

describe('roleGrants in detail', () => {
  function grantsModel(statements: unknown[], extra: Record<string, unknown> = {}): TemplateModel {
    return new TemplateModel({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: statements } }] } },
        ...extra,
      },
    });
  }

  test('an Allow whose every covering statement has a narrowing condition is conditional', () => {
    const m = grantsModel([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }]);
    const answer = roleGrants(m, m.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k');
    expect(answer.granted).toBe(true);
    expect(answer.conditional).toBe(true);
  });

  test('one unconditional Allow makes the grant unconditional', () => {
    const m = grantsModel([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } },
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
    ]);
    const answer = roleGrants(m, m.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k');
    expect(answer.allowedBy.map((s) => s.index)).toEqual([0, 1]);
    expect(answer.conditional).toBe(false);
  });

  test('nothing covering means not granted and not conditional', () => {
    const m = grantsModel([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]);
    expect(roleGrants(m, m.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k')).toEqual({ granted: false, allowedBy: [], conditional: false, deniedBy: undefined });
  });

  test('a conditional Deny does not win; an unconditional one does', () => {
    const conditional = grantsModel([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
    const answer = roleGrants(conditional, conditional.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k');
    expect(answer.granted).toBe(true);
    expect(answer.deniedBy).toBeUndefined();
    const denied = grantsModel([
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    ]);
    const deniedAnswer = roleGrants(denied, denied.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k');
    expect(deniedAnswer.granted).toBe(false);
    expect(deniedAnswer.deniedBy?.index).toBe(0);
  });

  test('invalid statements are ignored and an opaque Effect makes the answer undecided', () => {
    const invalid = grantsModel([{ Effect: 'Allow', Resource: '*' }]);
    expect(roleGrants(invalid, invalid.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k').granted).toBe(false);
    const m = new TemplateModel({
      Parameters: { EffectParam: { Type: 'String' } },
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: { Ref: 'EffectParam' }, Action: 's3:GetObject', Resource: '*' }] } }] },
        },
      },
    });
    const granted = roleGrants(m, m.resource('Role')!, 's3:GetObject', 'arn:aws:s3:::b/k').granted;
    expect(granted).toBeInstanceOf(Opaque);
    expect((granted as Opaque).display).toBe('<EffectParam>');
  });

  test('key policy statements cover "*" and their own key, not another key of the template', () => {
    const m = new TemplateModel({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: {} },
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }] } },
        },
        OtherKey: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      },
    });
    const role = m.resource('Role')!;
    expect(roleGrants(m, role, 'kms:Decrypt', '*').granted).toBe(true);
    expect(roleGrants(m, role, 'kms:Decrypt', m.resolve({ Ref: 'Key' }) as Opaque).granted).toBe(true);
    expect(roleGrants(m, role, 'kms:Decrypt', m.resolve({ Ref: 'OtherKey' }) as Opaque).granted).toBe(false);
    expect(roleGrants(m, role, 'kms:Encrypt', m.resolve({ Ref: 'Key' }) as Opaque).granted).toBe(false);
    const literal = roleGrants(m, role, 'kms:Decrypt', 'arn:aws:kms:eu-west-1:1:key/abc').granted;
    expect(literal).toEqual(new Opaque('unsupported', 'arn:aws:kms:eu-west-1:1:key/abc', { reason: 'cannot tell whether arn:aws:kms:eu-west-1:1:key/abc is key Key' }));
    const imported = m.resolve({ 'Fn::ImportValue': 'key' }) as Opaque;
    expect(roleGrants(m, role, 'kms:Decrypt', imported).granted).toBe(imported);
  });
});
