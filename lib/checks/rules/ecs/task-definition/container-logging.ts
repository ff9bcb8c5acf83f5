import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, recordValue } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** TD-10: every container sends its logs somewhere (a log driver other than `none`). */
export const containerLogging: Rule = {
  id: 'TD-10',
  name: 'container-logging',
  title: 'Every container has a log driver other than none',
  severity: 'high',
  rationale:
    'Without `LogConfiguration` a container\'s output is lost when the task stops, which removes the evidence incident ' +
    'response needs. `LogDriver: none` is the same thing stated explicitly, yet Control Tower CT.ECS.PR.5, Security Hub ' +
    'ECS.9 and cdk-nag ECS7 all accept it. Every container counts, sidecars included; `awsfirelens` is a valid driver.',
  fix:
    'Give every container definition `LogConfiguration: { LogDriver: awslogs, Options: { awslogs-group, awslogs-region, ' +
    'awslogs-stream-prefix } }` (or `awsfirelens`); in aws-cdk-lib pass `logging: ecs.LogDrivers.awsLogs({ streamPrefix, ' +
    'logGroup })` to `addContainer`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.9'],
    controlTower: ['CT.ECS.PR.5'],
    configRules: ['ecs-task-definition-log-configuration'],
    ...frameworksOf('CT.ECS.PR.5'),
    related: ['AwsSolutions-ECS7', 'Prowler ecs_task_definitions_logging_enabled'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateContainers(properties, (container) => {
      const configuration = recordValue(property(container.definition, 'LogConfiguration'));
      if (isOpaque(configuration)) return [unresolvedOutcome(container.key, `LogConfiguration of container ${container.name}`, configuration, container.name)];
      if (configuration === undefined) return [fail(container.key, `Container ${container.name} has no LogConfiguration, so its output is not kept.`, container.name)];
      const driver = property(configuration, 'LogDriver');
      if (driver !== undefined && isOpaque(driver)) return [unresolvedOutcome(container.key, `LogDriver of container ${container.name}`, driver, container.name)];
      if (typeof driver !== 'string' || driver.trim() === '') {
        return [fail(container.key, `Container ${container.name} has a LogConfiguration without a valid LogDriver.`, container.name)];
      }
      if (driver.trim().toLowerCase() === 'none') return [fail(container.key, `Container ${container.name} uses LogDriver none, so its output is discarded.`, container.name)];
      return [pass(container.key, `Container ${container.name} logs with ${driver}.`, container.name)];
    });
  },
};
