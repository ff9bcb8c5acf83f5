import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { exemptionsOf } from '../../lib/audit/exemption';
import { HardenedTaskRole } from '../../lib/identity/hardened-task-role';

const ENV = { account: '111111111111', region: 'eu-west-1' };

function stack(): Stack {
  return new Stack(new App(), 'Svc', { env: ENV });
}

describe('HardenedTaskRole', () => {
  test('trusts only ecs-tasks from the stack account (aws:SourceAccount + ArnLike aws:SourceArn), no managed policies', () => {
    const s = stack();
    new HardenedTaskRole(s, 'Task');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111111111111' },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:eu-west-1:111111111111:*']] } },
          },
        }],
      },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('environment-agnostic stack: conditions use the pseudo parameters', () => {
    const s = new Stack(new App(), 'Agnostic');
    new HardenedTaskRole(s, 'Task');
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnLike: {
              'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']] },
            },
          },
        }],
      },
    });
  });

  test('is grantable: aws-cdk-lib grants land on the role', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    const queue = new sqs.Queue(s, 'Queue');
    queue.grantSendMessages(role);
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::reports/daily.csv'] }));
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Task') }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'Arn'] } }),
          Match.objectLike({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/daily.csv' }),
        ],
      },
    });
  });

  test('an AWS managed policy attached to the task role fails synth: its statements cannot be checked', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));
    expect(() => Template.fromStack(s)).toThrow(/\[Svc\/Task\] managed policy .*AmazonS3FullAccess.* is attached to the task role; its statements cannot be checked at synth\. Fix: grant specific actions/);
  });

  test('acknowledgeStatement needs a sid or an action', () => {
    const role = new HardenedTaskRole(stack(), 'Task');
    expect(() => role.acknowledgeStatement({ reason: 'because we need it badly' }))
      .toThrow("Svc/Task: acknowledgeStatement needs the statement's sid or one of its actions. "
        + "Fix: pass { sid: 'MyStatementSid', reason } (give the statement a Sid) or { action: 'service:Action', reason }.");
  });

  test('acknowledgeStatement needs a real reason', () => {
    const role = new HardenedTaskRole(stack(), 'Task');
    const refused = 'Svc/Task: acknowledgeStatement needs a reason of at least 10 characters (it is recorded in the template for auditors). '
      + "Fix: e.g. { sid: 'EcsExec', reason: 'ssmmessages channels have no resource scope (AWS docs)' }.";
    expect(() => role.acknowledgeStatement({ sid: 'X', reason: 'ok' })).toThrow(refused);
    expect(() => role.acknowledgeStatement({ action: 's3:GetObject', reason: '   123456789   ' })).toThrow(refused);
    // JavaScript callers can omit the reason: same message, not a TypeError.
    expect(() => role.acknowledgeStatement({ sid: 'X' } as any)).toThrow(refused);
  });

  test('a reason of exactly 10 characters is enough', () => {
    const role = new HardenedTaskRole(stack(), 'Task');
    role.acknowledgeStatement({ sid: 'Ten', reason: '0123456789' });
    expect(role.node.validate()).toEqual([]);
    expect(role.node.metadata.map(m => m.data)).toEqual([expect.stringContaining('acknowledgeStatement({"sid":"Ten"}) matches no rejected statement')]);
  });

  test('describes itself by construct path unless given a description; roleArn is the role\'s', () => {
    const s = stack();
    const generated = new HardenedTaskRole(s, 'Task');
    const described = new HardenedTaskRole(s, 'Reports', { description: 'Task role of the reports service' });
    const cfn = (r: HardenedTaskRole) => r.role.node.defaultChild as iam.CfnRole;
    expect(cfn(generated).description).toBe('ECS task role of Svc/Task (cdk-hardened-ecs)');
    expect(cfn(described).description).toBe('Task role of the reports service');
    expect(s.resolve(generated.roleArn)).toEqual({ 'Fn::GetAtt': [s.getLogicalId(cfn(generated)), 'Arn'] });
  });

  test('a library acknowledgment that accepts a statement is recorded with the option that added it', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'EcsExec', actions: ['s3:*'], resources: ['arn:aws:s3:::exec-logs/*'] }));
    role._acknowledgeLibraryStatement({ sid: 'EcsExec', reason: 'documented: no resource-level scope' }, 'enableExecuteCommand');
    expect(role.node.validate()).toEqual([]);
    expect(exemptionsOf(role.role.node.findChild('DefaultPolicy'))).toEqual([
      { option: 'enableExecuteCommand', rule: 'IAM-05', finding: 'Statement::EcsExec', reason: 'documented: no resource-level scope' },
    ]);
  });

  test('an acknowledgment that matches no rejected statement is reported as a warning', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.acknowledgeStatement({ sid: 'Nothing', reason: 'left over from an old design' });
    Annotations.fromStack(s).hasWarning('/Svc/Task', Match.stringLikeRegexp('matches no rejected statement'));
  });

  test('a library acknowledgment that matches nothing is not reported', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role._acknowledgeLibraryStatement({ sid: 'EcsExec', reason: 'documented: no resource-level scope' }, 'enableExecuteCommand');
    Annotations.fromStack(s).hasNoWarning('/Svc/Task', Match.anyValue());
  });
});

// These use the real rule functions shared with the cdk-nag pack and the CLI.
describe('HardenedTaskRole synth-time statement checks', () => {
  test.each([
    ['Action *', { actions: ['*'], resources: ['*'] }, ['IAM-04', 'IAM-05', 'IAM-17']],
    ['a service wildcard', { actions: ['dynamodb:*'], resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders'] }, ['IAM-05']],
    ['Allow + NotAction', { notActions: ['iam:*'], resources: ['*'] }, ['IAM-06']],
    ['iam:PassRole on *', { actions: ['iam:PassRole'], resources: ['*'] }, ['IAM-09', 'IAM-17']],
    ['Resource * for a data action', { actions: ['dynamodb:Query'], resources: ['*'] }, ['IAM-17']],
  ])('%s fails synth naming the statement, the rules and the fix', (_name, statement, rules) => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'Risky', ...statement }));
    let message = '';
    try { Template.fromStack(s); } catch (e) { message = (e as Error).message; }
    expect(message).toContain("[Svc/Task] statement Sid 'Risky' (Allow ");
    expect(message).toContain('is not allowed on a task role');
    for (const rule of rules) expect(message).toContain(`[${rule}]`);
    expect(message).toContain('Fix: ');
    expect(message).toContain("taskRole.acknowledgeStatement({ sid: 'Risky', reason:");
  });

  test('aws-cdk-lib grants (bucket.grantRead) work: their verb wildcards are scoped to the named bucket', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    new s3.Bucket(s, 'Bucket').grantRead(role);
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: Match.arrayWith(['s3:GetObject*', 's3:List*']) })] },
    });
    Annotations.fromStack(s).hasNoWarning('/Svc/Task', Match.anyValue());
  });

  test('the same grant on Resource * fails synth, naming the statement and IAM-17', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject*', 's3:List*'], resources: ['*'] }));
    expect(() => Template.fromStack(s)).toThrow(/\[Svc\/Task\] statement #0 of Svc\/Task\/Resource\/DefaultPolicy\/Resource .*\[IAM-17\].*acknowledgeStatement/s);
  });

  test('exact actions on exact ARNs pass', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders'] }));
    expect(() => Template.fromStack(s)).not.toThrow();
  });

  test('an acknowledged statement synthesizes and is recorded in the policy metadata and acknowledged for cdk-nag', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ScratchBucket', actions: ['s3:*'], resources: ['arn:aws:s3:::scratch/*'] }));
    role.acknowledgeStatement({ sid: 'ScratchBucket', reason: 'Scratch bucket owned by the service; SEC-77 until 2027-03' });
    const t = Template.fromStack(s);
    const [policy] = Object.values(t.findResources('AWS::IAM::Policy')) as any[];
    const exemptions = policy.Metadata['cdk-hardened-ecs:exemptions'];
    expect(exemptions).toEqual([
      { option: 'acknowledgeStatement', rule: 'IAM-05', finding: 'Statement::ScratchBucket', reason: 'Scratch bucket owned by the service; SEC-77 until 2027-03' },
    ]);
    const policyNode = role.role.node.findChild('DefaultPolicy').node.defaultChild!;
    const acknowledged = JSON.stringify(policyNode.node.metadata.map(m => m.data));
    expect(acknowledged).toContain('HardenedECS-IAM-05[Statement::ScratchBucket]');
    expect(acknowledged).not.toContain('HardenedECS-IAM-07');
  });

  test('an acknowledgment limited to one rule leaves the others failing', () => {
    const s = stack();
    const role = new HardenedTaskRole(s, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ScratchBucket', actions: ['s3:*'], resources: ['*'] }));
    role.acknowledgeStatement({ sid: 'ScratchBucket', ruleId: 'IAM-17', reason: 'Scratch bucket owned by the service; SEC-77' });
    let message = '';
    try { Template.fromStack(s); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('[IAM-05]');
    expect(message).not.toContain('[IAM-17]');
  });

  test('a resource imported from another stack cannot be decided at synth: a warning, not an error', () => {
    const app = new App();
    const data = new Stack(app, 'Data', { env: ENV });
    const queue = new sqs.Queue(data, 'Queue');
    const svc = new Stack(app, 'Svc', { env: ENV });
    const role = new HardenedTaskRole(svc, 'Task');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(svc).hasWarning('/Svc/Task', Match.stringLikeRegexp('cannot be fully checked at synth'));
  });
});

describe('HardenedTaskRole guard across validation passes (one policy index per pass)', () => {
  const wildcard = () => new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });

  test('an existing policy attached to the role after a first synthesis is checked by the next one', () => {
    const s = stack();
    const task = new HardenedTaskRole(s, 'Task');
    const other = new HardenedTaskRole(s, 'Other');
    other.acknowledgeStatement({ action: 's3:GetObject', reason: 'fixture: only Other reads every object' });
    const shared = new iam.Policy(s, 'Shared', { statements: [wildcard()], roles: [other.role as iam.Role] });
    const app = s.node.root as App;
    expect(() => app.synth()).not.toThrow();
    // aws-cdk-lib forbids new constructs after a synthesis, but attaching an existing policy is allowed.
    shared.attachToRole(task.role);
    expect(() => app.synth({ force: true })).toThrow(/\[Svc\/Task\] statement #0 of Svc\/Shared\/Resource .*\[IAM-17\]/s);
  });

  test('every guarded role of a stack gets exactly its own policies', () => {
    const s = stack();
    const roles = ['A', 'B', 'C'].map((id) => new HardenedTaskRole(s, id));
    new iam.Policy(s, 'OnlyB', { statements: [wildcard()], roles: [roles[1].role as iam.Role] });
    expect(() => Template.fromStack(s)).toThrow(/^(?![\s\S]*\[Svc\/[AC]\])[\s\S]*\[Svc\/B\] statement #0 of Svc\/OnlyB\/Resource/);
  });
});
