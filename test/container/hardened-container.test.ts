import * as path from 'path';
import { App, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { EXEMPTIONS_METADATA_KEY } from '../../lib/audit/exemption';
import { ALL_RULES } from '../../lib/checks/catalogue';
import { EncryptedLogGroup } from '../../lib/container/encrypted-log-group';
import { HardenedContainer, HardenedContainerProps } from '../../lib/container/hardened-container';
import { HardenedContainerOptions, WritablePathStorage } from '../../lib/container/hardened-container-options';
import { HardenedImage } from '../../lib/container/hardened-image';
import { HardenedExecutionRole } from '../../lib/identity/hardened-execution-role';
import { ContainerSecret } from '../../lib/secrets/container-secret';

const FIXTURES = path.join(__dirname, 'fixtures');

interface Harness {
  readonly stack: Stack;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly container: HardenedContainer;
}

function harness(options: Partial<HardenedContainerProps> = {}): Harness {
  const stack = new Stack(new App(), 'ContainerStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const executionRole = new HardenedExecutionRole(stack, 'ExecutionRole');
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', {
    cpu: 256, memoryLimitMiB: 512, executionRole: executionRole._claimFor(stack),
  });
  const logGroup = new EncryptedLogGroup(stack, 'Logs').logGroup;
  const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments');
  const container = new HardenedContainer(taskDefinition, 'web', {
    taskDefinition,
    executionRole,
    logGroup,
    image: HardenedImage.fromEcrRepository(repository, 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    user: '1000:1000',
    ...options,
  });
  return { stack, taskDefinition, container };
}

const synth = (options: Partial<HardenedContainerOptions> = {}) => Template.fromStack(harness(options).stack);

function containerProps(template: Template): Record<string, any> {
  const [taskDefinition] = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
  return taskDefinition.Properties.ContainerDefinitions[0];
}

function exemptions(template: Template): unknown[] {
  const [taskDefinition] = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
  return taskDefinition.Metadata?.[EXEMPTIONS_METADATA_KEY] ?? [];
}

describe('HardenedContainer defaults', () => {
  // Built per test: Stryker credits a test only with code that runs inside it (see docs/mutation.md).
  let stack: Stack;
  let template: Template;
  let container: ReturnType<typeof containerProps>;
  beforeEach(() => {
    ({ stack } = harness({
      environment: { LOG_LEVEL: 'debug', TOKEN_TTL_SECONDS: '300', MAX_PASSWORD_LENGTH: '64' },
      writablePaths: [
        { containerPath: '/tmp' },
        { containerPath: '/app/cache', sizeMiB: 32 },
        { containerPath: '/var/spool/app', storage: WritablePathStorage.EPHEMERAL_VOLUME },
      ],
      portMappings: [{ containerPort: 8080 }],
    }));
    template = Template.fromStack(stack);
    container = containerProps(template);
  });

  test('runs as the given non-root user on a read-only root filesystem, never privileged, and is essential', () => {
    expect(container.User).toBe('1000:1000');
    expect(container.ReadonlyRootFilesystem).toBe(true);
    expect(container.Privileged).toBeUndefined();
    expect(container.Essential).toBe(true);
  });

  test('passes every check without a warning', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('drops all capabilities and runs an init process', () => {
    expect(container.LinuxParameters.Capabilities).toEqual({ Drop: ['ALL'] });
    expect(container.LinuxParameters.InitProcessEnabled).toBe(true);
  });

  test('has a hard memory limit: the task memory when it is the only container', () => {
    expect(container.Memory).toBe(512);
  });

  test('logs with awslogs to the dedicated log group in non-blocking mode with a buffer', () => {
    expect(container.LogConfiguration).toEqual({
      LogDriver: 'awslogs',
      Options: {
        'awslogs-group': { Ref: expect.stringMatching(/^Logs/) },
        'awslogs-stream-prefix': 'web',
        'awslogs-region': 'eu-west-1',
        'mode': 'non-blocking',
        'max-buffer-size': '26214400b',
      },
    });
  });

  test('mounts tmpfs writable paths (default 64 MiB, nosuid, nodev)', () => {
    expect(container.LinuxParameters.Tmpfs).toEqual([
      { ContainerPath: '/tmp', Size: 64, MountOptions: ['nosuid', 'nodev'] },
      { ContainerPath: '/app/cache', Size: 32, MountOptions: ['nosuid', 'nodev'] },
    ]);
  });

  test('mounts ephemeral-storage writable paths as task volumes', () => {
    expect(container.MountPoints).toEqual([{ ContainerPath: '/var/spool/app', SourceVolume: 'web-var-spool-app', ReadOnly: false }]);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { Volumes: [{ Name: 'web-var-spool-app' }] });
  });

  test('passes ordinary settings whose names mention credentials', () => {
    expect(container.Environment).toEqual([
      { Name: 'LOG_LEVEL', Value: 'debug' },
      { Name: 'TOKEN_TTL_SECONDS', Value: '300' },
      { Name: 'MAX_PASSWORD_LENGTH', Value: '64' },
    ]);
  });

  test('grants the execution role exactly ECR pull on the repository and log delivery on the log group', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const statements = policies.flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(statements.map((s: any) => s.Action)).toEqual([
      'ecr:GetAuthorizationToken',
      ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    expect(statements[1].Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:eu-west-1:111111111111:repository/payments']] });
    expect(statements[2].Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Logs/), 'Arn'] });
  });

  test('records no exemption', () => {
    expect(exemptions(template)).toEqual([]);
  });
});

describe('HardenedContainer secrets', () => {
  test('injects secrets with exact ValueFrom and exact read grants', () => {
    const h = harnessWithSecret();
    const template = Template.fromStack(h.stack);
    const container = containerProps(template);
    expect(container.Secrets).toEqual([{ Name: 'DB_PASSWORD', ValueFrom: { 'Fn::Join': ['', [{ Ref: expect.stringMatching(/^DbSecret/) }, ':password::']] } }]);
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'secretsmanager:GetSecretValue' }));
    expect(JSON.stringify(statements)).not.toMatch(/DescribeSecret/);
  });

  function harnessWithSecret(): Harness {
    const stack = new Stack(new App(), 'SecretStack');
    const executionRole = new HardenedExecutionRole(stack, 'ExecutionRole');
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', { executionRole: executionRole._claimFor(stack) });
    const secret = new secretsmanager.Secret(stack, 'DbSecret');
    const container = new HardenedContainer(taskDefinition, 'web', {
      taskDefinition,
      executionRole,
      logGroup: new EncryptedLogGroup(stack, 'Logs').logGroup,
      image: HardenedImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      user: '101:101',
      secrets: { DB_PASSWORD: ContainerSecret.fromSecretsManager(secret, { field: 'password' }) },
    });
    return { stack, taskDefinition, container };
  }
});

describe('HardenedContainer rejects credentials in plain environment variables', () => {
  test.each([
    ['DB_PASSWORD', 'hunter2'],
    ['AWS_SECRET_ACCESS_KEY', 'anything'],
    ['REGION_HINT', 'AKIAIOSFODNN7EXAMPLE'],
  ])('%s fails synth with the construct path and a pointer to `secrets`', (name, value) => {
    const error = synthError({ environment: { [name]: value } });
    expect(error).toMatch(/ContainerStack\/Task\/web/);
    expect(error).toMatch(/TD-1[45]/);
    expect(error).toMatch(/`secrets`/);
    expect(error).not.toContain(value === 'anything' ? 'anything:' : value); // never echo the credential
  });

  test('an explicit, reasoned exemption lets a false positive through and is recorded', () => {
    const reason = 'PUBLIC_TOKEN is the public Mapbox token shipped to browsers (SEC-88)';
    const template = synth({
      environment: { PUBLIC_TOKEN: 'pk.eyJ1IjoiZXhhbXBsZSJ9' },
      exemptions: { allowPlaintextEnvironment: { names: ['PUBLIC_TOKEN'], reason } },
    });
    expect(exemptions(template)).toEqual([
      { option: 'allowPlaintextEnvironment', rule: 'TD-15', finding: 'Container::web', reason },
      { option: 'allowPlaintextEnvironment', rule: 'TD-14', finding: 'Container::web', reason },
    ]);
  });

  test('a credential in the environment fails with the hint to move it to `secrets`', () => {
    const error = synthError({ environment: { DB_PASSWORD: 'hunter2' } });
    expect(error).toContain('[TD-15]');
    expect(error).not.toContain('[TD-14]');
    expect(error.endsWith(SECRETS_HINT)).toBe(true);
  });

  test('an AWS credential name without a value (TD-14 alone) gets the same hint', () => {
    // TD-15 judges values, so only TD-14 sees a bare name; an escape hatch is the way to produce one.
    const h = harness();
    (h.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.Environment', [{ Name: 'AWS_ACCESS_KEY_ID' }]);
    const error = errorOf(() => Template.fromStack(h.stack));
    expect(error).toContain('[TD-14]');
    expect(error).not.toContain('[TD-15]');
    expect(error.endsWith(SECRETS_HINT)).toBe(true);
  });

  test('the hint is added when a credential fails together with another rule', () => {
    const error = synthError({ user: 'root', environment: { DB_PASSWORD: 'hunter2' } });
    expect(error).toMatch(/2 hardening check\(s\) failed[\s\S]*\[TD-03\][\s\S]*\[TD-15\]/);
    expect(error.endsWith(SECRETS_HINT)).toBe(true);
  });
});

describe('HardenedContainer rejects root users', () => {
  test.each(['root', '0', '0:0', 'root:root', 'ROOT', 'ContainerAdministrator', 'containeradministrator'])(
    'user %s fails synth with the path and the fix', (user) => {
      const error = synthError({ user });
      expect(error).toMatch(/ContainerStack\/Task\/web/);
      expect(error).toMatch(/TD-0[34]/);
      expect(error).toMatch(/Fix:/);
    });

  test('an empty user is rejected at construction', () => {
    expect(() => harness({ user: ' ' })).toThrow(/ContainerStack\/Task\/web: user is empty.*Fix/);
  });

  test('allowRootUser is the only way to run as root, and it is recorded', () => {
    const reason = 'Legacy image binds port 80 as root until APP-311 ships (2027-01)';
    const template = synth({ user: 'root', exemptions: { allowRootUser: { reason } } });
    expect(containerProps(template).User).toBe('root');
    expect(exemptions(template)).toEqual([{ option: 'allowRootUser', rule: 'TD-03', finding: 'Container::web', reason }]);
  });

  test('allowRootUser also lets ContainerAdministrator through (TD-04)', () => {
    const reason = 'Windows-built base image runs as ContainerAdministrator until IMG-42';
    const template = synth({ user: 'ContainerAdministrator', exemptions: { allowRootUser: { reason } } });
    expect(containerProps(template).User).toBe('ContainerAdministrator');
  });
});

describe('HardenedContainer exemptions', () => {
  test('allowWritableRootFilesystem turns the read-only root off and is recorded', () => {
    const reason = 'Vendor agent writes under /opt/vendor, ticket SEC-123, until 2027-01';
    const template = synth({ exemptions: { allowWritableRootFilesystem: { reason } } });
    expect(containerProps(template).ReadonlyRootFilesystem).toBe(false);
    expect(exemptions(template)).toEqual([{ option: 'allowWritableRootFilesystem', rule: 'TD-02', finding: 'Container::web', reason }]);
  });

  test('addCapabilities adds capabilities back after Drop ALL, exempts them from TD-20 and is recorded', () => {
    const reason = 'Binds port 443 directly and profiles itself with perf (NET-7)';
    const capabilities = [ecs.Capability.NET_BIND_SERVICE, ecs.Capability.SYS_PTRACE];
    const template = synth({ exemptions: { addCapabilities: { capabilities, reason } } });
    expect(containerProps(template).LinuxParameters.Capabilities).toEqual({ Add: ['NET_BIND_SERVICE', 'SYS_PTRACE'], Drop: ['ALL'] });
    expect(exemptions(template)).toEqual([{ option: 'addCapabilities', rule: 'TD-20', finding: 'Container::web', reason }]);
  });

  test('allowBlockingLogMode switches awslogs to blocking and is recorded', () => {
    const reason = 'Audit trail: no log line may be dropped (PCI 10.2)';
    const template = synth({ exemptions: { allowBlockingLogMode: { reason } } });
    expect(containerProps(template).LogConfiguration.Options.mode).toBe('blocking');
    expect(containerProps(template).LogConfiguration.Options['max-buffer-size']).toBeUndefined();
    expect(exemptions(template)).toEqual([{ option: 'allowBlockingLogMode', rule: 'TD-12', finding: 'Container::web', reason }]);
  });

  test('an exemption without a real reason fails with the path', () => {
    expect(() => harness({ exemptions: { allowWritableRootFilesystem: { reason: '' } } }))
      .toThrow(/ContainerStack\/Task.*allowWritableRootFilesystem.*reason/);
  });
});

describe('HardenedContainer checks its final rendering', () => {
  test.each([
    ['TD-01', 'Privileged', true],
    ['TD-02', 'ReadonlyRootFilesystem', false],
    ['TD-10', 'LogConfiguration', undefined],
    ['TD-20', 'LinuxParameters.Capabilities.Add', ['SYS_ADMIN']],
    ['TD-22', 'LinuxParameters.Devices', [{ HostPath: '/dev/fuse' }]],
    ['TD-23', 'DockerSecurityOptions', ['seccomp:unconfined']],
    ['TD-24', 'SystemControls', [{ Namespace: 'kernel.shm_rmid_forced', Value: '1' }]],
  ])('an escape hatch that breaks %s (%s) fails synth with that rule and its fix, without the secrets hint', (ruleId, property, value) => {
    const h = harness();
    const cfn = h.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
    if (value === undefined) cfn.addPropertyDeletionOverride(`ContainerDefinitions.0.${property}`);
    else cfn.addPropertyOverride(`ContainerDefinitions.0.${property}`, value);
    const error = errorOf(() => Template.fromStack(h.stack));
    expect(error).toContain(`ContainerStack/Task/web: 1 hardening check(s) failed:\n  - [${ruleId}]`);
    expect(error.split('\n').pop()).toBe(`    Fix: ${ALL_RULES.find((r) => r.id === ruleId)!.fix}`);
  });

  test('a value the rules cannot resolve is a warning naming the rule, not an error', () => {
    const h = harness({ user: Fn.importValue('shared-app-user') });
    Template.fromStack(h.stack);
    const warnings = Annotations.fromStack(h.stack).findWarning('/ContainerStack/Task/web', Match.anyValue());
    expect(warnings).toHaveLength(1);
    expect(warnings[0].entry.data).toMatch(
      /^ContainerStack\/Task\/web: 2 hardening check\(s\) failed:\n  - \[TD-03\].* cannot be verified: [\s\S]*\[TD-04\][\s\S]* \[ack: cdk-hardened-ecs:container-unverified\]$/,
    );
  });

  test('a credential added after construction fails synth', () => {
    const h = harness();
    h.container.addEnvironment('STRIPE_API_KEY', 'sk_live_0123456789abcdefABCDEF');
    expect(() => Template.fromStack(h.stack)).toThrow(/ContainerStack\/Task\/web[\s\S]*`secrets`/);
  });
});

describe('HardenedContainer image pinning (TD-25)', () => {
  const stackWith = () => new Stack(new App(), 'ImageStack', { env: { account: '111111111111', region: 'eu-west-1' } });

  test.each([
    ['an imported repository at a tag', (s: Stack) => HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(s, 'R', 'payments'), 'v1.2.3')],
    ['a registry image at a tag', () => HardenedImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27')],
    ['a registry image without a tag', () => HardenedImage.fromRegistry('nginx')],
    ['an owned repository with mutable tags', (s: Stack) => HardenedImage.fromEcrRepository(new ecr.Repository(s, 'R'), 'v1')],
  ])('%s is rejected with the construct path and the fix', (_name, image) => {
    const s = stackWith();
    expect(() => harnessIn(s, image(s))).toThrow(/ImageStack\/Task\/web: the image .* mutable tag \(TD-25\).*Fix: pin it by digest.*allowMutableImageTag/s);
  });

  test('the TD-25 error names the image as written and every way to pin it', () => {
    const s = stackWith();
    const error = errorOf(() => harnessIn(s, HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(s, 'R', 'payments'), 'v1.2.3')));
    expect(error).toBe(
      'ImageStack/Task/web: the image ImageStack/R at v1.2.3 is referenced by a mutable tag (TD-25): the tag can be moved to other ' +
      'content after review. Fix: pin it by digest (HardenedImage.fromEcrRepository(repo, \'sha256:…\') or ' +
      'HardenedImage.fromRegistry(\'name@sha256:…\')), use an ecr.Repository of this app with ' +
      'imageTagMutability IMMUTABLE, or set exemptions.allowMutableImageTag with a reason.',
    );
  });

  test.each([
    ['a digest', (s: Stack) => HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(s, 'R', 'payments'), 'sha256:' + 'b'.repeat(64))],
    ['a registry image by digest', () => HardenedImage.fromRegistry('public.ecr.aws/nginx/nginx@sha256:' + 'c'.repeat(64))],
    ['an owned repository with immutable tags', (s: Stack) => HardenedImage.fromEcrRepository(new ecr.Repository(s, 'R', { imageTagMutability: ecr.TagMutability.IMMUTABLE }), 'v1')],
  ])('%s is accepted', (_name, image) => {
    const s = stackWith();
    expect(() => harnessIn(s, image(s))).not.toThrow();
  });

  test('allowMutableImageTag lets a tag through and is recorded under TD-25', () => {
    const s = stackWith();
    const reason = 'Vendor publishes tags only; digest pinning tracked in OPS-88';
    harnessIn(s, HardenedImage.fromRegistry('vendor/agent:2'), { allowMutableImageTag: { reason } });
    expect(exemptions(Template.fromStack(s))).toEqual([{ option: 'allowMutableImageTag', rule: 'TD-25', finding: 'Container::web', reason }]);
  });

  function harnessIn(stack: Stack, image: HardenedImage, containerExemptions?: HardenedContainerOptions['exemptions']): HardenedContainer {
    const executionRole = new HardenedExecutionRole(stack, 'ExecutionRole');
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 256, memoryLimitMiB: 512, executionRole: executionRole._claimFor(stack) });
    const logGroup = new EncryptedLogGroup(stack, 'Logs').logGroup;
    return new HardenedContainer(taskDefinition, 'web', { taskDefinition, executionRole, logGroup, image, user: '1000:1000', exemptions: containerExemptions });
  }
});

describe('HardenedContainer writable paths and memory', () => {
  test('tmpfs larger than the memory limit is rejected with the fix', () => {
    expect(() => harness({ memoryLimitMiB: 128, writablePaths: [{ containerPath: '/tmp', sizeMiB: 128 }] }))
      .toThrow(/ContainerStack\/Task\/web: the tmpfs writable paths take 128 MiB.*Fix: shrink sizeMiB/);
  });

  test('tmpfs paths without a memory limit are measured against the task memory', () => {
    expect(() => harness({ writablePaths: [{ containerPath: '/tmp', sizeMiB: 256 }, { containerPath: '/cache', sizeMiB: 256 }] }))
      .toThrow("ContainerStack/Task/web: the tmpfs writable paths take 512 MiB of RAM, which leaves nothing of the container's 512 MiB " +
        'memory limit. Fix: shrink sizeMiB, raise memoryLimitMiB, or use storage: WritablePathStorage.EPHEMERAL_VOLUME (disk).');
  });

  test('a memory limit known only at deploy time is not compared with the tmpfs size', () => {
    const memoryLimitMiB = Lazy.number({ produce: () => 64 });
    expect(() => harness({ memoryLimitMiB, writablePaths: [{ containerPath: '/tmp', sizeMiB: 64 }] })).not.toThrow();
  });

  test('ephemeral-volume paths take no RAM, so their sizeMiB is neither checked nor counted', () => {
    expect(() => harness({
      writablePaths: [{ containerPath: '/data', storage: WritablePathStorage.EPHEMERAL_VOLUME, sizeMiB: 0 },
        { containerPath: '/spool', storage: WritablePathStorage.EPHEMERAL_VOLUME, sizeMiB: 4096 }],
    })).not.toThrow();
  });

  test.each([0, -1, 1.5])('a tmpfs size of %s MiB is rejected', (sizeMiB) => {
    expect(() => harness({ writablePaths: [{ containerPath: '/tmp', sizeMiB }] }))
      .toThrow(`ContainerStack/Task/web: tmpfs size of '/tmp' must be a positive whole number of MiB (got ${sizeMiB}).`);
  });

  test('a relative path is rejected', () => {
    expect(() => harness({ writablePaths: [{ containerPath: 'tmp' }] })).toThrow(/writable path 'tmp' is not absolute/);
  });

  test('a duplicated path is rejected', () => {
    expect(() => harness({ writablePaths: [{ containerPath: '/tmp' }, { containerPath: '/tmp' }] })).toThrow(/listed twice/);
  });

  test('the main container gets the task memory left over by sidecars with explicit limits', () => {
    const h = harness();
    new HardenedContainer(h.taskDefinition, 'proxy', {
      taskDefinition: h.taskDefinition,
      executionRole: HardenedExecutionRoleOf(h),
      logGroup: (h.stack.node.findChild('Logs') as EncryptedLogGroup).logGroup,
      image: HardenedImage.fromRegistry('public.ecr.aws/envoy/envoy:v1.31@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      user: '101',
      memoryLimitMiB: 128,
      essential: false,
      streamPrefix: 'envoy',
    });
    const template = Template.fromStack(h.stack);
    const [td] = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
    expect(td.Properties.ContainerDefinitions.map((c: any) => [c.Name, c.Memory])).toEqual([['web', 384], ['proxy', 128]]);
    const proxy = td.Properties.ContainerDefinitions[1];
    expect(proxy.Essential).toBe(false);
    expect(proxy.LogConfiguration.Options['awslogs-stream-prefix']).toBe('envoy');
    // Without writable paths the hardening adds no tmpfs and no mount.
    expect(proxy.LinuxParameters).toEqual({ Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true });
    expect(proxy.MountPoints).toBeUndefined();
  });
});

describe('HardenedContainer asset images', () => {
  test('a Dockerfile that bakes in a credential fails synth, listing each finding and the fix', () => {
    const directory = path.join(FIXTURES, 'credential-dockerfile');
    const image = HardenedImage.fromAsset(directory, { buildArgs: { NPM_TOKEN: 'npm_Abcdefghijklmnopqrstuvwxyz0123456789' } });
    expect(errorOf(() => harness({ image }))).toBe(
      'ContainerStack/Task/web: the image build bakes credential-looking variables into the image, where anyone who can pull it ' +
      'can read them:\n' +
      `  - ${path.join(directory, 'Dockerfile')} line 3: ENV DB_PASSWORD: the name contains PASSWORD and the value is not a setting or a reference\n` +
      '  - build argument NPM_TOKEN: the name contains TOKEN and the value is not a setting or a reference\n' +
      'Fix: remove them from the Dockerfile and build arguments. Inject runtime credentials through the container\'s ' +
      '`secrets` (ContainerSecret.fromSecretsManager / fromSsmParameter); give build-time credentials to the build with a ' +
      'BuildKit secret mount (RUN --mount=type=secret,id=...). If a name is a false positive, list it in ' +
      'exemptions.allowDockerfileVariables with a reason.',
    );
  });

  test('the error never repeats the credential value', () => {
    expect(() => harness({ image: HardenedImage.fromAsset(path.join(FIXTURES, 'credential-dockerfile')) }))
      .toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  test('a credential-looking build argument fails synth', () => {
    const image = HardenedImage.fromAsset(path.join(FIXTURES, 'clean-dockerfile'), { buildArgs: { NPM_TOKEN: 'npm_Abcdefghijklmnopqrstuvwxyz0123456789' } });
    expect(() => harness({ image })).toThrow(/build argument NPM_TOKEN/);
  });

  test('a clean Dockerfile builds, and the execution role may pull from the asset repository only', () => {
    const template = synth({ image: HardenedImage.fromAsset(path.join(FIXTURES, 'clean-dockerfile')) });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const pull = statements.find((s: any) => Array.isArray(s.Action) && s.Action.includes('ecr:BatchGetImage'));
    expect(JSON.stringify(pull.Resource)).toMatch(/repository\/cdk-hnb659fds-container-assets/);
  });

  test('allowDockerfileVariables exempts a named variable and records it', () => {
    const reason = 'DB_PASSWORD in this image is a dummy for the local test database (DEV-4)';
    const template = synth({
      image: HardenedImage.fromAsset(path.join(FIXTURES, 'credential-dockerfile')),
      exemptions: { allowDockerfileVariables: { names: ['DB_PASSWORD'], reason } },
    });
    expect(exemptions(template)).toEqual([{ option: 'allowDockerfileVariables', rule: 'TD-15', finding: 'Container::web', reason }]);
  });
});

describe('HardenedContainer wiring', () => {
  test('a task definition that does not use the immutable execution role view is rejected', () => {
    const stack = new Stack(new App(), 'Wiring');
    const executionRole = new HardenedExecutionRole(stack, 'ExecutionRole');
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    expect(() => new HardenedContainer(taskDefinition, 'web', {
      taskDefinition,
      executionRole,
      logGroup: new EncryptedLogGroup(stack, 'Logs').logGroup,
      image: HardenedImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      user: '101',
    })).toThrow("Wiring/Task/web: the task definition's execution role is not the immutable view of Wiring/ExecutionRole, " +
      "so aws-cdk-lib's broad grants would land on it. Fix: create the task definition with " +
      'executionRole: <HardenedExecutionRole>._claimFor(<consumer>), or use HardenedFargateService.');
  });
});

const SECRETS_HINT = '\n  Credentials belong in `secrets`, not `environment`: e.g. secrets: { DB_PASSWORD: ' +
  "ContainerSecret.fromSecretsManager(secret, { field: 'password' }) }. A false positive can be listed in " +
  'exemptions.allowPlaintextEnvironment with a reason.';

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

function synthError(options: Partial<HardenedContainerOptions>): string {
  return errorOf(() => synth(options));
}

function HardenedExecutionRoleOf(h: Harness): HardenedExecutionRole {
  return h.stack.node.findChild('ExecutionRole') as HardenedExecutionRole;
}
