import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noAdminManagedOnEcsRoles } from '../../../../lib/checks/rules/iam/no-admin-managed-on-ecs-roles';
import { describeRule } from '../harness';
import { ecsIamTemplate } from './iam-fixtures';

const managed = (...arns: unknown[]) => ecsIamTemplate({ taskRoleProperties: { ManagedPolicyArns: arns } });

describeRule(noAdminManagedOnEcsRoles, {
  passing: [
    { name: 'a read-only managed policy (Fn::Sub) and a template ManagedPolicy (Ref)', template: managed({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess' }, { Ref: 'TaskRole' }), logicalId: 'TaskRole' },
    { name: 'cdk: default task role', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') }) },
  ],
  failing: [
    { name: 'AdministratorAccess via Fn::Join', template: managed({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] }), key: 'ManagedPolicy::AdministratorAccess' },
    { name: 'AmazonS3FullAccess literal', template: managed('arn:aws:iam::aws:policy/AmazonS3FullAccess'), key: 'ManagedPolicy::AmazonS3FullAccess' },
    {
      name: 'cdk: PowerUserAccess on the task role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.taskRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess'));
      },
    },
  ],
  unresolvable: [{ name: 'imported ARN', template: managed({ 'Fn::ImportValue': 'PolicyArn' }), key: 'ManagedPolicy::<ImportValue:PolicyArn>' }],
  notApplicable: [{ name: 'role not used by ECS', template: { Resources: { R: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } } } } }],
});
