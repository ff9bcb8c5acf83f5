import { appliesToAllResources } from './statement-views';
import { policiesOfRole } from '../../model/ecs-roles';
import { PolicyStatement, hasNarrowingCondition } from '../../model/iam-policy';
import { ModelResource, TemplateModel } from '../../model/template-model';

/**
 * True for a valid Allow statement on every resource (`*`, `NotResource`) with no narrowing
 * condition: what it grants, it grants on everything.
 */
export function isUnconstrainedAllow(statement: PolicyStatement): boolean {
  return !statement.invalid && statement.effect === 'Allow' && appliesToAllResources(statement) && !hasNarrowingCondition(statement);
}

/** Every unconstrained Allow statement of every policy that applies to the roles (for action combinations split across policies). */
export function unconstrainedStatementsOfRoles(model: TemplateModel, roles: readonly ModelResource[]): PolicyStatement[] {
  return roles.flatMap((role) => policiesOfRole(model, role).flatMap((p) => p.statements)).filter(isUnconstrainedAllow);
}
