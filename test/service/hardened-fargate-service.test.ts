import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { EXEMPTIONS_METADATA_KEY } from '../../lib/audit/exemption';
import { HardenedCluster } from '../../lib/cluster/hardened-cluster';
import { HardenedContainerOptions } from '../../lib/container/hardened-container-options';
import { HardenedImage } from '../../lib/container/hardened-image';
import { HardenedFargateService, HardenedFargateServiceProps } from '../../lib/service/hardened-fargate-service';

const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/0b1c2d3e-0000-1111-2222-333344445555';

interface Built {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly service: HardenedFargateService;
}

function container(stack: Stack, overrides: Partial<HardenedContainerOptions> = {}): HardenedContainerOptions {
  const repository = ecr.Repository.fromRepositoryName(stack, `Repo${stack.node.children.length}`, 'payments');
  return {
    image: HardenedImage.fromEcrRepository(repository, 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    user: '1000:1000',
    portMappings: [{ containerPort: 8080 }],
    writablePaths: [{ containerPath: '/tmp' }],
    ...overrides,
  };
}

function build(props: (stack: Stack, vpc: ec2.Vpc) => Partial<HardenedFargateServiceProps> = () => ({})): Built {
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

const withHttps = (stack: Stack) => ({
  loadBalancer: { certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN), internetFacing: true },
});

function statementsOf(template: Template, policyIdPrefix: RegExp): any[] {
  return Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => policyIdPrefix.test(id))
    .flatMap(([, p]: [string, any]) => p.Properties.PolicyDocument.Statement);
}

function metadataOf(template: Template, type: string): unknown[] {
  return Object.values(template.findResources(type)).flatMap((r: any) => r.Metadata?.[EXEMPTIONS_METADATA_KEY] ?? []);
}

describe('HardenedFargateService behind an HTTPS load balancer (defaults)', () => {
  const built = build(withHttps);
  // An aws-cdk-lib grant with exact actions on an exact ARN: lands on the task role through grantPrincipal.
  const queue = new sqs.Queue(built.stack, 'Events');
  queue.grantSendMessages(built.service);
  const template = Template.fromStack(built.stack);
  const serviceSgId = built.stack.getLogicalId(built.service.securityGroup.node.defaultChild as ec2.CfnSecurityGroup);
  const albSgId = Object.keys(template.findResources('AWS::EC2::SecurityGroup')).find((id) => id.includes('LoadBalancerSecurityGroup'))!;

  test('runs in private subnets without a public IP', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          Subnets: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPrivateSubnet2') }],
        },
      },
    });
  });

  test('rolls failed deployments back with the circuit breaker, on platform LATEST', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100 }),
      PlatformVersion: 'LATEST',
      LaunchType: 'FARGATE',
    });
  });

  test('keeps ECS Exec off by default', () => {
    template.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: Match.absent() });
    template.hasResourceProperties('AWS::ECS::Cluster', { Configuration: Match.absent() });
  });

  test('creates a hardened cluster with enhanced Container Insights', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }] });
  });

  test('the tasks security group admits only the load balancer security group, on the container port', () => {
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'))
      .map((r: any) => r.Properties)
      .filter((p: any) => p.GroupId['Fn::GetAtt'][0] === serviceSgId);
    expect(ingress).toEqual([expect.objectContaining({
      IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: { 'Fn::GetAtt': [albSgId, 'GroupId'] },
    })]);
    const serviceSg = template.findResources('AWS::EC2::SecurityGroup')[serviceSgId];
    expect(serviceSg.Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('the load balancer security group sends traffic only to the tasks', () => {
    const egress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress')).map((r: any) => r.Properties);
    expect(egress).toEqual([expect.objectContaining({
      GroupId: { 'Fn::GetAtt': [albSgId, 'GroupId'] }, DestinationSecurityGroupId: { 'Fn::GetAtt': [serviceSgId, 'GroupId'] }, FromPort: 8080,
    })]);
    const albSg = template.findResources('AWS::EC2::SecurityGroup')[albSgId];
    expect(albSg.Properties.SecurityGroupIngress).toEqual([expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 })]);
    expect(JSON.stringify(albSg.Properties.SecurityGroupEgress ?? [])).not.toMatch(/0\.0\.0\.0\/0/);
  });

  test('serves HTTPS with the certificate and a TLS 1.2+ policy; no plain HTTP listener', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT_ARN }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
  });

  test('drops invalid header fields', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]),
      Scheme: 'internet-facing',
    });
  });

  test('has a dedicated log group with finite retention, encrypted with a CMK that CloudWatch Logs may use', () => {
    const keyId = built.stack.getLogicalId(built.service.logEncryptionKey.node.defaultChild as any);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const key = template.findResources('AWS::KMS::Key')[keyId];
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(expect.objectContaining({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } },
    }));
  });

  test('the task role trusts ecs-tasks from this account only, and grants land on it', () => {
    const roleId = built.stack.getLogicalId(built.service.taskRole.role.node.defaultChild as any);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: Match.anyValue() } })],
      },
    });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { TaskRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    expect(statementsOf(template, /^PaymentsTaskRole/)).toEqual([expect.objectContaining({
      Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Events/), 'Arn'] },
    })]);
  });

  test('the execution role holds only ECR pull and log delivery, and differs from the task role', () => {
    const actions = statementsOf(template, /^PaymentsExecutionRole/).map((s) => s.Action);
    expect(actions).toEqual([
      'ecr:GetAuthorizationToken',
      ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/AmazonECSTaskExecutionRolePolicy/);
  });

  test('the main container keeps every hardening default', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
      ContainerDefinitions: [Match.objectLike({
        Name: 'app',
        User: '1000:1000',
        ReadonlyRootFilesystem: true,
        Privileged: Match.absent(),
        Memory: 512,
        LinuxParameters: Match.objectLike({ Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true }),
        LogConfiguration: Match.objectLike({ Options: Match.objectLike({ mode: 'non-blocking' }) }),
      })],
    });
  });

  test('records no exemption anywhere', () => {
    for (const type of ['AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::Listener']) {
      expect(metadataOf(template, type)).toEqual([]);
    }
  });
});

describe('HardenedFargateService with ECS Exec', () => {
  const reason = 'Break-glass shell for on-call engineers, approved in SEC-42';
  const built = build((stack) => ({ ...withHttps(stack), enableExecuteCommand: { reason } }));
  built.service.addSidecar('proxy', {
    image: HardenedImage.fromRegistry('public.ecr.aws/envoy/envoy:v1.31@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), user: '101', memoryLimitMiB: 128,
  });
  const template = Template.fromStack(built.stack);
  const [taskDefinition] = Object.values(template.findResources('AWS::ECS::TaskDefinition')) as any[];

  test('enables execute command on the service and records the exemption', () => {
    template.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: true });
    expect(metadataOf(template, 'AWS::ECS::Service')).toEqual([{ option: 'enableExecuteCommand', rule: 'SVC-04', reason }]);
  });

  test('the created cluster encrypts sessions with a CMK and logs them to an encrypted log group', () => {
    template.hasResourceProperties('AWS::ECS::Cluster', {
      Configuration: {
        ExecuteCommandConfiguration: {
          KmsKeyId: Match.anyValue(),
          Logging: 'OVERRIDE',
          LogConfiguration: { CloudWatchEncryptionEnabled: true, CloudWatchLogGroupName: Match.anyValue() },
        },
      },
    });
  });

  test('grants the task role exactly the ECS Exec actions; the two unscopable ones pass as documented exceptions', () => {
    const statements = statementsOf(template, /^PaymentsTaskRole/);
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource === '*'])).toEqual([
      ['EcsExecSsmMessagesChannels', ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], true],
      [undefined, 'kms:Decrypt', false],
      ['EcsExecDescribeLogGroups', 'logs:DescribeLogGroups', true],
      [undefined, ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], false],
    ]);
    // Documented exceptions: the rules accept them, so nothing needs recording and nothing warns.
    expect(metadataOf(template, 'AWS::IAM::Policy')).toEqual([]);
    Annotations.fromStack(built.stack).hasNoWarning('*', Match.anyValue());
  });

  test('does not let aws-cdk-lib edit the cluster key policy with kms:* grants', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key')) as any[];
    for (const key of keys) {
      const wide = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Action === 'kms:*');
      expect(wide).toHaveLength(1); // only the default account-root statement
    }
  });

  test('makes the SSM agent paths writable in every container, root filesystem still read-only', () => {
    const agentPaths = ['/managed-agents', '/var/lib/amazon/ssm', '/var/log/amazon/ssm'];
    for (const definition of taskDefinition.Properties.ContainerDefinitions) {
      expect(definition.ReadonlyRootFilesystem).toBe(true);
      expect(definition.MountPoints.map((m: any) => m.ContainerPath)).toEqual(agentPaths);
    }
  });

  test('the sidecar gets the same container defaults, and the main container the memory left over', () => {
    const [app, proxy] = taskDefinition.Properties.ContainerDefinitions;
    expect([app.Name, app.Memory, proxy.Name, proxy.Memory]).toEqual(['app', 384, 'proxy', 128]);
    expect(proxy).toEqual(expect.objectContaining({
      User: '101',
      ReadonlyRootFilesystem: true,
      LinuxParameters: expect.objectContaining({ Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true }),
      LogConfiguration: expect.objectContaining({ Options: expect.objectContaining({ 'mode': 'non-blocking', 'awslogs-stream-prefix': 'proxy' }) }),
    }));
  });
});

describe('HardenedFargateService as a worker (no load balancer) in a given cluster', () => {
  const built = build((stack, vpc) => ({ cluster: new HardenedCluster(stack, 'Cluster', { vpc }).cluster }));
  const template = Template.fromStack(built.stack);

  test('has no load balancer and no ingress at all', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.absent() });
    expect(built.service.loadBalancer).toBeUndefined();
  });

  test('uses the given cluster instead of creating one', () => {
    template.resourceCountIs('AWS::ECS::Cluster', 1);
    template.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: Match.stringLikeRegexp('^Cluster') } });
  });
});

describe('HardenedFargateService internal load balancer with access logs', () => {
  const built = build((stack) => ({
    loadBalancer: {
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
      accessLogsBucket: new s3.Bucket(stack, 'AccessLogs', { enforceSSL: true }),
      accessLogsPrefix: 'payments',
    },
  }));
  const template = Template.fromStack(built.stack);

  test('is internal, in private subnets, reachable from the VPC CIDR only', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPrivateSubnet2') }],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, FromPort: 443 })],
    });
  });

  test('delivers access logs to the bucket', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.prefix', Value: 'payments' },
      ]),
    });
  });
});

describe('HardenedFargateService exemptions', () => {
  test('plain HTTP, public IP, no rollback and a pinned platform are each recorded', () => {
    const reasons = {
      http: 'Internal health dashboard, TLS terminated by the mesh (NET-12)',
      ip: 'Runs in a public subnet of the lab VPC without NAT (LAB-3)',
      rollback: 'Forward-fix only policy for the migration window (OPS-77)',
      platform: 'Pinned to 1.4.0 until the agent regression AWS-123 is fixed',
    };
    const template = Template.fromStack(build(() => ({
      loadBalancer: { allowPlainHttp: { reason: reasons.http } },
      allowPublicIp: { reason: reasons.ip },
      disableDeploymentRollback: { reason: reasons.rollback },
      pinPlatformVersion: { version: ecs.FargatePlatformVersion.VERSION1_4, reason: reasons.platform },
    })).stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
    template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED' }) },
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: false } }),
      PlatformVersion: '1.4.0',
    });
    expect(metadataOf(template, 'AWS::ECS::Service')).toEqual([
      { option: 'allowPublicIp', rule: 'SVC-01', reason: reasons.ip },
      { option: 'disableDeploymentRollback', rule: 'SVC-07', reason: reasons.rollback },
      { option: 'pinPlatformVersion', rule: 'SVC-03', reason: reasons.platform },
    ]);
    expect(metadataOf(template, 'AWS::ElasticLoadBalancingV2::Listener')).toEqual([{ option: 'allowPlainHttp', rule: 'LB-01', reason: reasons.http }]);
  });
});

describe('HardenedFargateService bad inputs', () => {
  test('a load balancer without certificate or plain-HTTP exemption fails with the fix', () => {
    expect(() => build(() => ({ loadBalancer: {} }))).toThrow(/SvcStack\/Payments: the load balancer has no certificate\. Fix: pass loadBalancer\.certificate/);
  });

  test('a load balancer without a container port fails with the fix', () => {
    expect(() => build((stack) => ({ ...withHttps(stack), container: container(stack, { portMappings: [] }) })))
      .toThrow(/SvcStack\/Payments: the load balancer needs a container port.*Fix: add portMappings/);
  });

  test('neither cluster nor vpc fails with the fix', () => {
    const stack = new Stack(new App(), 'Bare');
    expect(() => new HardenedFargateService(stack, 'Svc', { container: container(stack) }))
      .toThrow(/Bare\/Svc: neither cluster nor vpc is set\. Fix: pass vpc/);
  });

  test('ECS Exec on a cluster without hardened exec configuration fails with the fix', () => {
    expect(() => build((stack, vpc) => ({
      cluster: new ecs.Cluster(stack, 'PlainCluster', { vpc }),
      enableExecuteCommand: { reason: 'Debugging the staging service (OPS-1)' },
    }))).toThrow(/SvcStack\/Payments: ECS Exec is enabled, but the cluster SvcStack\/PlainCluster is not hardened.*Fix: use new HardenedCluster/);
  });

  test('a sidecar without a memory limit fails with the fix', () => {
    const built = build();
    expect(() => built.service.addSidecar('proxy', { image: HardenedImage.fromRegistry('public.ecr.aws/envoy/envoy:v1.31@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), user: '101' }))
      .toThrow(/SvcStack\/Payments: sidecar 'proxy' has no memoryLimitMiB\. Fix/);
  });

  test('sidecars that take all the task memory fail synth with the fix', () => {
    const built = build();
    built.service.addSidecar('proxy', { image: HardenedImage.fromRegistry('public.ecr.aws/envoy/envoy:v1.31@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), user: '101', memoryLimitMiB: 512 });
    expect(() => Template.fromStack(built.stack)).toThrow(/SvcStack\/Payments: the containers' memory limits.*Fix: raise memoryLimitMiB/);
  });

  test('an aws-cdk-lib grant to the service lands on the task role, scoped to the bucket', () => {
    const built = build();
    s3.Bucket.fromBucketName(built.stack, 'Reports', 'reports').grantRead(built.service);
    const t = Template.fromStack(built.stack);
    const taskRole = Object.keys(t.findResources('AWS::IAM::Role')).find((id) => id.includes('TaskRole'))!;
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: taskRole }],
      PolicyDocument: { Statement: [Match.objectLike({ Action: Match.arrayWith(['s3:GetObject*']), Resource: Match.arrayWith([Match.objectLike({ 'Fn::Join': Match.anyValue() })]) })] },
    });
  });

  test('a wildcard statement on the task role fails synth naming the statement', () => {
    const built = build();
    built.service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(() => Template.fromStack(built.stack)).toThrow(/SvcStack\/Payments\/TaskRole[\s\S]*s3:\*/);
  });
});
