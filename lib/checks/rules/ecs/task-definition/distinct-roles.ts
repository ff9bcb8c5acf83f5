import { Opaque, isOpaque } from '../../../model/opaque';
import { TemplateModel } from '../../../model/template-model';
import { property } from '../../../model/values';
import { Rule, fail, pass, unverified } from '../../../rule';

/** TD-18: the task role (the application's permissions) is not the execution role (the agent's). */
export const distinctRoles: Rule = {
  id: 'TD-18',
  name: 'distinct-roles',
  title: 'Task role and execution role are different roles',
  severity: 'medium',
  rationale:
    'The execution role is used by the ECS agent to pull images, fetch secrets and write logs; the task role is what the ' +
    'application code gets. One role for both hands the application every secret of the task and ECR pull rights, and ' +
    'hands the agent the application\'s data permissions. References are normalised first: a `Ref`, a `GetAtt Arn` and a ' +
    'literal ARN of the same role are the same role.',
  fix:
    'Create two AWS::IAM::Role resources and set `TaskRoleArn` and `ExecutionRoleArn` to different ones; in aws-cdk-lib ' +
    'pass different `taskRole` and `executionRole` (or let CDK create both; HardenedTaskRole does this).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['CKV_AWS_249 (Terraform)'] },
  enabledByDefault: true,

  evaluate(properties, { model }) {
    // An empty string (common in hand-written templates: `TaskRoleArn: ""`) means no role, as CloudFormation reads it.
    const taskRole = nonEmpty(property(properties, 'TaskRoleArn'));
    const executionRole = nonEmpty(property(properties, 'ExecutionRoleArn'));
    if (taskRole === undefined || executionRole === undefined) {
      return [pass('', `${taskRole === undefined ? 'No task role' : 'No execution role'} is set, so the roles cannot be shared.`)];
    }
    const task = roleIdentity(model, taskRole);
    const execution = roleIdentity(model, executionRole);
    if (task && execution && task.id === execution.id) {
      return [fail('', `TaskRoleArn and ExecutionRoleArn are the same role (${describe(taskRole)}).`)];
    }
    if (task && execution && (bothCertain(task, execution) || createdHereVersusImport(task, execution))) {
      return [pass('', `The task role (${describe(taskRole)}) differs from the execution role (${describe(executionRole)}).`)];
    }
    return [unverified('', `Cannot tell whether the task role ${describe(taskRole)} and the execution role ${describe(executionRole)} are the same role.`)];
  },
};

/**
 * How a role reference identifies its role. `certain` identities (an in-template resource, a role
 * name) can be compared for inequality; an import or a parameter can only be matched with itself.
 */
interface RoleIdentity {
  readonly id: string;
  readonly kind: 'resource' | 'name' | 'import' | 'parameter';
}

function roleIdentity(model: TemplateModel, value: unknown): RoleIdentity | undefined {
  if (typeof value === 'string') {
    // ECS takes a role name as well as an ARN; IAM role names are case-insensitive.
    const id = value.startsWith('arn:') ? roleNameFromArn(value) ?? `literal:${value}` : `role:${value.toLowerCase()}`;
    return { id, kind: 'name' };
  }
  if (!isOpaque(value)) return undefined;
  const resource = model.resourceIdentifiedBy(value);
  if (resource) {
    const declaredName = property(model.properties(resource), 'RoleName');
    return typeof declaredName === 'string' ? { id: `role:${declaredName.toLowerCase()}`, kind: 'name' } : { id: `resource:${resource.logicalId}`, kind: 'resource' };
  }
  const literalTail = roleNameFromComposite(value);
  if (literalTail) return { id: literalTail, kind: 'name' };
  if (value.kind === 'import' || value.kind === 'parameter') return { id: `${value.kind}:${value.display}`, kind: value.kind };
  return undefined;
}

function bothCertain(a: RoleIdentity, b: RoleIdentity): boolean {
  return (a.kind === 'resource' || a.kind === 'name') && (b.kind === 'resource' || b.kind === 'name');
}

/** A role this stack creates cannot be the value another stack exports to it (that would be a cycle). */
function createdHereVersusImport(a: RoleIdentity, b: RoleIdentity): boolean {
  return (a.kind === 'resource' && b.kind === 'import') || (a.kind === 'import' && b.kind === 'resource');
}

/** `arn:aws:iam::123456789012:role/path/name` → `role:name` (IAM role names are case-insensitive). */
function roleNameFromArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? `role:${match[1].toLowerCase()}` : undefined;
}

/** `arn:${AWS::Partition}:iam::${AWS::AccountId}:role/name`: the role name is the literal tail. */
function roleNameFromComposite(value: Opaque): string | undefined {
  const parts = value.details.parts ?? [];
  const last = parts[parts.length - 1];
  if (typeof last !== 'string') return undefined;
  const match = /:role\/(?:.*\/)?([^/]+)$/.exec(last);
  return match ? `role:${match[1].toLowerCase()}` : undefined;
}

function describe(value: unknown): string {
  return isOpaque(value) ? value.display : String(value);
}

function nonEmpty(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
