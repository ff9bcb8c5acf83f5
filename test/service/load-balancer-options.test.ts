import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CERT_ARN, awsSolutionsAcknowledgments, build, certificate, container, logicalId, metadataOf, withHttps } from './service-fixture';
import { AWS_SOLUTIONS_ACKNOWLEDGMENTS } from '../../lib/audit/aws-solutions';

// LoadBalancerOptions (lib/service/load-balancer-options.ts) documents these defaults; HardenedFargateService applies them.

const ingressOf = (template: Template, securityGroupId: string) =>
  template.findResources('AWS::EC2::SecurityGroup')[securityGroupId].Properties.SecurityGroupIngress;

describe('LoadBalancerOptions defaults (internet-facing, with a certificate)', () => {
  test('HTTPS listener with the certificate and TLS 1.2+, public subnets, invalid header fields dropped, returned by the service', () => {
    const { stack, service } = build(withHttps);
    const template = Template.fromStack(stack);
    expect(service.loadBalancer).toBeInstanceOf(elbv2.ApplicationLoadBalancer);
    expect(service.listener).toBeInstanceOf(elbv2.ApplicationListener);
    expect(service.targetGroup).toBeInstanceOf(elbv2.ApplicationTargetGroup);
    const loadBalancerId = logicalId(stack, service.loadBalancer!);
    const targetGroupId = logicalId(stack, service.targetGroup!);

    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: [{ Ref: Match.stringLikeRegexp('VpcPublicSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPublicSubnet2') }],
      // No access logs and no deletion protection unless asked for.
      LoadBalancerAttributes: [
        { Key: 'deletion_protection.enabled', Value: 'false' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ],
    });
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: { Ref: loadBalancerId },
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT_ARN }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: targetGroupId } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8080, Protocol: 'HTTP', TargetType: 'ip' });
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: { Ref: targetGroupId } }],
      HealthCheckGracePeriodSeconds: 60,
    });
    expect(metadataOf(template, 'AWS::ElasticLoadBalancingV2::Listener')).toEqual([]);
    // Access logs are opt-in: the cdk-nag finding is acknowledged with the reason.
    expect(awsSolutionsAcknowledgments(service.loadBalancer!)).toEqual({
      [AWS_SOLUTIONS_ACKNOWLEDGMENTS.loadBalancerAccessLogs.id]: AWS_SOLUTIONS_ACKNOWLEDGMENTS.loadBalancerAccessLogs.reason,
    });
  });

  test('clients from anywhere reach only the HTTPS port; the load balancer reaches only the tasks, on the container port', () => {
    const { stack, service } = build(withHttps);
    const template = Template.fromStack(stack);
    const serviceSgId = logicalId(stack, service.securityGroup);
    const albSg = service.node.findChild('LoadBalancerSecurityGroup') as ec2.SecurityGroup;
    const albSgId = logicalId(stack, albSg);

    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { SecurityGroups: [{ 'Fn::GetAtt': [albSgId, 'GroupId'] }] });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of SvcStack/Payments: clients in, only to the service tasks out',
    });
    expect(ingressOf(template, albSgId)).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'Clients to the HTTPS listener', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    const egress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress')).map((r: any) => r.Properties);
    expect(egress).toEqual([expect.objectContaining({
      GroupId: { 'Fn::GetAtt': [albSgId, 'GroupId'] }, DestinationSecurityGroupId: { 'Fn::GetAtt': [serviceSgId, 'GroupId'] }, FromPort: 8080,
    })]);
    expect(JSON.stringify(template.findResources('AWS::EC2::SecurityGroup')[albSgId].Properties.SecurityGroupEgress ?? [])).not.toMatch(/0\.0\.0\.0\/0/);
    const serviceIngress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => r.Properties);
    expect(serviceIngress).toEqual([expect.objectContaining({
      GroupId: { 'Fn::GetAtt': [serviceSgId, 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 8080,
      ToPort: 8080,
      SourceSecurityGroupId: { 'Fn::GetAtt': [albSgId, 'GroupId'] },
    })]);
    expect(ingressOf(template, serviceSgId)).toBeUndefined();
    // The open internet-facing listener is acknowledged as explicitly asked for.
    expect(awsSolutionsAcknowledgments(albSg)).toEqual({
      [AWS_SOLUTIONS_ACKNOWLEDGMENTS.internetFacingLoadBalancerIngress.id]: AWS_SOLUTIONS_ACKNOWLEDGMENTS.internetFacingLoadBalancerIngress.reason,
    });
  });
});

describe('LoadBalancerOptions', () => {
  test('an internal load balancer with access logs and tuned listener, target, health check and protection options', () => {
    const { stack, vpc, service } = build((s) => ({
      container: container(s, { portMappings: [{ containerPort: 8080 }, { containerPort: 9090 }] }),
      loadBalancer: {
        certificate: certificate(s),
        accessLogsBucket: new s3.Bucket(s, 'AccessLogs', { enforceSSL: true }),
        accessLogsPrefix: 'payments',
        sslPolicy: elbv2.SslPolicy.TLS13_13,
        containerPort: 9090,
        healthCheck: { path: '/healthz' },
        healthCheckGracePeriod: Duration.seconds(120),
        deletionProtection: true,
      },
    }));
    const template = Template.fromStack(stack);
    const albSg = service.node.findChild('LoadBalancerSecurityGroup') as ec2.SecurityGroup;
    const targetGroupId = logicalId(stack, service.targetGroup!);

    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPrivateSubnet2') }],
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: { Ref: Match.stringLikeRegexp('^AccessLogs') } },
        { Key: 'access_logs.s3.prefix', Value: 'payments' },
      ]),
    });
    expect(ingressOf(template, logicalId(stack, albSg))).toEqual([{
      CidrIp: { 'Fn::GetAtt': [logicalId(stack, vpc), 'CidrBlock'] }, Description: 'Clients to the HTTPS listener', FromPort: 443, IpProtocol: 'tcp', ToPort: 443,
    }]);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 9090, HealthCheckPath: '/healthz' });
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{ ContainerName: 'app', ContainerPort: 9090, TargetGroupArn: { Ref: targetGroupId } }],
      HealthCheckGracePeriodSeconds: 120,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 9090, ToPort: 9090 });
    // With access logs there is nothing to acknowledge; an internal load balancer's VPC-CIDR ingress is.
    expect(awsSolutionsAcknowledgments(service.loadBalancer!)).toEqual({});
    expect(awsSolutionsAcknowledgments(albSg)).toEqual({
      [AWS_SOLUTIONS_ACKNOWLEDGMENTS.internalLoadBalancerIngress.id]: AWS_SOLUTIONS_ACKNOWLEDGMENTS.internalLoadBalancerIngress.reason,
    });
  });

  test('allowed client CIDRs replace the open ingress, IPv4 and IPv6; a certificate wins over allowPlainHttp', () => {
    const { stack, service } = build((s) => ({
      loadBalancer: {
        certificate: certificate(s),
        internetFacing: true,
        allowedClientCidrs: ['203.0.113.0/24', '2001:db8::/32'],
        allowPlainHttp: { reason: 'Left over from the migration, to be removed (NET-9)' },
      },
    }));
    const template = Template.fromStack(stack);
    const albSg = service.node.findChild('LoadBalancerSecurityGroup') as ec2.SecurityGroup;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    expect(ingressOf(template, logicalId(stack, albSg))).toEqual([
      { CidrIp: '203.0.113.0/24', Description: 'Clients to the HTTPS listener', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
      { CidrIpv6: '2001:db8::/32', Description: 'Clients to the HTTPS listener', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    expect(metadataOf(template, 'AWS::ElasticLoadBalancingV2::Listener')).toEqual([]);
    // Narrowed clients: acknowledged like an internal load balancer, not as an open internet-facing one.
    expect(awsSolutionsAcknowledgments(albSg)).toEqual({
      [AWS_SOLUTIONS_ACKNOWLEDGMENTS.internalLoadBalancerIngress.id]: AWS_SOLUTIONS_ACKNOWLEDGMENTS.internalLoadBalancerIngress.reason,
    });
  });

  test('plain HTTP, with its exemption: port 80 from the VPC CIDR only, recorded on the listener', () => {
    const reason = 'Internal health dashboard, TLS terminated by the mesh (NET-12)';
    const { stack, vpc, service } = build(() => ({ loadBalancer: { allowPlainHttp: { reason } } }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP', Certificates: Match.absent() });
    expect(ingressOf(template, logicalId(stack, service.node.findChild('LoadBalancerSecurityGroup')))).toEqual([{
      CidrIp: { 'Fn::GetAtt': [logicalId(stack, vpc), 'CidrBlock'] }, Description: 'Clients to the HTTP listener', FromPort: 80, IpProtocol: 'tcp', ToPort: 80,
    }]);
    expect(metadataOf(template, 'AWS::ElasticLoadBalancingV2::Listener')).toEqual([{ option: 'allowPlainHttp', rule: 'LB-01', reason }]);
  });
});

describe('LoadBalancerOptions bad inputs', () => {
  test('a load balancer without certificate or plain-HTTP exemption fails with the fix', () => {
    expect(() => build(() => ({ loadBalancer: {} }))).toThrow(
      'SvcStack/Payments: the load balancer has no certificate. Fix: pass loadBalancer.certificate ' +
        "(e.g. acm.Certificate.fromCertificateArn(this, 'Cert', arn)) for HTTPS; plain HTTP needs the explicit " +
        'loadBalancer.allowPlainHttp exemption with a reason.',
    );
  });

  test('a load balancer without a container port fails with the fix', () => {
    expect(() => build((stack) => ({ ...withHttps(stack), container: container(stack, { portMappings: [] }) }))).toThrow(
      'SvcStack/Payments: the load balancer needs a container port, but the main container has no portMappings. ' +
        'Fix: add portMappings: [{ containerPort: 8080 }] to the container, or set loadBalancer.containerPort.',
    );
  });
});
