/**
 * Template builders for the IAM rule tests: a task definition with a task role and an
 * execution role, each with an `AWS::IAM::Policy` attached through `Roles: [{Ref}]`.
 */
export interface EcsIamTemplateOptions {
  /** Trust statements of both roles (default: the aws-cdk-lib default ecs-tasks trust, no condition). */
  readonly trust?: object[];
  readonly taskStatements?: object[];
  readonly executionStatements?: object[];
  readonly taskRoleProperties?: object;
  readonly executionRoleProperties?: object;
  readonly parameters?: object;
  readonly extraResources?: object;
  /** The task definition uses the execution role as its task role too (one role doing both jobs). */
  readonly sharedRole?: boolean;
}

export const CDK_DEFAULT_TRUST = { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } };

export const OWN_ACCOUNT_TRUST = {
  Effect: 'Allow',
  Principal: { Service: 'ecs-tasks.amazonaws.com' },
  Action: 'sts:AssumeRole',
  Condition: {
    StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
    ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' } },
  },
};

export function ecsIamTemplate(options: EcsIamTemplateOptions = {}): object {
  const trust = { Version: '2012-10-17', Statement: options.trust ?? [CDK_DEFAULT_TRUST] };
  const policy = (role: string, statements: object[] | undefined) =>
    statements === undefined
      ? {}
      : {
        [`${role}Policy`]: {
          Type: 'AWS::IAM::Policy',
          Properties: { PolicyName: `${role}Policy`, Roles: [{ Ref: role }], PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        },
      };
  return {
    Parameters: { ...(options.parameters ?? {}) },
    Resources: {
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, ...(options.taskRoleProperties ?? {}) } },
      ExecRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, ...(options.executionRoleProperties ?? {}) } },
      ...policy('TaskRole', options.taskStatements),
      ...policy('ExecRole', options.executionStatements),
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'app',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          TaskRoleArn: { 'Fn::GetAtt': [options.sharedRole ? 'ExecRole' : 'TaskRole', 'Arn'] },
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] },
          ContainerDefinitions: [{ Name: 'app', Image: 'nginx' }],
        },
      },
      ...(options.extraResources ?? {}),
    },
  };
}

/** `arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<resource>` as Fn::Join. */
export function joinArn(service: string, resource: string): object {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`]] };
}

/** The same ARN as Fn::Sub. */
export function subArn(service: string, resource: string): object {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}` };
}

/** A Lambda role and its inline policy, as extra resources: no ECS task definition uses them. */
export function lambdaRoleWithPolicy(statements: object[]): object {
  return {
    LambdaRole: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
    },
    LambdaRolePolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: { PolicyName: 'LambdaRolePolicy', Roles: [{ Ref: 'LambdaRole' }], PolicyDocument: { Version: '2012-10-17', Statement: statements } },
    },
  };
}
