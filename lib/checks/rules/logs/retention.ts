import { isOpaque } from '../../model/opaque';
import { numberValue, property } from '../../model/values';
import { Rule, fail, pass, unverified } from '../../rule';

/** LOG-01: log groups keep events for at least the configured minimum, and a missing retention fails by default. */
export const retention: Rule = {
  id: 'LOG-01',
  name: 'retention',
  title: 'Log group retains events for at least the minimum period',
  severity: 'medium',
  rationale:
    'Container logs are the evidence an incident investigation starts from; a short retention deletes them before a ' +
    'breach is noticed (Security Hub CloudWatch.16 expects 365 days). A log group without RetentionInDays never expires: ' +
    'Control Tower passes that, Checkov and cdk-nag fail it. We fail it by default (option failOnMissingRetention), ' +
    'because unbounded logs are unbounded cost and personal-data exposure. A CDK log group rendered without a ' +
    'Properties key is judged on its absent RetentionInDays, not on the missing key.',
  fix:
    'Set `RetentionInDays` (at least the minimum, 365 by default) on the AWS::Logs::LogGroup; in aws-cdk-lib pass ' +
    '`retention: logs.RetentionDays.ONE_YEAR` to logs.LogGroup or `logRetention` to ecs.LogDrivers.awsLogs; ' +
    'cdk-hardened-ecs EncryptedLogGroup defaults to one year.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::Logs::LogGroup'],
  compliance: {
    securityHub: ['CloudWatch.16'],
    controlTower: ['CT.CLOUDWATCH.PR.2'],
    configRules: ['cw-loggroup-retention-period-check'],
    nist80053: ['AU-6(3)', 'AU-6(4)', 'AU-10', 'AU-11', 'CA-7', 'SI-12'],
    pciDss: ['3.1', '10.7'],
    related: ['CKV_AWS_66', 'cdk-nag NIST/HIPAA/PCI CloudWatchLogGroupRetentionPeriod'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const minimum = context.options.minLogRetentionDays;
    const days = numberValue(property(properties, 'RetentionInDays'));
    if (isOpaque(days)) {
      return [unverified('', `RetentionInDays is ${days.display}, which cannot be resolved: ${days.details.reason ?? 'unknown value'}.`)];
    }
    if (days === undefined) {
      return context.options.failOnMissingRetention
        ? [fail('', `RetentionInDays is not set, so events never expire; set a finite retention of at least ${minimum} days.`)]
        : [pass('', 'RetentionInDays is not set, so events are kept forever (accepted: failOnMissingRetention is off).')];
    }
    if (days < minimum) return [fail('', `RetentionInDays is ${days}, below the minimum of ${minimum} days.`)];
    return [pass('', `RetentionInDays is ${days} (minimum ${minimum}).`)];
  },
};
