import { crossAccountTrust } from './cross-account-trust';
import { ecsTrustConfusedDeputy } from './ecs-trust-confused-deputy';
import { noAdmin } from './no-admin';
import { noAllowNotElements } from './no-allow-not-elements';
import { noServiceWildcards } from './no-service-wildcards';
import { trustNoPublicPrincipal } from './trust-no-public-principal';
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
];
