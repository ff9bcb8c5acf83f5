import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, container, stringParameter, template } from './fixtures';
import { noSensitiveHostMounts } from '../../../../../lib/checks/rules/ecs/task-definition/no-sensitive-host-mounts';
import { describeRule } from '../../harness';

const hostVolume = (name: string, sourcePath: unknown) => ({ Name: name, Host: { SourcePath: sourcePath } });
const mount = (volume: string, readOnly: unknown) => ({ MountPoints: [{ SourceVolume: volume, ContainerPath: '/data', ReadOnly: readOnly }] });
const WINDOWS_EC2 = { RequiresCompatibilities: ['EC2'], RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' } };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noSensitiveHostMounts, {
  passing: [
    { name: 'a data directory mounted read-only', template: template([container('web', mount('data', true))], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/app-data')] }), key: 'Volume::data' },
    { name: 'path from a parameter default, read-only', template: template([container('web', mount('data', true))], { ...EC2_TASK, Volumes: [hostVolume('data', { Ref: 'DataPath' })] }, { DataPath: stringParameter('/srv/data') }) },
    { name: 'path from Fn::Join, ReadOnly "true" string', template: template([container('web', mount('data', 'true'))], { ...EC2_TASK, Volumes: [hostVolume('data', { 'Fn::Join': ['/', ['', 'srv', 'data']] })] }) },
    { name: 'a hostless scratch volume and a host volume nobody mounts', template: template([container('web')], { ...EC2_TASK, Volumes: [{ Name: 'tmp', Host: {} }, hostVolume('unused', '/srv/x')] }) },
    { name: 'a Windows data drive directory mounted read-only', template: template([container('web', mount('data', true))], { ...WINDOWS_EC2, Volumes: [hostVolume('data', 'D:\\data')] }), key: 'Volume::data' },
    {
      name: 'a read-only host volume beside a writable hostless scratch volume',
      template: template([container('web', { MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: true }, { SourceVolume: 'tmp', ContainerPath: '/tmp', ReadOnly: false }] })], {
        ...EC2_TASK,
        Volumes: [hostVolume('data', '/srv/data'), { Name: 'tmp' }],
      }),
      key: 'Volume::data',
    },
    {
      name: 'cdk: host volume mounted read-only',
      cdk: (stack) => {
        const task = new ecs.Ec2TaskDefinition(stack, 'Task');
        task.addVolume({ name: 'data', host: { sourcePath: '/srv/data' } });
        task.addContainer('web', { image: nginx(), memoryLimitMiB: 256 }).addMountPoints({ sourceVolume: 'data', containerPath: '/data', readOnly: true });
      },
    },
  ],
  failing: [
    { name: 'the Docker socket, even read-only', template: template([container('web', mount('docker', true))], { ...EC2_TASK, Volumes: [hostVolume('docker', '/var/run/docker.sock')] }), key: 'Volume::docker' },
    { name: 'the host root', template: template([container('web', mount('root', true))], { ...EC2_TASK, Volumes: [hostVolume('root', '/')] }), key: 'Volume::root' },
    { name: '/etc reached through ..', template: template([container('web', mount('cfg', true))], { ...EC2_TASK, Volumes: [hostVolume('cfg', '/srv/../etc/')] }), key: 'Volume::cfg' },
    { name: 'the ECS agent state', template: template([container('web', mount('ecs', true))], { ...EC2_TASK, Volumes: [hostVolume('ecs', '/var/lib/ecs/data')] }), key: 'Volume::ecs' },
    { name: 'a writable data mount', template: template([container('web', mount('data', false))], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }), key: 'Volume::data' },
    { name: 'a data mount without ReadOnly', template: template([container('web', { MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data' }] })], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }), key: 'Volume::data' },
    { name: 'Windows drive root', template: template([container('web', mount('c', true))], { RequiresCompatibilities: ['EC2'], RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' }, Volumes: [hostVolume('c', 'C:\\')] }), key: 'Volume::c' },
    { name: 'Windows Docker pipe', template: template([container('web', mount('pipe', true))], { RequiresCompatibilities: ['EC2'], Volumes: [hostVolume('pipe', '\\\\.\\pipe\\docker_engine')] }), key: 'Volume::pipe' },
    { name: 'the Docker data root through a . segment', template: template([container('web', mount('d', true))], { ...EC2_TASK, Volumes: [hostVolume('d', '/var/lib/./docker')] }), key: 'Volume::d' },
    { name: '/etc from a parameter default with stray whitespace', template: template([container('web', mount('cfg', true))], { ...EC2_TASK, Volumes: [hostVolume('cfg', { Ref: 'Dir' })] }, { Dir: stringParameter(' /etc ') }), key: 'Volume::cfg' },
    { name: 'Windows system directory', template: template([container('web', mount('sys', true))], { ...WINDOWS_EC2, Volumes: [hostVolume('sys', 'C:\\Windows\\System32')] }), key: 'Volume::sys' },
    { name: 'Windows Docker data with forward slashes', template: template([container('web', mount('dd', true))], { ...WINDOWS_EC2, Volumes: [hostVolume('dd', 'C:/ProgramData/Docker')] }), key: 'Volume::dd' },
    { name: 'Windows system directory with a leading space', template: template([container('web', mount('sys', true))], { ...WINDOWS_EC2, Volumes: [hostVolume('sys', ' C:\\Windows')] }), key: 'Volume::sys' },
    {
      name: 'a data mount writable in two containers',
      template: template([container('web', mount('data', false)), container('sidecar', mount('data', false))], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }),
      key: 'Volume::data',
    },
    { name: '/proc from Fn::Sub', template: template([container('web', mount('p', true))], { ...EC2_TASK, Volumes: [hostVolume('p', { 'Fn::Sub': '/${Dir}' })] }, { Dir: stringParameter('proc') }), key: 'Volume::p' },
    {
      name: 'cdk: docker.sock host volume',
      cdk: (stack) => {
        const task = new ecs.Ec2TaskDefinition(stack, 'Task');
        task.addVolume({ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } });
        task.addContainer('web', { image: nginx(), memoryLimitMiB: 256 }).addMountPoints({ sourceVolume: 'docker', containerPath: '/var/run/docker.sock', readOnly: false });
      },
      key: 'Volume::docker',
    },
  ],
  unresolvable: [
    { name: 'source path from an import', template: template([container('web', mount('data', true))], { ...EC2_TASK, Volumes: [hostVolume('data', { 'Fn::ImportValue': 'path' })] }), key: 'Volume::data' },
    { name: 'ReadOnly from a resource attribute', template: template([container('web', mount('data', { 'Fn::GetAtt': ['Cfg', 'Ro'] }))], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Volume::data' },
    { name: 'Host from a custom resource', template: template([container('web', mount('data', true))], { ...EC2_TASK, Volumes: [{ Name: 'data', Host: { 'Fn::GetAtt': ['Cfg', 'Host'] } }] }, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Volume::data' },
    {
      name: 'MountPoints from a custom resource',
      template: template([container('web', { MountPoints: { 'Fn::GetAtt': ['Cfg', 'Mounts'] } })], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }, {}, { Cfg: { Type: 'Custom::Cfg' } }),
      key: 'Volume::data',
    },
    {
      name: 'one mount point entry imported from another stack',
      template: template([container('web', { MountPoints: [{ 'Fn::ImportValue': 'mount-point' }] })], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }),
      key: 'Volume::data',
    },
    {
      name: 'SourceVolume from a parameter without a default',
      template: template([container('web', { MountPoints: [{ SourceVolume: { Ref: 'Vol' }, ContainerPath: '/data', ReadOnly: false }] })], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }, { Vol: stringParameter() }),
      key: 'Volume::data',
    },
    {
      name: 'ReadOnly unresolved in two containers',
      template: template([container('web', mount('data', { Ref: 'Ro' })), container('sidecar', mount('data', { Ref: 'Ro' }))], { ...EC2_TASK, Volumes: [hostVolume('data', '/srv/data')] }, { Ro: stringParameter() }),
      key: 'Volume::data',
    },
  ],
  notApplicable: [{ name: 'no host volumes (Fargate scratch)', template: template([container('web')], { Volumes: [{ Name: 'tmp' }] }) }],
});
