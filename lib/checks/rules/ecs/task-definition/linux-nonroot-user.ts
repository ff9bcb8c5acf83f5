import { evaluateContainers } from '../../../model/ecs-containers';
import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

const ROOT_NAMES = ['root', '0'];

/** TD-03: Linux containers name a non-root user. */
export const linuxNonrootUser: Rule = {
  id: 'TD-03',
  name: 'linux-nonroot-user',
  title: 'Linux containers run as a non-root user',
  severity: 'high',
  rationale:
    'Without `User`, a container runs as the image USER, which is root for most images; root in a container is one kernel ' +
    'bug or one misconfigured mount away from root on the host. The user part of `user`, `user:group`, `uid` or ' +
    '`uid:gid` must not be `root` or `0`, compared case-insensitively (Control Tower CT.ECS.PR.3 passes "ROOT"; Prowler ' +
    'passes "0"). A root group (`1000:0`) passes with a warning, because files owned by group 0 stay writable. Applies ' +
    'when the OS is Linux or not set.',
  fix:
    'Set `User` on every container definition to a non-root uid, e.g. `User: "1000:1000"`; in aws-cdk-lib pass ' +
    '`user: "1000:1000"` to `addContainer` (HardenedFargateService requires it). Make sure the image can run as that user.',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.20'],
    controlTower: ['CT.ECS.PR.3'],
    configRules: ['ecs-task-definition-linux-user-non-root', 'ecs-task-definition-nonroot-user'],
    ...frameworksOf('CT.ECS.PR.3'),
    related: ['Prowler ecs_task_definitions_containers_user_non_root'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const platform = taskPlatform(properties);
    const notLinux = outcomeUnlessOs(platform, 'linux');
    if (notLinux) return [notLinux];
    const inferred = platform.osInferred ? ` (${platform.osBasis})` : '';
    return evaluateContainers(properties, (container) => {
      const user = stringValue(property(container.definition, 'User'));
      if (isOpaque(user)) return [unresolvedOutcome(container.key, `User of container ${container.name}`, user, container.name)];
      if (user === undefined || user.trim() === '') {
        return [fail(container.key, `Container ${container.name} does not set User, so it runs as the image user, usually root${inferred}.`, container.name)];
      }
      const [userPart, groupPart] = user.trim().split(':').map((s) => s.trim().toLowerCase());
      if (ROOT_NAMES.includes(userPart)) return [fail(container.key, `Container ${container.name} runs as root (User "${user}")${inferred}.`, container.name)];
      if (groupPart !== undefined && ROOT_NAMES.includes(groupPart)) {
        return [pass(container.key, `Container ${container.name} runs as non-root user "${user}". Warning: its group is root (0); use a non-root group.`, container.name)];
      }
      return [pass(container.key, `Container ${container.name} runs as non-root user "${user}".`, container.name)];
    });
  },
};
