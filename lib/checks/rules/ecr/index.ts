import { cmk } from './cmk';
import { immutable } from './immutable';
import { lifecycle } from './lifecycle';
import { noPublicPolicy } from './no-public-policy';
import { scan } from './scan';
import { Rule } from '../../rule';

/** Rules on ECR repositories (ECR-*), in catalogue order. */
export const ECR_RULES: readonly Rule[] = [scan, immutable, lifecycle, cmk, noPublicPolicy];
