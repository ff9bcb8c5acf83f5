import { rotation } from './rotation';
import { secretCmk } from './secret-cmk';
import { Rule } from '../../rule';

/** Rules on Secrets Manager secrets (SEC-*), in catalogue order. */
export const SECRETS_MANAGER_RULES: readonly Rule[] = [secretCmk, rotation];
