import { taskPlatform } from '../../../model/ecs-platform';
import { serviceLaunch } from '../../../model/ecs-service-launch';
import { isOpaque } from '../../../model/opaque';
import { property, stringValue } from '../../../model/values';
import { OperatingSystem, Outcome, Rule, RuleContext, fail, notApplicable, osName, pass, unverified } from '../../../rule';

/** SVC-03: Fargate services and task sets run on the latest platform version. */
export const fargateLatestPlatform: Rule = {
  id: 'SVC-03',
  name: 'fargate-latest-platform',
  title: 'Fargate service or task set runs on the latest platform version',
  severity: 'medium',
  rationale:
    'The Fargate platform version is the kernel, container runtime and agent the tasks run on; pinning an old one keeps ' +
    'security fixes and features (such as ephemeral storage encryption and tmpfs) away from the tasks. An absent ' +
    'PlatformVersion means LATEST. Fargate is detected from LaunchType, from a CapacityProviderStrategy naming ' +
    'FARGATE or FARGATE_SPOT, and from the cluster default strategy; Control Tower CT.ECS.PR.1, Checkov and Prowler ' +
    'skip services that reach Fargate through capacity providers. Windows tasks compare against the Windows latest.',
  fix:
    'Omit `PlatformVersion` or set it to `LATEST` (or at least the current latest, 1.4.0 on Linux and 1.0.0 on Windows) ' +
    'on the AWS::ECS::Service / AWS::ECS::TaskSet; in aws-cdk-lib leave `platformVersion` unset or use ' +
    '`ecs.FargatePlatformVersion.LATEST`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE'] },
  resourceTypes: ['AWS::ECS::Service', 'AWS::ECS::TaskSet'],
  compliance: {
    securityHub: ['ECS.10'],
    controlTower: ['CT.ECS.PR.1'],
    configRules: ['ecs-fargate-latest-platform-version'],
    nist80053: ['AC-2(1)', 'AC-3', 'AC-3(7)', 'AC-3(15)', 'AC-5', 'AC-6', 'CA-9(1)', 'CM-2', 'SI-2', 'SI-2(2)', 'SI-2(4)', 'SI-2(5)'],
    pciDss: ['1.3.7', '6.2', '7.1.1', '7.2.1', '7.2.2', '8.2.1'],
    related: ['Prowler ecs_service_fargate_latest_platform_version', 'CKV_AWS_332 (TF)'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const version = stringValue(property(properties, 'PlatformVersion'));
    const launch = serviceLaunch(context.model, properties);
    if (!launch.unknown && !launch.launchTypes.includes('FARGATE')) {
      return [notApplicable('', `Not a Fargate workload: ${launch.basis}.`)];
    }
    if (isOpaque(version)) {
      return [unverified('', `PlatformVersion is ${version.display}, which cannot be resolved: ${version.details.reason ?? 'unknown value'}.`)];
    }
    if (version === undefined || version.toUpperCase() === 'LATEST') {
      const on = launch.unknown ? '' : ` (${launch.basis})`;
      return [pass('', `PlatformVersion is ${version ?? 'not set, which means LATEST'}${on}.`)];
    }
    // A pinned version is only meaningful on Fargate, so an undetermined launch type is judged as Fargate.
    const basis = launch.unknown ? `PlatformVersion is set, so Fargate is assumed (${launch.unknown})` : launch.basis;
    return [judgeVersion(version, operatingSystem(properties, context), basis, context)];
  },
};

function judgeVersion(version: string, os: OperatingSystem | undefined, basis: string, context: RuleContext): Outcome {
  const latest = context.options.latestPlatformVersions;
  const parsed = parseVersion(version);
  if (!parsed) return fail('', `PlatformVersion '${version}' is not a platform version; use LATEST (${basis}).`);
  const meets = (minimum: string) => compareVersions(parsed, parseVersion(minimum) ?? []) >= 0;
  if (os) {
    const minimum = latest[os];
    return meets(minimum)
      ? pass('', `PlatformVersion ${version} is at least the latest ${osName(os)} version ${minimum}.`)
      : fail('', `PlatformVersion ${version} is older than the latest ${osName(os)} version ${minimum} (${basis}).`);
  }
  if (meets(latest.linux)) return pass('', `PlatformVersion ${version} is at least the latest Linux version ${latest.linux}.`);
  // Windows has had a single platform version; any other version can only be a Linux one.
  if (compareVersions(parsed, parseVersion(latest.windows) ?? []) === 0) {
    return unverified('', `PlatformVersion ${version} is the latest for Windows (${latest.windows}) but not for Linux (${latest.linux}), and the task definition's OS is not in this template.`);
  }
  return fail('', `PlatformVersion ${version} is older than the latest version on either OS (Linux ${latest.linux}, Windows ${latest.windows}; ${basis}).`);
}

/** The OS of the in-template task definition, or undefined when it is not in the template or cannot be resolved. */
function operatingSystem(properties: Record<string, unknown>, context: RuleContext): OperatingSystem | undefined {
  const taskDefinition = context.model.resourceIdentifiedBy(property(properties, 'TaskDefinition'));
  if (taskDefinition?.type !== 'AWS::ECS::TaskDefinition') return undefined;
  const os = taskPlatform(context.model.properties(taskDefinition)).os;
  return isOpaque(os) ? undefined : os;
}

function parseVersion(version: string): number[] | undefined {
  const trimmed = version.trim().replace(/^v/i, '');
  return /^\d+(\.\d+)*$/.test(trimmed) ? trimmed.split('.').map(Number) : undefined;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
