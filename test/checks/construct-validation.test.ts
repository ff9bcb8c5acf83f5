import {
  ConstructViolation,
  checkContainerDefinition,
  checkEachPolicyStatement,
  describeViolations,
  detectCredential,
} from '../../lib/checks/construct-validation';
import { readonlyRootFs } from '../../lib/checks/rules/ecs/task-definition/readonly-root-fs';
import { roleSeparation } from '../../lib/checks/rules/iam/role-separation';

/** Fails every container rule that applies to Linux. */
const WORST_LINUX_CONTAINER = {
  Name: 'app',
  Image: 'nginx:1.27',
  Privileged: true,
  User: 'root',
  Environment: [{ Name: 'AWS_SECRET_ACCESS_KEY', Value: 'x' }],
  LinuxParameters: { Capabilities: { Add: ['SYS_ADMIN'] }, Devices: [{ HostPath: '/dev/sda' }] },
  DockerSecurityOptions: ['seccomp:unconfined'],
  SystemControls: [{ Namespace: 'kernel.shm_rmid_forced', Value: '1' }],
};

/** A logged container that sets nothing else: Linux rules and the Windows user rule both fail on it. */
const BARE_CONTAINER = { Name: 'app', Image: 'nginx:1.27', LogConfiguration: { LogDriver: 'awslogs', Options: {} } };

function ids(violations: readonly ConstructViolation[]): string[] {
  return violations.map((v) => `${v.ruleId} ${v.key}`);
}

describe('checkContainerDefinition', () => {
  test('by default every single-container rule runs, the Linux ones on Linux and TD-04 on Windows', () => {
    const linux = checkContainerDefinition(WORST_LINUX_CONTAINER);
    const windows = checkContainerDefinition(BARE_CONTAINER, { os: 'windows' });
    const ruleIds = new Set([...linux, ...windows].map((v) => v.ruleId));
    expect([...ruleIds].sort()).toEqual(['TD-01', 'TD-02', 'TD-03', 'TD-04', 'TD-10', 'TD-14', 'TD-15', 'TD-20', 'TD-22', 'TD-23', 'TD-24']);
  });

  test('Linux (the default) states its OS: Linux rules apply, the Windows user rule does not, and nothing says "inferred"', () => {
    const violations = checkContainerDefinition(BARE_CONTAINER);
    expect(ids(violations)).toEqual(['TD-02 Container::app', 'TD-03 Container::app']);
    // An unstated OS would append "(Linux assumed: ...)" to this message.
    expect(violations[1].message).toBe('Container app does not set User, so it runs as the image user, usually root.');
  });

  test('Windows: the Windows user rule applies and the Linux-only rules do not', () => {
    const violations = checkContainerDefinition(BARE_CONTAINER, { os: 'windows' });
    expect(ids(violations)).toEqual(['TD-04 Container::app']);
    expect(violations[0]).toMatchObject({
      status: 'fail',
      message: 'Windows container app does not set User, so it runs as ContainerAdministrator.',
    });
  });

  test('the launch type defaults to FARGATE; EC2 makes an EC2-only rule fail', () => {
    const options = { ruleIds: ['TD-19'] };
    expect(checkContainerDefinition(BARE_CONTAINER, options)).toEqual([]);
    expect(checkContainerDefinition(BARE_CONTAINER, { ...options, launchType: 'FARGATE' })).toEqual([]);
    expect(checkContainerDefinition(BARE_CONTAINER, { ...options, launchType: 'EC2' }).map((v) => v.message)).toEqual([
      'No TaskRoleArn on a task that can run on EC2: containers fall back to the instance role.',
    ]);
  });

  test('the synthetic task uses awsvpc networking, so task-level networking rules pass', () => {
    expect(checkContainerDefinition(BARE_CONTAINER, { ruleIds: ['TD-07'] })).toEqual([]);
  });

  test('ruleIds narrows the rules, and an unresolvable value is reported as unverified with the rule title and fix', () => {
    const container = { Name: 'app', Image: 'nginx:1.27', Privileged: true, ReadonlyRootFilesystem: { 'Fn::ImportValue': 'shared-flag' } };
    expect(checkContainerDefinition(container, { ruleIds: ['TD-02'] })).toEqual([{
      ruleId: 'TD-02',
      title: readonlyRootFs.title,
      key: 'Container::app',
      status: 'unverified',
      message: 'ReadonlyRootFilesystem of container app is <ImportValue:shared-flag>, which cannot be resolved: imported from another stack (export shared-flag).',
      fix: readonlyRootFs.fix,
    }]);
  });
});

describe('checkEachPolicyStatement', () => {
  const WORST_STATEMENTS = [
    { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
    { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'logs:CreateLogStream', 's3:GetObject', 'iam:PassRole'], Resource: '*' },
    { Effect: 'Allow', NotAction: 's3:*', Resource: '*' },
  ];
  const scoped = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
  const passRole = { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };
  const runInstances = { Sid: 'Run', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' };

  test('no statements, no findings', () => {
    expect(checkEachPolicyStatement([], { roleKind: 'task' })).toEqual([]);
  });

  test('by default every statement rule runs, and only those', () => {
    const ruleIds = new Set(checkEachPolicyStatement(WORST_STATEMENTS, { roleKind: 'task' }).flat().map((v) => v.ruleId));
    // IAM-07, IAM-15 and IAM-16 also fail on these statements but are not statement rules.
    expect([...ruleIds].sort()).toEqual(['IAM-04', 'IAM-05', 'IAM-06', 'IAM-08', 'IAM-09', 'IAM-10', 'IAM-11', 'IAM-12', 'IAM-17']);
  });

  test('findings on the synthetic role and task definition are not returned, only those on the statements', () => {
    // IAM-01 would fail on the synthetic role's trust policy and TD-29 on the synthetic task (no Cpu/Memory).
    const violations = checkEachPolicyStatement([{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }], {
      roleKind: 'task',
      ruleIds: ['IAM-01', 'TD-29', 'IAM-04'],
    });
    expect(violations.map(ids)).toEqual([['IAM-04 Statement::Admin']]);
  });

  test('roleKind attaches the statements to the task role or the execution role', () => {
    const pull = { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/app' };
    const options = { ruleIds: ['IAM-16'] };
    expect(checkEachPolicyStatement([pull], { ...options, roleKind: 'task' })).toEqual([[{
      ruleId: 'IAM-16',
      title: roleSeparation.title,
      key: 'Statement::0',
      status: 'fail',
      message: 'Roles of TaskDefinition mix duties: task role has execution permission ecr:BatchGetImage.',
      fix: roleSeparation.fix,
    }]]);
    expect(checkEachPolicyStatement([pull], { ...options, roleKind: 'execution' })).toEqual([[]]);
    expect(checkEachPolicyStatement([scoped], { ...options, roleKind: 'task' })).toEqual([[]]);
    expect(checkEachPolicyStatement([scoped], { ...options, roleKind: 'execution' })[0].map((v) => v.message)).toEqual([
      'Roles of TaskDefinition mix duties: execution role has application permission s3:GetObject.',
    ]);
  });

  test('finds, for each statement at its position, exactly what checking it alone finds', () => {
    const statements = [...WORST_STATEMENTS, scoped, passRole];
    for (const roleKind of ['task', 'execution'] as const) {
      const each = checkEachPolicyStatement(statements, { roleKind });
      expect(each).toEqual(statements.map((s) => checkEachPolicyStatement([s], { roleKind })[0]));
      expect(each.map((v) => v.length > 0)).toEqual([true, true, true, true, false, true]);
    }
  });

  test('judges statements independently: a combination split across two statements is not joined', () => {
    const options = { roleKind: 'task' as const, ruleIds: ['IAM-08'] };
    const both = { Sid: 'Both', Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' };
    expect(checkEachPolicyStatement([both], options).flat().map((v) => v.message).join(' ')).toContain('iam:PassRole + ec2:RunInstances');
    const split = checkEachPolicyStatement([passRole, runInstances], options);
    expect(split.flat().map((v) => v.message).join(' ')).not.toContain('iam:PassRole + ec2:RunInstances');
    expect(split).toEqual([checkEachPolicyStatement([passRole], options)[0], checkEachPolicyStatement([runInstances], options)[0]]);
  });

  test('messages name the same synthetic family whichever statement they judge', () => {
    const pull = { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/app' };
    expect(checkEachPolicyStatement([scoped, pull], { roleKind: 'task', ruleIds: ['IAM-16'] }).map((v) => v.map((x) => x.message))).toEqual([
      [],
      ['Roles of TaskDefinition mix duties: task role has execution permission ecr:BatchGetImage.'],
    ]);
  });

  test('no statements, no results', () => {
    expect(checkEachPolicyStatement([], { roleKind: 'task' })).toEqual([]);
  });
});

describe('describeViolations', () => {
  const failure: ConstructViolation = {
    ruleId: 'TD-02',
    title: 'Containers have a read-only root file system',
    key: 'Container::web',
    status: 'fail',
    message: 'Container web sets ReadonlyRootFilesystem to false.',
    fix: 'Set readonlyRootFilesystem: true.',
  };
  const unverifiedResourceLevel: ConstructViolation = {
    ruleId: 'TD-29',
    title: 'Fargate task sizes are valid',
    key: '',
    status: 'unverified',
    message: 'Cpu is a parameter.',
    fix: 'Use a valid size.',
  };

  test('names the construct, counts the checks, and says for each whether it fails or cannot be verified', () => {
    expect(describeViolations('App/Web/Container', [failure, unverifiedResourceLevel])).toBe(
      'App/Web/Container: 2 hardening check(s) failed:\n' +
      '  - [TD-02] Containers have a read-only root file system (Container::web) fails: Container web sets ReadonlyRootFilesystem to false.\n' +
      '    Fix: Set readonlyRootFilesystem: true.\n' +
      '  - [TD-29] Fargate task sizes are valid cannot be verified: Cpu is a parameter.\n' +
      '    Fix: Use a valid size.',
    );
  });

  test('a keyed unverified check shows its key', () => {
    expect(describeViolations('Web', [{ ...failure, status: 'unverified' }])).toBe(
      'Web: 1 hardening check(s) failed:\n' +
      '  - [TD-02] Containers have a read-only root file system (Container::web) cannot be verified: Container web sets ReadonlyRootFilesystem to false.\n' +
      '    Fix: Set readonlyRootFilesystem: true.',
    );
  });
});

describe('detectCredential', () => {
  test('gives TD-15\'s verdict for Dockerfile ENV and ARG values', () => {
    expect(detectCredential('CI_ACCESS', `ghp_${'a1B2'.repeat(9)}`)).toEqual({ reason: 'the value is a GitHub token' });
    expect(detectCredential('LOG_LEVEL', 'debug')).toBeUndefined();
  });
});
