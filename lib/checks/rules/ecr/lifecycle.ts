import { isOpaque } from '../../model/opaque';
import { property, recordValue, stringValue } from '../../model/values';
import { Rule, fail, pass, unverified } from '../../rule';

/** ECR-03: the repository has a lifecycle policy with at least one rule. */
export const lifecycle: Rule = {
  id: 'ECR-03',
  name: 'lifecycle',
  title: 'Repository has a lifecycle policy',
  severity: 'low',
  rationale:
    'Without a lifecycle policy every image ever pushed stays in the registry, including old images with known ' +
    'vulnerabilities that can still be pulled and deployed by digest, and storage cost grows without bound. A policy ' +
    'text built with Fn::Sub is accepted (Control Tower CT.ECR.PR.1 wrongly fails it) as long as it is non-empty and, ' +
    'when fully literal, valid JSON with at least one rule.',
  fix:
    'Set `LifecyclePolicy.LifecyclePolicyText` on the AWS::ECR::Repository (e.g. expire untagged images after 14 days, ' +
    'keep the last N tagged ones); in aws-cdk-lib `repository.addLifecycleRule({ maxImageCount: 50 })` or `lifecycleRules`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECR::Repository'],
  compliance: {
    securityHub: ['ECR.3'],
    controlTower: ['CT.ECR.PR.1'],
    configRules: ['ecr-private-lifecycle-policy-configured'],
    nist80053: ['CA-9(1)', 'CM-2', 'CM-2(2)'],
    pciDss: ['3.1'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const policy = recordValue(property(properties, 'LifecyclePolicy'));
    const text = isOpaque(policy) ? policy : stringValue(policy && property(policy, 'LifecyclePolicyText'));
    if (text === undefined || text.toString().trim() === '') return [fail('', 'The repository has no lifecycle policy, so images are never expired.')];
    if (isOpaque(text)) {
      // A composite keeps its literal JSON skeleton; only a wholly unknown text is unverifiable.
      if (text.kind === 'composite' && (text.details.parts ?? []).some((p) => typeof p === 'string' && p.includes('rules'))) {
        return [pass('', 'The repository has a lifecycle policy (built from template values).')];
      }
      return [unverified('', `LifecyclePolicyText is ${text.display}, which cannot be resolved: ${text.details.reason ?? 'unknown value'}.`)];
    }
    const count = ruleCount(text);
    if (count === undefined) return [fail('', 'LifecyclePolicyText is not valid JSON, so ECR rejects it.')];
    if (count === 0) return [fail('', 'The lifecycle policy has no rules, so images are never expired.')];
    return [pass('', `The lifecycle policy has ${count} rule(s).`)];
  },
};

function ruleCount(text: string): number | undefined {
  try {
    const parsed = JSON.parse(text) as { rules?: unknown };
    return Array.isArray(parsed?.rules) ? parsed.rules.length : 0;
  } catch {
    return undefined;
  }
}
