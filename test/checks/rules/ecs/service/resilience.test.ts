import { albFargateService, fargateService, serviceTemplate } from './fixtures';
import { resilience } from '../../../../../lib/checks/rules/ecs/service/resilience';
import { describeRule } from '../../harness';

const LB = [{ ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: { Ref: 'TargetGroup' } }];
const BREAKER = { DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } } };

describeRule(resilience, {
  passing: [
    { name: 'breaker with rollback, two tasks, a target group', template: serviceTemplate({ ...BREAKER, DesiredCount: 2, LoadBalancers: LB }) },
    {
      name: 'DesiredCount from a Ref default, breaker flags via Fn::Join',
      template: serviceTemplate(
        { DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: { 'Fn::Join': ['', ['tr', 'ue']] }, Rollback: 'true' } }, DesiredCount: { Ref: 'Count' }, LoadBalancers: LB },
        {},
        { Count: { Type: 'Number', Default: 3 } },
      ),
    },
    { name: 'REPLICA scheduling with two tasks', template: serviceTemplate({ SchedulingStrategy: 'REPLICA', ...BREAKER, DesiredCount: 2, LoadBalancers: LB }) },
    { name: 'explicit ECS deployment controller with breaker and rollback', template: serviceTemplate({ DeploymentController: { Type: 'ECS' }, ...BREAKER, DesiredCount: 2, LoadBalancers: LB }) },
    { name: 'cdk: ecs-patterns service with circuitBreaker rollback', cdk: (stack) => albFargateService(stack, { circuitBreaker: { rollback: true } }) },
  ],
  failing: [
    { name: 'no circuit breaker', key: 'CircuitBreaker', template: serviceTemplate({ DesiredCount: 2, LoadBalancers: LB }) },
    { name: 'breaker without rollback', key: 'CircuitBreaker', template: serviceTemplate({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: false } }, LoadBalancers: LB }) },
    { name: 'DesiredCount 0', key: 'DesiredCount', template: serviceTemplate({ ...BREAKER, DesiredCount: 0, LoadBalancers: LB }) },
    { name: 'no load balancer', key: 'LoadBalancer', template: serviceTemplate({ ...BREAKER }) },
    { name: 'an empty LoadBalancers list', key: 'LoadBalancer', template: serviceTemplate({ ...BREAKER, LoadBalancers: [] }) },
    { name: 'breaker off with rollback requested', key: 'CircuitBreaker', template: serviceTemplate({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: false, Rollback: true } }, LoadBalancers: LB }) },
    { name: 'cdk: stock ecs-patterns service has no circuit breaker', key: 'CircuitBreaker', cdk: (stack) => albFargateService(stack) },
    { name: 'cdk: plain FargateService has no load balancer', key: 'LoadBalancer', cdk: (stack) => fargateService(stack) },
  ],
  unresolvable: [
    { name: 'DesiredCount imported', key: 'DesiredCount', template: serviceTemplate({ ...BREAKER, DesiredCount: { 'Fn::ImportValue': 'Count' }, LoadBalancers: LB }) },
    { name: 'DesiredCount from Fn::Sub over a parameter without a default', key: 'DesiredCount', template: serviceTemplate({ ...BREAKER, DesiredCount: { 'Fn::Sub': '${NoDefault}' }, LoadBalancers: LB }) },
    {
      name: 'circuit breaker settings from a custom resource',
      key: 'CircuitBreaker',
      template: serviceTemplate({ DeploymentConfiguration: { DeploymentCircuitBreaker: { 'Fn::GetAtt': ['Settings', 'Breaker'] } }, LoadBalancers: LB }, { Settings: { Type: 'Custom::Settings', Properties: {} } }),
    },
    {
      name: 'deployment controller type from a parameter without a default',
      key: 'CircuitBreaker',
      template: serviceTemplate({ DeploymentController: { Type: { Ref: 'NoDefault' } }, ...BREAKER, LoadBalancers: LB }),
    },
    {
      name: 'breaker Enable from a parameter without a default',
      key: 'CircuitBreaker',
      template: serviceTemplate({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: { Ref: 'NoDefault' }, Rollback: true } }, LoadBalancers: LB }),
    },
    {
      name: 'LoadBalancers from a custom resource attribute',
      key: 'LoadBalancer',
      template: serviceTemplate({ ...BREAKER, LoadBalancers: { 'Fn::GetAtt': ['Settings', 'LoadBalancers'] } }, { Settings: { Type: 'Custom::Settings', Properties: {} } }),
    },
  ],
  notApplicable: [
    { name: 'DAEMON scheduling has no DesiredCount', key: 'DesiredCount', template: serviceTemplate({ SchedulingStrategy: 'DAEMON', ...BREAKER, LoadBalancers: LB }) },
    { name: 'CODE_DEPLOY controller manages rollback', key: 'CircuitBreaker', template: serviceTemplate({ DeploymentController: { Type: 'CODE_DEPLOY' }, LoadBalancers: LB }) },
  ],
});
