import { linuxNonrootUser } from './linux-nonroot-user';
import { noPrivileged } from './no-privileged';
import { readonlyRootFs } from './readonly-root-fs';
import { windowsNonAdmin } from './windows-non-admin';
import { Rule } from '../../../rule';

/** Rules on AWS::ECS::TaskDefinition (TD-*), in catalogue order. */
export const TASK_DEFINITION_RULES: readonly Rule[] = [
  noPrivileged,
  readonlyRootFs,
  linuxNonrootUser,
  windowsNonAdmin,
];
