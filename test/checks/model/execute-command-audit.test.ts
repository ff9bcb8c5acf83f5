import { auditClusterExecuteCommand, auditExecuteCommandConfiguration } from '../../../lib/checks/model/execute-command-audit';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

const PASS = { status: 'pass', message: 'sessions are encrypted with a customer key and logged to encrypted destinations' };
const NO_CONFIG = {
  status: 'fail',
  message: 'the cluster has no ExecuteCommandConfiguration, so sessions are not encrypted with a customer key and their output is not logged to an encrypted destination',
};
const DEFAULT_LOGGING = "Logging is DEFAULT, which writes session output through each task's awslogs settings, where encryption cannot be required; use OVERRIDE with an encrypted destination";

function cluster(exec: unknown): Record<string, unknown> {
  return { Configuration: { ExecuteCommandConfiguration: exec } };
}

function override(logConfiguration: unknown, kmsKeyId: unknown = 'alias/exec'): Record<string, unknown> {
  return cluster({ KmsKeyId: kmsKeyId, Logging: 'OVERRIDE', LogConfiguration: logConfiguration });
}

describe('auditExecuteCommandConfiguration: configuration presence', () => {
  test('no Configuration or no ExecuteCommandConfiguration fails', () => {
    expect(auditExecuteCommandConfiguration({})).toEqual(NO_CONFIG);
    expect(auditExecuteCommandConfiguration({ Configuration: {} })).toEqual(NO_CONFIG);
    expect(auditExecuteCommandConfiguration({ Configuration: { ExecuteCommandConfiguration: null } })).toEqual(NO_CONFIG);
  });

  test('an unresolvable Configuration is unverified with its reason', () => {
    expect(auditExecuteCommandConfiguration({ Configuration: new Opaque('import', '<ImportValue:cfg>', { reason: 'imported' }) })).toEqual({
      status: 'unverified',
      message: 'Configuration is <ImportValue:cfg>, which cannot be resolved: imported',
    });
    expect(auditExecuteCommandConfiguration({ Configuration: new Opaque('unsupported', '<If:C>') })).toEqual({
      status: 'unverified',
      message: 'Configuration is <If:C>, which cannot be resolved',
    });
  });

  test('an unresolvable ExecuteCommandConfiguration is unverified with its reason', () => {
    expect(auditExecuteCommandConfiguration(cluster(new Opaque('unsupported', '<If:Exec>', { reason: 'depends on condition Exec' })))).toEqual({
      status: 'unverified',
      message: 'ExecuteCommandConfiguration is <If:Exec>, which cannot be resolved: depends on condition Exec',
    });
    expect(auditExecuteCommandConfiguration(cluster('on'))).toEqual({
      status: 'unverified',
      message: 'ExecuteCommandConfiguration is "on", which cannot be resolved: expected an object, found "on"',
    });
  });

  test('property names are matched case-insensitively', () => {
    expect(
      auditExecuteCommandConfiguration({
        configuration: { executeCommandConfiguration: { kmsKeyId: 'k', logging: 'override', logConfiguration: { s3BucketName: 'b', s3EncryptionEnabled: true } } },
      }),
    ).toEqual(PASS);
  });
});

describe('auditExecuteCommandConfiguration: key and logging mode', () => {
  test('OVERRIDE with encrypted CloudWatch and S3 destinations and a key passes', () => {
    expect(
      auditExecuteCommandConfiguration(
        override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: true, S3BucketName: 'b', S3EncryptionEnabled: 'true' }),
      ),
    ).toEqual(PASS);
    expect(auditExecuteCommandConfiguration(override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: true }, new Opaque('ref', '<Key>'))))
      .toEqual(PASS);
  });

  test('a missing or empty KmsKeyId fails', () => {
    const encrypted = { S3BucketName: 'b', S3EncryptionEnabled: true };
    expect(auditExecuteCommandConfiguration(cluster({ Logging: 'OVERRIDE', LogConfiguration: encrypted }))).toEqual({ status: 'fail', message: 'no KmsKeyId encrypts the sessions' });
    expect(auditExecuteCommandConfiguration(override(encrypted, ''))).toEqual({ status: 'fail', message: 'no KmsKeyId encrypts the sessions' });
  });

  test('absent Logging means DEFAULT, which fails', () => {
    expect(auditExecuteCommandConfiguration(cluster({ KmsKeyId: 'k' }))).toEqual({ status: 'fail', message: DEFAULT_LOGGING });
    expect(auditExecuteCommandConfiguration(cluster({ KmsKeyId: 'k', Logging: 'DEFAULT' }))).toEqual({ status: 'fail', message: DEFAULT_LOGGING });
  });

  test('Logging NONE fails, whatever its case', () => {
    expect(auditExecuteCommandConfiguration(cluster({ KmsKeyId: 'k', Logging: 'none' }))).toEqual({
      status: 'fail',
      message: 'Logging is NONE, so session output is not recorded',
    });
  });

  test('problems are joined with "; " in order', () => {
    expect(auditExecuteCommandConfiguration(cluster({ Logging: 'NONE' }))).toEqual({
      status: 'fail',
      message: 'no KmsKeyId encrypts the sessions; Logging is NONE, so session output is not recorded',
    });
    expect(auditExecuteCommandConfiguration(cluster({}))).toEqual({ status: 'fail', message: `no KmsKeyId encrypts the sessions; ${DEFAULT_LOGGING}` });
  });

  test('an unresolvable Logging is unverified, or appended to the failures', () => {
    const logging = new Opaque('parameter', '<LoggingMode>', { reason: 'parameter LoggingMode has no default' });
    expect(auditExecuteCommandConfiguration(cluster({ KmsKeyId: 'k', Logging: logging }))).toEqual({
      status: 'unverified',
      message: 'Logging is <LoggingMode> (parameter LoggingMode has no default)',
    });
    expect(auditExecuteCommandConfiguration(cluster({ Logging: new Opaque('unsupported', '<If:C>') }))).toEqual({
      status: 'fail',
      message: 'no KmsKeyId encrypts the sessions; also Logging is <If:C> (unresolved)',
    });
  });
});

describe('auditExecuteCommandConfiguration: OVERRIDE destinations', () => {
  test('OVERRIDE without a LogConfiguration fails', () => {
    expect(auditExecuteCommandConfiguration(cluster({ KmsKeyId: 'k', Logging: 'override' }))).toEqual({
      status: 'fail',
      message: 'Logging is OVERRIDE without a LogConfiguration',
    });
  });

  test('an unresolvable LogConfiguration is unverified', () => {
    expect(auditExecuteCommandConfiguration(override(new Opaque('import', '<ImportValue:logs>', { reason: 'imported' })))).toEqual({
      status: 'unverified',
      message: 'LogConfiguration is <ImportValue:logs> (imported)',
    });
    expect(auditExecuteCommandConfiguration(override(new Opaque('unsupported', '<If:C>')))).toEqual({
      status: 'unverified',
      message: 'LogConfiguration is <If:C> (unresolved)',
    });
  });

  test('a LogConfiguration without a destination fails', () => {
    expect(auditExecuteCommandConfiguration(override({ CloudWatchEncryptionEnabled: true }))).toEqual({
      status: 'fail',
      message: 'LogConfiguration names neither a CloudWatchLogGroupName nor an S3BucketName',
    });
  });

  test('each unencrypted destination fails with its flag value', () => {
    expect(auditExecuteCommandConfiguration(override({ CloudWatchLogGroupName: 'exec', S3BucketName: 'b', S3EncryptionEnabled: false }))).toEqual({
      status: 'fail',
      message:
        'CloudWatch Logs session logs are not encrypted (CloudWatchEncryptionEnabled is absent); S3 session logs are not encrypted (S3EncryptionEnabled is false)',
    });
  });

  test('one encrypted destination does not excuse the other', () => {
    expect(auditExecuteCommandConfiguration(override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: 'TRUE', S3BucketName: 'b' }))).toEqual({
      status: 'fail',
      message: 'S3 session logs are not encrypted (S3EncryptionEnabled is absent)',
    });
  });

  test('an unresolvable encryption flag is unverified, or appended to the failures', () => {
    const flag = new Opaque('parameter', '<Encrypt>', { reason: 'parameter Encrypt has no default' });
    expect(auditExecuteCommandConfiguration(override({ S3BucketName: 'b', S3EncryptionEnabled: flag }))).toEqual({
      status: 'unverified',
      message: 'S3EncryptionEnabled is <Encrypt> (parameter Encrypt has no default)',
    });
    expect(auditExecuteCommandConfiguration(override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: 'false', S3BucketName: 'b', S3EncryptionEnabled: new Opaque('unsupported', '<If:C>') })))
      .toEqual({
        status: 'fail',
        message: 'CloudWatch Logs session logs are not encrypted (CloudWatchEncryptionEnabled is false); also S3EncryptionEnabled is <If:C> (unresolved)',
      });
  });

  test('a flag that is not a boolean is unverified with the reason', () => {
    expect(auditExecuteCommandConfiguration(override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: 'yes' }))).toEqual({
      status: 'unverified',
      message: 'CloudWatchEncryptionEnabled is "yes" (expected a boolean, found "yes")',
    });
  });

  test('several undecided items are joined with "; "', () => {
    expect(
      auditExecuteCommandConfiguration(
        override({ CloudWatchLogGroupName: 'exec', CloudWatchEncryptionEnabled: new Opaque('unsupported', '<A>'), S3BucketName: 'b', S3EncryptionEnabled: new Opaque('unsupported', '<B>') }),
      ),
    ).toEqual({ status: 'unverified', message: 'CloudWatchEncryptionEnabled is <A> (unresolved); S3EncryptionEnabled is <B> (unresolved)' });
  });
});

describe('auditClusterExecuteCommand', () => {
  const good = { KmsKeyId: 'k', Logging: 'OVERRIDE', LogConfiguration: { S3BucketName: 'b', S3EncryptionEnabled: true } };

  test('a cluster with a good configuration passes', () => {
    const m = new TemplateModel({ Resources: { Cluster: { Type: 'AWS::ECS::Cluster', Properties: { Configuration: { ExecuteCommandConfiguration: good } } } } });
    expect(auditClusterExecuteCommand(m, m.resource('Cluster')!)).toEqual(PASS);
  });

  test('a cluster without properties fails', () => {
    const m = new TemplateModel({ Resources: { Cluster: { Type: 'AWS::ECS::Cluster' } } });
    expect(auditClusterExecuteCommand(m, m.resource('Cluster')!)).toEqual(NO_CONFIG);
  });

  test('the worst variant wins: fail over pass', () => {
    const m = new TemplateModel({
      Resources: { Cluster: { Type: 'AWS::ECS::Cluster', Properties: { Configuration: { ExecuteCommandConfiguration: { 'Fn::If': ['Prod', good, { Ref: 'AWS::NoValue' }] } } } } },
    });
    expect(auditClusterExecuteCommand(m, m.resource('Cluster')!)).toEqual(NO_CONFIG);
  });

  test('the worst variant wins: unverified over pass, whichever comes first', () => {
    const unresolvedKey = { ...good, LogConfiguration: { S3BucketName: 'b', S3EncryptionEnabled: { 'Fn::ImportValue': 'flag' } } };
    const unverified = { status: 'unverified', message: 'S3EncryptionEnabled is <ImportValue:flag> (imported from another stack (export flag))' };
    for (const [whenTrue, whenFalse] of [[good, unresolvedKey], [unresolvedKey, good]]) {
      const m = new TemplateModel({
        Resources: { Cluster: { Type: 'AWS::ECS::Cluster', Properties: { Configuration: { ExecuteCommandConfiguration: { 'Fn::If': ['Prod', whenTrue, whenFalse] } } } } },
      });
      expect(auditClusterExecuteCommand(m, m.resource('Cluster')!)).toEqual(unverified);
    }
  });

  test('the first of equally bad variants is kept', () => {
    const m = new TemplateModel({
      Resources: {
        Cluster: {
          Type: 'AWS::ECS::Cluster',
          Properties: { Configuration: { ExecuteCommandConfiguration: { 'Fn::If': ['Prod', { ...good, Logging: 'NONE' }, { ...good, KmsKeyId: '' }] } } },
        },
      },
    });
    expect(auditClusterExecuteCommand(m, m.resource('Cluster')!)).toEqual({ status: 'fail', message: 'Logging is NONE, so session output is not recorded' });
  });
});
