import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { linuxNonrootUser } from '../../../../../lib/checks/rules/ecs/task-definition/linux-nonroot-user';
import { describeRule, outcomesOf } from '../../harness';

describeRule(linuxNonrootUser, {
  passing: [
    { name: 'uid:gid', template: template([container('web', { User: '1000:1000' })]) },
    { name: 'a user name', template: template([container('web', { User: 'app' })]) },
    { name: 'peer bug 4: User "1000:0" passes with a warning', template: template([container('web', { User: '1000:0' })]), key: 'Container::web' },
    { name: 'peer bug 5: User from a parameter default', template: template([container('web', { User: { Ref: 'AppUser' } })], {}, { AppUser: stringParameter('1000') }) },
    { name: 'User from Fn::Join of literals', template: template([container('web', { User: { 'Fn::Join': [':', ['1000', '1000']] } })]) },
    { name: 'OS unset: Linux assumed', template: template([container('web', { User: '1000' })], { RuntimePlatform: undefined }) },
    { name: 'cdk: user 1000:1000', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), user: '1000:1000' }) },
  ],
  failing: [
    { name: 'User absent', template: template([container('web', { User: undefined })]), key: 'Container::web' },
    { name: 'peer bug 3: User "ROOT" (CT ECS.PR.3 passes it)', template: template([container('web', { User: 'ROOT' })]), key: 'Container::web' },
    { name: 'peer bug 6: host mode with User "0" (Prowler only knows "root")', template: template([container('web', { User: '0' })], { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' }), key: 'Container::web' },
    { name: 'root with a group', template: template([container('web', { User: 'root:app' })]), key: 'Container::web' },
    { name: 'User from Fn::Sub of a parameter defaulting to 0', template: template([container('web', { User: { 'Fn::Sub': '${AppUser}:0' } })], {}, { AppUser: stringParameter('0') }) },
    {
      name: 'peer bug 35: host + privileged + root user',
      template: template([container('web', { User: 'root', Privileged: true })], { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' }),
      key: 'Container::web',
    },
    { name: 'cdk: default container (no user)', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'peer bug 5: User from a parameter without default', template: template([container('web', { User: { Ref: 'AppUser' } })], {}, { AppUser: stringParameter() }), key: 'Container::web' },
    { name: 'User from an import', template: template([container('web', { User: { 'Fn::ImportValue': 'app-user' } })]), key: 'Container::web' },
    { name: 'User from a resource attribute', template: template([container('web', { User: { 'Fn::GetAtt': ['Config', 'Uid'] } })], {}, {}, { Config: { Type: 'Custom::Config' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web', { User: undefined })], WINDOWS_TASK) }],
});

describe('TD-03 messages', () => {
  test('a root group is a pass that carries a warning', () => {
    const [outcome] = outcomesOf(linuxNonrootUser, { name: 'group 0', template: template([container('web', { User: '1000:0' })]) });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/Warning: its group is root/);
  });
  test('an assumed OS is stated in the finding', () => {
    const [outcome] = outcomesOf(linuxNonrootUser, { name: 'no os', template: template([container('web', { User: undefined })], { RuntimePlatform: undefined }) });
    expect(outcome.message).toMatch(/Linux assumed/);
  });
});
