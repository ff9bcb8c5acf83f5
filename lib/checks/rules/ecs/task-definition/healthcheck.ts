import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, listValue, property, recordValue } from '../../../model/values';
import { Outcome, Rule, fail, notApplicable, pass } from '../../../rule';

/** TD-28: essential containers define a health check. */
export const healthcheck: Rule = {
  id: 'TD-28',
  name: 'healthcheck',
  title: 'Essential containers define a health check',
  severity: 'low',
  rationale:
    'Without a container `HealthCheck`, ECS only notices that a process exited; a hung or compromised process that keeps ' +
    'running stays in service. Essential containers (the default when `Essential` is absent) decide the task\'s health, ' +
    'so they need one; non-essential sidecars are not required to have one. Off by default: it is availability rather than ' +
    'security (like SVC-07), distroless images often ship no health-check binary, and a load balancer target group ' +
    'already checks the task; turn it on where your platform standard requires container health checks.',
  fix:
    'Add `HealthCheck: { Command: ["CMD", "/app/healthcheck"], Interval, Timeout, Retries, StartPeriod }` to each ' +
    'essential container; in aws-cdk-lib pass `healthCheck: { command: [...] }` to `addContainer`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['KICS d24389b4'] },
  enabledByDefault: false,

  evaluate(properties) {
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const check = recordValue(property(container.definition, 'HealthCheck'));
      if (isOpaque(check)) return [unresolvedOutcome(key, `HealthCheck of container ${name}`, check, name)];
      const command = check ? listValue(property(check, 'Command')) : undefined;
      if (isOpaque(command)) return [unresolvedOutcome(key, `HealthCheck.Command of container ${name}`, command, name)];
      if (command && command.length > 0) return [pass(key, `Container ${name} has a health check.`, name)];
      const essential = booleanValue(property(container.definition, 'Essential'));
      if (isOpaque(essential)) return [unresolvedOutcome(key, `Essential of container ${name}`, essential, name)];
      if (essential === false) return [notApplicable(key, `Container ${name} is not essential.`, name)];
      return [fail(key, `Essential container ${name} has no health check${check ? ' command' : ''}.`, name)];
    });
  },
};
