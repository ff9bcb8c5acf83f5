import { ALWAYS_CREDENTIAL_NAMES, detectCredential, looksLikeGeneratedSecret, nameWords } from '../../../../../lib/checks/rules/ecs/task-definition/credential-detector';

const AWS_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const RANDOM_40 = 'Zq8sJ2kLm9Pw4xRt7Yv1Bn3Hc6Df0Ga5Ke8LpQw';

describe('credential detector: settings and references pass', () => {
  test.each([
    ['LOG_LEVEL', 'debug'],
    ['TOKEN_TTL_SECONDS', '300'],
    ['MAX_PASSWORD_LENGTH', '64'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['PASSWORD_EXPIRY_DAYS', '90'],
    ['PASSWORD_HASH_ROUNDS', '12'],
    ['PASSWORD_REQUIRED', 'true'],
    ['DISABLE_PASSWORD_LOGIN', 'true'],
    ['TOKEN_TYPE', 'Bearer'],
    ['TOKEN_TYPE_HINT', 'access_token'],
    ['VERSION_TOKEN', 'v2'],
    ['PASSWORD_POLICY', 'strong'],
    ['SESSION_TIMEOUT', '15m'],
    ['TOKEN_LIFETIME', 'PT1H'],
    ['SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-AbCdEf'],
    ['SECRET_ARN', 'arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:app/db-AbCdEf'],
    ['DB_PASSWORD_PARAM', 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/db/password'],
    ['SECRET_NAME', 'prod/db'],
    ['SECRET_ID', 'app/db-credentials'],
    ['DB_PASSWORD_FILE', '/run/secrets/db'],
    ['PRIVATE_KEY_PATH', '/etc/ssl/private/key.pem'],
    ['OAUTH_TOKEN_URL', 'https://auth.example.com/oauth/token'],
    ['TOKEN_ENDPOINT', 'https://login.example.com/oauth2/token'],
    ['SECRETS_MANAGER_ENDPOINT', 'https://secretsmanager.eu-west-1.amazonaws.com'],
    ['HOME_URL', 'https://example.com/a:b@c'],
    ['FEATURE_FLAGS', '{{resolve:ssm:/app/flags}}'],
    ['DB_PASSWORD', ''],
    ['AWS_REGION', 'eu-west-1'],
    ['QUEUE_NAME', 'orders-queue'],
  ])('%s=%s', (name, value) => {
    expect(detectCredential(name, value)).toBeUndefined();
  });
});

describe('credential detector: credentials fail', () => {
  test.each([
    ['DB_PASSWORD', 'hunter2', /PASSWORD/],
    ['dbPassword', 'hunter2', /PASSWORD/],
    ['db-password', 'hunter2', /PASSWORD/],
    ['PASSWORD', 'changeme', /PASSWORD/],
    ['API_KEY', 'abc123', /API_KEY/],
    ['apiKey', 'abc123', /API_KEY/],
    ['AUTH_TOKEN', 'abc', /TOKEN/],
    ['API_TOKEN', 'Bearer', /TOKEN/],
    ['JWT_SECRET', 'mysecret', /SECRET/],
    ['SIGNING_KEY', 'x', /SIGNING_KEY/],
    ['CLIENT_SECRET', 'x9', /SECRET/],
    ['SESSION_SECRET', RANDOM_40, /SECRET/],
    ['SECRET_NAME', RANDOM_40, /SECRET/],
    ['aws_secret_access_key', 'x', /reserved for credentials/],
    ['Aws_Access_Key_Id', 'x', /reserved for credentials/],
    ['ECS_ENGINE_AUTH_DATA', '{}', /reserved for credentials/],
    ['ACCOUNT_HINT', 'AKIAIOSFODNN7EXAMPLE', /AWS access key id/],
    ['NOTES', 'key=ASIAIOSFODNN7EXAMPLE;', /AWS access key id/],
    ['VALUE', AWS_SECRET_KEY, /40-character AWS secret access key/],
    ['CERT', PEM, /PEM private key/],
    ['OPENSSH', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----', /PEM private key/],
    ['DATABASE_URL', 'postgres://u:p@h/db', /embedded password/],
    ['REDIS_URL', 'redis://:hunter2@cache:6379', /embedded password/],
    ['MONGO', 'mongodb+srv://admin:Pa55@cluster0.example.net/db', /embedded password/],
    ['DB', '{{resolve:secretsmanager:app/db:SecretString:password}}', /dynamic reference/],
    ['DB', '{{resolve:ssm-secure:/app/db/password}}', /dynamic reference/],
    ['GH', 'ghp_' + 'a1B2'.repeat(9), /GitHub token/],
    ['SLACK', 'xoxb-1234567890-abcdefghij', /Slack token/],
    ['PAYMENTS', 'sk_live_' + 'a1B2c3D4'.repeat(3), /Stripe/],
    ['SESSION', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', /JSON Web Token/],
    ['RANDOM', RANDOM_40, /high-entropy/],
  ])('%s is flagged', (name, value, reason) => {
    const signal = detectCredential(name, value);
    expect(signal?.reason).toMatch(reason);
  });

  test('the extra names are reserved too, case-insensitively', () => {
    expect(detectCredential('datadog_api_key_v2', 'x', ['DATADOG_API_KEY_V2'])?.reason).toMatch(/reserved/);
    expect(detectCredential('NEW_RELIC_LICENSE', 'x', ['NEW_RELIC_LICENSE'])?.reason).toMatch(/reserved/);
    expect(detectCredential('NEW_RELIC_LICENSE', 'x')).toBeUndefined();
  });

  test('the reserved names are the ECS.8 names plus the session token', () => {
    expect([...ALWAYS_CREDENTIAL_NAMES].sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA']);
  });
});

describe('credential detector: random tokens under harmless names are flagged', () => {
  test.each([
    ['CONFIG', 'Zx9Qw3Lp8Rt2Vb6Nm4Kj7Hg5Fd1Sa0Pq9Wo8Ie7U'],
    ['SETTING', 'q8Vb3XkP0sLm2NzR7tYw4HcJ9dFg6AeU1iOo5KjQ'],
  ])('%s=<random>', (name, value) => {
    expect(detectCredential(name, value)?.reason).toContain('high-entropy');
  });
});

describe('credential detector: identifiers are not flagged', () => {
  test.each([
    ['IMAGE', `nginx@sha256:${SHA256}`],
    ['IMAGE', `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${'a'.repeat(64)}`],
    ['IMAGE', 'public.ecr.aws/docker/library/nginx:1.27.0-Alpine'],
    ['DIGEST', SHA256],
    ['COMMIT', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['REQUEST_ID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['CONSTRUCT_PATH', 'MyStack/Service/TaskDefinition/Resource1'],
    ['LOGICAL_ID', 'ServiceTaskDefwebLogGroup464D419C'],
    ['BUCKET', 'arn:aws:s3:::my-bucket/prefix/*'],
    // Physical names CloudFormation generates for CDK resources, as they appear in exported task definitions.
    ['TABLE', 'PaymentsServiceStack-OrdersTable59C0D3E0-1J3K5ZQW8XYV4'],
    ['QUEUE', 'MyAppStack-WorkerServiceTaskDefinition5F3A2B1C-AbCdEfGhIjKl'],
    ['TABLE_ARN', 'arn:aws:dynamodb:eu-west-1:111111111111:table/OrdersTable2024'],
  ])('%s=%s', (name, value) => {
    expect(detectCredential(name, value)).toBeUndefined();
  });
});

describe('credential detector: value unknown (name only)', () => {
  test('a credential name is flagged', () => {
    expect(detectCredential('DB_PASSWORD', undefined)?.reason).toMatch(/name contains PASSWORD/);
    expect(detectCredential('NPM_TOKEN', undefined)?.reason).toMatch(/name contains TOKEN/);
  });
  test('a setting about a credential is not', () => {
    expect(detectCredential('SECRET_ARN', undefined)).toBeUndefined();
    expect(detectCredential('TOKEN_TTL_SECONDS', undefined)).toBeUndefined();
    expect(detectCredential('LOG_LEVEL', undefined)).toBeUndefined();
  });
});

describe('credential detector: never repeats the value', () => {
  const samples: Array<[string, string]> = [
    ['DB_PASSWORD', 'hunter2'],
    ['API_KEY', 'abc123xyz'],
    ['X', 'AKIAIOSFODNN7EXAMPLE'],
    ['X', AWS_SECRET_KEY],
    ['X', 'postgres://admin:s3cr3tPass@db/app'],
    ['X', RANDOM_40],
    ['X', '{{resolve:secretsmanager:prod/db:SecretString:password}}'],
  ];
  test.each(samples)('%s', (name, value) => {
    const reason = detectCredential(name, value)?.reason ?? '';
    expect(reason).not.toBe('');
    expect(reason).not.toContain(value);
    expect(reason).not.toMatch(/hunter2|abc123xyz|IOSFODNN7|s3cr3tPass|Zq8sJ2|prod\/db/);
  });
});

describe('credential detector helpers', () => {
  test('nameWords splits snake, kebab, dotted and camel case', () => {
    expect(nameWords('dbPassword')).toEqual(['DB', 'PASSWORD']);
    expect(nameWords('DB_PASSWORD')).toEqual(['DB', 'PASSWORD']);
    expect(nameWords('db-password.file')).toEqual(['DB', 'PASSWORD', 'FILE']);
  });
  test('looksLikeGeneratedSecret ignores hex digests, UUIDs and image references', () => {
    expect(looksLikeGeneratedSecret(SHA256)).toBe(false);
    expect(looksLikeGeneratedSecret('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(false);
    expect(looksLikeGeneratedSecret(`registry.example.com/team/app@sha256:${SHA256}`)).toBe(false);
    expect(looksLikeGeneratedSecret(RANDOM_40)).toBe(true);
    expect(looksLikeGeneratedSecret('short1A')).toBe(false);
  });
});

const NOT_A_SETTING = 'the name contains PASSWORD and the value is not a setting or a reference';
const HIGH_ENTROPY = 'the value is a long, high-entropy string (a generated key or password)';
const AWS_SECRET_KEY_REASON = 'the value is a 40-character AWS secret access key';

describe('credential detector: a setting word in the name needs a setting-shaped value', () => {
  // PASSWORD_RESET_TOKEN carries the setting word RESET, but a reset token is a credential: only a whole
  // number, duration, boolean or enum word passes, never a value that merely starts or ends like one.
  test.each([
    ['P@ss#2024'], // ends with digits, starts with the ISO-8601 duration designator P
    ['No#Way-7P'], // starts with the boolean word "no", ends with P
    ['2024#Passion'], // starts with digits, ends with the boolean word "on"
    ['Secret2024'], // a capitalized word with digits is not an enum word like Bearer
    ['my#SecretPass'], // ends with a capitalized word
    ['Secret#Pass'], // starts with a capitalized word
  ])('PASSWORD_RESET_TOKEN=%s', (value) => {
    expect(detectCredential('PASSWORD_RESET_TOKEN', value)).toEqual({ reason: NOT_A_SETTING });
  });

  test.each([
    ['TOKEN_TTL_HOURS', '0.25'],
    ['TOKEN_TTL', '15 min'],
    ['TOKEN_LIFETIME', 'P30D'],
    ['TOKEN_LIFETIME', 'PT12H30M'],
    ['TOKEN_TTL_SECONDS', ' 300\n'],
    ['OAUTH_TOKEN_URL', 'https://auth.example.com:8443/oauth/token'],
    ['TOKEN_ENDPOINT', 'https://auth.example.com'],
  ])('%s=%j is a setting', (name, value) => {
    expect(detectCredential(name, value)).toBeUndefined();
  });
});

describe('credential detector: references under a credential name', () => {
  test('a file path in DB_PASSWORD points at the secret and passes', () => {
    expect(detectCredential('DB_PASSWORD', '/run/secrets/db_password')).toBeUndefined();
  });

  test('a blank value leaks nothing', () => {
    expect(detectCredential('DB_PASSWORD', '   ')).toBeUndefined();
  });

  test.each([
    // The output of `aws secretsmanager get-secret-value` pasted into the environment: it contains an ARN, but is not one.
    ['DB_CREDENTIALS', '{"ARN":"arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-AbCdEf","SecretString":"hunter2"}', 'CREDENTIALS'],
    ['DB_PASSWORD', 'p@ss/w0rd', 'PASSWORD'],
    ['DB_PASSWORD', '/Tr0ub4dor&3', 'PASSWORD'],
    ['API_TOKEN', 's3cr3t;https://auth.example.com', 'TOKEN'],
    ['API_TOKEN', 'https://api.example.com:s3cr3t', 'TOKEN'],
    // A locator word (NAME) excuses only a value that can be a secret's name.
    ['ADMIN_PASSWORD_NAME', 'Tr0ub4dor&3', 'PASSWORD'],
  ])('%s=%s only looks partly like a reference and fails', (name, value, word) => {
    expect(detectCredential(name, value)).toEqual({ reason: `the name contains ${word} and the value is not a setting or a reference` });
  });
});

describe('credential detector: value shapes', () => {
  test('a token is recognized with surrounding whitespace', () => {
    expect(detectCredential('CI_ACCESS', `  ghp_${'a1B2'.repeat(9)}\n`)).toEqual({ reason: 'the value is a GitHub token' });
  });

  test('a generated AWS secret access key (about half upper-case, several digits) is recognized', () => {
    expect(detectCredential('VALUE', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY')).toEqual({ reason: AWS_SECRET_KEY_REASON });
  });

  test.each([
    ['exactly a quarter upper-case', 'aBcd3eFgh4iJkl5mNop6qRst7uVwx8yZab/cDe+g'],
    ['exactly four fifths upper-case', 'KJ3QZPLM/NZR7TYWHc9DFGae1IO+5KJQ2XWab4d8'],
  ])('the upper-case share bounds are inclusive: %s', (_case, value) => {
    expect(detectCredential('VALUE', value)).toEqual({ reason: AWS_SECRET_KEY_REASON });
  });

  test('longer base64 is a generated secret, not an AWS secret access key', () => {
    expect(detectCredential('COOKIE_SALT', 'k3j9/qz0p7Lm2NzR7tYw4HcJ9dFg6AeU1iOo5KjQ+x7/q2w')).toEqual({ reason: HIGH_ENTROPY });
  });

  test.each([
    ['CONSTRUCT_PATH', 'Api/WebService1/TaskDefinition/LogGroup2'], // one fifth upper-case: a CamelCase path
    ['CONSTRUCT_PATH', 'ApiStack/WebService/TaskDef/LogGroup/Key'], // no digit
    ['SECRET_NAME', 'PROD/Orders/DB/MASTER/CREDENTIALS/V2/APP'], // mostly upper-case
    ['EXAMPLE_VALUE', 'AbCd1234/AbCd1234/AbCd1234/AbCd1234/AbCd'], // a low-entropy placeholder
  ])('40 base64 characters that are not a generated key: %s=%s', (name, value) => {
    expect(detectCredential(name, value)).toBeUndefined();
  });
});

describe('credential detector: the generated-secret heuristic', () => {
  test('a trailing newline does not hide a generated secret', () => {
    expect(detectCredential('CONFIG', `${RANDOM_40}\n`)).toEqual({ reason: HIGH_ENTROPY });
    expect(looksLikeGeneratedSecret(` ${RANDOM_40}\n`)).toBe(true);
  });

  test('it starts at 32 characters', () => {
    expect(looksLikeGeneratedSecret(RANDOM_40.slice(0, 31))).toBe(false);
    expect(looksLikeGeneratedSecret(RANDOM_40.slice(0, 32))).toBe(true);
  });

  test.each([
    ['text with spaces', 'Zq8s J2kL m9Pw 4xRt 7Yv1 Bn3H c6Df 0Ga5'],
    ['a file path', '/var/run/Xk9Qz2Lm7Wp4Rt8Vb1Nc6/tls'],
    ['a CDK logical id starting with a lower-case construct id', 'webTaskDefLogGrpKmsKeyPolicyFEAB2C1D'],
    ['an ECR image with a mixed-case tag', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:Build7Kx9Q'],
    ['an image from a registry with a port', '10.0.12.7:5000/ops/app:Rel-7Kx9QzLm2W'],
    ['an image with a tag and a digest', `ops/app:Build7Kx9Q@sha256:${SHA256}`],
    ['no upper-case letter', 'q8vb3xkp_0slm2nzr7_tyw4hcj9d_fg6aeu1io_o5kj'],
    ['no lower-case letter', 'Q8VB3XKP0SLM2NZR7TYW4HCJ9DFG6AEU1IOO5KJQ'],
    ['no digit', 'QvbXkpSlmNzrTywHcjDfgAeuIooKjqWmEpRtZyBn'],
    ['a repeated pattern (low entropy)', 'Test1234Test1234Test1234Test1234'],
    ['a CDK physical name with two words', 'BillingStack-OrdersTable59C0D3E0-1J3K5ZQW8XYV4'],
  ])('is not a generated secret: %s', (_case, value) => {
    expect(looksLikeGeneratedSecret(value)).toBe(false);
  });

  test.each([
    ['starting with a digit and ending with a hex digit', '7Zq8sJ2kLm9Pw4xRt7Yv1Bn3Hc6Df0Ga5Ke8LpQ3'],
    ['a client id (UUID) and a secret', '3f2504e0-4f89-11d3-9a0c-0305e82c3301.Xk9Qz2Lm7Wp4Rt8V'],
    ['a secret and a client id (UUID)', 'Xk9Qz2Lm7Wp4Rt8V.3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
  ])('is a generated secret: %s', (_case, value) => {
    expect(looksLikeGeneratedSecret(value)).toBe(true);
    expect(detectCredential('CONFIG', value)).toEqual({ reason: HIGH_ENTROPY });
  });

  test('nameWords drops leading and trailing separators', () => {
    expect(nameWords('__DB_PASSWORD__')).toEqual(['DB', 'PASSWORD']);
  });
});

describe('long values made of one run of letters and digits (the logical-id pattern must not backtrack exponentially)', () => {
  // With a nested quantifier these took 1.5 s at 32 characters and minutes at 40; a hang fails this test by its timeout.
  test('a 40-character lower-case licence key under a harmless name is judged, and flagged as generated', () => {
    expect(detectCredential('NEW_RELIC_LICENSE', 'eu01xx0a1b2c3d4e5f6a7b8c9d0e1f2a3b4cNRAL')?.reason).toBe(
      'the value is a long, high-entropy string (a generated key or password)',
    );
  });

  test('ten thousand lower-case letters and digits are not a generated secret', () => {
    expect(looksLikeGeneratedSecret('x1'.repeat(5000))).toBe(false);
  });

  test('a CDK logical id (CamelCase words and an 8-hex hash) is still recognised', () => {
    expect(looksLikeGeneratedSecret('ApiServiceTaskDefinitionWebContainer9F3A2B1C')).toBe(false);
  });
});
