import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Findings of cdk-nag's AwsSolutions pack that our constructs cannot avoid, acknowledged where
 * they arise with the reason an auditor needs. Each id is exact (cdk-nag v3 matches acknowledgments
 * exactly), so a new, different finding still fails synth. The list is documented in docs/cdk-nag.md.
 */
export const AWS_SOLUTIONS_ACKNOWLEDGMENTS = {
  /** The execution role's `ecr:GetAuthorizationToken`, and ECS Exec's channel actions on the task role. */
  resourceWildcardWithoutScope: {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'Only actions that IAM authorises on "*" alone use "*" here (ecr:GetAuthorizationToken; with ECS Exec, the ' +
      'ssmmessages channels and logs:DescribeLogGroups). The HardenedECS rules reject any other "*".',
  },
  /** An internal load balancer admits its VPC's CIDR, an intrinsic cdk-nag cannot resolve. */
  internalLoadBalancerIngress: {
    id: 'AwsSolutions-EC23',
    reason: 'Ingress is limited to the listener port from the VPC CIDR (Fn::GetAtt CidrBlock, which cdk-nag cannot resolve) ' +
      'or from loadBalancer.allowedClientCidrs.',
  },
  /** An internet-facing load balancer, asked for explicitly. */
  internetFacingLoadBalancerIngress: {
    id: 'AwsSolutions-EC23',
    reason: 'The load balancer is internet-facing by the explicit option loadBalancer.internetFacing: clients reach the ' +
      'HTTPS listener port only; narrow it with loadBalancer.allowedClientCidrs.',
  },
  /** Access logs need a bucket the organisation owns. */
  loadBalancerAccessLogs: {
    id: 'AwsSolutions-ELB2',
    reason: 'Access logs are opt-in (loadBalancer.accessLogsBucket): they need an S3 bucket the organisation owns, with the ' +
      'regional ELB log-delivery policy, which a service construct should not create on its own.',
  },
} as const;

export function acknowledgeAwsSolutions(scope: IConstruct, acknowledgment: { readonly id: string; readonly reason: string }): void {
  Validations.of(scope).acknowledge({ id: acknowledgment.id, reason: acknowledgment.reason });
}
