import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { isAllResourcesPattern } from './statement-views';
import { PolicyStatement, PolicyValue, arnService, coversAction, flatten, splitArn } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

const SECRET_READS = ['secretsmanager:GetSecretValue', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'];

/** IAM-12: secret and parameter grants name one secret precisely. */
export const secretArnPrecision: Rule = {
  id: 'IAM-12',
  name: 'secret-arn-precision',
  title: 'Secret grants use complete or -?????? ARNs',
  severity: 'medium',
  rationale:
    'Secrets Manager appends `-` and 6 random characters to every secret ARN. `secret:*`, `secret:app/*` or `secret:app/db-*` ' +
    'also grant every secret whose name starts the same way (`app/db-admin-AbCdEf`); `-??????` matches exactly the suffix and ' +
    'survives re-creation; an ARN without the suffix matches no secret at all. cdk-nag IAM5 flags `*` and ignores `?`, the ' +
    'opposite of what is safe. A JSON-key suffix (`:key:stage:version`) is stripped first. SSM parameter ARNs must have one ' +
    'slash after `parameter` (`parameter//app` never matches).',
  fix:
    'Use the secret\'s `Ref` (complete ARN) or `arn:…:secret:<name>-??????` in `Resource`. In cdk-hardened-ecs pass ' +
    '`secretFullArn`; in aws-cdk-lib prefer `Secret.fromSecretCompleteArn` over `fromSecretNameV2`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['cdk-nag AwsSolutions-IAM5 (flags * but not ?)'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, judge, 'No statement reads secrets or parameters.');
  },
};

function judge(statement: PolicyStatement): Outcome[] {
  const reads = SECRET_READS.filter((a) => coversAction(statement, a) === true);
  if (!reads.length) return [];
  const problems: string[] = [];
  let undecided: string | undefined;
  if (statement.notResources) problems.push('NotResource grants every other secret');
  for (const resource of statement.resources ?? []) {
    if (isAllResourcesPattern(resource)) {
      problems.push(`${flatten(resource)} is every secret and parameter`);
      continue;
    }
    const verdict = judgeResource(resource);
    if (typeof verdict === 'string') problems.push(verdict);
    else if (verdict instanceof Opaque) undecided ??= `${verdict.display} cannot be resolved`;
  }
  if (problems.length) return [fail(statement.key, `${reads.join('/')} is not limited to precise secrets: ${problems.join('; ')}.`)];
  if (undecided) return [unverified(statement.key, `Cannot verify the secret ARNs: ${undecided}.`)];
  return [pass(statement.key, 'Secret and parameter ARNs are precise.')];
}

/** A problem description, `true` when precise, or the opaque value that prevents deciding. */
function judgeResource(resource: PolicyValue): string | true | Opaque {
  if (resource instanceof Opaque && (resource.kind === 'ref' || resource.kind === 'getatt')) return true;
  const service = arnService(resource);
  const fields = splitArn(resource);
  if (!fields) return resource instanceof Opaque ? resource : true;
  const tail = fields[5];
  const tailText = flatten(tail);
  if (service === 'secretsmanager') {
    if (!tailText.startsWith('secret:')) {
      // `*` or `secret*` in the resource field matches every secret of the account (and region).
      const glob = new RegExp(`^${tailText.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      return glob.test('secret:any-name-AbCdEf') ? `${flatten(resource)} matches every secret` : true;
    }
    // Strip `:json-key:stage:version`, which belongs in ValueFrom, not in a policy.
    const name = tailText.slice('secret:'.length).split(':')[0];
    const literalTail = typeof tail === 'string' ? name : lastLiteral(tail);
    if (literalTail === undefined) return tail as Opaque;
    if (/\*/.test(name)) return `${flatten(resource)} has a * that matches other secrets (use -??????)`;
    if (/-\?{6}$/.test(literalTail) || /-[A-Za-z0-9]{6}$/.test(literalTail)) return true;
    return `${flatten(resource)} has no 6-character suffix, so it matches no secret (append -??????)`;
  }
  if (service === 'ssm') {
    if (/parameter\/\//.test(tailText)) return `${flatten(resource)} has a double slash after parameter and never matches`;
    if (/^parameter\/?\*+$/.test(tailText)) return `${flatten(resource)} is every parameter`;
    return true;
  }
  return true;
}

/** The literal text after the last opaque part of a composite, or undefined when the value ends with an opaque part. */
function lastLiteral(value: PolicyValue): string | undefined {
  if (typeof value === 'string') return value;
  const parts = value.details.parts ?? [value];
  const last = parts[parts.length - 1];
  return typeof last === 'string' ? last.split(':')[0] : undefined;
}
