import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { NO_FULL_ACCESS_CONTROLS } from './iam-control-mappings';
import { literalActions, opaqueActions } from './statement-views';
import { hasWildcard } from '../../model/iam-actions';
import { flatten } from '../../model/iam-policy';
import { Rule, fail, pass, unverified } from '../../rule';

/** IAM-06: no Allow with NotAction; Allow with NotResource only for named actions. */
export const noAllowNotElements: Rule = {
  id: 'IAM-06',
  name: 'no-allow-not-elements',
  title: 'ECS role policies do not Allow with NotAction (or NotResource with wildcard actions)',
  severity: 'medium',
  rationale:
    '`Allow` + `NotAction` grants every action except a few, including every action AWS adds later; `Allow` + `NotResource` ' +
    'grants the actions on every resource except a few. Deny + NotAction/NotResource is a legitimate guardrail and passes. ' +
    'Allow + NotResource with named actions is accepted; with wildcard actions it fails (the catalogue\'s "warning"; this ' +
    'checker has no warning status, and a wildcard action on all-but-some resources is rarely intended). Peers: cdk-nag IAM5 ' +
    'throws on NotAction, Control Tower IAM.PR.1/2 skip it, nobody flags NotResource.',
  fix:
    'Replace `NotAction` with an explicit `Action` list, and `NotResource` with the `Resource` ARNs the task uses. Keep ' +
    'NotAction/NotResource only in Deny statements. In aws-cdk-lib avoid `notActions`/`notResources` on Allow statements.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...NO_FULL_ACCESS_CONTROLS, related: ['cdk-nag AwsSolutions-IAM5 (throws on NotAction)'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, (statement) => {
      if (statement.notActions) {
        return [fail(statement.key, `Allows every action except ${statement.notActions.map(flatten).join(', ')} (Allow + NotAction).`)];
      }
      if (statement.notResources) {
        const wild = literalActions(statement).filter(hasWildcard);
        if (wild.length) return [fail(statement.key, `Allows wildcard actions ${wild.join(', ')} on every resource except ${statement.notResources.map(flatten).join(', ')}.`)];
        const unknown = opaqueActions(statement)[0];
        if (unknown) return [unverified(statement.key, `Allow + NotResource with action ${unknown.display}, which cannot be resolved.`)];
        return [pass(statement.key, 'Allow + NotResource with named actions only.')];
      }
      return [pass(statement.key, 'No NotAction/NotResource in this Allow statement.')];
    });
  },
};
