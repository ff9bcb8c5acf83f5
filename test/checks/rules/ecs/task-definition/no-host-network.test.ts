import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { noHostNetwork } from '../../../../../lib/checks/rules/ecs/task-definition/no-host-network';
import { describeRule, outcomesOf } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noHostNetwork, {
  passing: [
    { name: 'awsvpc', template: template([container('web')]) },
    { name: 'bridge on EC2', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge' }) },
    { name: 'NetworkMode absent on EC2', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: undefined }) },
    { name: 'mode from a parameter default', template: template([container('web')], { NetworkMode: { Ref: 'Mode' } }, { Mode: stringParameter('awsvpc') }) },
    { name: 'cdk: FargateTaskDefinition', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }) },
  ],
  failing: [
    { name: 'host on EC2', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' }) },
    { name: 'peer bug 35: host + privileged + root user', template: template([container('web', { User: 'root', Privileged: true })], { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' }) },
    { name: 'HOST from Fn::Sub of a parameter', template: template([container('web')], { NetworkMode: { 'Fn::Sub': '${Mode}' } }, { Mode: stringParameter('HOST') }) },
    { name: 'host from Fn::Join', template: template([container('web')], { NetworkMode: { 'Fn::Join': ['', ['ho', 'st']] } }) },
    { name: 'cdk: Ec2TaskDefinition in host mode', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.HOST }).addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  unresolvable: [
    { name: 'mode from an import', template: template([container('web')], { NetworkMode: { 'Fn::ImportValue': 'mode' } }) },
    { name: 'mode from a resource attribute', template: template([container('web')], { NetworkMode: { 'Fn::GetAtt': ['Cfg', 'Mode'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
    { name: 'mode from a parameter with allowed values, no default', template: template([container('web')], { NetworkMode: { Ref: 'Mode' } }, { Mode: stringParameter() }) },
  ],
});

test('TD-06 suggests an acknowledgment for EXTERNAL host-mode tasks', () => {
  const [outcome] = outcomesOf(noHostNetwork, { name: 'external', template: template([container('web')], { RequiresCompatibilities: ['EXTERNAL'], NetworkMode: 'host' }) });
  expect(outcome.status).toBe('fail');
  expect(outcome.message).toMatch(/ECS Anywhere/);
});
