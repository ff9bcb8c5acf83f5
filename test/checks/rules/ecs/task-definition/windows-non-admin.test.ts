import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { windowsNonAdmin } from '../../../../../lib/checks/rules/ecs/task-definition/windows-non-admin';
import { describeRule } from '../../harness';

const windowsContainer = (user: unknown) => container('web', { User: user, ReadonlyRootFilesystem: undefined, Image: 'mcr.microsoft.com/windows/servercore/iis' });

describeRule(windowsNonAdmin, {
  passing: [
    { name: 'ContainerUser', template: template([windowsContainer('ContainerUser')], WINDOWS_TASK) },
    { name: 'Windows inferred from the image, ContainerUser', template: template([windowsContainer('ContainerUser')], { RequiresCompatibilities: ['EC2'], NetworkMode: undefined }) },
    { name: 'user from a parameter default', template: template([windowsContainer({ Ref: 'WinUser' })], WINDOWS_TASK, { WinUser: stringParameter('ContainerUser') }) },
    {
      name: 'cdk: Windows Fargate task with user ContainerUser',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 1024, memoryLimitMiB: 2048, runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE, cpuArchitecture: ecs.CpuArchitecture.X86_64 } })
        .addContainer('web', { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis'), user: 'ContainerUser' }),
    },
  ],
  failing: [
    { name: 'User absent', template: template([windowsContainer(undefined)], WINDOWS_TASK), key: 'Container::web' },
    { name: 'containeradministrator in any case', template: template([windowsContainer('containerADMINISTRATOR')], WINDOWS_TASK), key: 'Container::web' },
    { name: 'administrator from Fn::Join', template: template([windowsContainer({ 'Fn::Join': ['', ['Container', 'Administrator']] })], WINDOWS_TASK), key: 'Container::web' },
    { name: 'administrator from Fn::Sub', template: template([windowsContainer({ 'Fn::Sub': '${WinUser}' })], WINDOWS_TASK, { WinUser: stringParameter('ContainerAdministrator') }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'user from an import', template: template([windowsContainer({ 'Fn::ImportValue': 'win-user' })], WINDOWS_TASK), key: 'Container::web' },
    { name: 'user from a resource attribute', template: template([windowsContainer({ 'Fn::GetAtt': ['Cfg', 'User'] })], WINDOWS_TASK, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Linux task definition', template: template([container('web', { User: undefined })]) }],
});
