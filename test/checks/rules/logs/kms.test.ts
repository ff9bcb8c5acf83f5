import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { kms as logGroupKms } from '../../../../lib/checks/rules/logs/kms';
import { EncryptedLogGroup } from '../../../../lib/container/encrypted-log-group';
import { describeRule } from '../harness';

const ROOT = { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } };
const ADMIN = { Effect: 'Allow', Principal: ROOT, Action: 'kms:*', Resource: '*' };
const LOGS_ACTIONS = ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'];

function logsStatement(service: unknown, actions: unknown = LOGS_ACTIONS): object {
  return { Sid: 'Logs', Effect: 'Allow', Principal: { Service: service }, Action: actions, Resource: '*' };
}

function encrypted(keyId: unknown, keyStatements: object[] = [ADMIN, logsStatement({ 'Fn::Sub': 'logs.${AWS::Region}.amazonaws.com' })]): object {
  return {
    Parameters: { KeyParam: { Type: 'String' } },
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: keyStatements } } },
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/logs', TargetKeyId: { Ref: 'Key' } } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365, ...(keyId === undefined ? {} : { KmsKeyId: keyId }) } },
    },
  };
}

const KEY_ARN = { 'Fn::GetAtt': ['Key', 'Arn'] };

describeRule(logGroupKms, {
  passing: [
    { name: 'in-template key allowing logs.<AWS::Region>', template: encrypted(KEY_ARN) },
    { name: 'literal regional principal', template: encrypted(KEY_ARN, [ADMIN, logsStatement('logs.eu-west-1.amazonaws.com')]) },
    {
      name: 'principal joined with AWS::URLSuffix, key through an alias',
      template: encrypted({ 'Fn::Join': ['', ['arn:aws:kms:eu-west-1:111111111111:', { Ref: 'Alias' }]] }, [
        ADMIN,
        logsStatement({ 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] }),
      ]),
    },
    {
      name: 'logs actions split over two statements for the logs principal',
      template: encrypted(KEY_ARN, [
        ADMIN,
        logsStatement('logs.eu-west-1.amazonaws.com', ['kms:Encrypt*', 'kms:GenerateDataKey*']),
        logsStatement({ 'Fn::Sub': 'logs.${AWS::Region}.amazonaws.com' }, ['kms:Decrypt*', 'kms:Describe*']),
      ]),
    },
    { name: 'cdk: cdk-hardened-ecs EncryptedLogGroup', cdk: (stack) => new EncryptedLogGroup(stack, 'Logs') },
  ],
  failing: [
    { name: 'no KmsKeyId', template: encrypted(undefined) },
    { name: 'key policy without the logs principal', template: encrypted(KEY_ARN, [ADMIN]) },
    { name: 'logs principal without decrypt', template: encrypted(KEY_ARN, [ADMIN, logsStatement('logs.eu-west-1.amazonaws.com', ['kms:Encrypt*', 'kms:GenerateDataKey*'])]) },
    { name: 'logs principal with kms:Encrypt only: every missing action is named', template: encrypted(KEY_ARN, [ADMIN, logsStatement('logs.eu-west-1.amazonaws.com', ['kms:Encrypt*'])]) },
    { name: 'AWS managed key alias/aws/logs', template: encrypted('arn:aws:kms:eu-west-1:111111111111:alias/aws/logs') },
    { name: 'cdk: logs.LogGroup defaults', cdk: (stack) => new logs.LogGroup(stack, 'Logs') },
    {
      name: 'cdk: logs.LogGroup with encryptionKey (aws-cdk-lib adds no logs key-policy statement)',
      cdk: (stack) => new logs.LogGroup(stack, 'Logs', { encryptionKey: new kms.Key(stack, 'Key') }),
    },
  ],
  unresolvable: [
    { name: 'key imported from another stack', template: encrypted({ 'Fn::ImportValue': 'LogKeyArn' }) },
    { name: 'key from a parameter without a default', template: encrypted({ Ref: 'KeyParam' }) },
    {
      name: 'in-template key whose key policy is imported',
      template: (() => {
        const t: any = encrypted(KEY_ARN);
        t.Resources.Key.Properties.KeyPolicy = { 'Fn::ImportValue': 'LogKeyPolicy' };
        return t;
      })(),
    },
    {
      name: 'logs principal allows kms:Encrypt* and actions imported from another stack',
      template: encrypted(KEY_ARN, [ADMIN, logsStatement('logs.eu-west-1.amazonaws.com', ['kms:Encrypt*', { 'Fn::ImportValue': 'LogKeyActions' }])]),
    },
    { name: 'literal key ARN of another stack', template: encrypted('arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab') },
  ],
});
