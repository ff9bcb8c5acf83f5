import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { healthcheck } from '../../../../../lib/checks/rules/ecs/task-definition/healthcheck';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(healthcheck, {
  passing: [
    { name: 'essential container with a health check', template: template([container('web')]) },
    { name: 'command from intrinsics', template: template([container('web', { HealthCheck: { Command: ['CMD-SHELL', { 'Fn::Sub': 'curl -f http://localhost:${Port}/health' }] } })], {}, { Port: stringParameter('8080') }) },
    { name: 'cdk: healthCheck command', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), healthCheck: { command: ['CMD', '/bin/true'], interval: Duration.seconds(30) } }) },
  ],
  failing: [
    { name: 'Essential absent (true) without a health check', template: template([container('web', { HealthCheck: undefined, Essential: undefined })]), key: 'Container::web' },
    { name: 'Essential "true" from a parameter, empty command', template: template([container('web', { HealthCheck: { Command: [] }, Essential: { Ref: 'Ess' } })], {}, { Ess: stringParameter('true') }), key: 'Container::web' },
    { name: 'Essential from Fn::Join', template: template([container('web', { HealthCheck: undefined, Essential: { 'Fn::Join': ['', ['tr', 'ue']] } })]), key: 'Container::web' },
    { name: 'cdk: no healthCheck', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'Essential from an import, no health check', template: template([container('web', { HealthCheck: undefined, Essential: { 'Fn::ImportValue': 'essential' } })]), key: 'Container::web' },
    { name: 'HealthCheck from a resource attribute', template: template([container('web', { HealthCheck: { 'Fn::GetAtt': ['Cfg', 'Check'] } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'a non-essential sidecar', template: template([container('xray', { HealthCheck: undefined, Essential: false })]) }],
});
