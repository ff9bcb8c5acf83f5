import { displayValue, isOpaque } from '../../model/opaque';
import { listValue, property, recordValue, stringValue } from '../../model/values';
import { Rule, fail, pass, unverified } from '../../rule';

/** ECR-02: image tags cannot be overwritten. */
export const immutable: Rule = {
  id: 'ECR-02',
  name: 'immutable',
  title: 'Repository tags are immutable',
  severity: 'medium',
  rationale:
    'With mutable tags, anyone who can push can replace the image behind a tag a task definition already uses, and the ' +
    'next task start runs the replacement. IMMUTABLE_WITH_EXCLUSION keeps every tag immutable except those matching the ' +
    'exclusion filters (typically `latest` or `dev-*`); the catalogue treats it as a warning, not a failure (Control Tower ' +
    'CT.ECR.PR.3 fails it). Our results have no warning level, so it passes and the message names the mutable filters; ' +
    'TD-25 still requires tasks to reference such tags by digest.',
  fix:
    'Set `ImageTagMutability: IMMUTABLE` on the AWS::ECR::Repository; in aws-cdk-lib `imageTagMutability: ' +
    'ecr.TagMutability.IMMUTABLE`. Keep exclusions (IMMUTABLE_WITH_EXCLUSION) to tags no task definition deploys.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECR::Repository'],
  compliance: {
    securityHub: ['ECR.2'],
    controlTower: ['CT.ECR.PR.3'],
    configRules: ['ecr-private-tag-immutability-enabled'],
    nist80053: ['CA-9(1)', 'CM-2', 'CM-8(1)'],
    pciDss: ['2.2', '2.4'],
    related: ['CKV_AWS_51'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const mutability = stringValue(property(properties, 'ImageTagMutability'));
    if (isOpaque(mutability)) {
      return [unverified('', `ImageTagMutability is ${mutability.display}, which cannot be resolved: ${mutability.details.reason ?? 'unknown value'}.`)];
    }
    const value = (mutability ?? 'MUTABLE').toUpperCase();
    if (value === 'IMMUTABLE') return [pass('', 'Tags are immutable.')];
    if (value === 'IMMUTABLE_WITH_EXCLUSION') {
      return [pass('', `Tags are immutable except those matching ${exclusionFilters(properties)}; deploy those only by digest.`)];
    }
    return [fail('', `ImageTagMutability is ${mutability ?? 'not set, which means MUTABLE'}, so pushed tags can be overwritten.`)];
  },
};

function exclusionFilters(properties: Record<string, unknown>): string {
  const filters = listValue(property(properties, 'ImageTagMutabilityExclusionFilters'));
  if (!Array.isArray(filters) || filters.length === 0) return `the exclusion filters (${displayValue(filters)})`;
  return filters
    .map((f) => {
      const entry = recordValue(f);
      return displayValue(entry && !isOpaque(entry) ? property(entry, 'ImageTagMutabilityExclusionFilterValue') : f);
    })
    .join(', ');
}
