import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, recordValue, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass } from '../../../rule';

/** TD-12: log delivery cannot block the application. */
export const nonBlockingLogs: Rule = {
  id: 'TD-12',
  name: 'non-blocking-logs',
  title: 'Containers log in non-blocking mode',
  severity: 'low',
  rationale:
    'In blocking mode a container\'s writes to stdout/stderr stall when the log destination is slow or unreachable, so a ' +
    'CloudWatch Logs or FireLens problem becomes an application outage (and a denial-of-service lever). `mode: ' +
    'non-blocking` buffers in memory instead. A missing `mode` is treated as blocking, the historical default; an ' +
    'account-level `defaultLogDriverMode` setting is invisible to a template.',
  fix:
    'Add `mode: non-blocking` (and optionally `max-buffer-size`) to `LogConfiguration.Options`; in aws-cdk-lib pass ' +
    '`mode: ecs.AwsLogDriverMode.NON_BLOCKING` to `ecs.LogDrivers.awsLogs`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['Prowler ecs_task_definitions_logging_block_mode'] },
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateContainers(properties, (container) => {
      const { key, name } = container;
      const configuration = recordValue(property(container.definition, 'LogConfiguration'));
      if (isOpaque(configuration)) return [unresolvedOutcome(key, `LogConfiguration of container ${name}`, configuration, name)];
      const driver = configuration ? stringValue(property(configuration, 'LogDriver')) : undefined;
      if (configuration === undefined || (typeof driver === 'string' && driver.toLowerCase() === 'none')) {
        return [notApplicable(key, `Container ${name} does not log (see TD-10).`, name)];
      }
      const options = recordValue(property(configuration, 'Options'));
      if (isOpaque(options)) return [unresolvedOutcome(key, `Log options of container ${name}`, options, name)];
      const mode = options ? stringValue(property(options, 'mode')) : undefined;
      if (isOpaque(mode)) return [unresolvedOutcome(key, `Log mode of container ${name}`, mode, name)];
      if (mode?.toLowerCase() === 'non-blocking') return [pass(key, `Container ${name} logs in non-blocking mode.`, name)];
      const shown = mode === undefined ? 'does not set the log mode (blocking)' : `sets log mode ${mode}`;
      return [fail(key, `Container ${name} ${shown}; a slow log destination stalls the application.`, name)];
    });
  },
};
