import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { hostModeUser } from '../../../../../lib/checks/rules/ecs/task-definition/host-mode-user';
import { describeRule } from '../../harness';

const HOST = { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describe('TD-05 is off by default', () => {
  test('enabledByDefault is false', () => expect(hostModeUser.enabledByDefault).toBe(false));
});

describeRule(hostModeUser, {
  passing: [
    { name: 'host mode, non-root user', template: template([container('web')], HOST) },
    { name: 'host mode, privileged root container (ECS.1 accepts either)', template: template([container('web', { User: undefined, Privileged: true })], HOST) },
    { name: 'host mode from a parameter default, non-root user from Fn::Join', template: template([container('web', { User: { 'Fn::Join': [':', ['1000', '1000']] } })], { ...HOST, NetworkMode: { Ref: 'Mode' } }, { Mode: stringParameter('host') }) },
    { name: 'cdk: host mode with user 1000', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.HOST }).addContainer('web', { image: nginx(), memoryLimitMiB: 256, user: '1000' }) },
  ],
  failing: [
    { name: 'host mode, no user, not privileged', template: template([container('web', { User: undefined })], HOST), key: 'Container::web' },
    { name: 'peer bug 6: host mode, User "0"', template: template([container('web', { User: '0' })], HOST), key: 'Container::web' },
    { name: 'host mode, root from Fn::Sub', template: template([container('web', { User: { 'Fn::Sub': '${U}' } })], HOST, { U: stringParameter('root') }), key: 'Container::web' },
    { name: 'cdk: host mode without user', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.HOST }).addContainer('web', { image: nginx(), memoryLimitMiB: 256 }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'NetworkMode from an import', template: template([container('web')], { ...HOST, NetworkMode: { 'Fn::ImportValue': 'mode' } }) },
    { name: 'host mode, user from a resource attribute', template: template([container('web', { User: { 'Fn::GetAtt': ['Cfg', 'User'] } })], HOST, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'awsvpc task definition, root user', template: template([container('web', { User: undefined })]) }],
});
