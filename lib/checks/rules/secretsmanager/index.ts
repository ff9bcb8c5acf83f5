import { Rule } from '../../rule';

/** Rules on Secrets Manager secrets (SEC-*). */
export const SECRETS_MANAGER_RULES: readonly Rule[] = [];
