import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { execLoggingEncrypted } from '../../../../../lib/checks/rules/ecs/cluster/exec-logging-encrypted';
import { describeRule } from '../../harness';

const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } };

function cluster(exec: unknown, extra: object = {}): object {
  return {
    Parameters: { Encrypt: { Type: 'String', Default: 'true' }, Mode: { Type: 'String' } },
    Resources: {
      Key: KEY,
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: exec === undefined ? {} : { Configuration: { ExecuteCommandConfiguration: exec } } },
      ...extra,
    },
  };
}

const overrideTo = (logConfiguration: object, keyId: unknown = { 'Fn::GetAtt': ['Key', 'Arn'] }) => ({
  KmsKeyId: keyId,
  Logging: 'OVERRIDE',
  LogConfiguration: logConfiguration,
});

const serviceWithExec = (exec: unknown) => ({
  Service: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' }, EnableExecuteCommand: exec } },
});

describeRule(execLoggingEncrypted, {
  passing: [
    { name: 'OVERRIDE to encrypted CloudWatch Logs with a key', template: cluster(overrideTo({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: true })) },
    {
      name: 'OVERRIDE to encrypted S3, flag from a Ref default, key by Ref',
      template: cluster(overrideTo({ S3BucketName: { 'Fn::Sub': 'exec-logs-${AWS::AccountId}' }, S3EncryptionEnabled: { Ref: 'Encrypt' } }, { Ref: 'Key' })),
    },
    {
      name: 'key imported from another stack still counts as a customer key',
      template: cluster(overrideTo({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: 'true' }, { 'Fn::ImportValue': 'ExecKeyArn' })),
    },
    {
      name: 'cdk: ecs.Cluster executeCommandConfiguration OVERRIDE with kmsKey and encrypted log group',
      cdk: (stack) => {
        const kmsKey = new kms.Key(stack, 'Key', { enableKeyRotation: true });
        new ecs.Cluster(stack, 'Cluster', {
          vpc: new ec2.Vpc(stack, 'Vpc'),
          executeCommandConfiguration: {
            kmsKey,
            logging: ecs.ExecuteCommandLogging.OVERRIDE,
            logConfiguration: { cloudWatchLogGroup: new logs.LogGroup(stack, 'ExecLogs', { encryptionKey: kmsKey }), cloudWatchEncryptionEnabled: true },
          },
        });
      },
    },
  ],
  failing: [
    { name: 'Logging NONE', template: cluster({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, Logging: 'NONE' }) },
    { name: 'no KmsKeyId', template: cluster({ Logging: 'OVERRIDE', LogConfiguration: { CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: true } }) },
    { name: 'DEFAULT logging cannot require encryption', template: cluster({ KmsKeyId: { Ref: 'Key' } }) },
    { name: 'S3 destination unencrypted', template: cluster(overrideTo({ S3BucketName: 'b', S3EncryptionEnabled: false, CloudWatchLogGroupName: 'g', CloudWatchEncryptionEnabled: true })) },
    { name: 'OVERRIDE without a destination', template: cluster(overrideTo({})) },
    { name: 'no exec configuration but a service of this template enables ECS Exec', template: cluster(undefined, serviceWithExec(true)) },
    {
      name: 'cdk: executeCommandConfiguration with DEFAULT logging and no key',
      cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), executeCommandConfiguration: { logging: ecs.ExecuteCommandLogging.DEFAULT } }),
    },
  ],
  unresolvable: [
    { name: 'Logging from a parameter without a default', template: cluster({ KmsKeyId: { Ref: 'Key' }, Logging: { Ref: 'Mode' } }) },
    { name: 'encryption flag imported', template: cluster(overrideTo({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: { 'Fn::ImportValue': 'EncryptExecLogs' } })) },
    {
      name: 'LogConfiguration joined from another stack',
      template: cluster({ KmsKeyId: { Ref: 'Key' }, Logging: { 'Fn::Join': ['', ['OVER', 'RIDE']] }, LogConfiguration: { 'Fn::ImportValue': 'ExecLogConfiguration' } }),
    },
    { name: 'no exec configuration and a service whose ECS Exec is imported', template: cluster(undefined, serviceWithExec({ 'Fn::ImportValue': 'ExecOn' })) },
  ],
  notApplicable: [
    { name: 'no exec configuration and no service using ECS Exec', template: cluster(undefined, serviceWithExec(false)) },
    { name: 'cdk: ecs.Cluster without ECS Exec', cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') }) },
  ],
});
