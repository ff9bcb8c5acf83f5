import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { kmsDecryptScoped } from '../../../../lib/checks/rules/iam/kms-decrypt-scoped';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, lambdaRoleWithPolicy, subArn } from './iam-fixtures';

const viaSecrets = { StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'secretsmanager.${AWS::Region}.amazonaws.com' } } };
const key = { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [] } } } };

const ROOT_STATEMENT = {
  Effect: 'Allow',
  Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } },
  Action: 'kms:*',
  Resource: '*',
};
const keyPolicy = (statements: object[]) => ({ Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Version: '2012-10-17', Statement: statements } } } });
const onExec = (statement: object) => ({ template: ecsIamTemplate({ executionStatements: [statement] }), logicalId: 'ExecRolePolicy', key: 'Statement::0' });
const onTask = (statement: object) => ({ template: ecsIamTemplate({ taskStatements: [statement] }), logicalId: 'TaskRolePolicy', key: 'Statement::0' });

/** One role used as both the task role and the execution role of the task definition. */
const sharedRole = (executionStatements: object[], extraResources: object) =>
  ecsIamTemplate({ executionStatements, extraResources, sharedRole: true });

describeRule(kmsDecryptScoped, {
  passing: [
    {
      name: 'execution role: Decrypt on the key ARN (GetAtt) with ViaService secretsmanager (Fn::Sub)',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': ['Key', 'Arn'] }, Condition: viaSecrets }], extraResources: key }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'task role: Decrypt on a Fn::Join key ARN without condition',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: joinArn('kms', 'key/1234') }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'execution role: ViaService ssm.${AWS::Region}.${AWS::URLSuffix} (Fn::Sub)',
      ...onExec({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: { 'Fn::GetAtt': ['Key', 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'ssm.${AWS::Region}.${AWS::URLSuffix}' } } },
      }),
    },
    {
      name: 'key policy: account root and the task role (no ViaService needed for a task role)',
      template: ecsIamTemplate({
        extraResources: keyPolicy([ROOT_STATEMENT, { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }]),
      }),
      logicalId: 'Key',
    },
    {
      name: 'a role that is both task and execution role is judged as a task role (identity and key policy)',
      template: sharedRole(
        [{ Effect: 'Allow', Action: 's3:GetObject', Resource: subArn('s3', 'bucket/*') }, { Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/1') }],
        keyPolicy([{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }]),
      ),
    },
    {
      name: 'cdk: same-stack secret with a CMK (key policy grants the execution role with ViaService)',
      cdk: (stack) => {
        const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: new kms.Key(stack, 'Key') });
        new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { DB: ecs.Secret.fromSecretsManager(secret) } });
      },
    },
  ],
  failing: [
    { name: 'Decrypt on * without condition', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }), key: 'Statement::0' },
    {
      name: 'peer bug #26: Decrypt on * with ViaService (warning, reported as fail)',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*', Condition: viaSecrets }] }),
      logicalId: 'ExecRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'peer bug #27: StringEquals kms:ViaService secretsmanager.*.amazonaws.com',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/1'), Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } } }] }),
      logicalId: 'ExecRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'StringEquals kms:ViaService with one wildcard value next to an exact one',
      ...onExec({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: subArn('kms', 'key/1'),
        Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.*.amazonaws.com', { 'Fn::Sub': 'ssm.${AWS::Region}.amazonaws.com' }] } },
      }),
    },
    {
      name: 'Decrypt on * narrowed by ViaService and an encryption context',
      ...onTask({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::orders' } },
      }),
    },
    { name: 'Decrypt on key/* of the account', ...onTask({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/*') }) },
    { name: 'Decrypt on one key ARN and on alias/*', ...onTask({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: [joinArn('kms', 'key/1234'), 'arn:aws:kms:eu-west-1:111111111111:alias/*'] }) },
    {
      name: 'execution role: StringNotEquals kms:ViaService secretsmanager (every other service)',
      ...onExec({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/1'), Condition: { StringNotEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } }),
    },
    {
      name: 'execution role: kms:ViaService secretsmanager or ec2',
      ...onExec({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: subArn('kms', 'key/1'),
        Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.eu-west-1.amazonaws.com', 'ec2.eu-west-1.amazonaws.com'] } },
      }),
    },
    {
      name: 'execution role: empty kms:ViaService list',
      ...onExec({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/1'), Condition: { StringEquals: { 'kms:ViaService': [] } } }),
    },
    {
      name: 'execution role: Decrypt on a key without ViaService (SSM SecureString with encryptionKey)',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: subArn('kms', 'key/1') }] }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'key policy grants the execution role without ViaService',
      template: ecsIamTemplate({
        extraResources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }] } } } },
      }),
      logicalId: 'Key',
      key: 'Statement::0',
    },
    {
      name: 'cdk: key.grantDecrypt on the execution role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        new kms.Key(stack, 'Key').grantDecrypt(td.obtainExecutionRole());
      },
    },
  ],
  unresolvable: [
    { name: 'imported action list on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: '*' }] }), key: 'Statement::0' },
  ],
  notApplicable: [
    { name: 'key policy that names no ECS role', template: ecsIamTemplate({ extraResources: key }), logicalId: 'Key' },
    {
      name: 'key policy Deny for the execution role is a guardrail, not a grant',
      template: ecsIamTemplate({ extraResources: keyPolicy([{ Effect: 'Deny', Principal: { AWS: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }]) }),
      logicalId: 'Key',
    },
    {
      name: 'policy of a role no task definition uses',
      template: ecsIamTemplate({ extraResources: lambdaRoleWithPolicy([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }]) }),
      logicalId: 'LambdaRolePolicy',
    },
  ],
});
