import { displayValue, isOpaque } from '../../../model/opaque';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Rule, fail, pass, unverified } from '../../../rule';

const SETTING_NAME = 'containerinsights';
/** `enhanced` is a superset of `enabled` (enhanced observability), so both count as on. */
const ON_VALUES = ['enabled', 'enhanced'];

/** CL-01: Container Insights is on for the cluster (`enabled` or `enhanced`). */
export const containerInsights: Rule = {
  id: 'CL-01',
  name: 'container-insights',
  title: 'Cluster has Container Insights enabled',
  severity: 'medium',
  rationale:
    'Container Insights collects task and service metrics and performance events that incident response and capacity ' +
    'alarms depend on. Both `enabled` and `enhanced` (enhanced observability, a superset) turn it on; Control Tower ' +
    'CT.ECS.PR.2 wrongly fails `enhanced`. When the template does not set it, the account-level default applies, which ' +
    'a template cannot show, so an absent setting fails.',
  fix:
    "Set `ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }]` (or `enabled`) on the AWS::ECS::Cluster; " +
    'in aws-cdk-lib use `containerInsightsV2: ecs.ContainerInsights.ENHANCED`; HardenedCluster does this by default.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Cluster'],
  compliance: {
    securityHub: ['ECS.12'],
    controlTower: ['CT.ECS.PR.2'],
    configRules: ['ecs-container-insights-enabled'],
    nist80053: ['AU-6(3)', 'AU-6(4)', 'CA-7', 'SI-2'],
    pciDss: ['10.1', '10.2.1', '10.2.2', '10.2.3', '10.2.4', '10.2.5', '10.2.7', '10.3.1', '10.3.2', '10.3.3', '10.3.4', '10.3.5', '10.3.6'],
    related: ['CKV_AWS_65', 'AwsSolutions-ECS4', 'KICS ab759fde', 'Prowler ecs_cluster_container_insights_enabled'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const settings = listValue(property(properties, 'ClusterSettings'));
    if (isOpaque(settings)) {
      return [unverified('', `ClusterSettings is ${settings.display}, which cannot be resolved: ${settings.details.reason ?? 'unknown value'}.`)];
    }
    const undecided: string[] = [];
    for (const entry of settings ?? []) {
      const setting = recordValue(entry);
      if (!setting || isOpaque(setting)) {
        undecided.push(displayValue(entry));
        continue;
      }
      const name = stringValue(property(setting, 'Name'));
      if (isOpaque(name)) {
        undecided.push(`a setting named ${name.display}`);
        continue;
      }
      if (name?.toLowerCase() !== SETTING_NAME) continue;
      const value = stringValue(property(setting, 'Value'));
      if (isOpaque(value)) {
        return [unverified('', `containerInsights is ${value.display}, which cannot be resolved: ${value.details.reason ?? 'unknown value'}.`)];
      }
      if (value !== undefined && ON_VALUES.includes(value.toLowerCase())) {
        return [pass('', `Container Insights is '${value}'.`)];
      }
      return [fail('', `Container Insights is '${value ?? '(no value)'}'; set it to 'enhanced' or 'enabled'.`)];
    }
    if (undecided.length > 0) {
      return [unverified('', `No literal containerInsights setting, and ${undecided.join(', ')} cannot be resolved.`)];
    }
    return [fail('', 'The cluster does not set containerInsights, so the account default applies, which the template cannot show; set it explicitly.')];
  },
};
