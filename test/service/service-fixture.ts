import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { IConstruct } from 'constructs';
import { EXEMPTIONS_METADATA_KEY } from '../../lib/audit/exemption';
import { HardenedContainerOptions } from '../../lib/container/hardened-container-options';
import { HardenedImage } from '../../lib/container/hardened-image';
import { HardenedFargateService, HardenedFargateServiceProps } from '../../lib/service/hardened-fargate-service';

// Shared by the service and load balancer tests. Build stacks inside test bodies, never in a describe body:
// Stryker attributes code run while a test runs to that test, and ignores code run while the file loads.

export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/0b1c2d3e-0000-1111-2222-333344445555';

export const SIDECAR_IMAGE = HardenedImage.fromRegistry(
  'public.ecr.aws/envoy/envoy:v1.31@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
);

export interface Built {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly service: HardenedFargateService;
}

export function container(stack: Stack, overrides: Partial<HardenedContainerOptions> = {}): HardenedContainerOptions {
  const repository = ecr.Repository.fromRepositoryName(stack, `Repo${stack.node.children.length}`, 'payments');
  return {
    image: HardenedImage.fromEcrRepository(repository, 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    user: '1000:1000',
    portMappings: [{ containerPort: 8080 }],
    writablePaths: [{ containerPath: '/tmp' }],
    ...overrides,
  };
}

/** A service in a new two-AZ VPC; `vpc` is passed unless the props bring a cluster. */
export function build(props: (stack: Stack, vpc: ec2.Vpc) => Partial<HardenedFargateServiceProps> = () => ({})): Built {
  const stack = new Stack(new App(), 'SvcStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1, maxAzs: 2 });
  const extra = props(stack, vpc);
  const service = new HardenedFargateService(stack, 'Payments', {
    container: container(stack),
    ...(extra.cluster ? {} : { vpc }),
    ...extra,
  });
  return { stack, vpc, service };
}

export const certificate = (stack: Stack) => acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);

export const withHttps = (stack: Stack): Partial<HardenedFargateServiceProps> => ({
  loadBalancer: { certificate: certificate(stack), internetFacing: true },
});

export function logicalId(stack: Stack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

export function statementsOf(template: Template, policyIdPrefix: RegExp): any[] {
  return Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => policyIdPrefix.test(id))
    .flatMap(([, p]: [string, any]) => p.Properties.PolicyDocument.Statement);
}

export function metadataOf(template: Template, type: string): unknown[] {
  return Object.values(template.findResources(type)).flatMap((r: any) => r.Metadata?.[EXEMPTIONS_METADATA_KEY] ?? []);
}

/** The cdk-nag AwsSolutions acknowledgments recorded on one construct, as rule id -> reason. */
export function awsSolutionsAcknowledgments(construct: IConstruct): Record<string, string> {
  const entries = construct.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>))
    .filter(([id]) => id.includes('AwsSolutions-'))
    .map(([id, reason]) => [id.replace(/^annotation::/i, ''), reason]);
  return Object.fromEntries(entries);
}
