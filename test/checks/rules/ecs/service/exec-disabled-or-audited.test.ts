import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { albFargateService, fargateService, serviceTemplate } from './fixtures';
import { execDisabledOrAudited } from '../../../../../lib/checks/rules/ecs/service/exec-disabled-or-audited';
import { describeRule } from '../../harness';

const AUDITED = {
  KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] },
  Logging: 'OVERRIDE',
  LogConfiguration: { CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: true },
};

function withCluster(service: object, exec: object | undefined, clusterName?: string): object {
  return serviceTemplate(service, {
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Cluster: {
      Type: 'AWS::ECS::Cluster',
      Properties: { ...(clusterName ? { ClusterName: clusterName } : {}), ...(exec ? { Configuration: { ExecuteCommandConfiguration: exec } } : {}) },
    },
  });
}

describeRule(execDisabledOrAudited, {
  passing: [
    { name: 'ECS Exec absent (default false)', template: withCluster({ Cluster: { Ref: 'Cluster' } }, undefined) },
    {
      name: 'ECS Exec on, cluster by Ref audits sessions',
      template: withCluster({ Cluster: { Ref: 'Cluster' }, EnableExecuteCommand: true }, AUDITED),
    },
    { name: 'ECS Exec "true" string, cluster by GetAtt Arn', template: withCluster({ Cluster: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, EnableExecuteCommand: 'true' }, AUDITED) },
    { name: 'cluster found by its literal ClusterName', template: withCluster({ Cluster: 'prod', EnableExecuteCommand: true }, AUDITED, 'prod') },
    { name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService (Exec off)', cdk: (stack) => albFargateService(stack) },
    {
      name: 'cdk: FargateService with ECS Exec in a cluster with an audited exec configuration',
      cdk: (stack) => {
        const kmsKey = new kms.Key(stack, 'Key');
        const logGroup = new logs.LogGroup(stack, 'ExecLogs', { encryptionKey: kmsKey });
        fargateService(stack, { enableExecuteCommand: true }, {
          executeCommandConfiguration: {
            kmsKey,
            logging: ecs.ExecuteCommandLogging.OVERRIDE,
            logConfiguration: { cloudWatchLogGroup: logGroup, cloudWatchEncryptionEnabled: true },
          },
        });
      },
    },
  ],
  failing: [
    { name: 'ECS Exec on, cluster has no exec configuration', template: withCluster({ Cluster: { Ref: 'Cluster' }, EnableExecuteCommand: true }, undefined) },
    { name: 'ECS Exec on, Logging NONE', template: withCluster({ Cluster: { Ref: 'Cluster' }, EnableExecuteCommand: true }, { ...AUDITED, Logging: 'NONE' }) },
    {
      name: 'ECS Exec on, cluster ARN built with Fn::Join around a Ref, no key',
      template: withCluster(
        { Cluster: { 'Fn::Join': ['', ['arn:aws:ecs:eu-west-1:111111111111:cluster/', { Ref: 'Cluster' }]] }, EnableExecuteCommand: true },
        { Logging: 'OVERRIDE', LogConfiguration: AUDITED.LogConfiguration },
      ),
    },
    { name: 'cdk: FargateService enableExecuteCommand in a default cluster', cdk: (stack) => fargateService(stack, { enableExecuteCommand: true }) },
  ],
  unresolvable: [
    { name: 'cluster imported', template: serviceTemplate({ Cluster: { 'Fn::ImportValue': 'ClusterName' }, EnableExecuteCommand: true }) },
    { name: 'default cluster (no Cluster property)', template: serviceTemplate({ EnableExecuteCommand: true }) },
    { name: 'EnableExecuteCommand from a parameter without a default', template: serviceTemplate({ EnableExecuteCommand: { Ref: 'NoDefault' } }) },
    { name: 'cluster name from Fn::Sub over a parameter without a default', template: serviceTemplate({ Cluster: { 'Fn::Sub': '${NoDefault}' }, EnableExecuteCommand: true }) },
  ],
});
