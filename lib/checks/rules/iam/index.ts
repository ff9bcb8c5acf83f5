import { crossAccountTrust } from './cross-account-trust';
import { ecsTrustConfusedDeputy } from './ecs-trust-confused-deputy';
import { execRoleLeastPrivilege } from './exec-role-least-privilege';
import { kmsDecryptScoped } from './kms-decrypt-scoped';
import { noAdmin } from './no-admin';
import { noAdminManagedOnEcsRoles } from './no-admin-managed-on-ecs-roles';
import { noAllowNotElements } from './no-allow-not-elements';
import { noPrivilegeEscalation } from './no-privilege-escalation';
import { noServiceWildcards } from './no-service-wildcards';
import { noUnconstrainedSensitive } from './no-unconstrained-sensitive';
import { passroleScoped } from './passrole-scoped';
import { roleSeparation } from './role-separation';
import { secretArnPrecision } from './secret-arn-precision';
import { taskRoleResourcesScoped } from './task-role-resources-scoped';
import { trustNoPublicPrincipal } from './trust-no-public-principal';
import { userInlineHygiene } from './user-inline-hygiene';
import { wildcardEvidence } from './wildcard-evidence';
import { Rule } from '../../rule';

/** Rules on IAM roles, policies and managed policies used by ECS (IAM-*), in catalogue order. */
export const IAM_RULES: readonly Rule[] = [
  ecsTrustConfusedDeputy,
  trustNoPublicPrincipal,
  crossAccountTrust,
  noAdmin,
  noServiceWildcards,
  noAllowNotElements,
  wildcardEvidence,
  noPrivilegeEscalation,
  passroleScoped,
  noUnconstrainedSensitive,
  kmsDecryptScoped,
  secretArnPrecision,
  execRoleLeastPrivilege,
  noAdminManagedOnEcsRoles,
  userInlineHygiene,
  roleSeparation,
  taskRoleResourcesScoped,
];
