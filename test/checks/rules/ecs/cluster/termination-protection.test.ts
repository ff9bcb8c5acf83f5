import { Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { terminationProtection } from '../../../../../lib/checks/rules/ecs/cluster/termination-protection';
import { describeRule } from '../../harness';

function provider(asgProvider: unknown): object {
  return {
    Parameters: { Protection: { Type: 'String', Default: 'ENABLED' }, Scaling: { Type: 'String' } },
    Resources: {
      Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '0', MaxSize: '2' } },
      Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: asgProvider === undefined ? {} : { AutoScalingGroupProvider: asgProvider } },
    },
  };
}

const GROUP = { Ref: 'Group' };

function asgCapacityProvider(stack: Stack, options: Partial<ecs.AsgCapacityProviderProps> = {}): void {
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const autoScalingGroup = new autoscaling.AutoScalingGroup(stack, 'Asg', {
    vpc,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    newInstancesProtectedFromScaleIn: options.enableManagedTerminationProtection !== false,
  });
  new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup, ...options });
}

describeRule(terminationProtection, {
  passing: [
    { name: 'both enabled', template: provider({ AutoScalingGroupArn: GROUP, ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: 'ENABLED' } }) },
    {
      name: 'protection from a Ref default, scaling by Fn::Join',
      template: provider({
        AutoScalingGroupArn: { 'Fn::GetAtt': ['Group', 'AutoScalingGroupName'] },
        ManagedTerminationProtection: { Ref: 'Protection' },
        ManagedScaling: { Status: { 'Fn::Join': ['', ['ENAB', 'LED']] } },
      }),
    },
    { name: 'cdk: ecs.AsgCapacityProvider defaults', cdk: (stack) => asgCapacityProvider(stack) },
  ],
  failing: [
    { name: 'absent protection means DISABLED', template: provider({ AutoScalingGroupArn: GROUP, ManagedScaling: { Status: 'ENABLED' } }) },
    { name: 'DISABLED', template: provider({ AutoScalingGroupArn: GROUP, ManagedTerminationProtection: 'DISABLED' }) },
    { name: 'protection without managed scaling', template: provider({ AutoScalingGroupArn: GROUP, ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: 'DISABLED' } }) },
    { name: 'cdk: enableManagedTerminationProtection false', cdk: (stack) => asgCapacityProvider(stack, { enableManagedTerminationProtection: false }) },
  ],
  unresolvable: [
    { name: 'protection imported', template: provider({ AutoScalingGroupArn: GROUP, ManagedTerminationProtection: { 'Fn::ImportValue': 'Protection' } }) },
    {
      name: 'scaling status from a parameter without default',
      template: provider({ AutoScalingGroupArn: GROUP, ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: { 'Fn::Sub': '${Scaling}' } } }),
    },
  ],
  notApplicable: [
    { name: 'Managed Instances capacity provider has no Auto Scaling group', template: provider(undefined) },
  ],
});
