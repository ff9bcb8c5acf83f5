import { Rule } from '../../rule';

/** Rules on KMS keys (KMS-*). */
export const KMS_RULES: readonly Rule[] = [];
