import { CfnTemplate } from '../model/template-model';

/** True when the parsed value claims to be a CloudFormation template (it has a `Resources` key). */
export function looksLikeTemplate(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && 'Resources' in value;
}

/**
 * Why a template cannot be checked, or undefined when it can. CloudFormation itself rejects
 * these shapes, so reporting them as unreadable input (not as "no findings") is the honest answer.
 */
export function templateProblem(value: Record<string, unknown>): string | undefined {
  const resources = value.Resources;
  if (!isPlainObject(resources)) {
    return `CloudFormation template whose Resources is ${resources === null ? 'null' : Array.isArray(resources) ? 'a list' : `a ${typeof resources}`}; expected a mapping of logical ids to resources`;
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) return `resource '${logicalId}' is not a mapping`;
    if (typeof resource.Type !== 'string' || resource.Type === '') return `resource '${logicalId}' has no Type`;
    if (resource.Properties !== undefined && resource.Properties !== null && !isPlainObject(resource.Properties)) {
      return `resource '${logicalId}' has Properties that are not a mapping`;
    }
  }
  return undefined;
}

export function asTemplate(value: Record<string, unknown>): CfnTemplate {
  return value as CfnTemplate;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
