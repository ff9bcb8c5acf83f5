import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, template } from './fixtures';
import { noEnvironment } from '../../../../../lib/checks/rules/ecs/task-definition/no-environment';
import { describeRule } from '../../harness';

const env = (...vars: Array<[unknown, unknown]>) => ({ Environment: vars.map(([Name, Value]) => ({ Name, Value })) });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describe('TD-16 is off by default', () => {
  test('enabledByDefault is false', () => expect(noEnvironment.enabledByDefault).toBe(false));
});

describeRule(noEnvironment, {
  passing: [
    { name: 'no Environment', template: template([container('web')]) },
    { name: 'an empty Environment', template: template([container('web', { Environment: [] })]) },
    { name: 'cdk: secrets only', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }) },
  ],
  failing: [
    { name: 'LOG_LEVEL', template: template([container('web', env(['LOG_LEVEL', 'info']))]), key: 'Container::web' },
    { name: 'values from intrinsics', template: template([container('web', env(['A', { Ref: 'AWS::Region' }], ['B', { 'Fn::Sub': '${AWS::AccountId}' }], ['C', { 'Fn::Join': ['', ['x']] }]))]), key: 'Container::web' },
    { name: 'cdk: environment', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { LOG_LEVEL: 'info' } }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'Environment from an import', template: template([container('web', { Environment: { 'Fn::ImportValue': 'env' } })]), key: 'Container::web' },
    { name: 'Environment from a resource attribute', template: template([container('web', { Environment: { 'Fn::GetAtt': ['Cfg', 'Env'] } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});
