import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { fargateSizeValid } from '../../../../../lib/checks/rules/ecs/task-definition/fargate-size-valid';
import { describeRule } from '../../harness';

const size = (Cpu: unknown, Memory: unknown) => template([container('web')], { Cpu, Memory });

describeRule(fargateSizeValid, {
  passing: [
    { name: '256 / 512', template: size('256', '512') },
    { name: '0.25 vCPU / 2 GB', template: size('0.25 vCPU', '2GB') },
    { name: '1 vCPU / 8192 as numbers', template: size(1024, 8192) },
    { name: '8192 / 16 GB steps of 4 GB', template: size('8192', '20480') },
    { name: 'cpu from a parameter default, memory from Fn::Join', template: { ...size({ Ref: 'Cpu' }, { 'Fn::Join': ['', ['40', '96']] }), Parameters: { Cpu: stringParameter('1024') } } },
    { name: 'Windows 1 vCPU / 2 GB', template: template([container('web')], WINDOWS_TASK) },
    { name: 'cdk: FargateTaskDefinition defaults (256/512)', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') }) },
  ],
  failing: [
    { name: '256 / 1536', template: size('256', '1536') },
    { name: '512 / 512', template: size('512', '512') },
    { name: '4096 / 4096', template: size('4096', '4096') },
    { name: 'an unknown CPU size', template: size('3072', '8192') },
    { name: 'Windows with 0.25 vCPU', template: template([container('web')], { ...WINDOWS_TASK, Cpu: '256', Memory: '512' }) },
    { name: 'no task-level size on Fargate', template: template([container('web')], { Cpu: undefined, Memory: undefined }) },
    { name: 'Cpu without Memory', template: template([container('web')], { Cpu: '256', Memory: undefined }) },
    { name: 'Memory without Cpu', template: template([container('web')], { Cpu: undefined, Memory: '512' }) },
    { name: 'Cpu "1,024" with a thousands separator is not a readable size', template: size('1,024', '2048') },
    { name: 'Memory "2,048" with a thousands separator is not a readable size', template: size('1024', '2,048') },
    { name: '512 CPU with more memory than its range (8 GB)', template: size('512', '8192') },
    { name: '2048 CPU with memory off the 1 GB step (4608)', template: size('2048', '4608') },
    { name: '256 CPU with 1.25 GB', template: size('256', '1.25 GB') },
    { name: 'Cpu "1024 units" is not a readable size', template: size('1024 units', '2048') },
    { name: 'Memory "2 GiB" is not a readable size', template: size('1024', '2 GiB') },
    { name: 'memory from Fn::Sub out of range', template: { ...size('1024', { 'Fn::Sub': '${Mem}' }), Parameters: { Mem: stringParameter('1024') } } },
  ],
  unresolvable: [
    { name: 'RequiresCompatibilities from a parameter without a default', template: template([container('web')], { RequiresCompatibilities: { Ref: 'Compat' } }, { Compat: { Type: 'CommaDelimitedList' } }) },
    { name: 'memory from an import', template: size('1024', { 'Fn::ImportValue': 'mem' }) },
    { name: 'cpu from a resource attribute', template: template([container('web')], { Cpu: { 'Fn::GetAtt': ['Cfg', 'Cpu'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
  ],
  notApplicable: [{ name: 'EC2 task definition', template: template([container('web')], { ...EC2_TASK, Cpu: '3', Memory: '5' }) }],
});
