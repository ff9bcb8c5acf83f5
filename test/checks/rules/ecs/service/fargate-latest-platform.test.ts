import * as ecs from 'aws-cdk-lib/aws-ecs';
import { albFargateService, fargateService, serviceTemplate, taskSetTemplate } from './fixtures';
import { fargateLatestPlatform } from '../../../../../lib/checks/rules/ecs/service/fargate-latest-platform';
import { describeRule } from '../../harness';

const LINUX_TASK = { Type: 'AWS::ECS::TaskDefinition', Properties: { RequiresCompatibilities: ['FARGATE'], RuntimePlatform: { OperatingSystemFamily: 'LINUX' } } };
const WINDOWS_TASK = {
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['FARGATE'], RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } },
};
const CLUSTER = { Type: 'AWS::ECS::Cluster', Properties: {} };

function fargate(extra: object, task: object = LINUX_TASK): object {
  return serviceTemplate({ LaunchType: 'FARGATE', TaskDefinition: { Ref: 'Task' }, ...extra }, { Task: task });
}

function viaClusterDefault(strategy: object[], version: string): object {
  return serviceTemplate(
    { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' }, PlatformVersion: version },
    {
      Task: LINUX_TASK,
      Cluster: CLUSTER,
      Providers: {
        Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
        Properties: { Cluster: { Ref: 'Cluster' }, CapacityProviders: ['FARGATE', 'FARGATE_SPOT'], DefaultCapacityProviderStrategy: strategy },
      },
    },
  );
}

describeRule(fargateLatestPlatform, {
  passing: [
    { name: 'PlatformVersion absent means LATEST', template: fargate({}) },
    { name: 'LATEST', template: fargate({ PlatformVersion: 'LATEST' }) },
    { name: '1.4.0 on Linux', template: fargate({ PlatformVersion: '1.4.0' }) },
    { name: '1.0.0 on Windows (its latest)', template: fargate({ PlatformVersion: '1.0.0' }, WINDOWS_TASK) },
    { name: 'Fn::Join over literals', template: fargate({ PlatformVersion: { 'Fn::Join': ['.', ['1', '4', '0']] } }) },
    { name: "'v1.4.0' with a v prefix and spaces", template: fargate({ PlatformVersion: ' v1.4.0 ' }) },
    { name: 'a newer minor version 1.10.0 (compared as numbers, not text)', template: fargate({ PlatformVersion: '1.10.0' }) },
    { name: 'a future major version 10.0.0', template: fargate({ PlatformVersion: '10.0.0' }) },
    {
      name: '1.4.0 with a task definition from another stack (OS unknown): latest on Linux is enough',
      template: serviceTemplate({ LaunchType: 'FARGATE', PlatformVersion: '1.4.0', TaskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/app:3' }),
    },
    {
      name: 'LATEST on an imported cluster without a LaunchType (launch type unknown)',
      template: serviceTemplate({ Cluster: { 'Fn::ImportValue': 'SharedCluster' }, PlatformVersion: 'LATEST' }),
    },
    { name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService', cdk: (stack) => albFargateService(stack) },
    { name: 'cdk: FargateService platformVersion VERSION1_4', cdk: (stack) => fargateService(stack, { platformVersion: ecs.FargatePlatformVersion.VERSION1_4 }) },
  ],
  failing: [
    {
      name: 'peer bug #1: CapacityProviderStrategy FARGATE, no LaunchType, PlatformVersion 1.3.0',
      template: serviceTemplate({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }], PlatformVersion: '1.3.0' }),
    },
    {
      name: 'FARGATE_SPOT next to an EC2 provider (strictest applies)',
      template: serviceTemplate({
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }, { CapacityProvider: 'my-asg-provider', Weight: 1 }],
        PlatformVersion: '1.3.0',
      }),
    },
    { name: 'cluster default strategy from ClusterCapacityProviderAssociations', template: viaClusterDefault([{ CapacityProvider: 'FARGATE', Weight: 1 }], '1.2.0') },
    {
      name: 'cluster default strategy on the cluster itself',
      template: serviceTemplate(
        { Cluster: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, PlatformVersion: '1.3.0' },
        { Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }] } } },
      ),
    },
    { name: 'Linux task on 1.0.0', template: fargate({ PlatformVersion: '1.0.0' }) },
    { name: "the CDK enum name 'VERSION1_4' is not a platform version", template: fargate({ PlatformVersion: 'VERSION1_4' }) },
    { name: "'1.4.x' is not a platform version", template: fargate({ PlatformVersion: '1.4.x' }) },
    { name: "a major version alone ('1') is older than 1.4.0", template: fargate({ PlatformVersion: '1' }) },
    {
      name: '1.3.0 on an imported cluster without a LaunchType: a pinned version implies Fargate',
      template: serviceTemplate({ Cluster: { 'Fn::ImportValue': 'SharedCluster' }, PlatformVersion: '1.3.0' }),
    },
    { name: 'task set on Fargate with 1.3.0', template: taskSetTemplate({ LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) },
    {
      name: 'a parameter whose allowed values include an old version',
      template: withParameter(fargate({ PlatformVersion: { Ref: 'Version' } }), 'Version', { Type: 'String', AllowedValues: ['LATEST', '1.3.0'] }),
    },
    {
      name: 'cdk: FargateService on FARGATE_SPOT capacity with VERSION1_3',
      cdk: (stack) => {
        const service = fargateService(stack, {
          platformVersion: ecs.FargatePlatformVersion.VERSION1_3,
          capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        });
        (service.cluster as ecs.Cluster).enableFargateCapacityProviders();
      },
    },
  ],
  unresolvable: [
    { name: 'PlatformVersion imported', template: fargate({ PlatformVersion: { 'Fn::ImportValue': 'PlatformVersion' } }) },
    { name: 'PlatformVersion from Fn::Sub over a parameter without a default', template: fargate({ PlatformVersion: { 'Fn::Sub': '${NoDefault}' } }) },
    { name: 'PlatformVersion from a custom resource', template: fargate({ PlatformVersion: { 'Fn::GetAtt': ['Settings', 'Version'] } }) },
    {
      name: '1.0.0 with a task definition from another stack (OS unknown)',
      template: serviceTemplate({ LaunchType: 'FARGATE', PlatformVersion: '1.0.0', TaskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/app:3' }),
    },
  ],
  notApplicable: [
    { name: 'EC2 launch type', template: serviceTemplate({ LaunchType: 'EC2' }) },
    {
      name: 'strategy on an in-template Auto Scaling group provider',
      template: serviceTemplate(
        { CapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Provider' }, Weight: 1 }] },
        { Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'asg' } } } },
      ),
    },
    { name: 'no launch type and a cluster without a default strategy: EC2', template: serviceTemplate({ Cluster: { Ref: 'Cluster' } }, { Cluster: CLUSTER }) },
  ],
});

function withParameter(template: object, name: string, parameter: object): object {
  const t = template as { Parameters?: object };
  return { ...t, Parameters: { ...t.Parameters, [name]: parameter } };
}
