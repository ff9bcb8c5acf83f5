import { NO_USER_POLICY_CONTROLS } from './iam-control-mappings';
import { Opaque } from '../../model/opaque';
import { property } from '../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** IAM-15 (off by default): no policies on IAM users, and no inline policies. */
export const userInlineHygiene: Rule = {
  id: 'IAM-15',
  name: 'user-inline-hygiene',
  title: 'No IAM user policies and no inline policies',
  severity: 'low',
  rationale:
    'Permissions attached to IAM users (long-lived credentials) are hard to audit and rotate; inline policies cannot be ' +
    'reused or reviewed as a unit. Off by default because every aws-cdk-lib grant creates an inline `AWS::IAM::Policy` ' +
    '(the `DefaultPolicy`), so the rule would fire on every stack; turn it on where policies must be managed policies.',
  fix:
    'Attach permissions to roles (or groups), not users: remove `Policies`/`ManagedPolicyArns` from `AWS::IAM::User` and ' +
    '`Users` from policies. Replace `AWS::IAM::Policy`/`Policies` with an `AWS::IAM::ManagedPolicy` (aws-cdk-lib: ' +
    '`new iam.ManagedPolicy(...)` attached with `role.addManagedPolicy`).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role'],
  compliance: { ...NO_USER_POLICY_CONTROLS, related: ['CKV_AWS_40', 'cdk-nag IAMNoInlinePolicy', 'cdk-nag IAMUserNoPolicies'] },
  enabledByDefault: false,

  evaluate(properties, { resource }) {
    const outcomes: Outcome[] = [];
    const nonEmpty = (v: unknown) => !(v instanceof Opaque) && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);
    for (const name of ['Policies', 'ManagedPolicyArns', 'Users']) {
      const value = property(properties, name);
      if (value instanceof Opaque) outcomes.push(unverified(name === 'Users' ? 'Users' : '', `${name} is ${value.display}, which cannot be resolved.`));
    }
    switch (resource.type) {
      case 'AWS::IAM::User':
        if (nonEmpty(property(properties, 'Policies')) || nonEmpty(property(properties, 'ManagedPolicyArns'))) {
          outcomes.push(fail('', 'The IAM user has policies attached directly.'));
        }
        break;
      case 'AWS::IAM::Policy':
        outcomes.push(fail('', 'Inline policy (AWS::IAM::Policy); use a managed policy.'));
        if (nonEmpty(property(properties, 'Users'))) outcomes.push(fail('Users', 'The policy is attached to IAM users.'));
        break;
      case 'AWS::IAM::ManagedPolicy':
        if (nonEmpty(property(properties, 'Users'))) outcomes.push(fail('Users', 'The managed policy is attached to IAM users.'));
        break;
      default:
        if (nonEmpty(property(properties, 'Policies'))) outcomes.push(fail('', 'The role has inline Policies; use managed policies.'));
    }
    return outcomes.length ? outcomes : [pass('', 'No user policy and no inline policy.')];
  },
};
