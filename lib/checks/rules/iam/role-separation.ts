import { PERMISSION_RESOURCE_TYPES, ecsPermissions, familiesOf, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { coversAction } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

/** Permissions only the ECS agent needs: the task role should not have them. */
const PLATFORM_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'logs:CreateLogStream'];
/** Services whose actions the execution role legitimately uses. */
const PLATFORM_SERVICES = new Set(['ecr', 'logs', 'secretsmanager', 'ssm', 'kms']);

/** IAM-16: task role and execution role permissions are not mixed. */
export const roleSeparation: Rule = {
  id: 'IAM-16',
  name: 'role-separation',
  title: 'Task role and execution role permissions are kept apart',
  severity: 'medium',
  rationale:
    'The execution role is for the ECS agent (image pull, logs, secrets at start); the task role is for the application. ' +
    'Image-pull or log-stream permissions on the task role let application code read any image or write any log; ' +
    'application data permissions (S3, DynamoDB, SQS...) on the execution role are available to anyone who can register a ' +
    'task definition with it. A role used as both is reported by TD-18 and judged here in both directions.',
  fix:
    'Move ECR pull and `logs:CreateLogStream` grants to the execution role and application grants to the task role. In ' +
    'aws-cdk-lib grant application access with `resource.grant*(taskDefinition.taskRole)`, never `obtainExecutionRole()`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    const task = permissions.kinds.has('task');
    const execution = permissions.kinds.has('execution');
    if (!task && !execution) return [notApplicable('', 'Not an ECS role.')];
    const families = familiesOf(permissions.uses);
    return judgeAllowStatements(permissions, (statement): Outcome[] => {
      const problems: string[] = [];
      let undecided: Opaque | undefined;
      if (task) {
        for (const action of PLATFORM_ACTIONS) {
          const covers = coversAction(statement, action);
          if (covers === true) problems.push(`task role has execution permission ${action}`);
          else if (covers instanceof Opaque) undecided ??= covers;
        }
      }
      if (execution) {
        for (const action of statement.actions ?? []) {
          if (action instanceof Opaque) undecided ??= action;
          else if (!PLATFORM_SERVICES.has(action.split(':')[0].toLowerCase())) problems.push(`execution role has application permission ${action}`);
        }
        if (statement.notActions) problems.push('execution role has Allow + NotAction');
      }
      if (problems.length) return [fail(statement.key, `Roles of ${families} mix duties: ${problems.join('; ')}.`)];
      if (undecided) return [unverified(statement.key, `Action ${undecided.display} cannot be resolved.`)];
      return [pass(statement.key, 'The statement fits the role\'s duty.')];
    });
  },
};
