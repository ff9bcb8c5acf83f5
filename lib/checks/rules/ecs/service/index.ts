import { execDisabledOrAudited } from './exec-disabled-or-audited';
import { fargateLatestPlatform } from './fargate-latest-platform';
import { noAdminLegacyRole } from './no-admin-legacy-role';
import { resilience } from './resilience';
import { serviceNoPublicIp } from './service-no-public-ip';
import { sgNoOpenIngress } from './sg-no-open-ingress';
import { tasksetNoPublicIp } from './taskset-no-public-ip';
import { Rule } from '../../../rule';

/** Rules on AWS::ECS::Service and AWS::ECS::TaskSet (SVC-*), in catalogue order. */
export const SERVICE_RULES: readonly Rule[] = [
  serviceNoPublicIp,
  tasksetNoPublicIp,
  fargateLatestPlatform,
  execDisabledOrAudited,
  sgNoOpenIngress,
  noAdminLegacyRole,
  resilience,
];
