import { crossAccountTrust } from './cross-account-trust';
import { ecsTrustConfusedDeputy } from './ecs-trust-confused-deputy';
import { trustNoPublicPrincipal } from './trust-no-public-principal';
import { Rule } from '../../rule';

/** Rules on IAM roles, policies and managed policies used by ECS (IAM-*), in catalogue order. */
export const IAM_RULES: readonly Rule[] = [
  ecsTrustConfusedDeputy,
  trustNoPublicPrincipal,
  crossAccountTrust,
];
