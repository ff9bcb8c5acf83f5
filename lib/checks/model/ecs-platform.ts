import { Opaque, isOpaque } from './opaque';
import { listValue, property, recordValue, stringValue } from './values';
import { LaunchType, OperatingSystem, Outcome, notApplicable, osName, unverified } from '../rule';

/**
 * Where an ECS task definition runs: its operating system and launch types, with how each was
 * decided. Rules use it to return "not applicable" (never "pass") when the platform excludes
 * them, and they repeat {@link TaskPlatform.osBasis} in messages when the OS was inferred.
 */
export interface TaskPlatform {
  /** The OS, or the unresolvable `OperatingSystemFamily` value. */
  readonly os: OperatingSystem | Opaque;
  /** How the OS was decided, e.g. "RuntimePlatform.OperatingSystemFamily is LINUX". */
  readonly osBasis: string;
  /** True when the template does not state the OS and it was inferred. */
  readonly osInferred: boolean;
  /** Launch types from `RequiresCompatibilities`; absent means EC2 (what ECS validates against). */
  readonly launchTypes: readonly LaunchType[] | Opaque;
  /** True when `RequiresCompatibilities` is present. */
  readonly launchTypesDeclared: boolean;
}

const LAUNCH_TYPES: readonly LaunchType[] = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];

/**
 * Images that only exist for Windows. `mcr.microsoft.com/windows…` is the documented hint;
 * .NET Framework images and Server Core / Nano Server tags are Windows-only as well.
 */
const WINDOWS_IMAGE_PATTERNS: readonly RegExp[] = [
  /^mcr\.microsoft\.com\/windows/i,
  /^mcr\.microsoft\.com\/dotnet\/framework\//i,
  /[:-](windowsservercore|nanoserver|ltsc20\d\d)\b/i,
];

/** Users that exist only in Windows containers. */
const WINDOWS_USERS = ['containeradministrator', 'containeruser'];

/** Reads the OS and launch types of a resolved `AWS::ECS::TaskDefinition` (or describe-task-definition) properties. */
export function taskPlatform(properties: Record<string, unknown>): TaskPlatform {
  const { launchTypes, launchTypesDeclared } = readLaunchTypes(properties);
  return { ...readOperatingSystem(properties), launchTypes, launchTypesDeclared };
}

function readOperatingSystem(properties: Record<string, unknown>): Pick<TaskPlatform, 'os' | 'osBasis' | 'osInferred'> {
  const platform = recordValue(property(properties, 'RuntimePlatform'));
  if (isOpaque(platform)) return { os: platform, osBasis: `RuntimePlatform is ${platform.display}`, osInferred: false };
  const family = platform ? stringValue(property(platform, 'OperatingSystemFamily')) : undefined;
  if (isOpaque(family)) return { os: family, osBasis: `RuntimePlatform.OperatingSystemFamily is ${family.display}`, osInferred: false };
  if (family !== undefined) {
    return {
      os: family.toUpperCase().startsWith('WINDOWS') ? 'windows' : 'linux',
      osBasis: `RuntimePlatform.OperatingSystemFamily is ${family}`,
      osInferred: false,
    };
  }
  const windowsHint = windowsEvidence(properties);
  if (windowsHint) return { os: 'windows', osBasis: `Windows inferred (no RuntimePlatform) from ${windowsHint}`, osInferred: true };
  return { os: 'linux', osBasis: 'Linux assumed: RuntimePlatform.OperatingSystemFamily is not set and nothing indicates Windows', osInferred: true };
}

/**
 * Evidence that a task definition without `RuntimePlatform` runs Windows containers.
 * A missing `NetworkMode` on EC2 is deliberately not evidence on its own: hand-written Linux
 * task definitions omit it (bridge) far more often than Windows ones do.
 */
function windowsEvidence(properties: Record<string, unknown>): string | undefined {
  for (const container of containerRecords(properties)) {
    const image = stringValue(property(container, 'Image'));
    if (typeof image === 'string' && WINDOWS_IMAGE_PATTERNS.some((p) => p.test(image))) return `the Windows image ${image}`;
    const user = stringValue(property(container, 'User'));
    if (typeof user === 'string' && WINDOWS_USERS.includes(user.toLowerCase())) return `the Windows-only user ${user}`;
  }
  const volumes = listValue(property(properties, 'Volumes'));
  if (Array.isArray(volumes)) {
    for (const volume of volumes) {
      const record = recordValue(volume);
      if (record && !isOpaque(record) && property(record, 'FSxWindowsFileServerVolumeConfiguration') !== undefined) {
        return 'an FSx for Windows File Server volume';
      }
    }
  }
  return undefined;
}

function containerRecords(properties: Record<string, unknown>): Array<Record<string, unknown>> {
  const list = listValue(property(properties, 'ContainerDefinitions'));
  if (!Array.isArray(list)) return [];
  return list.map(recordValue).filter((c): c is Record<string, unknown> => !!c && !isOpaque(c));
}

function readLaunchTypes(properties: Record<string, unknown>): Pick<TaskPlatform, 'launchTypes' | 'launchTypesDeclared'> {
  const raw = property(properties, 'RequiresCompatibilities');
  const list = listValue(raw);
  if (list === undefined) return { launchTypes: ['EC2'], launchTypesDeclared: false };
  if (isOpaque(list)) return { launchTypes: list, launchTypesDeclared: true };
  const result: LaunchType[] = [];
  for (const item of list) {
    const value = stringValue(item);
    if (isOpaque(value)) return { launchTypes: value, launchTypesDeclared: true };
    const upper = value?.toUpperCase() as LaunchType | undefined;
    if (upper && LAUNCH_TYPES.includes(upper) && !result.includes(upper)) result.push(upper);
  }
  return { launchTypes: result.length > 0 ? result : ['EC2'], launchTypesDeclared: true };
}

/**
 * For rules that apply to one OS only: `undefined` when the task runs `os` (evaluate the rule),
 * otherwise the outcome to return (not-applicable, or unverified when the OS is unresolvable).
 */
export function outcomeUnlessOs(platform: TaskPlatform, os: OperatingSystem, key = ''): Outcome | undefined {
  if (isOpaque(platform.os)) {
    return unverified(key, `The operating system cannot be determined (${platform.osBasis}: ${platform.os.details.reason ?? 'unresolved'}).`);
  }
  if (platform.os === os) return undefined;
  return notApplicable(key, `Applies to ${osName(os)} containers only; ${platform.osBasis}.`);
}

/** True when the task can run on the given launch type (false when the launch types are unresolvable). */
export function runsOn(platform: TaskPlatform, launchType: LaunchType): boolean {
  return !isOpaque(platform.launchTypes) && platform.launchTypes.includes(launchType);
}

/** True when every declared launch type is one of `launchTypes` (false when unresolvable). */
export function runsOnlyOn(platform: TaskPlatform, ...launchTypes: LaunchType[]): boolean {
  return !isOpaque(platform.launchTypes) && platform.launchTypes.every((t) => launchTypes.includes(t));
}

/** Launch types as text for messages: "FARGATE", "EC2 (RequiresCompatibilities not set)". */
export function describeLaunchTypes(platform: TaskPlatform): string {
  if (isOpaque(platform.launchTypes)) return `unknown launch types (${platform.launchTypes.display})`;
  const text = platform.launchTypes.join(', ');
  return platform.launchTypesDeclared ? text : `${text} (RequiresCompatibilities not set)`;
}
