import { awsvpcConfiguration } from '../../../model/awsvpc-configuration';
import { displayValue, isOpaque } from '../../../model/opaque';
import { IngressRule, ingressRulesOf } from '../../../model/security-group-ingress';
import { listValue, numberValue, property, stringValue } from '../../../model/values';
import { Outcome, Rule, RuleContext, fail, notApplicable, pass, unverified } from '../../../rule';

/**
 * Ports that must never face the internet: remote administration, databases, caches, search,
 * container and cluster control planes. Web ports (80/443) are not listed: a public task
 * serving HTTP is a design choice that SVC-01 and the load balancer pattern govern.
 */
const SENSITIVE_PORTS: ReadonlyArray<readonly [number, string]> = [
  [20, 'FTP data'], [21, 'FTP'], [22, 'SSH'], [23, 'Telnet'], [135, 'MS RPC'], [139, 'NetBIOS'], [445, 'SMB'],
  [1433, 'SQL Server'], [1521, 'Oracle'], [2049, 'NFS'], [2375, 'Docker API'], [2376, 'Docker API (TLS)'],
  [2379, 'etcd'], [2380, 'etcd peer'], [3306, 'MySQL'], [3389, 'RDP'], [5432, 'PostgreSQL'], [5601, 'Kibana'],
  [5900, 'VNC'], [5984, 'CouchDB'], [6379, 'Redis'], [9042, 'Cassandra'], [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'], [10250, 'kubelet'], [11211, 'Memcached'], [27017, 'MongoDB'],
];

const WORLD = ['0.0.0.0/0', '::/0'];
/** Protocols whose "ports" are not ports (ICMP types), so they cannot expose a service port. */
const PORTLESS_PROTOCOLS = ['icmp', '1', 'icmpv6', '58'];

/** SVC-05: the security groups of a service or task set open no sensitive or all ports to the internet. */
export const sgNoOpenIngress: Rule = {
  id: 'SVC-05',
  name: 'sg-no-open-ingress',
  title: 'Service security groups do not open sensitive or all ports to the internet',
  severity: 'high',
  rationale:
    'The awsvpc security groups are the tasks\' firewall. A rule that admits 0.0.0.0/0 or ::/0 on every port, or on an ' +
    'administration, database or control-plane port, exposes the task to internet scanning as soon as it is reachable ' +
    '(public IP, public load balancer target, peered network). Rules come from the group\'s inline SecurityGroupIngress ' +
    'and from AWS::EC2::SecurityGroupIngress resources of the same template; a group defined elsewhere cannot be verified.',
  fix:
    'Admit traffic only from the load balancer\'s security group or known CIDRs, on the application port: ' +
    '`SourceSecurityGroupId` on AWS::EC2::SecurityGroupIngress; in aws-cdk-lib `service.connections.allowFrom(loadBalancer, port)` ' +
    '(ecs-patterns does this) instead of `ec2.Peer.anyIpv4()`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Service', 'AWS::ECS::TaskSet'],
  compliance: {
    related: ['KICS e415f8d3'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const vpc = awsvpcConfiguration(properties);
    if (isOpaque(vpc)) {
      return [unverified('', `The awsvpc configuration is ${vpc.display}, which cannot be resolved: ${vpc.details.reason ?? 'unknown value'}.`)];
    }
    if (!vpc) return [notApplicable('', 'No awsvpc network configuration: the tasks use the container instance\'s network and security groups.')];
    const groups = listValue(property(vpc, 'SecurityGroups'));
    if (isOpaque(groups)) {
      return [unverified('', `SecurityGroups is ${groups.display}, which cannot be resolved: ${groups.details.reason ?? 'unknown value'}.`)];
    }
    if (!groups || groups.length === 0) {
      return [unverified('', "No SecurityGroups are set, so the VPC's default security group applies, whose rules are not in this template.")];
    }
    return groups.flatMap((group) => judgeGroup(group, context));
  },
};

function judgeGroup(group: unknown, context: RuleContext): Outcome[] {
  const resource = context.model.resourceIdentifiedBy(group);
  const shown = displayValue(group);
  if (!resource || resource.type !== 'AWS::EC2::SecurityGroup') {
    const reason = isOpaque(group) && group.details.reason ? ` (${group.details.reason})` : '';
    return [unverified(`SecurityGroup::${shown}`, `Security group ${shown} is not defined in this template${reason}, so its ingress rules cannot be checked.`)];
  }
  const { rules, undecided } = ingressRulesOf(context.model, resource);
  const outcomes: Outcome[] = [];
  for (const ingress of rules) {
    const outcome = judgeIngress(ingress);
    if (outcome) outcomes.push(outcome);
  }
  for (const what of undecided) outcomes.push(unverified(`SecurityGroup::${resource.logicalId}`, `${what}, which cannot be resolved.`));
  if (outcomes.length === 0) outcomes.push(pass('', `Security group ${resource.logicalId} opens no sensitive or all ports to the internet.`));
  return outcomes;
}

/** A finding for one ingress rule, or undefined when the rule does not face the internet. */
function judgeIngress({ rule, origin }: IngressRule): Outcome | undefined {
  const sources = [property(rule, 'CidrIp'), property(rule, 'CidrIpv6')].filter((v) => v !== undefined).map(stringValue);
  const opaqueSource = sources.find(isOpaque);
  const world = sources.map((s) => (typeof s === 'string' ? s.trim() : s)).find((s): s is string => typeof s === 'string' && WORLD.includes(s));
  if (!world) {
    if (!opaqueSource) return undefined;
    return unverified(`Ingress::${opaqueSource.display}`, `${origin} admits ${opaqueSource.display}, which cannot be resolved: ${opaqueSource.details.reason ?? 'unknown value'}.`);
  }
  const protocol = stringValue(property(rule, 'IpProtocol'));
  if (isOpaque(protocol)) return unverified(`Ingress::${world}`, `${origin} admits ${world} with IpProtocol ${protocol.display}, which cannot be resolved.`);
  const proto = (protocol ?? '-1').toLowerCase();
  if (PORTLESS_PROTOCOLS.includes(proto)) return undefined;
  if (proto === '-1' || proto === 'all') return fail(`Ingress::${world}:all`, `${origin} admits ${world} on all protocols and ports.`);

  const from = numberValue(property(rule, 'FromPort'));
  const to = numberValue(property(rule, 'ToPort'));
  if (isOpaque(from) || isOpaque(to)) {
    return unverified(`Ingress::${world}`, `${origin} admits ${world} on ports ${displayValue(from)}-${displayValue(to)}, which cannot be resolved.`);
  }
  const low = from === undefined || from < 0 ? 0 : from;
  const high = to === undefined || to < 0 ? 65535 : to;
  const range = low === high ? String(low) : `${low}-${high}`;
  if (low <= 1 && high >= 65535) return fail(`Ingress::${world}:${range}`, `${origin} admits ${world} on every port (${range}/${proto}).`);
  const exposed = SENSITIVE_PORTS.filter(([port]) => port >= low && port <= high);
  if (exposed.length > 0) {
    const names = exposed.map(([port, name]) => `${port} (${name})`).join(', ');
    return fail(`Ingress::${world}:${range}`, `${origin} admits ${world} on ${range}/${proto}, which includes ${names}.`);
  }
  return undefined;
}
