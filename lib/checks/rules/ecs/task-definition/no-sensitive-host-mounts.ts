import { evaluateContainers } from '../../../model/ecs-containers';
import { evaluateVolumes } from '../../../model/ecs-volumes';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, listValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../../rule';

/** Host directories whose exposure (even read-only) gives away the host: config, kernel interfaces, runtimes, agents. */
const SENSITIVE_LINUX = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/home', '/run', '/var/run', '/run/containerd', '/var/lib/docker', '/var/lib/ecs', '/var/lib/containerd', '/lib/modules'];
const SENSITIVE_SOCKETS = ['docker.sock', 'containerd.sock'];
const SENSITIVE_WINDOWS = ['c:\\windows', 'c:\\programdata\\docker', 'c:\\programdata\\amazon\\ecs', '\\\\.\\pipe\\docker_engine'];

/** TD-21: no host path mount exposes a sensitive host directory, and host mounts are read-only. */
export const noSensitiveHostMounts: Rule = {
  id: 'TD-21',
  name: 'no-sensitive-host-mounts',
  title: 'No sensitive host paths are mounted, and host mounts are read-only',
  severity: 'high',
  rationale:
    'A bind mount of `/`, `/etc`, `/proc`, `/sys`, `/dev`, the Docker or containerd socket, or the ECS agent\'s state ' +
    'gives the container control of the host or of every other task (the Docker socket alone is root on the host). On ' +
    'Windows the drive root and the Docker named pipe are the equivalents. Other host paths must be mounted read-only so ' +
    'a compromised task cannot tamper with host files. Hostless volumes (Fargate scratch space) are not host mounts.',
  fix:
    'Remove the `Host.SourcePath` volume or point it at a dedicated data directory, and set `ReadOnly: true` on every ' +
    '`MountPoints` entry that uses it; prefer EFS or a hostless volume. In aws-cdk-lib change `addVolume({ host: { ' +
    'sourcePath } })` and pass `readOnly: true` to `addMountPoints`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    const outcomes = evaluateVolumes(properties, (volume): Outcome[] => {
      const host = recordValue(property(volume.definition, 'Host'));
      if (host === undefined) return [];
      if (isOpaque(host)) return [unresolvedOutcome(volume.key, `Host of volume ${volume.name}`, host)];
      const sourcePath = stringValue(property(host, 'SourcePath'));
      if (sourcePath === undefined) return [];
      if (isOpaque(sourcePath)) return [unresolvedOutcome(volume.key, `Host.SourcePath of volume ${volume.name}`, sourcePath)];
      const sensitive = sensitivePath(sourcePath);
      if (sensitive) return [fail(volume.key, `Volume ${volume.name} mounts the host path ${sourcePath}, ${sensitive}.`)];
      const writable = writableMounts(properties, volume.name);
      if (writable.unresolved.length > 0) return [unverified(volume.key, `Whether host volume ${volume.name} is mounted read-only cannot be resolved (${writable.unresolved.join(', ')}).`)];
      if (writable.containers.length > 0) {
        return [fail(volume.key, `Host path ${sourcePath} (volume ${volume.name}) is mounted writable in ${writable.containers.join(', ')}.`)];
      }
      return [pass(volume.key, `Host path ${sourcePath} (volume ${volume.name}) is not sensitive, and no container mounts it writable.`)];
    });
    return outcomes.length > 0 ? outcomes : [notApplicable('', 'The task definition has no host path volumes.')];
  },
};

/** Why a host path is sensitive, or undefined. Normalises `//`, `.`, `..` and trailing separators first. */
function sensitivePath(raw: string): string | undefined {
  const windows = /^[a-z]:|^\\\\/i.test(raw.trim());
  if (windows) {
    const path = raw.trim().replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
    if (/^[a-z]:$/.test(path)) return 'the root of a Windows drive';
    const hit = SENSITIVE_WINDOWS.find((p) => path === p || path.startsWith(`${p}\\`));
    return hit ? `which exposes ${hit}` : undefined;
  }
  const path = normaliseLinuxPath(raw);
  if (path === '/') return 'the root of the host file system';
  if (SENSITIVE_SOCKETS.some((socket) => path.endsWith(`/${socket}`))) return 'a container runtime socket (root on the host)';
  const hit = SENSITIVE_LINUX.find((p) => path === p || path.startsWith(`${p}/`));
  return hit ? `which exposes ${hit}` : undefined;
}

function normaliseLinuxPath(raw: string): string {
  const segments: string[] = [];
  for (const segment of raw.trim().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** Containers that mount the volume without `ReadOnly: true`, and mount points that cannot be resolved. */
function writableMounts(properties: Record<string, unknown>, volumeName: string): { containers: string[]; unresolved: string[] } {
  const containers: string[] = [];
  const unresolved: string[] = [];
  evaluateContainers(properties, (container) => {
    const mounts = listValue(property(container.definition, 'MountPoints'));
    if (isOpaque(mounts)) {
      unresolved.push(`MountPoints of ${container.name} is ${mounts.display}`);
      return [];
    }
    for (const entry of mounts ?? []) {
      const mount = recordValue(entry);
      if (isOpaque(mount)) {
        unresolved.push(`a mount point of ${container.name} is ${mount.display}`);
        continue;
      }
      if (!mount) continue;
      const source = stringValue(property(mount, 'SourceVolume'));
      if (isOpaque(source)) {
        unresolved.push(`a SourceVolume of ${container.name} is ${source.display}`);
        continue;
      }
      if (source !== volumeName) continue;
      const readOnly = booleanValue(property(mount, 'ReadOnly'));
      if (isOpaque(readOnly)) unresolved.push(`ReadOnly of ${container.name} is ${readOnly.display}`);
      else if (readOnly !== true) containers.push(container.name);
    }
    return [];
  });
  return { containers, unresolved };
}
