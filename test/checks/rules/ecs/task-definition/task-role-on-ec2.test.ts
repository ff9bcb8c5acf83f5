import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, container, template } from './fixtures';
import { taskRoleOnEc2 } from '../../../../../lib/checks/rules/ecs/task-definition/task-role-on-ec2';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(taskRoleOnEc2, {
  passing: [
    { name: 'EC2 with an in-template task role', template: template([container('web')], { ...EC2_TASK, TaskRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] } }, {}, { Role: { Type: 'AWS::IAM::Role' } }) },
    { name: 'EXTERNAL with an imported task role', template: template([container('web')], { RequiresCompatibilities: ['EXTERNAL'], TaskRoleArn: { 'Fn::ImportValue': 'role' } }) },
    { name: 'EC2 with a Sub-built role ARN', template: template([container('web')], { ...EC2_TASK, TaskRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app' } }) },
    { name: 'Fargate without a task role', template: template([container('web')]) },
    { name: 'cdk: Ec2TaskDefinition (CDK creates a task role)', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  failing: [
    { name: 'EC2 without a task role', template: template([container('web')], EC2_TASK) },
    { name: 'no RequiresCompatibilities (EC2) without a task role', template: template([container('web')], { RequiresCompatibilities: undefined, NetworkMode: undefined }) },
    { name: 'EC2 + FARGATE without a task role', template: template([container('web')], { RequiresCompatibilities: ['EC2', 'FARGATE'] }) },
    { name: 'task role removed by Fn::If on a condition', template: { ...template([container('web')], { ...EC2_TASK, TaskRoleArn: { 'Fn::If': ['HasRole', { Ref: 'Role' }, { Ref: 'AWS::NoValue' }] } }, {}, { Role: { Type: 'AWS::IAM::Role' } }), Conditions: { HasRole: { 'Fn::Equals': [{ 'Fn::Join': ['', ['a']] }, 'a'] } } } },
  ],
  unresolvable: [
    { name: 'compatibilities from a parameter without default', template: template([container('web')], { RequiresCompatibilities: { Ref: 'Compat' } }, { Compat: { Type: 'CommaDelimitedList' } }) },
    { name: 'a compatibility from a resource attribute', template: template([container('web')], { RequiresCompatibilities: [{ 'Fn::GetAtt': ['Cfg', 'LaunchType'] }] }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
  ],
});
