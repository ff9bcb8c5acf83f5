import { kms } from './kms';
import { retention } from './retention';
import { Rule } from '../../rule';

/** Rules on CloudWatch Logs log groups (LOG-*), in catalogue order. */
export const LOGS_RULES: readonly Rule[] = [retention, kms];
