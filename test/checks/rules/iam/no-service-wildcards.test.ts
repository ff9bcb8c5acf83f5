import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noServiceWildcards } from '../../../../lib/checks/rules/iam/no-service-wildcards';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

describeRule(noServiceWildcards, {
  passing: [
    { name: 'named actions and verb wildcards', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: [subArn('s3', 'b'), joinArn('s3', 'b/*')] }] }), logicalId: 'TaskRolePolicy' },
    { name: 'Deny s3:* is fine', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }), logicalId: 'TaskRolePolicy' },
    {
      name: 'cdk: named actions',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
      },
    },
  ],
  failing: [
    { name: 'peer bug #22: ecr-public:*', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'ecr-public:*', Resource: subArn('ecr-public', 'repository/x') }] }), key: 'Statement::0' },
    { name: 's3:* on a Fn::Join ARN', template: ecsIamTemplate({ taskStatements: [{ Sid: 'S3', Effect: 'Allow', Action: ['s3:GetObject', 'S3:*'], Resource: joinArn('s3', 'b') }] }), key: 'Statement::S3' },
    {
      name: 'cdk: dynamodb:*',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/t'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'Action from Fn::ImportValue', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'Actions' }, Resource: subArn('s3', 'b') }] }), key: 'Statement::0' },
  ],
});
