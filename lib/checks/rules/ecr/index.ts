import { Rule } from '../../rule';

/** Rules on ECR repositories (ECR-*). */
export const ECR_RULES: readonly Rule[] = [];
