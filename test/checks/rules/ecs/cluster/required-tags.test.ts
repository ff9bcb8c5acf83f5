import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { requiredTags } from '../../../../../lib/checks/rules/ecs/cluster/required-tags';
import { describeRule } from '../../harness';

const options = { requiredTags: ['owner', 'cost-center'] };

function cluster(tags: unknown): object {
  return {
    Parameters: { Team: { Type: 'String', Default: 'payments' }, KeyName: { Type: 'String' } },
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: tags === undefined ? {} : { Tags: tags } },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    },
  };
}

describeRule(requiredTags, {
  passing: [
    {
      name: 'both keys, values from intrinsics',
      options,
      template: cluster([
        { Key: 'owner', Value: { Ref: 'Team' } },
        { Key: 'cost-center', Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
      ]),
    },
    {
      name: 'cdk: Tags.of(stack) on a cluster and a task definition',
      options,
      cdk: (stack) => {
        new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
        new ecs.FargateTaskDefinition(stack, 'Task').addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
        Tags.of(stack).add('owner', 'team-a');
        Tags.of(stack).add('cost-center', '42');
      },
    },
  ],
  failing: [
    { name: 'one key missing', options, key: 'Tag::cost-center', template: cluster([{ Key: 'owner', Value: 'a' }]) },
    { name: 'no tags', options, template: cluster(undefined) },
    { name: 'key with the wrong case (tag keys are case-sensitive)', options, key: 'Tag::owner', template: cluster([{ Key: 'Owner', Value: 'a' }, { Key: 'cost-center', Value: '1' }]) },
  ],
  unresolvable: [
    {
      name: 'a tag key from a parameter without a default',
      options,
      key: 'Tag::cost-center',
      template: cluster([{ Key: 'owner', Value: 'a' }, { Key: { 'Fn::Sub': '${KeyName}' }, Value: { 'Fn::Join': ['-', ['x', 'y']] } }]),
    },
    { name: 'tags imported', options, template: cluster({ 'Fn::ImportValue': 'StandardTags' }) },
  ],
  notApplicable: [
    { name: 'no required tags configured', template: cluster(undefined) },
  ],
});
