import { displayValue, isOpaque } from '../../model/opaque';
import { ModelResource, TemplateModel } from '../../model/template-model';
import { numberValue, property, recordValue, stringValue } from '../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

const ROTATION_TYPE = 'AWS::SecretsManager::RotationSchedule';

/** SEC-02: the secret has a rotation schedule (Lambda or hosted rotation) in the template. */
export const rotation: Rule = {
  id: 'SEC-02',
  name: 'rotation',
  title: 'Secret is rotated on a schedule',
  severity: 'medium',
  rationale:
    'A secret that never rotates stays valid for as long as anyone who ever read it (a leaked task environment, an old ' +
    'laptop, a former contractor) keeps a copy. ECS reads secrets at task start, so rotated values reach new tasks ' +
    'without a redeploy. The rule looks for an AWS::SecretsManager::RotationSchedule of this template that references the ' +
    'secret and has a rotation function (RotationLambdaARN or HostedRotationLambda) and RotationRules.',
  fix:
    'Add an AWS::SecretsManager::RotationSchedule with `SecretId` referencing the secret, `RotationLambdaARN` or ' +
    '`HostedRotationLambda`, and `RotationRules` (`AutomaticallyAfterDays` or `ScheduleExpression`); in aws-cdk-lib ' +
    '`secret.addRotationSchedule(id, { rotationLambda | hostedRotation, automaticallyAfter })`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::SecretsManager::Secret'],
  compliance: {
    securityHub: ['SecretsManager.1'],
    configRules: ['secretsmanager-rotation-enabled-check'],
    related: ['AwsSolutions-SMG4'],
  },
  enabledByDefault: true,

  evaluate(_properties, context) {
    const schedules = schedulesFor(context.model, context.resource);
    if (schedules.length > 0) return [best(schedules.map((s) => judgeSchedule(context.model, s)))];
    const undecided = schedulesWithUnknownTarget(context.model);
    if (undecided.length > 0) {
      return [unverified('', `No rotation schedule references this secret, and the target of ${undecided.join(', ')} cannot be resolved.`)];
    }
    return [fail('', 'No AWS::SecretsManager::RotationSchedule in this template rotates the secret.')];
  },
};

function schedulesFor(model: TemplateModel, secret: ModelResource): ModelResource[] {
  const byRef = model.referencesTo(secret.logicalId)
    .filter((ref) => ref.from.type === ROTATION_TYPE && /^secretid(\.|$)/i.test(ref.path))
    .map((ref) => ref.from);
  return [...new Set(byRef)];
}

/** Rotation schedules whose SecretId is an import or a parameter: they might rotate this secret. */
function schedulesWithUnknownTarget(model: TemplateModel): string[] {
  return model.resourcesOfType(ROTATION_TYPE)
    .filter((schedule) => {
      const target = property(model.properties(schedule), 'SecretId');
      return isOpaque(target) && !model.resourceIdentifiedBy(target);
    })
    .map((schedule) => `${schedule.logicalId} (SecretId ${displayValue(property(model.properties(schedule), 'SecretId'))})`);
}

function judgeSchedule(model: TemplateModel, schedule: ModelResource): Outcome {
  const props = model.properties(schedule);
  const lambda = property(props, 'RotationLambdaARN');
  const hosted = property(props, 'HostedRotationLambda');
  if (lambda === undefined && hosted === undefined) {
    return fail('', `${schedule.logicalId} has neither RotationLambdaARN nor HostedRotationLambda, so nothing rotates the secret.`);
  }
  const rules = recordValue(property(props, 'RotationRules'));
  if (isOpaque(rules)) return unverified('', `RotationRules of ${schedule.logicalId} is ${rules.display}, which cannot be resolved.`);
  if (!rules) return fail('', `${schedule.logicalId} has no RotationRules, so the secret is never rotated on a schedule.`);
  const days = numberValue(property(rules, 'AutomaticallyAfterDays'));
  const expression = stringValue(property(rules, 'ScheduleExpression'));
  if (isOpaque(days) || isOpaque(expression)) {
    return unverified('', `The rotation interval of ${schedule.logicalId} (${displayValue(isOpaque(days) ? days : expression)}) cannot be resolved.`);
  }
  if (days === undefined && !expression) return fail('', `RotationRules of ${schedule.logicalId} set neither AutomaticallyAfterDays nor ScheduleExpression.`);
  return pass('', `${schedule.logicalId} rotates the secret ${days !== undefined ? `every ${days} days` : `on ${expression}`}.`);
}

const RANK = { 'fail': 3, 'unverified': 2, 'pass': 1, 'not-applicable': 0 } as const;

/** Several schedules on one secret: the best one decides (one working schedule is enough). */
function best(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((chosen, o) => (RANK[o.status] < RANK[chosen.status] ? o : chosen));
}
