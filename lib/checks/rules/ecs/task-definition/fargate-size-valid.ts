import { outcomeUnlessOs, runsOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass } from '../../../rule';

/** Fargate task sizes: CPU units → allowed memory (MiB) as [min, max, step]. */
const LINUX_SIZES: ReadonlyMap<number, readonly [number, number, number]> = new Map([
  [512, [1024, 4096, 1024]],
  [1024, [2048, 8192, 1024]],
  [2048, [4096, 16384, 1024]],
  [4096, [8192, 30720, 1024]],
  [8192, [16384, 61440, 4096]],
  [16384, [32768, 122880, 8192]],
]);
/** 0.25 vCPU is the one size whose memory options are not an even range. */
const QUARTER_VCPU_MEMORY = [512, 1024, 2048];
/** Windows on Fargate starts at 1 vCPU and stops at 4. */
const WINDOWS_CPUS = [1024, 2048, 4096];

/** TD-29: a Fargate task definition asks for a CPU/memory combination Fargate offers. */
export const fargateSizeValid: Rule = {
  id: 'TD-29',
  name: 'fargate-size-valid',
  title: 'Fargate task size is a valid CPU/memory combination',
  severity: 'info',
  rationale:
    'Fargate only runs fixed CPU/memory combinations; anything else is rejected at registration, or rounded up on some ' +
    'paths so the task pays for more than it declares. 256 CPU units take 512, 1024 or 2048 MiB; larger sizes take ranges ' +
    'in fixed steps up to 16 vCPU / 120 GiB. Windows needs at least 1 vCPU. Values such as "1 vCPU" and "2 GB" are read.',
  fix:
    'Set task-level `Cpu` and `Memory` to a supported pair (e.g. 256/512, 1024/2048); in aws-cdk-lib pass `cpu` and ' +
    '`memoryLimitMiB` to FargateTaskDefinition with a supported pair.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['KICS f4c9b5f5'] },
  enabledByDefault: true,

  evaluate(properties) {
    const platform = taskPlatform(properties);
    if (isOpaque(platform.launchTypes)) return [unresolvedOutcome('', 'RequiresCompatibilities', platform.launchTypes)];
    if (!runsOn(platform, 'FARGATE')) return [notApplicable('', 'The task definition does not run on Fargate.')];
    const cpuRaw = stringValue(property(properties, 'Cpu'));
    const memoryRaw = stringValue(property(properties, 'Memory'));
    if (isOpaque(cpuRaw)) return [unresolvedOutcome('', 'Cpu', cpuRaw)];
    if (isOpaque(memoryRaw)) return [unresolvedOutcome('', 'Memory', memoryRaw)];
    if (cpuRaw === undefined || memoryRaw === undefined) return [fail('', 'Fargate requires task-level Cpu and Memory.')];
    const cpu = cpuUnits(cpuRaw);
    const memory = memoryMiB(memoryRaw);
    if (cpu === undefined || memory === undefined) return [fail('', `Cpu "${cpuRaw}" / Memory "${memoryRaw}" is not a readable size.`)];
    const windows = outcomeUnlessOs(platform, 'windows') === undefined;
    if (windows && !WINDOWS_CPUS.includes(cpu)) return [fail('', `Windows on Fargate supports 1, 2 or 4 vCPU, not ${cpu} CPU units.`)];
    if (cpu === 256) {
      return QUARTER_VCPU_MEMORY.includes(memory)
        ? [pass('', `256 CPU units with ${memory} MiB is a valid Fargate size.`)]
        : [fail('', `256 CPU units take 512, 1024 or 2048 MiB, not ${memory} MiB.`)];
    }
    const range = LINUX_SIZES.get(cpu);
    if (!range) return [fail('', `Fargate has no ${cpu} CPU unit size.`)];
    const [min, max, step] = range;
    if (memory < min || memory > max || (memory - min) % step !== 0) {
      return [fail('', `${cpu} CPU units take ${min}–${max} MiB in steps of ${step}, not ${memory} MiB.`)];
    }
    return [pass('', `${cpu} CPU units with ${memory} MiB is a valid Fargate size.`)];
  },
};

/** "256", "0.25 vCPU", "1 vcpu" → CPU units. */
function cpuUnits(raw: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(raw);
  if (!match) return undefined;
  return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/** "512", "1GB", "2 gb" → MiB. */
function memoryMiB(raw: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(raw);
  if (!match) return undefined;
  return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}
