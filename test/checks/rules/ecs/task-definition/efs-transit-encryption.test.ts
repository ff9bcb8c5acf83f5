import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { efsTransitEncryption } from '../../../../../lib/checks/rules/ecs/task-definition/efs-transit-encryption';
import { describeRule } from '../../harness';

const efs = (name: string, transit: unknown, extra: Record<string, unknown> = {}) => ({ Name: name, EFSVolumeConfiguration: { FilesystemId: { Ref: 'Fs' }, TransitEncryption: transit, ...extra } });
const FS = { Fs: { Type: 'AWS::EFS::FileSystem' } };

describeRule(efsTransitEncryption, {
  passing: [
    { name: 'ENABLED with IAM authorization', template: template([container('web')], { Volumes: [efs('data', 'ENABLED', { AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: { 'Fn::GetAtt': ['Ap', 'AccessPointId'] } } })] }, {}, FS), key: 'Volume::data' },
    { name: 'ENABLED from a parameter default', template: template([container('web')], { Volumes: [efs('data', { Ref: 'Transit' })] }, { Transit: stringParameter('ENABLED') }, FS) },
    { name: 'ENABLED from Fn::Join; a hostless scratch volume next to it', template: template([container('web')], { Volumes: [{ Name: 'tmp' }, efs('data', { 'Fn::Join': ['', ['ENA', 'BLED']] })] }, {}, FS) },
    {
      name: 'cdk: efsVolumeConfiguration with transit encryption',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED' } }),
    },
  ],
  failing: [
    { name: 'TransitEncryption absent', template: template([container('web')], { Volumes: [efs('data', undefined)] }, {}, FS), key: 'Volume::data' },
    { name: 'peer bug 16: two EFS volumes, the second unencrypted (CKV_AWS_97 reads the first)', template: template([container('web')], { Volumes: [efs('first', 'ENABLED'), efs('second', 'DISABLED')] }, {}, FS), key: 'Volume::second' },
    { name: 'DISABLED from Fn::Sub', template: template([container('web')], { Volumes: [efs('data', { 'Fn::Sub': '${Transit}' })] }, { Transit: stringParameter('DISABLED') }, FS), key: 'Volume::data' },
    { name: 'cdk: efsVolumeConfiguration without transit encryption', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }), key: 'Volume::data' },
  ],
  unresolvable: [
    { name: 'TransitEncryption from an import', template: template([container('web')], { Volumes: [efs('data', { 'Fn::ImportValue': 'transit' })] }, {}, FS), key: 'Volume::data' },
    { name: 'EFS configuration from a resource attribute', template: template([container('web')], { Volumes: [{ Name: 'data', EFSVolumeConfiguration: { 'Fn::GetAtt': ['Cfg', 'Efs'] } }] }, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Volume::data' },
  ],
  notApplicable: [
    { name: 'no EFS volumes', template: template([container('web')], { Volumes: [{ Name: 'tmp' }] }) },
    { name: 'Windows task definition', template: template([container('web')], { ...WINDOWS_TASK, Volumes: [efs('data', undefined)] }, {}, FS) },
  ],
});
