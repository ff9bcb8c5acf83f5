import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ECS_TASKS_SERVICE, ecsSourceArnPattern, ecsTasksPrincipal } from '../../lib/identity/ecs-tasks-principal';

function scopeIn(env?: { account: string; region: string }): Construct {
  return new Construct(new Stack(new App(), 'Svc', { env }), 'Role');
}

/** The principal's trust statement parts, resolved as CloudFormation would see them. */
function trust(scope: Construct, conditions: Parameters<typeof ecsTasksPrincipal>[1]) {
  const fragment = ecsTasksPrincipal(scope, conditions).policyFragment;
  const stack = Stack.of(scope);
  return { principal: stack.resolve(fragment.principalJson), conditions: stack.resolve(fragment.conditions) };
}

const ENV = { account: '111111111111', region: 'eu-west-1' };

describe('ecsTasksPrincipal', () => {
  test('is the ecs-tasks service principal', () => {
    expect(ECS_TASKS_SERVICE).toBe('ecs-tasks.amazonaws.com');
    expect(trust(scopeIn(ENV), 'none')).toEqual({ principal: { Service: ['ecs-tasks.amazonaws.com'] }, conditions: {} });
  });

  test('sourceAccount conditions the trust on the stack account only', () => {
    expect(trust(scopeIn(ENV), 'sourceAccount')).toEqual({
      principal: { Service: ['ecs-tasks.amazonaws.com'] },
      conditions: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
  });

  test('sourceAccountAndArn adds the ECS ARN pattern of the stack region and account', () => {
    expect(trust(scopeIn(ENV), 'sourceAccountAndArn')).toEqual({
      principal: { Service: ['ecs-tasks.amazonaws.com'] },
      conditions: {
        StringEquals: { 'aws:SourceAccount': '111111111111' },
        ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:eu-west-1:111111111111:*']] } },
      },
    });
  });
});

describe('ecsSourceArnPattern', () => {
  test('uses the pseudo parameters in an environment-agnostic stack', () => {
    const scope = scopeIn();
    expect(Stack.of(scope).resolve(ecsSourceArnPattern(scope))).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']],
    });
  });
});
