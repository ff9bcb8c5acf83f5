import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EncryptedLogGroup } from '../../lib/container/encrypted-log-group';

const LOGS_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
];

describe('EncryptedLogGroup defaults', () => {
  // Built per test: Stryker credits a test only with code that runs inside it (see docs/mutation.md).
  let stack: Stack;
  let template: Template;
  let keyId: string;
  beforeEach(() => {
    stack = new Stack(new App(), 'LogStack', { env: { account: '111111111111', region: 'eu-west-1' } });
    const group = new EncryptedLogGroup(stack, 'Logs');
    template = Template.fromStack(stack);
    keyId = stack.getLogicalId(group.encryptionKey.node.defaultChild as kms.CfnKey);
  });

  test('keeps logs one year, encrypted with its own key, retained on delete', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: 'Encrypts the CloudWatch Logs log group LogStack/Logs',
    });
  });

  test('its own key needs no action from anyone: no warning', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('key policy lets CloudWatch Logs of the region use the key, scoped by the logs encryption context', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'AllowCloudWatchLogsUseOfTheKey',
          Effect: 'Allow',
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Action: LOGS_KEY_ACTIONS,
          Resource: '*',
          Condition: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': {
                'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:111111111111:log-group:*']],
              },
            },
          },
        }]),
      },
    });
  });
});

describe('EncryptedLogGroup options', () => {
  test('a named log group narrows the key policy to that log group; the removal policy covers the key made here', () => {
    const stack = new Stack(new App(), 'Named');
    new EncryptedLogGroup(stack, 'Logs', {
      logGroupName: '/ecs/payments',
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/ecs/payments', RetentionInDays: 90 },
      DeletionPolicy: 'Delete',
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Condition: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': {
                'Fn::Join': ['', Match.arrayWith([':log-group:/ecs/payments'])],
              },
            },
          },
        })]),
      },
    });
  });

  test('infinite retention is rejected with the path and the fix', () => {
    const stack = new Stack(new App(), 'Forever');
    expect(() => new EncryptedLogGroup(stack, 'Logs', { retention: logs.RetentionDays.INFINITE }))
      .toThrow(/Forever\/Logs: log retention must be finite.*Fix: pass a finite value/);
  });

  test('an imported key cannot be edited: a warning names the statement the owner must add', () => {
    const stack = new Stack(new App(), 'Imported', { env: { account: '111111111111', region: 'eu-west-1' } });
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    new EncryptedLogGroup(stack, 'Logs', { encryptionKey: key, removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
    Annotations.fromStack(stack).hasWarning('/Imported/Logs',
      'The log encryption key Imported/Key is imported, so its key policy cannot be edited here. ' +
      `Its owner must allow principal logs.<region>.amazonaws.com the actions ${LOGS_KEY_ACTIONS.join(', ')} ` +
      'with ArnLike kms:EncryptionContext:aws:logs:arn = arn:<partition>:logs:<region>:<account>:log-group:*, ' +
      'or the log group deployment fails. [ack: cdk-hardened-ecs:imported-log-key]');
  });
});
