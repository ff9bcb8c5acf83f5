import { displayValue, isOpaque } from '../../../model/opaque';
import { booleanValue, listValue, numberValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../../rule';

/** SVC-07 (off by default): the service rolls back failed deployments, runs tasks, and sits behind a load balancer. */
export const resilience: Rule = {
  id: 'SVC-07',
  name: 'resilience',
  title: 'Service rolls back failed deployments, runs at least one task and has a load balancer',
  severity: 'low',
  rationale:
    'Without the deployment circuit breaker a broken image keeps replacing healthy tasks until someone notices; with it ' +
    'and rollback, ECS returns to the last working revision. A desired count of 0 means the service runs nothing, and a ' +
    'service without a load balancer has no health-checked entry point. Operational rather than security hygiene, hence ' +
    'off by default; queue workers legitimately have no load balancer (acknowledge `LoadBalancer`).',
  fix:
    'Set `DeploymentConfiguration.DeploymentCircuitBreaker: { Enable: true, Rollback: true }`, a `DesiredCount` above 0 and ' +
    '`LoadBalancers`; in aws-cdk-lib `circuitBreaker: { rollback: true }` and `desiredCount`, and attach a target group ' +
    '(ecs-patterns load-balanced services do).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Service'],
  compliance: {
    related: ['KICS fb2b0ecf', 'KICS 79d745f0'],
  },
  enabledByDefault: false,

  evaluate(properties) {
    return [circuitBreaker(properties), desiredCount(properties), loadBalancer(properties)];
  },
};

function circuitBreaker(properties: Record<string, unknown>): Outcome {
  const key = 'CircuitBreaker';
  const controller = recordValue(property(properties, 'DeploymentController'));
  const type = controller && !isOpaque(controller) ? stringValue(property(controller, 'Type')) : controller;
  if (isOpaque(type)) return unverified(key, `DeploymentController is ${type.display}, which cannot be resolved.`);
  if (type && type.toUpperCase() !== 'ECS') {
    return notApplicable(key, `The ${type} deployment controller manages rollbacks itself; the circuit breaker applies to ECS rolling deployments only.`);
  }
  const configuration = recordValue(property(properties, 'DeploymentConfiguration'));
  const breaker = configuration && !isOpaque(configuration) ? recordValue(property(configuration, 'DeploymentCircuitBreaker')) : configuration;
  if (isOpaque(breaker)) return unverified(key, `The deployment circuit breaker is ${breaker.display}, which cannot be resolved.`);
  if (!breaker) return fail(key, 'No deployment circuit breaker: a failing deployment keeps replacing tasks and never rolls back.');
  const enable = booleanValue(property(breaker, 'Enable'));
  const rollback = booleanValue(property(breaker, 'Rollback'));
  if (isOpaque(enable) || isOpaque(rollback)) {
    return unverified(key, `DeploymentCircuitBreaker Enable=${displayValue(enable)}, Rollback=${displayValue(rollback)} cannot be resolved.`);
  }
  if (enable !== true || rollback !== true) {
    return fail(key, `The deployment circuit breaker is ${enable === true ? 'on without rollback' : 'off'}; set Enable and Rollback to true.`);
  }
  return pass(key, 'The deployment circuit breaker is on with rollback.');
}

function desiredCount(properties: Record<string, unknown>): Outcome {
  const key = 'DesiredCount';
  const strategy = stringValue(property(properties, 'SchedulingStrategy'));
  if (typeof strategy === 'string' && strategy.toUpperCase() === 'DAEMON') {
    return notApplicable(key, 'DAEMON services run one task per instance; DesiredCount does not apply.');
  }
  const count = numberValue(property(properties, 'DesiredCount'));
  if (isOpaque(count)) return unverified(key, `DesiredCount is ${count.display}, which cannot be resolved: ${count.details.reason ?? 'unknown value'}.`);
  // CloudFormation creates a service without DesiredCount with one task.
  if (count === undefined) return pass(key, 'DesiredCount is not set, so the service starts with one task.');
  if (count <= 0) return fail(key, `DesiredCount is ${count}, so the service runs no tasks.`);
  return pass(key, `DesiredCount is ${count}.`);
}

function loadBalancer(properties: Record<string, unknown>): Outcome {
  const key = 'LoadBalancer';
  const balancers = listValue(property(properties, 'LoadBalancers'));
  if (isOpaque(balancers)) return unverified(key, `LoadBalancers is ${balancers.display}, which cannot be resolved.`);
  if (!balancers || balancers.length === 0) return fail(key, 'The service has no load balancer, so nothing health-checks and routes around failed tasks.');
  return pass(key, `The service is registered with ${balancers.length} load balancer target(s).`);
}
