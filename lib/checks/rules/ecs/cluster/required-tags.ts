import { displayValue, isOpaque } from '../../../model/opaque';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass, unverified } from '../../../rule';

/** TAG-01 (off by default): ECS services, clusters and task definitions carry the configured tag keys. */
export const requiredTags: Rule = {
  id: 'TAG-01',
  name: 'required-tags',
  title: 'ECS service, cluster and task definition carry the required tags',
  severity: 'low',
  rationale:
    'Tags drive cost allocation, ownership lookup during an incident and tag-based access control (ABAC). Security Hub ' +
    'ECS.13/14/15 check them against a configured key list. Off by default, and it only applies once `requiredTags` ' +
    'names the keys your organisation requires.',
  fix:
    'Add each required key to `Tags` of the AWS::ECS::Service, AWS::ECS::Cluster and AWS::ECS::TaskDefinition; in ' +
    "aws-cdk-lib use `Tags.of(scope).add('<key>', '<value>')` on the stack or construct (services also need " +
    '`propagateTags` for the tags to reach tasks).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Service', 'AWS::ECS::Cluster', 'AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.13', 'ECS.14', 'ECS.15'],
    configRules: ['tagged-ecs-service', 'tagged-ecs-cluster', 'tagged-ecs-taskdefinition'],
  },
  enabledByDefault: false,

  evaluate(properties, context) {
    const required = context.options.requiredTags;
    if (required.length === 0) {
      return [notApplicable('', 'No required tag keys are configured (option requiredTags).')];
    }
    const tags = listValue(property(properties, 'Tags'));
    if (isOpaque(tags)) {
      return required.map((key) => unverified(`Tag::${key}`, `Tags is ${tags.display}, which cannot be resolved: ${tags.details.reason ?? 'unknown value'}.`));
    }
    const keys = new Set<string>();
    const undecided: string[] = [];
    for (const tag of tags ?? []) {
      const record = recordValue(tag);
      const key = record && !isOpaque(record) ? stringValue(property(record, 'Key')) : record;
      if (typeof key === 'string') keys.add(key);
      else undecided.push(displayValue(key ?? tag));
    }
    return required.map((key) => {
      if (keys.has(key)) return pass(`Tag::${key}`, `Tag '${key}' is set.`);
      if (undecided.length > 0) {
        return unverified(`Tag::${key}`, `Tag '${key}' is not among the literal tag keys, and tag key(s) ${undecided.join(', ')} cannot be resolved.`);
      }
      return fail(`Tag::${key}`, `Required tag '${key}' is missing.`);
    });
  },
};
