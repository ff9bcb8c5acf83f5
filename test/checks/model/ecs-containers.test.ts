import { ContainerView, environmentOf, evaluateContainers, evaluateLinuxParameters } from '../../../lib/checks/model/ecs-containers';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';
import { Outcome, pass } from '../../../lib/checks/rule';

/** A judge that records what it saw and passes each container. */
function recorder(): { seen: ContainerView[]; judge: (c: ContainerView) => Outcome[] } {
  const seen: ContainerView[] = [];
  return { seen, judge: (c) => (seen.push(c), [pass(c.key, `saw ${c.name}`, c.name)]) };
}

function taskProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const model = new TemplateModel({
    Parameters: { Shared: { Type: 'String' } },
    Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: properties } },
  } as never);
  return model.properties(model.resource('Task')!);
}

describe('evaluateContainers', () => {
  test('judges every container by name, with its key and definition, in order', () => {
    const properties = taskProperties({ ContainerDefinitions: [{ Name: 'web', Image: 'nginx' }, { Name: 'sidecar' }] });
    const { seen, judge } = recorder();
    expect(evaluateContainers(properties, judge)).toEqual([
      { status: 'pass', key: 'Container::web', message: 'saw web', container: 'web' },
      { status: 'pass', key: 'Container::sidecar', message: 'saw sidecar', container: 'sidecar' },
    ]);
    expect(seen).toEqual([
      { name: 'web', key: 'Container::web', definition: { Name: 'web', Image: 'nginx' } },
      { name: 'sidecar', key: 'Container::sidecar', definition: { Name: 'sidecar' } },
    ]);
  });

  test('concatenates several outcomes per container', () => {
    const properties = { ContainerDefinitions: [{ Name: 'a' }, { Name: 'b' }] };
    const outcomes = evaluateContainers(properties, (c) => [pass(c.key, '1'), pass(c.key, '2')]);
    expect(outcomes.map((o) => `${o.key}/${o.message}`)).toEqual(['Container::a/1', 'Container::a/2', 'Container::b/1', 'Container::b/2']);
  });

  test('no ContainerDefinitions yields no outcome and no judgement', () => {
    const { seen, judge } = recorder();
    expect(evaluateContainers({}, judge)).toEqual([]);
    expect(seen).toEqual([]);
  });

  test('an unresolvable ContainerDefinitions list is unverified with its reason', () => {
    const { seen, judge } = recorder();
    const list = new Opaque('import', '<ImportValue:defs>', { reason: 'imported from another stack (export defs)' });
    expect(evaluateContainers({ ContainerDefinitions: list }, judge)).toEqual([
      {
        status: 'unverified',
        key: '',
        message: 'ContainerDefinitions is <ImportValue:defs>, which cannot be resolved: imported from another stack (export defs).',
        container: undefined,
      },
    ]);
    expect(seen).toEqual([]);
  });

  test('a ContainerDefinitions scalar is unverified as not a list', () => {
    expect(evaluateContainers({ ContainerDefinitions: 'web' }, () => [])).toEqual([
      { status: 'unverified', key: '', message: 'ContainerDefinitions is "web", which cannot be resolved: expected a list, found "web".', container: undefined },
    ]);
  });

  test('an opaque list without a reason says unknown value', () => {
    expect(evaluateContainers({ ContainerDefinitions: new Opaque('unsupported', '<X>') }, () => [])).toEqual([
      { status: 'unverified', key: '', message: 'ContainerDefinitions is <X>, which cannot be resolved: unknown value.', container: undefined },
    ]);
  });

  test('an entry that is not an object is unverified by its position, and the others are still judged', () => {
    const { seen, judge } = recorder();
    const entry = new Opaque('parameter', '<Shared>', { reason: 'parameter Shared has no default' });
    const outcomes = evaluateContainers({ ContainerDefinitions: [{ Name: 'web' }, 'oops', null, entry] }, judge);
    expect(outcomes).toEqual([
      { status: 'pass', key: 'Container::web', message: 'saw web', container: 'web' },
      { status: 'unverified', key: 'Container::#2', message: 'Container definition #2 is oops, which cannot be resolved.', container: undefined },
      { status: 'unverified', key: 'Container::#3', message: 'Container definition #3 is null, which cannot be resolved.', container: undefined },
      { status: 'unverified', key: 'Container::#4', message: 'Container definition #4 is <Shared>, which cannot be resolved.', container: undefined },
    ]);
    expect(seen.map((c) => c.name)).toEqual(['web']);
  });

  test('a container without a name is named by its 1-based position', () => {
    const { seen, judge } = recorder();
    evaluateContainers({ ContainerDefinitions: [{ Name: 'web' }, { Image: 'busybox' }, { Name: '' }] }, judge);
    expect(seen).toEqual([
      { name: 'web', key: 'Container::web', definition: { Name: 'web' } },
      { name: '#2', key: 'Container::#2', definition: { Image: 'busybox' } },
      { name: '#3', key: 'Container::#3', definition: { Name: '' } },
    ]);
  });

  test('the first unnamed container is #1', () => {
    const { seen, judge } = recorder();
    evaluateContainers({ ContainerDefinitions: [{ Image: 'busybox' }] }, judge);
    expect(seen.map((c) => [c.name, c.key])).toEqual([['#1', 'Container::#1']]);
  });

  test('an unresolvable name is shown by its display form', () => {
    const { seen, judge } = recorder();
    const properties = taskProperties({ ContainerDefinitions: [{ Name: { Ref: 'Shared' } }, { Name: { a: 1 } }] });
    evaluateContainers(properties, judge);
    expect(seen.map((c) => [c.name, c.key])).toEqual([
      ['<Shared>', 'Container::<Shared>'],
      ['{"a":1}', 'Container::{"a":1}'],
    ]);
    expect(typeof seen[0].name).toBe('string');
  });

  test('a numeric name is used as text', () => {
    const { seen, judge } = recorder();
    evaluateContainers({ ContainerDefinitions: [{ Name: 7 }] }, judge);
    expect(seen.map((c) => [c.name, c.key])).toEqual([['7', 'Container::7']]);
  });

  test('property names are matched case-insensitively', () => {
    const { seen, judge } = recorder();
    evaluateContainers({ containerDefinitions: [{ name: 'web' }] }, judge);
    expect(seen.map((c) => c.name)).toEqual(['web']);
  });
});

describe('evaluateLinuxParameters', () => {
  test('passes each Linux container its LinuxParameters, or undefined when it has none', () => {
    const seen: Array<[string, unknown]> = [];
    const outcomes = evaluateLinuxParameters(
      { RuntimePlatform: { OperatingSystemFamily: 'LINUX' }, ContainerDefinitions: [{ Name: 'web', LinuxParameters: { InitProcessEnabled: true } }, { Name: 'log' }] },
      (c, linux) => (seen.push([c.name, linux]), [pass(c.key, 'ok', c.name)]),
    );
    expect(seen).toEqual([
      ['web', { InitProcessEnabled: true }],
      ['log', undefined],
    ]);
    expect(outcomes).toEqual([
      { status: 'pass', key: 'Container::web', message: 'ok', container: 'web' },
      { status: 'pass', key: 'Container::log', message: 'ok', container: 'log' },
    ]);
  });

  test('a Windows task definition is not applicable and no container is judged', () => {
    const seen: string[] = [];
    const outcomes = evaluateLinuxParameters(
      { RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, ContainerDefinitions: [{ Name: 'web' }] },
      (c) => (seen.push(c.name), []),
    );
    expect(outcomes).toEqual([
      {
        status: 'not-applicable',
        key: '',
        message: 'Applies to Linux containers only; RuntimePlatform.OperatingSystemFamily is WINDOWS_SERVER_2022_CORE.',
        container: undefined,
      },
    ]);
    expect(seen).toEqual([]);
  });

  test('an unresolvable operating system is unverified', () => {
    const os = new Opaque('parameter', '<Os>', { reason: 'parameter Os has no default' });
    expect(evaluateLinuxParameters({ RuntimePlatform: { OperatingSystemFamily: os }, ContainerDefinitions: [{ Name: 'web' }] }, () => [])).toEqual([
      {
        status: 'unverified',
        key: '',
        message: 'The operating system cannot be determined (RuntimePlatform.OperatingSystemFamily is <Os>: parameter Os has no default).',
        container: undefined,
      },
    ]);
  });

  test('unresolvable LinuxParameters are unverified for that container only', () => {
    const seen: string[] = [];
    const linux = new Opaque('import', '<ImportValue:lp>', { reason: 'imported from another stack (export lp)' });
    const outcomes = evaluateLinuxParameters({ ContainerDefinitions: [{ Name: 'web', LinuxParameters: linux }, { Name: 'log' }] }, (c) => (
      seen.push(c.name), [pass(c.key, 'ok', c.name)]
    ));
    expect(outcomes).toEqual([
      {
        status: 'unverified',
        key: 'Container::web',
        message: 'LinuxParameters of container web is <ImportValue:lp>, which cannot be resolved: imported from another stack (export lp).',
        container: 'web',
      },
      { status: 'pass', key: 'Container::log', message: 'ok', container: 'log' },
    ]);
    expect(seen).toEqual(['log']);
  });
});

describe('environmentOf', () => {
  function container(definition: Record<string, unknown>): ContainerView {
    return { name: 'web', key: 'Container::web', definition };
  }

  test('no Environment is an empty list', () => {
    expect(environmentOf(container({ Name: 'web' }))).toEqual([]);
  });

  test('reads names and values, keeping opaque values', () => {
    const secret = new Opaque('parameter', '<Token>', { reason: 'parameter Token has no default' });
    expect(environmentOf(container({ Environment: [{ Name: 'MODE', Value: 'prod' }, { name: 'TOKEN', value: secret }, { Name: 'EMPTY' }] }))).toEqual([
      { name: 'MODE', value: 'prod' },
      { name: 'TOKEN', value: secret },
      { name: 'EMPTY', value: undefined },
    ]);
  });

  test('an unresolvable Environment list is returned as is', () => {
    const list = new Opaque('import', '<ImportValue:env>', { reason: 'imported' });
    expect(environmentOf(container({ Environment: list }))).toBe(list);
  });

  test('an entry without Name gets a placeholder opaque name and keeps its value', () => {
    expect(environmentOf(container({ Environment: [{ Value: 'x' }] }))).toEqual([
      { name: new Opaque('unsupported', '(no name)', { reason: 'Environment entry without Name' }), value: 'x' },
    ]);
  });

  test('an unresolvable name is kept as the opaque value', () => {
    const name = new Opaque('parameter', '<VarName>', { reason: 'parameter VarName has no default' });
    const [entry] = environmentOf(container({ Environment: [{ Name: name, Value: '1' }] })) as Array<{ name: unknown; value: unknown }>;
    expect(entry.name).toBe(name);
    expect(entry.value).toBe('1');
  });

  test('malformed entries get an opaque name and no value', () => {
    const opaqueEntry = new Opaque('import', '<ImportValue:e>', { reason: 'imported' });
    const result = environmentOf(container({ Environment: ['MODE=prod', null, opaqueEntry] })) as Array<{ name: unknown; value: unknown }>;
    expect(result).toEqual([
      { name: new Opaque('unsupported', '"MODE=prod"', { reason: 'expected an object, found "MODE=prod"' }), value: undefined },
      { name: new Opaque('unsupported', 'null', { reason: 'malformed Environment entry' }), value: undefined },
      { name: opaqueEntry, value: undefined },
    ]);
    expect(result[2].name).toBe(opaqueEntry);
  });
});
