import { Rule } from '../../../rule';

/** Rules on AWS::ECS::TaskDefinition (TD-*). */
export const TASK_DEFINITION_RULES: readonly Rule[] = [];
