import { containerInsights } from './container-insights';
import { execLoggingEncrypted } from './exec-logging-encrypted';
import { managedStorageCmk } from './managed-storage-cmk';
import { requiredTags } from './required-tags';
import { terminationProtection } from './termination-protection';
import { Rule } from '../../../rule';

/** Rules on AWS::ECS::Cluster and capacity providers (CL-*, CP-*), plus TAG-01, in catalogue order. */
export const CLUSTER_RULES: readonly Rule[] = [
  containerInsights,
  execLoggingEncrypted,
  managedStorageCmk,
  terminationProtection,
  requiredTags,
];
