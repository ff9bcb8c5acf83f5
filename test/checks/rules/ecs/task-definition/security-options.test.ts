import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, container, stringParameter, template } from './fixtures';
import { securityOptions } from '../../../../../lib/checks/rules/ecs/task-definition/security-options';
import { describeRule } from '../../harness';

const opts = (list: unknown) => ({ DockerSecurityOptions: list });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(securityOptions, {
  passing: [
    { name: 'no options', template: template([container('web')], EC2_TASK) },
    { name: 'no-new-privileges and an SELinux label', template: template([container('web', opts(['no-new-privileges', 'label:type:container_t']))], EC2_TASK) },
    { name: 'an option from a parameter default', template: template([container('web', opts([{ Ref: 'Opt' }]))], EC2_TASK, { Opt: stringParameter('no-new-privileges') }) },
    { name: 'a Windows gMSA credential spec from Fn::Join', template: template([container('web', opts([{ 'Fn::Join': ['', ['credentialspec:file://', 'gmsa.json']] }]))], EC2_TASK) },
    { name: 'cdk: dockerSecurityOptions no-new-privileges', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, dockerSecurityOptions: ['no-new-privileges'] }) },
  ],
  failing: [
    { name: 'seccomp:unconfined', template: template([container('web', opts(['seccomp:unconfined']))], EC2_TASK), key: 'Container::web' },
    { name: 'apparmor=unconfined with = separator', template: template([container('web', opts(['apparmor=unconfined']))], EC2_TASK), key: 'Container::web' },
    { name: 'label:disable from Fn::Sub', template: template([container('web', opts([{ 'Fn::Sub': 'label:${V}' }]))], EC2_TASK, { V: stringParameter('disable') }), key: 'Container::web' },
    { name: 'cdk: seccomp unconfined', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, dockerSecurityOptions: ['seccomp:unconfined'] }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'an option from an import', template: template([container('web', opts([{ 'Fn::ImportValue': 'opt' }]))], EC2_TASK), key: 'Container::web' },
    { name: 'options from a resource attribute', template: template([container('web', opts({ 'Fn::GetAtt': ['Cfg', 'Opts'] }))], EC2_TASK, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});
