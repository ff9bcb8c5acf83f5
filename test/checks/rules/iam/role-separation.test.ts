import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { roleSeparation } from '../../../../lib/checks/rules/iam/role-separation';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

describeRule(roleSeparation, {
  passing: [
    {
      name: 'application grants on the task role, agent grants on the execution role',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: subArn('s3', 'b/*') }],
        executionStatements: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } }, { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: joinArn('logs', 'log-group:app:*') }],
      }),
    },
    {
      name: 'ECS Exec session logs: task role writes the exec log group, not the container group',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': ['ExecLogs', 'Arn'] } }],
        extraResources: { ExecLogs: { Type: 'AWS::Logs::LogGroup' }, AppLogs: { Type: 'AWS::Logs::LogGroup' } },
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: grants on the task role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:111111111111:q'] }));
      },
    },
  ],
  failing: [
    { name: 'task role can pull images', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'ecr:*', Resource: subArn('ecr', 'repository/app') }] }), key: 'Statement::0' },
    {
      name: 'task role writes the container awslogs group',
      template: (() => {
        const t: any = ecsIamTemplate({
          taskStatements: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: { 'Fn::GetAtt': ['AppLogs', 'Arn'] } }],
          extraResources: { AppLogs: { Type: 'AWS::Logs::LogGroup' } },
        });
        t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].LogConfiguration = { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: 'AppLogs' } } };
        return t;
      })(),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    { name: 'execution role reads application data', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: joinArn('dynamodb', 'table/t') }] }), logicalId: 'ExecRolePolicy' },
    {
      name: 'cdk: application grant on obtainExecutionRole()',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.obtainExecutionRole().addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] }));
      },
    },
  ],
  unresolvable: [{ name: 'imported action on the execution role', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: subArn('s3', 'b') }] }), key: 'Statement::0' }],
});
