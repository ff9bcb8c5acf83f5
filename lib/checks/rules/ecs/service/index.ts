import { Rule } from '../../../rule';

/** Rules on AWS::ECS::Service and AWS::ECS::TaskSet (SVC-*). */
export const SERVICE_RULES: readonly Rule[] = [];
