import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, property, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

const ROOT_NAMES = ['root', '0'];

/** TD-05 (legacy, off by default): in host network mode, each container is privileged or non-root. */
export const hostModeUser: Rule = {
  id: 'TD-05',
  name: 'host-mode-user',
  title: 'Host-mode containers are privileged or run as a non-root user (legacy ECS.1)',
  severity: 'medium',
  rationale:
    'Security Hub ECS.1 (retired 2026-03) and Control Tower CT.ECS.PR.8 require that, with `NetworkMode: host`, each ' +
    'container either is privileged or names a non-root user; cdk-nag\'s NIST/HIPAA/PCI rule wants both. Accepting ' +
    '"privileged" is weaker than what TD-01, TD-03 and TD-06 require, which supersede this rule; it is kept, off by ' +
    'default, for audits that still reference the retired control.',
  fix:
    'Prefer `NetworkMode: awsvpc` (TD-06/TD-07). If host mode is needed, set `User` to a non-root uid on every container; ' +
    'in aws-cdk-lib pass `user: "1000:1000"` to `addContainer`.',
  applicability: { os: ['linux'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.1'],
    controlTower: ['CT.ECS.PR.8'],
    configRules: ['ecs-task-definition-user-for-host-mode-check'],
    ...frameworksOf('CT.ECS.PR.8'),
    related: ['NIST.800.53.R5-ECSTaskDefinitionUserForHostMode', 'HIPAA.Security-ECSTaskDefinitionUserForHostMode', 'PCI.DSS.321-ECSTaskDefinitionUserForHostMode', 'Prowler'],
  },
  enabledByDefault: false,

  evaluate(properties) {
    const mode = stringValue(property(properties, 'NetworkMode'));
    if (isOpaque(mode)) return [unresolvedOutcome('', 'NetworkMode', mode)];
    if (mode?.toLowerCase() !== 'host') return [notApplicable('', `Applies to host network mode only; NetworkMode is ${mode ?? 'not set'}.`)];
    return evaluateContainers(properties, (container) => {
      const privileged = booleanValue(property(container.definition, 'Privileged'));
      if (privileged === true) return [pass(container.key, `Host-mode container ${container.name} is privileged (accepted by ECS.1; TD-01 still fails it).`, container.name)];
      const user = stringValue(property(container.definition, 'User'));
      if (isOpaque(user)) return [unresolvedOutcome(container.key, `User of container ${container.name}`, user, container.name)];
      if (isOpaque(privileged)) return [unresolvedOutcome(container.key, `Privileged of container ${container.name}`, privileged, container.name)];
      const userPart = user?.trim().split(':')[0].trim().toLowerCase();
      if (userPart && !ROOT_NAMES.includes(userPart)) return [pass(container.key, `Host-mode container ${container.name} runs as non-root user "${user}".`, container.name)];
      const who = user === undefined || userPart === '' ? 'does not set User (image user, usually root)' : `runs as root (User "${user}")`;
      return [fail(container.key, `Host-mode container ${container.name} is not privileged and ${who}.`, container.name)];
    });
  },
};
