import { noWildcardPrincipal } from './no-wildcard-principal';
import { rotation } from './rotation';
import { Rule } from '../../rule';

/** Rules on KMS keys (KMS-*), in catalogue order. */
export const KMS_RULES: readonly Rule[] = [rotation, noWildcardPrincipal];
