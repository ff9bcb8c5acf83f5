import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { passroleScoped } from '../../../../lib/checks/rules/iam/passrole-scoped';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

const passedTo = { StringLike: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } };

describeRule(passroleScoped, {
  passing: [
    {
      name: 'GetAtt, Fn::Join and Fn::Sub role ARNs with PassedToService',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: [{ 'Fn::GetAtt': ['ExecRole', 'Arn'] }, joinArn('iam', 'role/a'), subArn('iam', 'role/b')], Condition: passedTo }],
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'literal role ARN with PassedToService',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/app-exec', Condition: passedTo }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'Ref of a role of this template counts as naming that role',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { Ref: 'ExecRole' }, Condition: passedTo }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'a policy without any iam:PassRole grant',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-bucket/*' }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: the task definition pattern grant (explicit roles + PassedToService)',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [td.taskRole.roleArn], conditions: passedTo }));
      },
    },
  ],
  failing: [
    { name: 'PassRole on * with PassedToService (warning in the catalogue)', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: passedTo }] }), key: 'Statement::0' },
    { name: 'iam:Pass* on a named role without PassedToService', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:Pass*', Resource: subArn('iam', 'role/app') }] }), key: 'Statement::0' },
    { name: 'iam:* on role/*', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:*', Resource: joinArn('iam', 'role/*'), Condition: passedTo }] }), key: 'Statement::0' },
    {
      name: 'NotResource without PassedToService (two problems)',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', NotResource: subArn('iam', 'role/admin') }] }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'two wildcard role patterns (* and ?) via Fn::Join and Fn::Sub',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: [joinArn('iam', 'role/app-*'), subArn('iam', 'role/batch-?')], Condition: passedTo }],
      }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'cdk: PassRole on *',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'role ARN from Fn::ImportValue', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::ImportValue': 'RoleArn' }, Condition: passedTo }] }), key: 'Statement::0' },
    {
      name: 'action from Fn::ImportValue may be iam:PassRole',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'GrantedAction' }, Resource: { 'Fn::GetAtt': ['ExecRole', 'Arn'] }, Condition: passedTo }],
      }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
  ],
  notApplicable: [
    {
      name: 'PassRole on * in a role that no task definition uses',
      template: ecsIamTemplate({
        extraResources: {
          BatchRole: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
              Policies: [{ PolicyName: 'pass', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] } }],
            },
          },
        },
      }),
      logicalId: 'BatchRole',
    },
  ],
});
