/**
 * IAM action names and the wildcard semantics of `Action`/`NotAction`.
 *
 * Matching is case-insensitive globbing (`*` = any run of characters, `?` = one character), as
 * IAM evaluates it. Wildcard patterns are expanded against explicit action lists, never compared
 * as strings: `iam:*Policy*` must be recognised as granting `iam:PutRolePolicy`.
 */

/** True when an IAM action pattern (with `*`/`?`) matches a concrete action name; case-insensitive. */
export function actionMatches(pattern: string, action: string): boolean {
  // Most statements name their actions exactly: compare them without building a regular expression.
  if (!hasWildcard(pattern)) return equalIgnoringCase(pattern, action);
  return globRegExp(pattern, true).test(action);
}

/** What `/^pattern$/i` (without the `u` flag) decides for a pattern without wildcards. */
function equalIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && canonicalCodeUnit(x) !== canonicalCodeUnit(y)) return false;
  }
  return true;
}

/**
 * The case folding of a regular expression with the `i` flag and without `u` (ECMAScript's
 * Canonicalize): the upper case of a code unit, unless that is several units or would map a
 * non-ASCII unit into ASCII.
 */
function canonicalCodeUnit(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const folded = upper.charCodeAt(0);
  return folded < 128 ? code : folded;
}

/** True when a resource pattern (with `*`/`?`) matches a concrete ARN; ARNs compare case-sensitively. */
export function resourceGlobMatches(pattern: string, arn: string): boolean {
  if (!hasWildcard(pattern)) return pattern === arn;
  return globRegExp(pattern, false).test(arn);
}

/** True when a pattern contains a `*` or `?` wildcard. */
export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** The actions of `catalogue` that a pattern grants (e.g. `iam:Put*` → `iam:PutRolePolicy`, ...). */
export function expandAction(pattern: string, catalogue: readonly string[]): string[] {
  const re = globRegExp(pattern, true);
  return catalogue.filter((action) => re.test(action));
}

/** The service prefix of an action (`ecr-public` for `ecr-public:GetAuthorizationToken`); `*` for `*`. */
export function actionService(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action.toLowerCase() : action.slice(0, colon).toLowerCase();
}

/** `*`, `*:*` and other patterns that match every action of every service. */
export function isFullWildcardAction(pattern: string): boolean {
  return /^[*?]*(:[*?]*)?$/.test(pattern) && pattern.includes('*');
}

/** `svc:*` (any service prefix, hyphens included): every action of one service. */
export function isServiceWildcardAction(pattern: string): boolean {
  return /^[a-z0-9-]+:\*+$/i.test(pattern);
}

/** Compiled glob patterns, one cache per case sensitivity; bounded because patterns come from input. */
const globCaches = { insensitive: new Map<string, RegExp>(), sensitive: new Map<string, RegExp>() };

function globRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const cache = caseInsensitive ? globCaches.insensitive : globCaches.sensitive;
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/**
 * Actions that grant a path to more privilege on their own (catalogue §4.4): editing policies,
 * creating credentials, changing trust, or replacing code that runs under another role.
 */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
  'glue:UpdateDevEndpoint',
  'cloudformation:UpdateStack',
  'sagemaker:CreatePresignedNotebookInstanceUrl',
];

/**
 * A combination of actions that together escalate privilege. Every group must be granted;
 * within a group, any one action suffices.
 */
export interface EscalationCombination {
  /** Short description used in findings. */
  readonly description: string;
  readonly requires: ReadonlyArray<readonly string[]>;
}

const PASS_ROLE = ['iam:PassRole'];

/** Escalation paths that need several actions (catalogue §4.4), most with `iam:PassRole`. */
export const ESCALATION_COMBINATIONS: readonly EscalationCombination[] = [
  { description: 'iam:PassRole + ec2:RunInstances (run an instance with any role)', requires: [PASS_ROLE, ['ec2:RunInstances']] },
  {
    description: 'iam:PassRole + lambda:CreateFunction + invoke (run code with any role)',
    requires: [PASS_ROLE, ['lambda:CreateFunction'], ['lambda:InvokeFunction', 'lambda:CreateEventSourceMapping', 'lambda:AddPermission']],
  },
  { description: 'iam:PassRole + glue:CreateDevEndpoint/CreateJob', requires: [PASS_ROLE, ['glue:CreateDevEndpoint', 'glue:CreateJob']] },
  { description: 'iam:PassRole + cloudformation:CreateStack', requires: [PASS_ROLE, ['cloudformation:CreateStack']] },
  {
    description: 'iam:PassRole + cloudformation change sets',
    requires: [PASS_ROLE, ['cloudformation:CreateChangeSet'], ['cloudformation:ExecuteChangeSet']],
  },
  {
    description: 'iam:PassRole + codebuild:CreateProject + StartBuild',
    requires: [PASS_ROLE, ['codebuild:CreateProject', 'codebuild:UpdateProject'], ['codebuild:StartBuild', 'codebuild:StartBuildBatch']],
  },
  {
    description: 'iam:PassRole + SageMaker notebook/training/processing job',
    requires: [PASS_ROLE, ['sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']],
  },
  { description: 'iam:PassRole + elasticmapreduce:RunJobFlow', requires: [PASS_ROLE, ['elasticmapreduce:RunJobFlow']] },
  { description: 'iam:PassRole + apprunner:CreateService', requires: [PASS_ROLE, ['apprunner:CreateService']] },
  {
    description: 'iam:PassRole + Data Pipeline create and define',
    requires: [PASS_ROLE, ['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition']],
  },
  {
    description: 'iam:PassRole + ecs:RegisterTaskDefinition + CreateService/RunTask/StartTask (run a task with any role)',
    requires: [PASS_ROLE, ['ecs:RegisterTaskDefinition'], ['ecs:CreateService', 'ecs:RunTask', 'ecs:StartTask']],
  },
  { description: 'iam:PassRole + ecs:RunTask (override the task role)', requires: [PASS_ROLE, ['ecs:RunTask']] },
  {
    description: 'iam:PassRole + ecs:StartTask + container-instance registration',
    requires: [PASS_ROLE, ['ecs:StartTask'], ['ecs:RegisterContainerInstance']],
  },
  {
    description: 'iam:PassRole + ecs:CreateCluster + RegisterTaskDefinition + CreateService/RunTask',
    requires: [PASS_ROLE, ['ecs:CreateCluster'], ['ecs:RegisterTaskDefinition'], ['ecs:CreateService', 'ecs:RunTask']],
  },
  { description: 'ecs:ExecuteCommand + ecs:DescribeTasks (shell into tasks, use their role)', requires: [['ecs:ExecuteCommand'], ['ecs:DescribeTasks']] },
  {
    description: 'sts:AssumeRole + role trust or policy edits',
    requires: [['sts:AssumeRole'], ['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:AttachRolePolicy']],
  },
  {
    description: 'EC2 launch-template changes (user data under the instance role)',
    requires: [['ec2:CreateLaunchTemplateVersion'], ['ec2:ModifyLaunchTemplate']],
  },
  {
    description: 'EC2 instance attribute changes (user data under the instance role)',
    requires: [['ec2:ModifyInstanceAttribute'], ['ec2:StopInstances'], ['ec2:StartInstances']],
  },
];

/** Actions that hand out credentials or secrets (cloudsplaining's "credentials exposure", plus secret reads). */
export const CREDENTIAL_EXPOSURE_ACTIONS: readonly string[] = [
  'chime:CreateApiKey',
  'codepipeline:PollForJobs',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'cognito-identity:GetCredentialsForIdentity',
  'connect:GetFederationToken',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'gamelift:RequestUploadCredentials',
  'gamelift:GetInstanceAccess',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'rds-db:Connect',
  'redshift:GetClusterCredentials',
  'sso:GetRoleCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ssm:GetParameterHistory',
];

/** Reads that move data out (object, table, queue and stream contents). */
export const DATA_EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ExportTableToPointInTime',
  'rds:CopyDBSnapshot',
  'rds:ModifyDBSnapshotAttribute',
  'ec2:ModifySnapshotAttribute',
  'ec2:CreateSnapshot',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
];

/** Actions that change who may do what (resource policies, grants, ACLs). IAM, Organizations and SSO writes count too. */
export const PERMISSIONS_MANAGEMENT_ACTIONS: readonly string[] = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:PutObjectAcl',
  's3:PutBucketPublicAccessBlock',
  's3:PutAccountPublicAccessBlock',
  'kms:CreateGrant',
  'kms:PutKeyPolicy',
  'secretsmanager:PutResourcePolicy',
  'secretsmanager:DeleteResourcePolicy',
  'ecr:SetRepositoryPolicy',
  'ecr:DeleteRepositoryPolicy',
  'ecr:PutRegistryPolicy',
  'lambda:AddPermission',
  'lambda:AddLayerVersionPermission',
  'sns:AddPermission',
  'sns:SetTopicAttributes',
  'sqs:AddPermission',
  'sqs:SetQueueAttributes',
  'logs:PutResourcePolicy',
  'ram:CreateResourceShare',
  'ram:AssociateResourceShare',
];

/** Services whose every write action manages permissions. */
const PERMISSIONS_SERVICES = ['iam', 'organizations', 'sso', 'identitystore', 'sts'];

/**
 * Verbs that start a write (or permissions-management) action name. Read-only verbs such as
 * Get, List, Describe, BatchGet or Search are deliberately absent.
 */
const WRITE_VERBS = [
  'Abort', 'Accept', 'Activate', 'Add', 'Allocate', 'Apply', 'Associate', 'Attach', 'Authorize', 'BatchDelete', 'BatchPut',
  'BatchWrite', 'Cancel', 'Change', 'Complete', 'Copy', 'Create', 'Deactivate', 'Delete', 'Deregister', 'Detach', 'Disable',
  'Disassociate', 'Enable', 'Execute', 'Export', 'Import', 'Initiate', 'Invoke', 'Modify', 'Move', 'Pass', 'Publish', 'Purge',
  'Put', 'Reboot', 'Register', 'Reject', 'Release', 'Remove', 'Replace', 'Replicate', 'Reset', 'Restore', 'Revoke', 'Rotate',
  'Run', 'Schedule', 'Send', 'Set', 'Start', 'Stop', 'Submit', 'Tag', 'Terminate', 'Untag', 'Update', 'Upload', 'Write',
];

/**
 * Actions that IAM authorises only on `Resource: "*"` (no resource-level permissions), so a `*`
 * there is not a finding. Kept to what ECS workloads need; anything else must be scoped.
 */
export const RESOURCE_WILDCARD_ONLY_ACTIONS: readonly string[] = [
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'sts:GetServiceBearerToken',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'cloudwatch:PutMetricData',
  'logs:DescribeLogGroups',
  'sts:GetCallerIdentity',
];

/** True when a literal action (no wildcard) is one IAM authorises only on `*`. */
export function requiresWildcardResource(action: string): boolean {
  return !hasWildcard(action) && RESOURCE_WILDCARD_ONLY_ACTIONS.some((a) => a.toLowerCase() === action.toLowerCase());
}

/** Why an action pattern is sensitive, or undefined when it is not (read-only, or not in any list). */
export type SensitiveCategory = 'permissions-management' | 'credential-exposure' | 'data-exfiltration' | 'write';

/**
 * The sensitive categories an action pattern can grant. A wildcard pattern counts when it can
 * match a listed action or an action that starts with a write verb (`s3:Put*`, `s3:*`, `*`).
 */
export function sensitiveCategories(pattern: string): SensitiveCategory[] {
  const result: SensitiveCategory[] = [];
  const service = actionService(pattern);
  const writes = canMatchWriteVerb(pattern);
  if (writes && (PERMISSIONS_SERVICES.includes(service) || hasWildcard(service)) || expandAction(pattern, PERMISSIONS_MANAGEMENT_ACTIONS).length) {
    result.push('permissions-management');
  }
  if (expandAction(pattern, CREDENTIAL_EXPOSURE_ACTIONS).length) result.push('credential-exposure');
  if (expandAction(pattern, DATA_EXFILTRATION_ACTIONS).length) result.push('data-exfiltration');
  if (writes) result.push('write');
  return result;
}

/** True when the verb part of a pattern can start with a write verb (so the pattern can grant a write). */
function canMatchWriteVerb(pattern: string): boolean {
  const colon = pattern.indexOf(':');
  const verb = colon < 0 ? pattern : pattern.slice(colon + 1);
  const wildcardAt = verb.search(/[*?]/);
  const literalPrefix = (wildcardAt < 0 ? verb : verb.slice(0, wildcardAt)).toLowerCase();
  return WRITE_VERBS.some((w) => {
    const lw = w.toLowerCase();
    if (wildcardAt < 0) return literalPrefix.startsWith(lw);
    return literalPrefix.startsWith(lw) || lw.startsWith(literalPrefix);
  });
}
