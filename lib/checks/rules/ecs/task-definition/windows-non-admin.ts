import { evaluateContainers } from '../../../model/ecs-containers';
import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';

/** TD-04: Windows containers name a user other than ContainerAdministrator. */
export const windowsNonAdmin: Rule = {
  id: 'TD-04',
  name: 'windows-non-admin',
  title: 'Windows containers do not run as ContainerAdministrator',
  severity: 'medium',
  rationale:
    'Windows container images default to ContainerAdministrator, the container\'s administrator account. Security Hub ' +
    'ECS.21 requires an explicit user that is not the administrator (case-insensitive). Applies only to Windows task ' +
    'definitions (RuntimePlatform, or inferred from Windows images).',
  fix:
    'Set `User: "ContainerUser"` (or another non-administrator account) on every Windows container definition; in ' +
    'aws-cdk-lib pass `user: "ContainerUser"` to `addContainer`.',
  applicability: { os: ['windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.21'],
    configRules: ['ecs-task-definition-windows-user-non-admin'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const platform = taskPlatform(properties);
    const notWindows = outcomeUnlessOs(platform, 'windows');
    if (notWindows) return [notWindows];
    const inferred = platform.osInferred ? ` (${platform.osBasis})` : '';
    return evaluateContainers(properties, (container) => {
      const user = stringValue(property(container.definition, 'User'));
      if (isOpaque(user)) return [unresolvedOutcome(container.key, `User of container ${container.name}`, user, container.name)];
      if (user === undefined || user.trim() === '') {
        return [fail(container.key, `Windows container ${container.name} does not set User, so it runs as ContainerAdministrator${inferred}.`, container.name)];
      }
      if (user.trim().toLowerCase() === 'containeradministrator') {
        return [fail(container.key, `Windows container ${container.name} runs as ContainerAdministrator${inferred}.`, container.name)];
      }
      return [pass(container.key, `Windows container ${container.name} runs as "${user}".`, container.name)];
    });
  },
};
