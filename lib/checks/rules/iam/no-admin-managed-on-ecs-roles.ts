import { NO_ADMIN_CONTROLS } from './iam-control-mappings';
import { awsManagedPolicyName, ecsRoleUses, managedPolicyBaseName } from '../../model/ecs-roles';
import { Opaque } from '../../model/opaque';
import { property } from '../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

const ADMIN_MANAGED = /^(AdministratorAccess|PowerUserAccess|IAMFullAccess|.*FullAccess)$/i;

/** IAM-14: ECS roles attach no administrator-class AWS managed policy. */
export const noAdminManagedOnEcsRoles: Rule = {
  id: 'IAM-14',
  name: 'no-admin-managed-on-ecs-roles',
  title: 'ECS roles attach no admin or FullAccess managed policies',
  severity: 'high',
  rationale:
    'AdministratorAccess, PowerUserAccess, IAMFullAccess and the `*FullAccess` managed policies give a task far more than ' +
    'it uses, and grow as AWS adds actions. ARNs built with `Fn::Join`/`Fn::Sub` and `${AWS::Partition}` are flattened ' +
    'before matching, so `arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess` is caught.',
  fix:
    'Remove the policy from `ManagedPolicyArns` of the role and grant the specific actions instead. In aws-cdk-lib do not ' +
    'call `role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("...FullAccess"))` on task or execution roles.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::IAM::Role'],
  compliance: { ...NO_ADMIN_CONTROLS, related: ['CKV_AWS_274 (Terraform)', 'Prowler', 'KICS'] },
  enabledByDefault: true,

  evaluate(properties, { model, resource }) {
    if (!ecsRoleUses(model, resource).length) return [notApplicable('', 'The role is not used by an ECS task definition in this template.')];
    const outcomes: Outcome[] = [];
    for (const arn of asList(property(properties, 'ManagedPolicyArns'))) {
      const name = awsManagedPolicyName(arn);
      if (name) {
        const base = managedPolicyBaseName(name);
        outcomes.push(ADMIN_MANAGED.test(base)
          ? fail(`ManagedPolicy::${name}`, `The ECS role has the AWS managed policy ${base}.`)
          : pass(`ManagedPolicy::${name}`, `${base} is not an admin or FullAccess policy.`));
      } else if (arn instanceof Opaque && arn.kind !== 'ref' && arn.kind !== 'getatt' && arn.kind !== 'composite') {
        outcomes.push(unverified(`ManagedPolicy::${arn.display}`, `Managed policy ARN ${arn.display} cannot be resolved: ${arn.details.reason ?? 'unknown value'}.`));
      }
    }
    return outcomes.length ? outcomes : [pass('', 'No AWS managed policy is attached.')];
  },
};

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
