import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { nonBlockingLogs } from '../../../../../lib/checks/rules/ecs/task-definition/non-blocking-logs';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');
const logWithMode = (mode: unknown) => ({ LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: 'LogGroup' }, mode } } });

describeRule(nonBlockingLogs, {
  passing: [
    { name: 'mode non-blocking', template: template([container('web')]) },
    { name: 'mode from a parameter default', template: template([container('web', logWithMode({ Ref: 'Mode' }))], {}, { Mode: stringParameter('non-blocking') }) },
    { name: 'mode from Fn::Join', template: template([container('web', logWithMode({ 'Fn::Join': ['-', ['non', 'blocking']] }))]) },
    { name: 'cdk: awsLogs NON_BLOCKING', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', mode: ecs.AwsLogDriverMode.NON_BLOCKING }) }) },
  ],
  failing: [
    { name: 'mode absent (blocking)', template: template([container('web', logWithMode(undefined))]), key: 'Container::web' },
    { name: 'mode blocking from Fn::Sub', template: template([container('web', logWithMode({ 'Fn::Sub': '${Mode}' }))], {}, { Mode: stringParameter('blocking') }), key: 'Container::web' },
    { name: 'cdk: awsLogs default mode', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }) }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'mode from an import', template: template([container('web', logWithMode({ 'Fn::ImportValue': 'mode' }))]), key: 'Container::web' },
    { name: 'mode from a resource attribute', template: template([container('web', logWithMode({ 'Fn::GetAtt': ['Cfg', 'Mode'] }))], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'no LogConfiguration', template: template([container('web', { LogConfiguration: undefined })]) }],
});
