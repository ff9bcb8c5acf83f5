import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import { managedStorageCmk } from '../../../../../lib/checks/rules/ecs/cluster/managed-storage-cmk';
import { describeRule } from '../../harness';

function cluster(configuration: unknown): object {
  return {
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: configuration === undefined ? {} : { Configuration: configuration } },
    },
  };
}

describeRule(managedStorageCmk, {
  passing: [
    { name: 'Fargate ephemeral storage key by GetAtt', template: cluster({ ManagedStorageConfiguration: { FargateEphemeralStorageKmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } }) },
    { name: 'EBS key by Ref', template: cluster({ ManagedStorageConfiguration: { KmsKeyId: { Ref: 'Key' } } }) },
    {
      name: 'key ARN built with Fn::Sub and Fn::Join, or imported',
      template: cluster({
        ManagedStorageConfiguration: {
          FargateEphemeralStorageKmsKeyId: { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234' },
          KmsKeyId: { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'KeyArn' }]] },
        },
      }),
    },
    {
      name: 'cdk: ecs.Cluster managedStorageConfiguration',
      cdk: (stack) => new ecs.Cluster(stack, 'Cluster', {
        vpc: new ec2.Vpc(stack, 'Vpc'),
        managedStorageConfiguration: { fargateEphemeralStorageKmsKey: new kms.Key(stack, 'Key') },
      }),
    },
  ],
  failing: [
    { name: 'no Configuration', template: cluster(undefined) },
    { name: 'exec configuration only', template: cluster({ ExecuteCommandConfiguration: { Logging: 'DEFAULT' } }) },
    { name: 'cdk: ecs.Cluster defaults', cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') }) },
  ],
  unresolvable: [
    { name: 'Configuration imported', template: cluster({ 'Fn::ImportValue': 'ClusterConfiguration' }) },
    { name: 'ManagedStorageConfiguration imported', template: cluster({ ManagedStorageConfiguration: { 'Fn::ImportValue': 'Storage' } }) },
  ],
});
