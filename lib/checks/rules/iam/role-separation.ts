import { PERMISSION_RESOURCE_TYPES, ecsPermissions, familiesOf, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { PolicyStatement, coversAction, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { ModelResource, TemplateModel } from '../../model/template-model';
import { listValue, property, recordValue } from '../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

/** Image-pull permissions only the ECS agent needs: the task role should not have them. */
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
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
    'Image-pull permissions on the task role let application code read any image; `logs:CreateLogStream` on the task role ' +
    'is flagged when it covers the containers\' own awslogs groups (or `*`), not for the ECS Exec session log group, which ' +
    'the SSM agent in the task writes with the task role; ' +
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
    const containerLogGroups = awslogsGroups(context.model, permissions.uses.map((u) => u.taskDefinition));
    return judgeAllowStatements(permissions, (statement): Outcome[] => {
      const problems: string[] = [];
      let undecided: Opaque | undefined;
      if (task) {
        for (const action of PULL_ACTIONS) {
          const covers = coversAction(statement, action);
          if (covers === true) problems.push(`task role has execution permission ${action}`);
          else if (covers instanceof Opaque) undecided ??= covers;
        }
        const streams = coversAction(statement, 'logs:CreateLogStream');
        const reach = streams === true ? logGroupsReached(statement, containerLogGroups) : undefined;
        if (reach) {
          problems.push(`task role has execution permission logs:CreateLogStream on ${LOG_GROUPS_REACHED[reach]}`);
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

/** The awslogs groups of the task definitions' containers: logical ids of in-template groups and literal names. */
function awslogsGroups(model: TemplateModel, taskDefinitions: readonly ModelResource[]): Set<string> {
  const groups = new Set<string>();
  for (const taskDefinition of taskDefinitions) {
    const containers = listValue(property(model.properties(taskDefinition), 'ContainerDefinitions'));
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      const definition = recordValue(container);
      if (!definition || definition instanceof Opaque) continue;
      const logConfiguration = recordValue(property(definition, 'LogConfiguration'));
      if (!logConfiguration || logConfiguration instanceof Opaque) continue;
      const options = recordValue(property(logConfiguration, 'Options'));
      if (!options || options instanceof Opaque) continue;
      const group = options['awslogs-group'];
      const target = model.resourceIdentifiedBy(group);
      if (target) groups.add(target.logicalId);
      else if (typeof group === 'string') groups.add(group);
    }
  }
  return groups;
}

const LOG_GROUPS_REACHED = {
  every: 'every log group',
  allBut: 'every log group outside its NotResource',
  container: 'the containers\' awslogs group',
};

/** Which log groups the statement's resources reach: every one, a container's awslogs group, or none of them. */
function logGroupsReached(statement: PolicyStatement, groups: ReadonlySet<string>): keyof typeof LOG_GROUPS_REACHED | undefined {
  if (statement.notResources) return 'allBut';
  const texts = (statement.resources ?? []).map(flatten);
  if (texts.some((text) => /^\*+$/.test(text) || /log-group:\*/.test(text))) return 'every';
  const reachesContainerGroup = texts.some((text) => {
    const name = /log-group:([^:*]+)/.exec(text)?.[1];
    return (name !== undefined && groups.has(name)) || [...groups].some((g) => text.includes(`<${g}>`) || text.includes(`<${g}.`));
  });
  return reachesContainerGroup ? 'container' : undefined;
}
