import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { taskRoleResourcesScoped } from '../../../../lib/checks/rules/iam/task-role-resources-scoped';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, lambdaRoleWithPolicy, subArn } from './iam-fixtures';

const onTask = (statements: object[]) => ({ template: ecsIamTemplate({ taskStatements: statements }), logicalId: 'TaskRolePolicy' });

describeRule(taskRoleResourcesScoped, {
  passing: [
    {
      name: 'named ARNs from Ref, Fn::GetAtt, Fn::Join and Fn::Sub',
      ...onTask([
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] }, { Ref: 'Queue' }] },
        { Sid: 'Table', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: subArn('dynamodb', 'table/orders') },
        { Sid: 'Imported', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::Sub': ['arn:aws:sqs:eu-west-1:111111111111:${Name}', { Name: { 'Fn::ImportValue': 'QueueName' } }] } },
      ]),
    },
    {
      name: 'literal bucket and queue ARNs',
      ...onTask([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::orders/*', 'arn:aws:sqs:eu-west-1:111111111111:orders'] }]),
    },
    { name: 'cfn-signal on the stack itself (Ref AWS::StackId)', ...onTask([{ Effect: 'Allow', Action: 'cloudformation:SignalResource', Resource: { Ref: 'AWS::StackId' } }]) },
    { name: 'actions IAM authorises only on * (X-Ray, metrics)', ...onTask([{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'cloudwatch:PutMetricData'], Resource: '*' }]) },
    { name: 'Deny on * is a guardrail, not a grant', ...onTask([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]) },
    {
      name: "cdk: bucket.grantRead(taskRole) (aws-cdk-lib's scoped verb wildcards)",
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        new s3.Bucket(stack, 'Bucket').grantRead(td.taskRole);
      },
    },
  ],
  failing: [
    { name: 'Resource * for a resource-level action', ...onTask([{ Sid: 'All', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]), key: 'Statement::All' },
    { name: 'arn:aws:* is every resource', ...onTask([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:*:*:*:*' }]), key: 'Statement::0' },
    { name: 'NotResource reaches every other resource', ...onTask([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: joinArn('s3', 'private/*') }]), key: 'Statement::0' },
    { name: 'Resource * next to a named ARN in the same statement', ...onTask([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [subArn('sqs', 'orders'), '*'] }]), key: 'Statement::0' },
    { name: 'NotAction on Resource *', ...onTask([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]), key: 'Statement::0' },
    { name: 'several resource-level actions on *', ...onTask([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]), key: 'Statement::0' },
    { name: 'one scoped action mixed with an only-on-* action', ...onTask([{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 's3:ListBucket'], Resource: '*' }]) },
    {
      name: 'cdk: addToTaskRolePolicy with resources ["*"]',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ sid: 'Everything', actions: ['dynamodb:Query'], resources: ['*'] }));
      },
      key: 'Statement::Everything',
    },
  ],
  unresolvable: [
    { name: 'a resource ARN imported from another stack (it could be *)', ...onTask([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::ImportValue': 'QueueArn' } }]), key: 'Statement::0' },
    {
      name: 'two resources imported from another stack',
      ...onTask([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [{ 'Fn::ImportValue': 'QueueArn' }, { 'Fn::ImportValue': 'DeadLetterQueueArn' }] }]),
      key: 'Statement::0',
    },
    {
      name: 'an imported bucket ARN with a /* suffix (Fn::Join): no ARN skeleton, it could be *',
      ...onTask([{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'BucketArn' }, '/*']] } }]),
      key: 'Statement::0',
    },
    {
      name: 'a bucket ARN from a Fn::GetAtt of another template resource is determined, an imported one is not',
      ...onTask([{ Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] }, { 'Fn::ImportValue': 'OtherBucketArn' }] }]),
      key: 'Statement::0',
    },
    {
      name: 'two action lists imported from another stack on *',
      ...onTask([{ Effect: 'Allow', Action: [{ 'Fn::ImportValue': 'ReadActions' }, { 'Fn::ImportValue': 'WriteActions' }], Resource: '*' }]),
      key: 'Statement::0',
    },
    { name: 'actions imported from another stack on *', ...onTask([{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'SharedActions' }, Resource: '*' }]), key: 'Statement::0' },
    { name: 'Effect from a parameter without default', template: ecsIamTemplate({ parameters: { Effect: { Type: 'String' } }, taskStatements: [{ Effect: { Ref: 'Effect' }, Action: 's3:GetObject', Resource: '*' }] }), logicalId: 'TaskRolePolicy', key: 'Statement::0' },
  ],
  notApplicable: [
    {
      name: 'policy of a role no task definition uses',
      template: ecsIamTemplate({ extraResources: lambdaRoleWithPolicy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]) }),
      logicalId: 'LambdaRolePolicy',
    },
    { name: 'execution role only (IAM-13 judges it)', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }] }), logicalId: 'ExecRolePolicy' },
  ],
});
