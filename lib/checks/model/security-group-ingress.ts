import { isOpaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { listValue, property, recordValue } from './values';

/** One ingress rule of a security group, resolved, with where it was declared. */
export interface IngressRule {
  /** The resolved rule (`IpProtocol`, `FromPort`, `ToPort`, `CidrIp`, `CidrIpv6`, ...). */
  readonly rule: Record<string, unknown>;
  /** `SecurityGroupIngress[2] of Sg` or `IngressFromLb (AWS::EC2::SecurityGroupIngress)`. */
  readonly origin: string;
}

/** Ingress rules of an in-template AWS::EC2::SecurityGroup: its inline `SecurityGroupIngress` plus standalone AWS::EC2::SecurityGroupIngress resources aimed at it. */
export function ingressRulesOf(model: TemplateModel, group: ModelResource): { rules: IngressRule[]; undecided: string[] } {
  const rules: IngressRule[] = [];
  const undecided: string[] = [];
  for (const variant of model.variants(group)) {
    const inline = listValue(property(variant, 'SecurityGroupIngress'));
    if (isOpaque(inline)) {
      undecided.push(`SecurityGroupIngress of ${group.logicalId} is ${inline.display}`);
      continue;
    }
    (inline ?? []).forEach((entry, index) => {
      const rule = recordValue(entry);
      if (isOpaque(rule)) undecided.push(`SecurityGroupIngress[${index}] of ${group.logicalId} is ${rule.display}`);
      else if (rule) rules.push({ rule, origin: `SecurityGroupIngress[${index}] of ${group.logicalId}` });
    });
  }
  const standalone = model
    .referencesTo(group.logicalId)
    .filter((ref) => ref.from.type === 'AWS::EC2::SecurityGroupIngress' && /^groupid(\.|$)/i.test(ref.path))
    .map((ref) => ref.from);
  for (const resource of new Set(standalone)) {
    for (const variant of model.variants(resource)) rules.push({ rule: variant, origin: `${resource.logicalId} (AWS::EC2::SecurityGroupIngress)` });
  }
  return { rules, undecided };
}
