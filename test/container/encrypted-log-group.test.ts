import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EncryptedLogGroup } from '../../lib/container/encrypted-log-group';

describe('EncryptedLogGroup defaults', () => {
  const stack = new Stack(new App(), 'LogStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const group = new EncryptedLogGroup(stack, 'Logs');
  const template = Template.fromStack(stack);
  const keyId = stack.getLogicalId(group.encryptionKey.node.defaultChild as kms.CfnKey);

  test('keeps logs one year, encrypted with its own key, retained on delete', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('key policy lets CloudWatch Logs of the region use the key, scoped by the logs encryption context', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'AllowCloudWatchLogsUseOfTheKey',
          Effect: 'Allow',
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Action: Match.arrayWith(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']),
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
  test('a named log group narrows the key policy to that log group', () => {
    const stack = new Stack(new App(), 'Named');
    new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/ecs/payments', retention: logs.RetentionDays.THREE_MONTHS });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/ecs/payments', RetentionInDays: 90 });
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
    Annotations.fromStack(stack).hasWarning('/Imported/Logs', Match.stringLikeRegexp('logs.<region>.amazonaws.com'));
  });
});
