import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { HardenedTaskRole } from '../../lib/identity/hardened-task-role';
import { EXEC_AGENT_WRITABLE_PATHS, grantExecuteCommand, requireHardenedExecConfiguration } from '../../lib/service/execute-command';

// Imported resources keep these tests at construction cost: requireHardenedExecConfiguration only reads the configuration.
function clusterWith(configuration?: ecs.ExecuteCommandConfiguration): ecs.ICluster {
  const stack = new Stack(new App(), 'ExecStack');
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] });
  return ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc, executeCommandConfiguration: configuration });
}

interface Parts {
  readonly stack: Stack;
  readonly key: kms.IKey;
  readonly logGroup: logs.ILogGroup;
  readonly bucket: s3.IBucket;
}

function parts(): Parts {
  const stack = new Stack(new App(), 'ExecStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  return {
    stack,
    key: kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555'),
    logGroup: logs.LogGroup.fromLogGroupName(stack, 'Sessions', 'ecs-exec-sessions'),
    bucket: s3.Bucket.fromBucketName(stack, 'Transcripts', 'exec-transcripts'),
  };
}

function rejection(configuration?: ecs.ExecuteCommandConfiguration): string {
  try {
    requireHardenedExecConfiguration('App/Svc', clusterWith(configuration));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected requireHardenedExecConfiguration to throw');
}

describe('requireHardenedExecConfiguration', () => {
  const FIX = 'Fix: use new HardenedCluster(scope, id, { vpc, allowExecuteCommand: true }).cluster, or give your cluster an ' +
    'executeCommandConfiguration with kmsKey, logging OVERRIDE and an encrypted CloudWatch log group (or S3 bucket).';

  test('a cluster without execute-command configuration is rejected with the service, the cluster and the fix', () => {
    expect(rejection()).toBe(
      'App/Svc: ECS Exec is enabled, but the cluster ExecStack/Cluster is not hardened for it: it has no execute-command configuration. ' + FIX,
    );
  });

  test('an empty configuration lists every missing control, separated by semicolons', () => {
    expect(rejection({})).toBe(
      'App/Svc: ECS Exec is enabled, but the cluster ExecStack/Cluster is not hardened for it: ' +
        'sessions are not encrypted with a customer managed key (kmsKey); ' +
        'session logging is not OVERRIDE with an explicit destination; ' +
        'session output is not sent to an encrypted CloudWatch log group or S3 bucket. ' + FIX,
    );
  });

  test('each control is checked on its own', () => {
    const { key, logGroup, bucket } = parts();
    const encryptedLogs = { cloudWatchLogGroup: logGroup, cloudWatchEncryptionEnabled: true };
    const override = ecs.ExecuteCommandLogging.OVERRIDE;
    const problemsOf = (c: ecs.ExecuteCommandConfiguration) => rejection(c).replace(/^.*not hardened for it: /, '').replace(/\. Fix:.*$/, '');
    expect(problemsOf({ logging: override, logConfiguration: encryptedLogs }))
      .toBe('sessions are not encrypted with a customer managed key (kmsKey)');
    expect(problemsOf({ kmsKey: key, logging: ecs.ExecuteCommandLogging.DEFAULT, logConfiguration: encryptedLogs }))
      .toBe('session logging is not OVERRIDE with an explicit destination');
    const noDestination = 'session output is not sent to an encrypted CloudWatch log group or S3 bucket';
    // A destination without encryption, or encryption without a destination, is no encrypted destination.
    expect(problemsOf({ kmsKey: key, logging: override, logConfiguration: { cloudWatchLogGroup: logGroup } })).toBe(noDestination);
    expect(problemsOf({ kmsKey: key, logging: override, logConfiguration: { cloudWatchEncryptionEnabled: true } })).toBe(noDestination);
    expect(problemsOf({ kmsKey: key, logging: override, logConfiguration: { s3Bucket: bucket } })).toBe(noDestination);
    expect(problemsOf({ kmsKey: key, logging: override, logConfiguration: { s3EncryptionEnabled: true } })).toBe(noDestination);
    expect(problemsOf({ kmsKey: key, logging: override })).toBe(noDestination);
  });

  test('a CMK, OVERRIDE logging and an encrypted CloudWatch log group or S3 bucket pass, returning the configuration', () => {
    const { key, logGroup, bucket } = parts();
    const logging = ecs.ExecuteCommandLogging.OVERRIDE;
    const cloudWatchCluster = clusterWith({
      kmsKey: key, logging, logConfiguration: { cloudWatchLogGroup: logGroup, cloudWatchEncryptionEnabled: true },
    });
    const s3Cluster = clusterWith({ kmsKey: key, logging, logConfiguration: { s3Bucket: bucket, s3EncryptionEnabled: true } });
    expect(requireHardenedExecConfiguration('App/Svc', cloudWatchCluster)).toBe(cloudWatchCluster.executeCommandConfiguration);
    expect(requireHardenedExecConfiguration('App/Svc', s3Cluster)).toBe(s3Cluster.executeCommandConfiguration);
  });
});

describe('grantExecuteCommand', () => {
  function statementsAfterGrant(build: (p: Parts) => ecs.ExecuteCommandConfiguration): any[] {
    const p = parts();
    const role = new HardenedTaskRole(p.stack, 'Task');
    grantExecuteCommand(role, build(p));
    const policies = Object.values(Template.fromStack(p.stack).findResources('AWS::IAM::Policy')) as any[];
    return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
  }

  const SSM_CHANNELS = {
    Sid: 'EcsExecSsmMessagesChannels',
    Effect: 'Allow',
    Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
    Resource: '*',
  };

  test('with a CMK and a CloudWatch log group: channels, decrypt on the key, write to the exact log group', () => {
    const statements = statementsAfterGrant(({ key, logGroup }) => ({
      kmsKey: key, logConfiguration: { cloudWatchLogGroup: logGroup, cloudWatchEncryptionEnabled: true },
    }));
    expect(statements).toEqual([
      SSM_CHANNELS,
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555' },
      { Sid: 'EcsExecDescribeLogGroups', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:111111111111:log-group:ecs-exec-sessions:*']] },
      },
    ]);
  });

  test('with an S3 destination and key prefix: put objects under the prefix only, read the bucket encryption and location', () => {
    const statements = statementsAfterGrant(({ bucket }) => ({ logConfiguration: { s3Bucket: bucket, s3EncryptionEnabled: true, s3KeyPrefix: 'exec' } }));
    const bucketArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::exec-transcripts']] };
    expect(statements).toEqual([
      SSM_CHANNELS,
      { Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::exec-transcripts/exec/*']] } },
      { Effect: 'Allow', Action: ['s3:GetEncryptionConfiguration', 's3:GetBucketLocation'], Resource: bucketArn },
    ]);
  });

  test('an S3 destination without prefix: put objects anywhere in that bucket', () => {
    const statements = statementsAfterGrant(({ bucket }) => ({ logConfiguration: { s3Bucket: bucket, s3EncryptionEnabled: true } }));
    expect(statements[1]).toEqual({
      Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::exec-transcripts/*']] },
    });
  });

  test('without key or destination only the channel actions are granted', () => {
    expect(statementsAfterGrant(() => ({}))).toEqual([SSM_CHANNELS]);
  });
});

test('the SSM agent paths are ephemeral volumes, since the agent runs as root', () => {
  expect(EXEC_AGENT_WRITABLE_PATHS).toEqual([
    { containerPath: '/managed-agents', storage: 'EPHEMERAL_VOLUME' },
    { containerPath: '/var/lib/amazon/ssm', storage: 'EPHEMERAL_VOLUME' },
    { containerPath: '/var/log/amazon/ssm', storage: 'EPHEMERAL_VOLUME' },
  ]);
});
