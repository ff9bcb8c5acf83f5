import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { kmsDecryptScoped } from '../../../../lib/checks/rules/iam/kms-decrypt-scoped';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

const viaSecrets = { StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'secretsmanager.${AWS::Region}.amazonaws.com' } } };
const key = { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [] } } } };

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
  notApplicable: [{ name: 'key policy that names no ECS role', template: ecsIamTemplate({ extraResources: key }), logicalId: 'Key' }],
});
