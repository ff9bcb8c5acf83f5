import { Rule } from '../../../rule';

/** Rules on AWS::ECS::Cluster and capacity providers (CL-*, CP-*). */
export const CLUSTER_RULES: readonly Rule[] = [];
