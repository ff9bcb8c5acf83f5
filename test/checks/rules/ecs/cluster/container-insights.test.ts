import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { containerInsights } from '../../../../../lib/checks/rules/ecs/cluster/container-insights';
import { describeRule } from '../../harness';

function cluster(settings: unknown, extra: object = {}): object {
  return {
    Parameters: {
      InsightsLevel: { Type: 'String', Default: 'enhanced' },
      AnyLevel: { Type: 'String', AllowedValues: ['enabled', 'disabled'] },
      Unset: { Type: 'String' },
    },
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: settings === undefined ? {} : { ClusterSettings: settings } },
      ...extra,
    },
  };
}

describeRule(containerInsights, {
  passing: [
    { name: 'peer bug #2: enhanced passes (CT ECS.PR.2 fails it)', template: cluster([{ Name: 'containerInsights', Value: 'enhanced' }]) },
    { name: 'enabled', template: cluster([{ Name: 'containerInsights', Value: 'enabled' }]) },
    { name: 'Ref to a parameter whose default is enhanced', template: cluster([{ Name: 'containerInsights', Value: { Ref: 'InsightsLevel' } }]) },
    { name: 'Fn::Join over literals', template: cluster([{ Name: 'containerInsights', Value: { 'Fn::Join': ['', ['enh', 'anced']] } }]) },
    {
      name: 'the containerInsights entry after another setting, with an unresolvable name earlier',
      template: cluster([{ Name: { 'Fn::ImportValue': 'OtherSettingName' }, Value: 'x' }, { Name: 'containerInsights', Value: 'enabled' }]),
    },
    {
      name: 'cdk: ecs.Cluster with containerInsightsV2 ENHANCED',
      cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), containerInsightsV2: ecs.ContainerInsights.ENHANCED }),
    },
  ],
  failing: [
    { name: 'disabled', template: cluster([{ Name: 'containerInsights', Value: 'disabled' }]) },
    { name: 'absent setting: the account default is invisible', template: cluster(undefined) },
    { name: 'containerInsights without a Value', template: cluster([{ Name: 'containerInsights' }]) },
    { name: 'a setting with another name (misspelt) does not count', template: cluster([{ Name: 'containerInsight', Value: 'enabled' }]) },
    { name: 'a setting without a Name does not count', template: cluster([{ Value: 'enabled' }]) },
    { name: 'a parameter with an allowed value disabled (worst variant wins)', template: cluster([{ Name: 'containerInsights', Value: { Ref: 'AnyLevel' } }]) },
    { name: 'cdk: ecs.Cluster defaults render no setting', cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') }) },
    {
      name: 'cdk: containerInsightsV2 DISABLED',
      cdk: (stack) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), containerInsightsV2: ecs.ContainerInsights.DISABLED }),
    },
  ],
  unresolvable: [
    { name: 'Fn::ImportValue', template: cluster([{ Name: 'containerInsights', Value: { 'Fn::ImportValue': 'InsightsLevel' } }]) },
    { name: 'Fn::Sub over a parameter without a default', template: cluster([{ Name: 'containerInsights', Value: { 'Fn::Sub': '${Unset}' } }]) },
    {
      name: 'Fn::GetAtt of another resource',
      template: cluster([{ Name: 'containerInsights', Value: { 'Fn::GetAtt': ['Settings', 'Level'] } }], { Settings: { Type: 'Custom::Settings', Properties: {} } }),
    },
    { name: 'the whole settings list is imported', template: cluster({ 'Fn::ImportValue': 'ClusterSettings' }) },
    { name: 'the only setting entry is imported', template: cluster([{ 'Fn::ImportValue': 'InsightsSetting' }]) },
    {
      name: 'a setting named by a parameter without a default, next to an imported entry',
      template: cluster([{ Name: { Ref: 'Unset' }, Value: 'enabled' }, { 'Fn::ImportValue': 'InsightsSetting' }]),
    },
  ],
});
