import { publicIpOutcome } from './public-ip-outcome';
import { Rule } from '../../../rule';

/** SVC-01: a service does not give its tasks public IP addresses. */
export const serviceNoPublicIp: Rule = {
  id: 'SVC-01',
  name: 'service-no-public-ip',
  title: 'Service does not assign public IP addresses to tasks',
  severity: 'high',
  rationale:
    'A task with a public IP address is reachable from the internet as far as its security groups allow, bypassing the ' +
    'load balancer, WAF and private-subnet design. Tasks in private subnets reach AWS APIs through VPC endpoints or a NAT ' +
    'gateway and need no public address. An absent AssignPublicIp means DISABLED.',
  fix:
    'Set `NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: DISABLED` (or omit it) and use private subnets; in ' +
    'aws-cdk-lib leave `assignPublicIp` false on FargateService / Ec2Service and the ecs-patterns constructs.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Service'],
  compliance: {
    securityHub: ['ECS.2'],
    controlTower: ['CT.ECS.PR.9'],
    configRules: ['ecs-service-assign-public-ip-disabled'],
    nist80053: ['AC-3', 'AC-3(7)', 'AC-4', 'AC-4(21)', 'AC-6', 'AC-21', 'SC-7', 'SC-7(3)', 'SC-7(4)', 'SC-7(9)', 'SC-7(11)', 'SC-7(16)', 'SC-7(20)', 'SC-7(21)'],
    pciDss: ['1.2.1', '1.3', '1.3.1', '1.3.2', '1.3.4', '1.3.6', '2.2.2'],
    related: ['KICS c0c26068', 'Prowler ecs_service_no_assign_public_ip', 'CKV_AWS_333 (TF)'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    return [publicIpOutcome(properties, 'service')];
  },
};
