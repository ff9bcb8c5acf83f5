/** `hardened-ecs --help`. Kept beside the parser so a new flag is documented in the same change. */
export const USAGE = `Usage:
  hardened-ecs check <path>... [options]
  hardened-ecs rules [--format text|json|markdown] [--output FILE]
  hardened-ecs --help | --version

Checks Amazon ECS configurations for security hardening. <path> may be a cloud
assembly directory (cdk.out, nested Stage assemblies included), a CloudFormation
template in JSON or YAML (short-form intrinsics such as !Ref and !Sub included),
or an ECS task definition in JSON as printed by
'aws ecs describe-task-definition' or accepted by 'register-task-definition'.
The kind of each file is detected from its content, not its extension.

Options for 'check':
  --format text|json|sarif|markdown
                        Output format (default: text). sarif is SARIF 2.1.0 for
                        code-scanning upload; markdown suits a pull-request comment.
  --output FILE         Write the report to FILE instead of stdout.
  --fail-on LEVEL       Exit 1 when a finding is at or above LEVEL: error
                        (critical, high, medium; the default), warning (any), or
                        a severity: critical, high, medium, low, info.
  --fail-on-unverified  Values the checker could not resolve also fail the run
                        (by default they are reported but do not fail).
  --rules ID,...        Run exactly these rules (including off-by-default ones).
  --include ID,...      Also run these off-by-default rules.
  --exclude ID,...      Skip these rules.
  --min-severity S      Run only rules of severity S or worse.
  --min-log-retention-days N
                        Minimum CloudWatch Logs retention (default: 365).
  --require-execution-role-trust-conditions
                        Also require aws:SourceAccount/aws:SourceArn conditions
                        in the trust policy of task execution roles.
  --allowed-registries HOST,...
                        TD-26: the image registries allowed, * as a wildcard
                        (e.g. *.dkr.ecr.eu-west-1.amazonaws.com,public.ecr.aws).
  --credential-names NAME,...
                        TD-14/TD-15: more environment variable names that must
                        never hold a plain value.
  --required-tags KEY,...
                        TAG-01 (include it): tag keys every ECS service, cluster
                        and task definition must carry.
  --fargate-task-memory-counts-as-limit
                        TD-13: on Fargate, accept the task memory as the hard
                        limit of containers without their own.
  --no-acknowledgments  Ignore acknowledgments recorded in template metadata and
                        report those findings as failures.

Acknowledged findings (template metadata 'cdk-hardened-ecs:exemptions' or cdk-nag
'rules_to_suppress', each with a reason) are shown as acknowledged and do not fail.
Output never repeats a credential value found in the input.

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  bad usage, or an input that cannot be read (the message names the file and why)

Examples:
  hardened-ecs check cdk.out
  hardened-ecs check template.yaml --format sarif --output hardened-ecs.sarif
  aws ecs describe-task-definition --task-definition web:7 > web.json && hardened-ecs check web.json
  hardened-ecs rules --format markdown
`;
