import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { container, stringParameter, template } from './fixtures';
import { awslogsDestination } from '../../../../../lib/checks/rules/ecs/task-definition/awslogs-destination';
import { describeRule, outcomesOf } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');
const awslogs = (group: unknown, extra: Record<string, unknown> = {}) => ({ LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': group, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web', ...extra } } });
const NAMED_GROUP = { Named: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ecs/app', RetentionInDays: 365 } } };

describeRule(awslogsDestination, {
  passing: [
    { name: 'Ref to an in-template log group', template: template([container('web', awslogs({ Ref: 'LogGroup' }))]) },
    { name: 'literal name of an in-template log group', template: template([container('web', awslogs('/ecs/app'))], {}, {}, NAMED_GROUP) },
    { name: 'Fn::Sub naming the log group', template: template([container('web', awslogs({ 'Fn::Sub': '${LogGroup}' }))]) },
    { name: 'Fn::Join of literals naming an in-template group', template: template([container('web', awslogs({ 'Fn::Join': ['/', ['', 'ecs', 'app']] }))], {}, {}, NAMED_GROUP) },
    { name: 'cdk: awsLogs with its own log group', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', logGroup: new logs.LogGroup(stack, 'Logs') }) }) },
  ],
  failing: [
    { name: 'awslogs without awslogs-group', template: template([container('web', { LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-region': 'eu-west-1' } } })]), key: 'Container::web' },
    { name: 'external group with awslogs-create-group "true"', template: template([container('web', awslogs('/ecs/elsewhere', { 'awslogs-create-group': 'true' }))]), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'an imported log group', template: template([container('web', awslogs({ 'Fn::ImportValue': 'shared-log-group' }))]), key: 'Container::web' },
    { name: 'a literal name this template does not create', template: template([container('web', awslogs('/ecs/elsewhere'))]), key: 'Container::web' },
    { name: 'a parameter without default', template: template([container('web', awslogs({ Ref: 'GroupName' }))], {}, { GroupName: stringParameter() }), key: 'Container::web' },
    { name: 'an attribute of a non-log-group resource', template: template([container('web', awslogs({ 'Fn::GetAtt': ['Cfg', 'Group'] }))], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [
    { name: 'awsfirelens driver', template: template([container('web', { LogConfiguration: { LogDriver: 'awsfirelens' } })]) },
    { name: 'no logging at all', template: template([container('web', { LogConfiguration: undefined })]) },
  ],
});

test('TD-11 warns when awslogs-create-group is set on an in-template group', () => {
  const [outcome] = outcomesOf(awslogsDestination, { name: 'create', template: template([container('web', awslogs({ Ref: 'LogGroup' }, { 'awslogs-create-group': 'true' }))]) });
  expect(outcome.status).toBe('pass');
  expect(outcome.message).toMatch(/Warning: awslogs-create-group/);
});
