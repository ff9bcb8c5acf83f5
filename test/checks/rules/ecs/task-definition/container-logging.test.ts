import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { containerLogging } from '../../../../../lib/checks/rules/ecs/task-definition/container-logging';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(containerLogging, {
  passing: [
    { name: 'awslogs with a referenced group', template: template([container('web')]) },
    { name: 'awsfirelens on the app, awslogs on the router', template: template([container('app', { LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch' } } }), container('log-router')]) },
    { name: 'driver from a parameter default', template: template([container('web', { LogConfiguration: { LogDriver: { Ref: 'Driver' } } })], {}, { Driver: stringParameter('awslogs') }) },
    { name: 'driver from Fn::Join', template: template([container('web', { LogConfiguration: { LogDriver: { 'Fn::Join': ['', ['aws', 'logs']] } } })]) },
    { name: 'cdk: awsLogs driver', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }) }) },
  ],
  failing: [
    { name: 'no LogConfiguration', template: template([container('web', { LogConfiguration: undefined })]), key: 'Container::web' },
    { name: 'peer bug 7: LogDriver none (CT, SH ECS.9, cdk-nag ECS7 pass it)', template: template([container('web', { LogConfiguration: { LogDriver: 'none' } })]), key: 'Container::web' },
    { name: 'LogConfiguration without LogDriver', template: template([container('web', { LogConfiguration: { Options: {} } })]), key: 'Container::web' },
    { name: 'a sidecar without logs', template: template([container('app'), container('xray', { LogConfiguration: undefined })]), key: 'Container::xray' },
    { name: 'peer bug 34: LogDriver none from Fn::Sub of a parameter', template: template([container('web', { LogConfiguration: { LogDriver: { 'Fn::Sub': '${Driver}' } } })], {}, { Driver: stringParameter('none') }), key: 'Container::web' },
    { name: 'cdk: container without logging', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'peer bug 34: LogDriver as a Ref without default', template: template([container('web', { LogConfiguration: { LogDriver: { Ref: 'Driver' } } })], {}, { Driver: stringParameter() }), key: 'Container::web' },
    { name: 'LogDriver from an import', template: template([container('web', { LogConfiguration: { LogDriver: { 'Fn::ImportValue': 'driver' } } })]), key: 'Container::web' },
    { name: 'LogConfiguration from a resource attribute', template: template([container('web', { LogConfiguration: { 'Fn::GetAtt': ['Cfg', 'Logging'] } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});
