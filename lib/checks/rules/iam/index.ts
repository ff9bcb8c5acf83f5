import { Rule } from '../../rule';

/** Rules on IAM roles, policies and managed policies used by ECS (IAM-*). */
export const IAM_RULES: readonly Rule[] = [];
