import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { EXEMPTIONS_METADATA_KEY } from '../../lib/audit/exemption';
import { HardenedCluster, HardenedClusterProps } from '../../lib/cluster/hardened-cluster';

function synth(props: Omit<HardenedClusterProps, 'vpc'> = {}): Template {
  const stack = new Stack(new App(), 'ClusterStack');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  new HardenedCluster(stack, 'Cluster', { vpc, ...props });
  return Template.fromStack(stack);
}

describe('HardenedCluster defaults', () => {
  const template = synth();

  test('turns Container Insights on with enhanced observability', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  test('has no execute-command configuration when ECS Exec is not allowed', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', { Configuration: Match.absent() });
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
  });
});

describe('HardenedCluster with ECS Exec allowed', () => {
  const template = synth({ allowExecuteCommand: true });
  const keyId = () => Object.keys(template.findResources('AWS::KMS::Key'))[0];
  const logGroupId = () => Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];

  test('encrypts sessions with a rotating CMK and logs them to an encrypted log group', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', {
      Configuration: {
        ExecuteCommandConfiguration: {
          KmsKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
          Logging: 'OVERRIDE',
          LogConfiguration: { CloudWatchEncryptionEnabled: true, CloudWatchLogGroupName: { Ref: logGroupId() } },
        },
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] } });
  });

  test('keeps Container Insights enhanced alongside the exec configuration', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  test('lets CloudWatch Logs of this region use the key', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
        })]),
      },
    });
  });

  test('uses a key the caller provides', () => {
    const stack = new Stack(new App(), 'OwnKey');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
    const key = new kms.Key(stack, 'MyKey', { enableKeyRotation: true });
    const cluster = new HardenedCluster(stack, 'Cluster', { vpc, allowExecuteCommand: true, executeCommandKey: key });
    expect(cluster.executeCommandKey).toBe(key);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
  });
});

describe('HardenedCluster Container Insights options', () => {
  test('standard Container Insights on request', () => {
    synth({ useStandardContainerInsights: true }).hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  test('turning it off is an exemption recorded in the template', () => {
    const template = synth({ disableContainerInsights: { reason: 'Sandbox cluster, metrics cost not approved (FIN-12)' } });
    template.hasResource('AWS::ECS::Cluster', {
      Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }] },
      Metadata: {
        [EXEMPTIONS_METADATA_KEY]: [{
          option: 'disableContainerInsights', rule: 'CL-01', reason: 'Sandbox cluster, metrics cost not approved (FIN-12)',
        }],
      },
    });
  });

  test('an exemption without a real reason is rejected with the construct path', () => {
    expect(() => synth({ disableContainerInsights: { reason: 'no' } })).toThrow(/ClusterStack\/Cluster.*disableContainerInsights.*reason/);
  });
});
