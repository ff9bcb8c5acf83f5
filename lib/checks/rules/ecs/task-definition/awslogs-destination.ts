import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { ModelResource, TemplateModel } from '../../../model/template-model';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../../rule';

const LOG_GROUP_TYPE = 'AWS::Logs::LogGroup';

/** TD-11: awslogs containers write to a log group this template defines (so LOG-01/LOG-02 can judge it). */
export const awslogsDestination: Rule = {
  id: 'TD-11',
  name: 'awslogs-destination',
  title: 'awslogs containers write to a log group defined in the template',
  severity: 'medium',
  rationale:
    'Retention and encryption of container logs are properties of the log group, not of the task definition. When ' +
    '`awslogs-group` names a group this template creates, the log group rules (LOG-01 retention, LOG-02 KMS) judge it; a ' +
    'group created elsewhere cannot be verified. `awslogs-create-group: "true"` lets the ECS agent create a missing group ' +
    'with no retention and no KMS key, and needs `logs:CreateLogGroup` on the execution role.',
  fix:
    'Create an AWS::Logs::LogGroup (with `RetentionInDays` and `KmsKeyId`) in the same template, reference it in ' +
    '`Options.awslogs-group` and remove `awslogs-create-group`; in aws-cdk-lib pass `logGroup: new logs.LogGroup(...)` ' +
    '(or EncryptedLogGroup) to `ecs.LogDrivers.awsLogs`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties, { model }) {
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const configuration = recordValue(property(container.definition, 'LogConfiguration'));
      if (isOpaque(configuration)) return [unresolvedOutcome(key, `LogConfiguration of container ${name}`, configuration, name)];
      const driver = configuration ? stringValue(property(configuration, 'LogDriver')) : undefined;
      if (isOpaque(driver)) return [unresolvedOutcome(key, `LogDriver of container ${name}`, driver, name)];
      if (driver?.toLowerCase() !== 'awslogs') return [notApplicable(key, `Container ${name} does not use the awslogs driver.`, name)];
      const options = recordValue(property(configuration!, 'Options'));
      if (isOpaque(options)) return [unresolvedOutcome(key, `awslogs options of container ${name}`, options, name)];
      const group = options ? property(options, 'awslogs-group') : undefined;
      const createGroup = options ? booleanValue(property(options, 'awslogs-create-group')) : undefined;
      if (group === undefined) return [fail(key, `Container ${name} uses awslogs without awslogs-group.`, name)];

      const inTemplate = logGroupIn(model, group);
      if (inTemplate) {
        const warning = createGroup === true ? ' Warning: awslogs-create-group is "true"; remove it, the group already exists.' : '';
        return [pass(key, `Container ${name} logs to log group ${model.displayName(inTemplate)} defined in this template.${warning}`, name)];
      }
      const shown = isOpaque(group) ? group.display : String(group);
      if (createGroup === true) {
        return [fail(key, `Container ${name} logs to ${shown}, which this template does not define, with awslogs-create-group "true": the ECS agent creates it without retention or KMS encryption.`, name)];
      }
      const why = isOpaque(group) ? (group.details.reason ?? 'defined outside this template') : 'not defined in this template';
      return [unverified(key, `Container ${name} logs to ${shown} (${why}); its retention and encryption cannot be verified.`, name)];
    });
  },
};

/** The in-template log group a resolved `awslogs-group` value names, by reference or by literal `LogGroupName`. */
function logGroupIn(model: TemplateModel, group: unknown): ModelResource | undefined {
  if (isOpaque(group)) {
    const target = model.resourceIdentifiedBy(group);
    return target?.type === LOG_GROUP_TYPE ? target : undefined;
  }
  if (typeof group !== 'string') return undefined;
  return model.resourcesOfType(LOG_GROUP_TYPE).find((candidate) => property(model.properties(candidate), 'LogGroupName') === group);
}
