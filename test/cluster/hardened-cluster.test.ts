import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EXEMPTIONS_METADATA_KEY } from '../../lib/audit/exemption';
import { HardenedCluster, HardenedClusterProps } from '../../lib/cluster/hardened-cluster';

interface Built {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly cluster: HardenedCluster;
  readonly template: Template;
}

// Every test builds its own stack inside the test body: code run while a test runs is attributed to that test by
// Stryker's per-test coverage, code run in a describe body is not.
function synth(props: Omit<HardenedClusterProps, 'vpc'> = {}, extra: (stack: Stack) => Partial<HardenedClusterProps> = () => ({})): Built {
  const stack = new Stack(new App(), 'ClusterStack');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  const cluster = new HardenedCluster(stack, 'Cluster', { vpc, ...props, ...extra(stack) });
  return { stack, vpc, cluster, template: Template.fromStack(stack) };
}

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as any);

describe('HardenedCluster defaults', () => {
  test('enhanced Container Insights, in the given VPC, with a generated name and no execute-command configuration', () => {
    const { vpc, cluster, template } = synth();
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
      ClusterName: Match.absent(),
      Configuration: Match.absent(),
    });
    expect(cluster.cluster.vpc).toBe(vpc);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(cluster.executeCommandKey).toBeUndefined();
    expect(cluster.executeCommandLogGroup).toBeUndefined();
    expect(template.findResources('AWS::ECS::Cluster', { Metadata: Match.anyValue() })).toEqual({});
  });
});

describe('HardenedCluster with ECS Exec allowed', () => {
  test('encrypts sessions with a new rotating CMK that CloudWatch Logs may use, and logs them to a log group encrypted with it', () => {
    const { stack, cluster, template } = synth({ allowExecuteCommand: true });
    const keyId = logicalId(stack, cluster.executeCommandKey as kms.Key);
    const logGroupId = logicalId(stack, cluster.executeCommandLogGroup as logs.LogGroup);
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
      Configuration: {
        ExecuteCommandConfiguration: {
          KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
          Logging: 'OVERRIDE',
          LogConfiguration: { CloudWatchEncryptionEnabled: true, CloudWatchLogGroupName: { Ref: logGroupId } },
        },
      },
    });
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: 'Encrypts ECS Exec sessions and their session logs in ClusterStack/Cluster',
    });
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    // CloudWatch Logs of this region may use the key, or the session log group could not be encrypted with it.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
        })]),
      },
    });
  });

  test('uses the key, session log retention and cluster name the caller provides', () => {
    let key: kms.Key | undefined;
    const { stack, cluster, template } = synth(
      { allowExecuteCommand: true, executeCommandLogRetention: logs.RetentionDays.ONE_WEEK, clusterName: 'payments' },
      (s) => ({ executeCommandKey: key = new kms.Key(s, 'MyKey', { enableKeyRotation: true }) }),
    );
    expect(cluster.executeCommandKey).toBe(key);
    template.resourceCountIs('AWS::KMS::Key', 1);
    const keyArn = { 'Fn::GetAtt': [logicalId(stack, key!), 'Arn'] };
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7, KmsKeyId: keyArn });
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'payments',
      Configuration: { ExecuteCommandConfiguration: Match.objectLike({ KmsKeyId: keyArn }) },
    });
  });
});

describe('HardenedCluster Container Insights options', () => {
  test('standard Container Insights on request', () => {
    synth({ useStandardContainerInsights: true }).template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  test('turning it off is an exemption recorded in the template, whatever the insights level asked for', () => {
    const reason = 'Sandbox cluster, metrics cost not approved (FIN-12)';
    const { template } = synth({ disableContainerInsights: { reason }, useStandardContainerInsights: true });
    template.hasResource('AWS::ECS::Cluster', {
      Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }] },
      Metadata: { [EXEMPTIONS_METADATA_KEY]: [{ option: 'disableContainerInsights', rule: 'CL-01', reason }] },
    });
  });

  test('an exemption without a real reason is rejected with the construct path', () => {
    expect(() => synth({ disableContainerInsights: { reason: 'no' } })).toThrow(/ClusterStack\/Cluster.*disableContainerInsights.*reason/);
  });
});
