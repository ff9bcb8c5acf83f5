import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SIDECAR_IMAGE, build, container, logicalId, metadataOf, statementsOf, withHttps } from './service-fixture';
import { HardenedCluster } from '../../lib/cluster/hardened-cluster';
import { WritablePathStorage } from '../../lib/container/hardened-container-options';
import { ExecutionRoleTrust } from '../../lib/identity/execution-role-trust';
import { HardenedFargateService } from '../../lib/service/hardened-fargate-service';

const AGENT_PATHS = ['/managed-agents', '/var/lib/amazon/ssm', '/var/log/amazon/ssm'];

describe('HardenedFargateService defaults', () => {
  test('the service runs two tasks in private subnets without public IP, behind its own security group, rolled back on failure', () => {
    const { stack, vpc, service } = build(withHttps);
    const template = Template.fromStack(stack);
    const serviceSgId = logicalId(stack, service.securityGroup);
    template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          Subnets: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPrivateSubnet2') }],
          SecurityGroups: [{ 'Fn::GetAtt': [serviceSgId, 'GroupId'] }],
        },
      },
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200,
      }),
      PlatformVersion: 'LATEST',
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
      HealthCheckGracePeriodSeconds: 60,
      ServiceName: Match.absent(),
      EnableExecuteCommand: Match.absent(),
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Tasks of SvcStack/Payments: no ingress except from its load balancer',
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', IpProtocol: '-1' })],
      VpcId: { Ref: logicalId(stack, vpc) },
    });
    // A hardened cluster is created in the given VPC, with ECS Exec not allowed.
    template.resourceCountIs('AWS::EC2::VPC', 1);
    expect(service.cluster.vpc).toBe(vpc);
    template.resourceCountIs('AWS::ECS::Cluster', 1);
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }], Configuration: Match.absent(),
    });
    template.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: logicalId(stack, service.cluster) } });
    for (const type of ['AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::Listener']) {
      expect(metadataOf(template, type)).toEqual([]);
    }
  });

  test('roles, log group and task definition: least privilege, a CMK-encrypted log group kept a year, 0.25 vCPU and 512 MiB on x86', () => {
    const { stack, service } = build();
    // An aws-cdk-lib grant with exact actions on an exact ARN: lands on the task role through grantPrincipal.
    new sqs.Queue(stack, 'Events').grantSendMessages(service);
    const template = Template.fromStack(stack);
    const taskRoleId = logicalId(stack, service.taskRole.role);
    const executionRoleId = Object.keys(template.findResources('AWS::IAM::Role')).find((id) => id.startsWith('PaymentsExecutionRole'))!;

    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: Match.anyValue() } })],
      },
    });
    expect(statementsOf(template, /^PaymentsTaskRole/)).toEqual([expect.objectContaining({
      Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Events/), 'Arn'] },
    })]);
    expect(statementsOf(template, /^PaymentsExecutionRole/).map((s) => s.Action)).toEqual([
      'ecr:GetAuthorizationToken',
      ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    // The execution role trusts ecs-tasks without conditions (what AWS documents) and has a generated name.
    const executionRole = template.findResources('AWS::IAM::Role')[executionRoleId];
    expect(executionRole.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } },
    ]);
    expect(executionRole.Properties.RoleName).toBeUndefined();
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/AmazonECSTaskExecutionRolePolicy/);

    const keyId = logicalId(stack, service.logEncryptionKey);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const key = template.findResources('AWS::KMS::Key')[keyId];
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(expect.objectContaining({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } },
    }));

    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
      TaskRoleArn: { 'Fn::GetAtt': [taskRoleId, 'Arn'] },
      ExecutionRoleArn: { 'Fn::GetAtt': [executionRoleId, 'Arn'] },
      ContainerDefinitions: [Match.objectLike({
        Name: 'app',
        User: '1000:1000',
        ReadonlyRootFilesystem: true,
        Privileged: Match.absent(),
        Memory: 512,
        MountPoints: Match.absent(),
        LinuxParameters: Match.objectLike({
          Capabilities: { Drop: ['ALL'] },
          InitProcessEnabled: true,
          Tmpfs: [Match.objectLike({ ContainerPath: '/tmp' })],
        }),
        LogConfiguration: Match.objectLike({
          Options: Match.objectLike({ 'mode': 'non-blocking', 'awslogs-group': { Ref: logicalId(stack, service.logGroup) } }),
        }),
      })],
    });
  });
});

describe('HardenedFargateService with ECS Exec', () => {
  const reason = 'Break-glass shell for on-call engineers, approved in SEC-42';

  test('turns ECS Exec on, records the exemption, and grants the task role exactly the ECS Exec actions', () => {
    const { stack } = build(() => ({ enableExecuteCommand: { reason } }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: true });
    expect(metadataOf(template, 'AWS::ECS::Service')).toEqual([{ option: 'enableExecuteCommand', rule: 'SVC-04', reason }]);
    // The created cluster is the one that allows ECS Exec: sessions encrypted with a CMK and logged encrypted.
    template.hasResourceProperties('AWS::ECS::Cluster', {
      Configuration: {
        ExecuteCommandConfiguration: {
          KmsKeyId: Match.anyValue(),
          Logging: 'OVERRIDE',
          LogConfiguration: { CloudWatchEncryptionEnabled: true, CloudWatchLogGroupName: Match.anyValue() },
        },
      },
    });
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
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    // aws-cdk-lib's own ECS Exec wiring would add kms:* statements to the cluster key policy.
    for (const key of Object.values(template.findResources('AWS::KMS::Key')) as any[]) {
      expect(key.Properties.KeyPolicy.Statement.filter((s: any) => s.Action === 'kms:*')).toHaveLength(1);
    }
  });

  test('makes the SSM agent paths writable in every container once, the root filesystem still read-only', () => {
    const { stack, service } = build((s) => ({
      enableExecuteCommand: { reason },
      // The main container already declares one agent path: it must not be mounted twice.
      container: container(s, {
        writablePaths: [{ containerPath: '/tmp' }, { containerPath: '/var/lib/amazon/ssm', storage: WritablePathStorage.EPHEMERAL_VOLUME }],
      }),
    }));
    service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 128 });
    const [taskDefinition] = Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition')) as any[];
    const [app, proxy] = taskDefinition.Properties.ContainerDefinitions;
    expect(app.MountPoints.map((m: any) => m.ContainerPath)).toEqual(['/var/lib/amazon/ssm', '/managed-agents', '/var/log/amazon/ssm']);
    expect(app.LinuxParameters.Tmpfs.map((t: any) => t.ContainerPath)).toEqual(['/tmp']);
    expect(proxy.MountPoints.map((m: any) => m.ContainerPath)).toEqual(AGENT_PATHS);
    expect([app.ReadonlyRootFilesystem, proxy.ReadonlyRootFilesystem]).toEqual([true, true]);
  });
});

describe('HardenedFargateService sidecars', () => {
  test('a sidecar gets the same container defaults, and the main container the memory left over', () => {
    const { stack, service } = build();
    const proxy = service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 128 });
    expect(proxy.containerName).toBe('proxy');
    const [taskDefinition] = Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition')) as any[];
    const [app, sidecar] = taskDefinition.Properties.ContainerDefinitions;
    expect([app.Name, app.Memory, sidecar.Name, sidecar.Memory]).toEqual(['app', 384, 'proxy', 128]);
    expect(sidecar).toEqual(expect.objectContaining({
      User: '101',
      ReadonlyRootFilesystem: true,
      LinuxParameters: expect.objectContaining({ Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true }),
      LogConfiguration: expect.objectContaining({ Options: expect.objectContaining({ 'mode': 'non-blocking', 'awslogs-stream-prefix': 'proxy' }) }),
    }));
    expect(sidecar.MountPoints).toBeUndefined();
  });

  test('a sidecar without a memory limit fails with the fix', () => {
    const { service } = build();
    expect(() => service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101' })).toThrow(
      "SvcStack/Payments: sidecar 'proxy' has no memoryLimitMiB. Fix: give sidecars an explicit memoryLimitMiB " +
        '(the main container gets the rest of the task memory).',
    );
  });

  test('sidecars that take all the task memory leave none for the main container: synth fails with the fix', () => {
    const { stack, service } = build();
    service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 256 });
    service.addSidecar('agent', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 256 });
    expect(() => Template.fromStack(stack)).toThrow(
      "SvcStack/Payments: the containers' memory limits (512 MiB explicit) leave no memory of the task's 512 MiB for the main container. " +
        "Fix: raise memoryLimitMiB of the service or lower the sidecars' limits.",
    );
  });

  test('explicit limits above the task memory fail synth; explicit limits that add up to it exactly are valid', () => {
    const over = build((s) => ({ container: container(s, { memoryLimitMiB: 384 }) }));
    over.service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 256 });
    expect(() => Template.fromStack(over.stack)).toThrow(
      "SvcStack/Payments: the containers' memory limits (640 MiB explicit) leave no memory of the task's 512 MiB. " +
        "Fix: raise memoryLimitMiB of the service or lower the sidecars' limits.",
    );
    const exact = build((s) => ({ container: container(s, { memoryLimitMiB: 384 }) }));
    exact.service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 128 });
    const [taskDefinition] = Object.values(Template.fromStack(exact.stack).findResources('AWS::ECS::TaskDefinition')) as any[];
    expect(taskDefinition.Properties.ContainerDefinitions.map((c: any) => c.Memory)).toEqual([384, 128]);
  });
});

describe('HardenedFargateService options', () => {
  test('a worker in a given cluster honours every sizing, naming, placement, logging and execution role option', () => {
    const { stack, vpc, service } = build((s, v) => ({
      cluster: new HardenedCluster(s, 'Cluster', { vpc: v }).cluster,
      vpc: v, // the cluster's own VPC: accepted
      container: container(s, { memoryLimitMiB: 1536 }),
      containerName: 'web',
      cpu: 512,
      memoryLimitMiB: 2048,
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      desiredCount: 3,
      serviceName: 'payments',
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      allowPublicIp: { reason: 'Runs in a public subnet of the lab VPC without NAT (LAB-3)' },
      logRetention: logs.RetentionDays.ONE_MONTH,
      logEncryptionKey: new kms.Key(s, 'LogKey', { enableKeyRotation: true }),
      executionRoleTrust: ExecutionRoleTrust.SOURCE_ACCOUNT,
      executionRoleName: 'payments-execution',
    }));
    service.addSidecar('proxy', { image: SIDECAR_IMAGE, user: '101', memoryLimitMiB: 512 });
    const template = Template.fromStack(stack);

    expect([service.loadBalancer, service.listener, service.targetGroup]).toEqual([undefined, undefined, undefined]);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.absent() });

    template.resourceCountIs('AWS::ECS::Cluster', 1);
    template.hasResourceProperties('AWS::ECS::Service', {
      Cluster: { Ref: Match.stringLikeRegexp('^Cluster') },
      DesiredCount: 3,
      ServiceName: 'payments',
      HealthCheckGracePeriodSeconds: Match.absent(),
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          AssignPublicIp: 'ENABLED',
          Subnets: [{ Ref: Match.stringLikeRegexp('VpcPublicSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPublicSubnet2') }],
        }),
      },
    });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '2048',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'ARM64' },
      ContainerDefinitions: [Match.objectLike({ Name: 'web', Memory: 1536 }), Match.objectLike({ Name: 'proxy', Memory: 512 })],
    });
    expect(service.container.containerName).toBe('web');

    const logKey = stack.node.findChild('LogKey') as kms.Key;
    expect(service.logEncryptionKey).toBe(logKey);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': [logicalId(stack, logKey), 'Arn'] } });

    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'payments-execution',
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } })],
      },
    });
    expect(service.cluster.vpc).toBe(vpc);
  });

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

  test('an aws-cdk-lib grant to the service lands on the task role, scoped to the bucket', () => {
    const built = build();
    s3.Bucket.fromBucketName(built.stack, 'Reports', 'reports').grantRead(built.service);
    const t = Template.fromStack(built.stack);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(built.stack, built.service.taskRole.role) }],
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: Match.arrayWith(['s3:GetObject*']), Resource: Match.arrayWith([Match.objectLike({ 'Fn::Join': Match.anyValue() })]),
        })],
      },
    });
  });

  test('a wildcard statement on the task role fails synth naming the statement', () => {
    const built = build();
    built.service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(() => Template.fromStack(built.stack)).toThrow(/SvcStack\/Payments\/TaskRole[\s\S]*s3:\*/);
  });
});

describe('HardenedFargateService bad inputs', () => {
  test('neither cluster nor vpc fails with the fix', () => {
    const stack = new Stack(new App(), 'Bare');
    expect(() => new HardenedFargateService(stack, 'Svc', { container: container(stack) })).toThrow(
      'Bare/Svc: neither cluster nor vpc is set. Fix: pass vpc (a new HardenedCluster is created in it) ' +
        'or cluster (e.g. new HardenedCluster(scope, id, { vpc }).cluster).',
    );
  });

  test('a vpc that is not the cluster VPC fails with the fix', () => {
    expect(() => build((stack, vpc) => ({
      cluster: new HardenedCluster(stack, 'Cluster', { vpc }).cluster,
      vpc: new ec2.Vpc(stack, 'OtherVpc', { natGateways: 0, maxAzs: 1 }),
    }))).toThrow("SvcStack/Payments: vpc differs from the cluster's VPC. Fix: pass only cluster (its VPC is used).");
  });

  test('ECS Exec on a cluster without hardened exec configuration fails with the fix', () => {
    expect(() => build((stack, vpc) => ({
      cluster: new ecs.Cluster(stack, 'PlainCluster', { vpc }),
      enableExecuteCommand: { reason: 'Debugging the staging service (OPS-1)' },
    }))).toThrow(/SvcStack\/Payments: ECS Exec is enabled, but the cluster SvcStack\/PlainCluster is not hardened.*Fix: use new HardenedCluster/);
  });

  test('tasks need private subnets with egress: a VPC with only isolated subnets is refused, not used', () => {
    const stack = new Stack(new App(), 'Isolated');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => new HardenedFargateService(stack, 'Svc', { vpc, container: container(stack) })).toThrow("There are no 'Private' subnet groups in this VPC");
  });
});
