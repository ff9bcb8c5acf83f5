import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noAdmin } from '../../../../lib/checks/rules/iam/no-admin';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

const read = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: subArn('s3', 'bucket/*') };

describeRule(noAdmin, {
  passing: [
    { name: 'scoped statements with Fn::Sub and Fn::Join ARNs', template: ecsIamTemplate({ taskStatements: [read, { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: joinArn('sqs', 'q') }] }), logicalId: 'TaskRolePolicy' },
    { name: 'Deny * on * is a guardrail', template: ecsIamTemplate({ taskStatements: [read, { Effect: 'Deny', Action: '*', Resource: '*' }] }), logicalId: 'TaskRolePolicy' },
    {
      name: 'cdk: grant on a task role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:111111111111:q'] }));
      },
    },
  ],
  failing: [
    { name: 'peer bug #19: admin statement second', template: ecsIamTemplate({ taskStatements: [read, { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] }), key: 'Statement::Admin' },
    { name: 'peer bug #21: *:* on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: '*:*', Resource: '*' }] }), key: 'Statement::0' },
    { name: 'peer bug #24: * with NotResource', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: '*', NotResource: subArn('s3', 'x') }] }), key: 'Statement::0' },
    { name: 'peer bug #25: Effect-first key order, arn:${AWS::Partition}:* resource', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: ['*'], Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:*' } }] }), key: 'Statement::0' },
    { name: 'peer bug #20: statement without Effect is invalid', template: ecsIamTemplate({ taskStatements: [{ Action: 's3:GetObject', Resource: '*' }] }), key: 'Statement::0' },
    {
      name: 'inline Policies on the execution role, keyed with the policy name',
      template: ecsIamTemplate({ executionRoleProperties: { Policies: [{ PolicyName: 'legacy', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } }),
      logicalId: 'ExecRole',
      key: 'Statement::legacy/0',
    },
    {
      name: 'AdministratorAccess managed policy via Fn::Join',
      template: ecsIamTemplate({ taskRoleProperties: { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] }] } }),
      logicalId: 'TaskRole',
      key: 'ManagedPolicy::AdministratorAccess',
    },
    {
      name: 'cdk: addToTaskRolePolicy with * on *',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'Action from Fn::ImportValue on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'Actions' }, Resource: '*' }] }), key: 'Statement::0' },
    {
      name: 'Effect from a parameter without default',
      template: ecsIamTemplate({ parameters: { Effect: { Type: 'String' } }, taskStatements: [{ Effect: { Ref: 'Effect' }, Action: '*', Resource: '*' }] }),
      key: 'Statement::0',
    },
  ],
  notApplicable: [
    {
      name: 'a policy attached to a role no task definition uses',
      template: ecsIamTemplate({
        extraResources: {
          Other: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
          OtherPolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'o', Roles: [{ Ref: 'Other' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } },
        },
      }),
      logicalId: 'OtherPolicy',
    },
  ],
});
