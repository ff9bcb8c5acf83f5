import { App, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { AWS_SOLUTIONS_ACKNOWLEDGMENTS, acknowledgeAwsSolutions } from '../../lib/audit/aws-solutions';
import { HardenedCluster } from '../../lib/cluster/hardened-cluster';
import { HardenedImage } from '../../lib/container/hardened-image';
import { HardenedFargateService, HardenedFargateServiceProps } from '../../lib/service/hardened-fargate-service';

const DIGEST = 'sha256:' + 'a'.repeat(64);

function service(overrides: Partial<HardenedFargateServiceProps> = {}, execAllowed = false): Stack {
  const stack = new Stack(new App(), 'Svc', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
  const cluster = new HardenedCluster(stack, 'Cluster', { vpc, allowExecuteCommand: execAllowed });
  new HardenedFargateService(stack, 'Api', {
    cluster: cluster.cluster,
    container: {
      image: HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'api'), DIGEST),
      user: '1000:1000',
      portMappings: [{ containerPort: 8080 }],
    },
    loadBalancer: { certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc') },
    ...overrides,
  });
  return stack;
}

/** AwsSolutions violations left after the constructs' own acknowledgments, as `id construct-path`. */
function remaining(stack: Stack): string[] {
  return new AwsSolutionsChecks().validateScope(stack).violations
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`))
    .sort();
}

/** Every AwsSolutions acknowledgment recorded under a scope, with its reason. */
function acknowledgments(stack: Stack): Array<[string, string, string]> {
  return stack.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>)
      .filter(([id]) => id.includes('AwsSolutions-'))
      .map(([id, reason]): [string, string, string] => [c.node.path, id.replace(/^annotation::/i, ''), reason])));
}

describe("cdk-nag's AwsSolutions pack on our constructs", () => {
  test('a default service leaves only the VPC flow-log finding, on the VPC the user passed in', () => {
    expect(remaining(service())).toEqual(['AwsSolutions-VPC7 Svc/Vpc/Resource']);
  });

  test('an internet-facing service and one with ECS Exec leave nothing else either', () => {
    const certificate = acm.Certificate.fromCertificateArn(new Stack(), 'C', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
    expect(remaining(service({ loadBalancer: { certificate, internetFacing: true } }))).toEqual(['AwsSolutions-VPC7 Svc/Vpc/Resource']);
    const exec = service({ enableExecuteCommand: { reason: 'Break-glass shell for the on-call engineer (OPS-12)' } }, true);
    expect(remaining(exec)).toEqual(['AwsSolutions-VPC7 Svc/Vpc/Resource']);
  });

  test('each acknowledgment sits where its finding arises, with the documented reason', () => {
    const acks = acknowledgments(service());
    expect(acks).toEqual(expect.arrayContaining([
      ['Svc/Api/ExecutionRole', 'AwsSolutions-IAM5[Resource::*]', AWS_SOLUTIONS_ACKNOWLEDGMENTS.resourceWildcardWithoutScope.reason],
      ['Svc/Api/LoadBalancer', 'AwsSolutions-ELB2', AWS_SOLUTIONS_ACKNOWLEDGMENTS.loadBalancerAccessLogs.reason],
      ['Svc/Api/LoadBalancerSecurityGroup', 'AwsSolutions-EC23', AWS_SOLUTIONS_ACKNOWLEDGMENTS.internalLoadBalancerIngress.reason],
    ]));
    for (const [, , reason] of acks) expect(reason.length).toBeGreaterThan(40);
  });

  test('with access logs configured, ELB2 is not acknowledged at all', () => {
    const stack = service();
    expect(acknowledgments(stack).map(([, id]) => id)).toContain('AwsSolutions-ELB2');
    // The acknowledgment is conditional: a service with an access-logs bucket must earn ELB2 by logging.
    const withLogs = new Stack(new App(), 'Logs', { env: { account: '111111111111', region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(withLogs, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
    const bucket = new s3.Bucket(withLogs, 'AccessLogs', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    new HardenedFargateService(withLogs, 'Api', {
      vpc,
      container: { image: HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(withLogs, 'Repo', 'api'), DIGEST), user: '1000:1000', portMappings: [{ containerPort: 8080 }] },
      loadBalancer: { certificate: acm.Certificate.fromCertificateArn(withLogs, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'), accessLogsBucket: bucket },
    });
    expect(acknowledgments(withLogs).map(([, id]) => id)).not.toContain('AwsSolutions-ELB2');
    expect(remaining(withLogs).filter((v) => v.startsWith('AwsSolutions-ELB2'))).toEqual([]);
  });
});

describe('AwsSolutions acknowledgments', () => {
  test('acknowledgeAwsSolutions records the exact id with its reason on the given scope only', () => {
    const stack = new Stack(new App(), 'Svc');
    const scope = new Construct(stack, 'Role');
    acknowledgeAwsSolutions(scope, { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'only GetAuthorizationToken uses *' });
    expect(acknowledgments(stack)).toEqual([['Svc/Role', 'AwsSolutions-IAM5[Resource::*]', 'only GetAuthorizationToken uses *']]);
  });

  // The reasons are what an auditor reads next to the finding: each must name what makes the finding
  // unavoidable and the option that narrows it (docs/cdk-nag.md lists the same facts).
  test('each acknowledgment has an exact rule id and a reason naming the cause and the narrowing option', () => {
    const acks = AWS_SOLUTIONS_ACKNOWLEDGMENTS;
    expect(acks.resourceWildcardWithoutScope.id).toBe('AwsSolutions-IAM5[Resource::*]');
    expect(acks.resourceWildcardWithoutScope.reason).toBe('Only actions that IAM authorises on "*" alone use "*" here (ecr:GetAuthorizationToken; '
      + 'with ECS Exec, the ssmmessages channels and logs:DescribeLogGroups). The HardenedECS rules reject any other "*".');
    expect(acks.internalLoadBalancerIngress.id).toBe('AwsSolutions-EC23');
    expect(acks.internalLoadBalancerIngress.reason).toBe('Ingress is limited to the listener port from the VPC CIDR (Fn::GetAtt CidrBlock, '
      + 'which cdk-nag cannot resolve) or from loadBalancer.allowedClientCidrs.');
    expect(acks.internetFacingLoadBalancerIngress.id).toBe('AwsSolutions-EC23');
    expect(acks.internetFacingLoadBalancerIngress.reason).toBe('The load balancer is internet-facing by the explicit option '
      + 'loadBalancer.internetFacing: clients reach the HTTPS listener port only; narrow it with loadBalancer.allowedClientCidrs.');
    expect(acks.loadBalancerAccessLogs.id).toBe('AwsSolutions-ELB2');
    expect(acks.loadBalancerAccessLogs.reason).toBe('Access logs are opt-in (loadBalancer.accessLogsBucket): they need an S3 bucket the '
      + 'organisation owns, with the regional ELB log-delivery policy, which a service construct should not create on its own.');
  });
});
