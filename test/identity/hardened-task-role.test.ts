import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
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
    const bucket = new s3.Bucket(s, 'Bucket');
    bucket.grantPut(role);
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Task') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['s3:PutObject']) }),
          Match.objectLike({ Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] } }),
        ]),
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
      .toThrow(/^Svc\/Task: acknowledgeStatement needs the statement's sid or one of its actions\. Fix: pass \{ sid: 'MyStatementSid', reason \}/);
  });

  test('acknowledgeStatement needs a real reason', () => {
    const role = new HardenedTaskRole(stack(), 'Task');
    expect(() => role.acknowledgeStatement({ sid: 'X', reason: 'ok' }))
      .toThrow(/^Svc\/Task: acknowledgeStatement needs a reason of at least 10 characters .*Fix:/);
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
