import { App, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgmentsOn, isAcknowledged, packRuleIdOf, unreasonedAcknowledgments } from '../../../lib/checks/nag/acknowledgments';

const ACK = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

describe('packRuleIdOf', () => {
  test.each([
    ['HardenedECS-TD-02[Container::web]', 'HardenedECS-TD-02[Container::web]'],
    ['Annotation::HardenedECS-TD-02[Container::web]', 'HardenedECS-TD-02[Container::web]'],
    ['annotation::HardenedECS-TD-02', 'HardenedECS-TD-02'],
    ['HardenedECS::HardenedECS-TD-02', 'HardenedECS-TD-02'],
    ['hardenedecs::HardenedECS-TD-02', 'HardenedECS-TD-02'],
  ])('%s refers to our finding %s', (recorded, expected) => {
    expect(packRuleIdOf(recorded)).toBe(expected);
  });

  test.each([
    'AwsSolutions-ECS2',
    'Annotation::AwsSolutions-ECS2',
    'OtherPlugin::HardenedECS-TD-02',
    'xAnnotation::HardenedECS-TD-02',
    'HardenedECSTD-02',
  ])('%s is not ours', (recorded) => {
    expect(packRuleIdOf(recorded)).toBeUndefined();
  });
});

describe('acknowledgmentsOn', () => {
  test('reads our ids from acknowledgment metadata only, with an empty reason when it is not a string', () => {
    const stack = new Stack(new App(), 'S');
    const web = new Construct(stack, 'Web');
    Validations.of(web).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: 'SEC-1' });
    Validations.of(web).acknowledge({ id: 'AwsSolutions-ECS2', reason: 'not ours' });
    web.node.addMetadata(ACK, { 'HardenedECS::HardenedECS-TX-02': 42 });
    web.node.addMetadata(ACK, 'HardenedECS-TX-03'); // not an { id: reason } record: ignored
    web.node.addMetadata('team:note', { 'HardenedECS-TX-04': 'a note is not an acknowledgment' });
    const acks = acknowledgmentsOn(web);
    expect(acks).toEqual([
      { ruleId: 'HardenedECS-TX-01[Container::web]', recordedId: expect.stringMatching(/^annotation::HardenedECS-TX-01\[Container::web\]$/i), reason: 'SEC-1', constructPath: 'S/Web' },
      { ruleId: 'HardenedECS-TX-02', recordedId: 'HardenedECS::HardenedECS-TX-02', reason: '', constructPath: 'S/Web' },
    ]);
  });
});

describe('isAcknowledged', () => {
  test('looks at the construct and its ancestors, never at siblings or descendants', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const parent = new Construct(stack, 'Parent');
    const child = new Construct(parent, 'Child');
    const sibling = new Construct(stack, 'Sibling');
    Validations.of(app).acknowledge({ id: 'HardenedECS::HardenedECS-TX-02', reason: 'app-wide; SEC-2' });
    Validations.of(parent).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: 'SEC-1' });
    expect(isAcknowledged(child, 'HardenedECS-TX-01[Container::web]')).toBe(true);
    expect(isAcknowledged(child, 'HardenedECS-TX-02')).toBe(true);
    expect(isAcknowledged(child, 'HardenedECS-TX-01')).toBe(false);
    expect(isAcknowledged(sibling, 'HardenedECS-TX-01[Container::web]')).toBe(false);
    expect(isAcknowledged(stack, 'HardenedECS-TX-01[Container::web]')).toBe(false);
  });
});

describe('unreasonedAcknowledgments', () => {
  test('finds blank reasons on the scope, its descendants and its ancestors, not on siblings', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const web = new Construct(stack, 'Web');
    const other = new Stack(app, 'Other');
    Validations.of(app).acknowledge({ id: 'HardenedECS-TX-02', reason: ' ' });
    Validations.of(web).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: '' });
    Validations.of(web).acknowledge({ id: 'HardenedECS-TX-03', reason: 'SEC-3' });
    Validations.of(other).acknowledge({ id: 'HardenedECS-TX-04', reason: '' });
    expect(unreasonedAcknowledgments(stack).map((a) => [a.ruleId, a.constructPath])).toEqual([
      ['HardenedECS-TX-01[Container::web]', 'S/Web'],
      ['HardenedECS-TX-02', ''],
    ]);
  });
});
