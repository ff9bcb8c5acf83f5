import {
  conditionClauses,
  coversAction,
  coversAllResources,
  coversResource,
  hasNarrowingCondition,
  hasPublicPrincipal,
  namesService,
  parseStatements,
  resourceMatches,
  servicePrincipals,
  splitArn,
  isOwnAccount,
} from '../../../lib/checks/model/iam-policy';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

/** Resolves a value the way rules receive it (intrinsics become literals or Opaque values). */
function resolved(value: unknown): any {
  const model = new TemplateModel({
    Parameters: { Bucket: { Type: 'String', Default: 'my-bucket' } },
    Resources: { Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} }, Role: { Type: 'AWS::IAM::Role', Properties: {} } },
  });
  return model.resolve(value);
}

describe('parseStatements', () => {
  test('accepts a single Statement object and string elements', () => {
    const [s] = parseStatements({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } });
    expect(s).toMatchObject({ key: 'Statement::0', effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });
    expect(s.invalid).toBeUndefined();
  });

  test('keys by Sid, else by 0-based index, prefixed by the policy name when given', () => {
    const statements = parseStatements(
      { Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 'x:Y', Resource: '*' }, { Effect: 'Deny', Action: 'x:Z', Resource: '*' }] },
      { policyName: 'app' },
    );
    expect(statements.map((s) => s.key)).toEqual(['Statement::app/Read', 'Statement::app/1']);
  });

  test('a statement without Effect is invalid, not an Allow (peer bug #20)', () => {
    const [s] = parseStatements({ Statement: [{ Action: '*', Resource: '*' }] });
    expect(s.effect).toBeUndefined();
    expect(s.invalid).toMatch(/no Effect/);
  });

  test('flags Action with NotAction and a non-object statement', () => {
    const statements = parseStatements({ Statement: [{ Effect: 'Allow', Action: 'a:b', NotAction: 'c:d', Resource: '*' }, 'oops'] });
    expect(statements[0].invalid).toMatch(/both Action and NotAction/);
    expect(statements[1].invalid).toMatch(/not an object/);
  });

  test('normalises Principal forms, including the bare string "*" (peer bug #29)', () => {
    const [a, b, c] = parseStatements({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { Service: 'ECS-TASKS.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    expect(hasPublicPrincipal(a)).toBe(true);
    expect(hasPublicPrincipal(b)).toBe(true);
    expect(hasPublicPrincipal(c)).toBe(false);
    expect(namesService(c, 'ecs-tasks.amazonaws.com')).toBe(true);
  });

  test('reads ecs-tasks.${AWS::URLSuffix} as the ECS tasks service', () => {
    const [s] = parseStatements(resolved({ Statement: [{ Effect: 'Allow', Principal: { Service: { 'Fn::Join': ['', ['ecs-tasks.', { Ref: 'AWS::URLSuffix' }]] } }, Action: 'sts:AssumeRole' }] }));
    expect(namesService(s, 'ecs-tasks.amazonaws.com')).toBe(true);
  });

  test('splits condition operators into qualifier, base and IfExists', () => {
    const [s] = parseStatements({
      Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { 'ForAnyValue:StringLikeIfExists': { 'kms:ViaService': ['a', 'b'] } } }],
    });
    expect(s.conditions).toEqual([
      { operator: 'ForAnyValue:StringLikeIfExists', baseOperator: 'StringLike', ifExists: true, setQualifier: 'ForAnyValue', key: 'kms:ViaService', values: ['a', 'b'] },
    ]);
    expect(conditionClauses(s, 'KMS:viaservice', ['StringLike'])).toHaveLength(1);
    expect(conditionClauses(s, 'kms:ViaService', ['StringEquals'])).toHaveLength(0);
  });

  test('keeps opaque values opaque', () => {
    const [s] = parseStatements(resolved({ Statement: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'Actions' }, Resource: { Ref: 'Secret' } }] }));
    expect(s.actions?.[0]).toBeInstanceOf(Opaque);
    expect(coversAction(s, 'kms:Decrypt')).toBeInstanceOf(Opaque);
  });
});

describe('coverage queries', () => {
  const [allowAll, notAction, notResource] = parseStatements({
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::private/*' },
    ],
  });

  test('NotAction covers every action it does not list', () => {
    expect(coversAction(notAction, 's3:GetObject')).toBe(true);
    expect(coversAction(notAction, 'IAM:PassRole')).toBe(false);
  });

  test('NotResource covers every resource it does not list, and counts as all resources', () => {
    expect(coversResource(notResource, 'arn:aws:s3:::public/x')).toBe(true);
    expect(coversResource(notResource, 'arn:aws:s3:::private/x')).toBe(false);
    expect(coversAllResources(notResource)).toBe(true);
    expect(coversAllResources(allowAll)).toBe(true);
    expect(coversAllResources(notAction)).toBe(false);
  });

  test('opaque resources match by identity, and literal patterns of another service never match', () => {
    const secret = resolved({ Ref: 'Secret' });
    expect(resourceMatches(resolved({ Ref: 'Secret' }), secret)).toBe(true);
    expect(resourceMatches('arn:aws:s3:::bucket/*', resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:x' }))).toBe(false);
    expect(resourceMatches('arn:aws:secretsmanager:eu-west-1:1:secret:x-??????', secret)).toBeInstanceOf(Opaque);
  });

  test('composite patterns glob their literal parts', () => {
    const pattern = resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/db-??????' });
    const arn = resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/db-AbCdEf' });
    const other = resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/other-AbCdEf' });
    expect(resourceMatches(pattern, arn)).toBe(true);
    expect(resourceMatches(pattern, other)).toBeInstanceOf(Opaque);
  });

  test('conditions narrow, except a wildcard-only Like', () => {
    const [plain, narrowed, trivial] = parseStatements({
      Statement: [
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } } },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringLike: { 'kms:ViaService': '*' } } },
      ],
    });
    expect(hasNarrowingCondition(plain)).toBe(false);
    expect(hasNarrowingCondition(narrowed)).toBe(true);
    expect(hasNarrowingCondition(trivial)).toBe(false);
  });
});

describe('splitArn', () => {
  test('splits literal ARNs and keeps colons in the resource field', () => {
    expect(splitArn('arn:aws:logs:eu-west-1:111111111111:log-group:app:*')).toEqual(['arn', 'aws', 'logs', 'eu-west-1', '111111111111', 'log-group:app:*']);
    expect(splitArn('not-an-arn')).toBeUndefined();
  });

  test('keeps pseudo parameters as opaque fields', () => {
    const fields = splitArn(resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' }))!;
    expect(fields[2]).toBe('ecs');
    expect(isOwnAccount(fields[4])).toBe(true);
    expect(fields[5]).toBe('*');
  });
});

describe('what makes a condition narrowing', () => {
  const statementWith = (condition: unknown) => parseStatements({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: condition }] })[0];

  test('a wildcard-only value under a wildcard operator matches anything; every other clause narrows', () => {
    expect(hasNarrowingCondition(statementWith({ ArnLike: { 'aws:SourceArn': '**' } }))).toBe(false);
    expect(hasNarrowingCondition(statementWith({ StringLike: { 'kms:ViaService': ['*', '*'] } }))).toBe(false);
    expect(hasNarrowingCondition(statementWith({ StringLike: { 'kms:ViaService': ['*', 'ssm.*'] } }))).toBe(true);
    expect(hasNarrowingCondition(statementWith({ StringLike: { 'kms:ViaService': '*ssm' } }))).toBe(true);
    expect(hasNarrowingCondition(statementWith({ StringEquals: { 'kms:ViaService': '*' } }))).toBe(true);
    expect(hasNarrowingCondition(statementWith({ StringLike: { 'kms:ViaService': [] } }))).toBe(true);
    expect(hasNarrowingCondition(statementWith({ Null: { 'aws:SourceArn': '*' } }))).toBe(true);
  });

  test('an unresolvable value or Condition block counts as narrowing', () => {
    const opaqueValue = parseStatements(resolved({
      Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringLike: { 'kms:ViaService': { 'Fn::ImportValue': 'via' } } } }],
    }))[0];
    expect(hasNarrowingCondition(opaqueValue)).toBe(true);
    const opaqueBlock = parseStatements(resolved({
      Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { 'Fn::ImportValue': 'condition' } }],
    }))[0];
    expect(opaqueBlock.conditions).toEqual([]);
    expect(hasNarrowingCondition(opaqueBlock)).toBe(true);
  });

  test('set qualifiers are read case-insensitively and only as a prefix', () => {
    const [clause] = statementWith({ 'forallvalues:StringEquals': { 'aws:TagKeys': ['a'] } }).conditions;
    expect(clause).toMatchObject({ setQualifier: 'ForAllValues', baseOperator: 'StringEquals', ifExists: false });
    const [plain] = statementWith({ StringEquals: { 'aws:ForAnyValue:x': 'a' } }).conditions;
    expect(plain).toMatchObject({ setQualifier: undefined, baseOperator: 'StringEquals' });
  });
});

describe('statement validity and document forms', () => {
  test('the invalid text lists every problem, by Sid or by index', () => {
    const [both, neither] = parseStatements({
      Statement: [
        { Sid: 'Both', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', NotResource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Resource: '*' },
      ],
    });
    expect(both.invalid).toBe('statement Both is invalid: it has both Resource and NotResource');
    expect(neither.invalid).toBe('statement 1 is invalid: it has neither Action nor NotAction');
  });

  test('a policy document given as a JSON string is parsed; anything else in a string gives no statements', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    expect(parseStatements(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }))).toHaveLength(1);
    expect(parseStatements(JSON.stringify({ statement: [statement] }))).toHaveLength(1);
    expect(parseStatements(JSON.stringify([statement, statement]))).toHaveLength(2);
    expect(parseStatements('null')).toEqual([]);
    expect(parseStatements('42')).toEqual([]);
    expect(parseStatements('"Statement"')).toEqual([]);
    expect(parseStatements('{ not json')).toEqual([]);
  });
});

describe('principals', () => {
  const principalsOf = (principal: unknown) => parseStatements({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] })[0].principals;

  test('a principal type is read in any case and named canonically; an unknown type is kept as written', () => {
    expect(principalsOf({ service: 'ecs-tasks.amazonaws.com', aws: 'arn:aws:iam::111111111111:root', FEDERATED: 'cognito', canonicaluser: 'abc', Weird: 'x' }))
      .toEqual([
        { type: 'Service', value: 'ecs-tasks.amazonaws.com' },
        { type: 'AWS', value: 'arn:aws:iam::111111111111:root' },
        { type: 'Federated', value: 'cognito' },
        { type: 'CanonicalUser', value: 'abc' },
        { type: 'Weird', value: 'x' },
      ]);
  });

  test('every value of a list becomes its own entry; an empty list gives none', () => {
    expect(principalsOf({ Service: ['a.amazonaws.com', 'b.amazonaws.com'], AWS: [] })).toEqual([
      { type: 'Service', value: 'a.amazonaws.com' },
      { type: 'Service', value: 'b.amazonaws.com' },
    ]);
  });

  test('a bare string is an AWS principal unless it is *; no Principal gives none', () => {
    expect(principalsOf('arn:aws:iam::111111111111:root')).toEqual([{ type: 'AWS', value: 'arn:aws:iam::111111111111:root' }]);
    expect(principalsOf('*')).toEqual([{ type: '*', value: '*' }]);
    expect(principalsOf(undefined)).toBeUndefined();
  });

  test('a lower-cased service key still names the service, and a public principal is seen whatever the case', () => {
    const [statement] = parseStatements({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { service: 'ECS-Tasks.amazonaws.com' } }] });
    expect(servicePrincipals(statement)).toEqual(['ecs-tasks.amazonaws.com']);
    const [open] = parseStatements({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Principal: { aws: '*' } }] });
    expect(hasPublicPrincipal(open)).toBe(true);
    const [named] = parseStatements({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Principal: { aws: 'arn:aws:iam::111111111111:root' } }] });
    expect(hasPublicPrincipal(named)).toBe(false);
  });
});
