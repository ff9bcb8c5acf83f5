import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, container, stringParameter, template } from './fixtures';
import { memoryHardLimit } from '../../../../../lib/checks/rules/ecs/task-definition/memory-hard-limit';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describe('TD-13 is off by default', () => {
  test('enabledByDefault is false', () => expect(memoryHardLimit.enabledByDefault).toBe(false));
});

describeRule(memoryHardLimit, {
  passing: [
    { name: 'container Memory 512', template: template([container('web', { Memory: 512 })]) },
    { name: 'Memory "256" as a string', template: template([container('web', { Memory: '256' })], EC2_TASK) },
    { name: 'Memory from a parameter default', template: template([container('web', { Memory: { Ref: 'Mem' } })], EC2_TASK, { Mem: stringParameter('512') }) },
    { name: 'Memory from Fn::Join of literals', template: template([container('web', { Memory: { 'Fn::Join': ['', ['5', '12']] } })], EC2_TASK) },
    {
      name: 'peer bug 15: Fargate with task-level Memory only, when configured',
      template: template([container('web')]),
      options: { fargateTaskMemoryCountsAsLimit: true },
      key: 'Container::web',
    },
    { name: 'cdk: Ec2TaskDefinition memoryLimitMiB', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  failing: [
    { name: 'peer bug 15: Fargate task-level Memory only, default options (strict)', template: template([container('web')]), key: 'Container::web' },
    { name: 'MemoryReservation alone', template: template([container('web', { MemoryReservation: 256 })], EC2_TASK), key: 'Container::web' },
    { name: 'Memory below 6 MiB', template: template([container('web', { Memory: 4 })], EC2_TASK), key: 'Container::web' },
    { name: 'task memory does not count on EC2 even when configured', template: template([container('web')], { ...EC2_TASK, Memory: '512' }), options: { fargateTaskMemoryCountsAsLimit: true }, key: 'Container::web' },
    { name: 'Memory below the minimum from Fn::Sub', template: template([container('web', { Memory: { 'Fn::Sub': '${Mem}' } })], EC2_TASK, { Mem: stringParameter('2') }), key: 'Container::web' },
    { name: 'cdk: Fargate container without memoryLimitMiB', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'Memory from an import', template: template([container('web', { Memory: { 'Fn::ImportValue': 'mem' } })], EC2_TASK), key: 'Container::web' },
    { name: 'Memory from a resource attribute', template: template([container('web', { Memory: { 'Fn::GetAtt': ['Cfg', 'Mem'] } })], EC2_TASK, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});
