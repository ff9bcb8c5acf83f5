import { serviceLaunch } from '../../../lib/checks/model/ecs-service-launch';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

/** `serviceLaunch` of the resource `Service` in a template with these resources. */
function launchOf(resources: Record<string, unknown>): ReturnType<typeof serviceLaunch> {
  const model = new TemplateModel({ Parameters: { Launch: { Type: 'String' } }, Resources: resources } as never);
  return serviceLaunch(model, model.properties(model.resource('Service')!));
}

function service(properties: Record<string, unknown>): Record<string, unknown> {
  return { Service: { Type: 'AWS::ECS::Service', Properties: properties } };
}

describe('serviceLaunch: LaunchType', () => {
  test('a known launch type decides', () => {
    expect(launchOf(service({ LaunchType: 'FARGATE' }))).toStrictEqual({ launchTypes: ['FARGATE'], basis: 'LaunchType is FARGATE' });
    expect(launchOf(service({ LaunchType: 'EC2' }))).toStrictEqual({ launchTypes: ['EC2'], basis: 'LaunchType is EC2' });
    expect(launchOf(service({ LaunchType: 'EXTERNAL' }))).toStrictEqual({ launchTypes: ['EXTERNAL'], basis: 'LaunchType is EXTERNAL' });
    expect(launchOf(service({ LaunchType: 'MANAGED_INSTANCES' }))).toStrictEqual({
      launchTypes: ['MANAGED_INSTANCES'],
      basis: 'LaunchType is MANAGED_INSTANCES',
    });
  });

  test('the launch type is case-insensitive, and the basis quotes it as written', () => {
    expect(launchOf(service({ LaunchType: 'fargate' }))).toStrictEqual({ launchTypes: ['FARGATE'], basis: 'LaunchType is fargate' });
  });

  test('LaunchType wins over a capacity provider strategy', () => {
    expect(launchOf(service({ LaunchType: 'EC2', CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] }))).toStrictEqual({
      launchTypes: ['EC2'],
      basis: 'LaunchType is EC2',
    });
  });

  test('an unknown launch type is unknown', () => {
    expect(launchOf(service({ LaunchType: 'LAMBDA' }))).toStrictEqual({
      launchTypes: [],
      basis: "LaunchType 'LAMBDA' is not a known launch type",
      unknown: "LaunchType 'LAMBDA' is not a known launch type",
    });
  });

  test('an unresolvable launch type is unknown, with the reason', () => {
    expect(launchOf(service({ LaunchType: { Ref: 'Launch' } }))).toStrictEqual({
      launchTypes: [],
      basis: 'LaunchType is <Launch>',
      unknown: 'LaunchType is <Launch> (parameter Launch has no default)',
    });
  });

  test('an unresolvable launch type without a reason has no parenthesis', () => {
    const model = new TemplateModel({ Resources: {} } as never);
    expect(serviceLaunch(model, { LaunchType: new Opaque('unsupported', '<X>') })).toStrictEqual({
      launchTypes: [],
      basis: 'LaunchType is <X>',
      unknown: 'LaunchType is <X>',
    });
  });
});

describe('serviceLaunch: CapacityProviderStrategy', () => {
  test('Fargate providers are Fargate, listed once', () => {
    expect(launchOf(service({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }, { CapacityProvider: 'fargate_spot' }] }))).toStrictEqual({
      launchTypes: ['FARGATE'],
      basis: 'CapacityProviderStrategy uses FARGATE, fargate_spot',
    });
  });

  test('a provider named outside the template is EC2, and a mixed strategy has both types in order', () => {
    expect(launchOf(service({ CapacityProviderStrategy: [{ CapacityProvider: 'asg-provider' }, { CapacityProvider: 'FARGATE_SPOT' }] }))).toStrictEqual({
      launchTypes: ['EC2', 'FARGATE'],
      basis: 'CapacityProviderStrategy uses asg-provider, FARGATE_SPOT',
    });
  });

  test('in-template providers are EC2, or Managed Instances when they have a ManagedInstancesProvider', () => {
    expect(
      launchOf({
        ...service({ CapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Asg' } }, { CapacityProvider: { Ref: 'Managed' } }] }),
        Asg: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'arn' } } },
        Managed: { Type: 'AWS::ECS::CapacityProvider', Properties: { ManagedInstancesProvider: { InfrastructureRoleArn: 'arn' } } },
      }),
    ).toStrictEqual({ launchTypes: ['EC2', 'MANAGED_INSTANCES'], basis: 'CapacityProviderStrategy uses <Asg>, <Managed>' });
  });

  test('an empty strategy falls back to the cluster', () => {
    expect(
      launchOf({
        ...service({ CapacityProviderStrategy: [], Cluster: { Ref: 'Cluster' } }),
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] } },
      }),
    ).toStrictEqual({
      launchTypes: ['FARGATE'],
      basis: 'the default capacity provider strategy of cluster Cluster (DefaultCapacityProviderStrategy) uses FARGATE',
    });
  });

  test('a null strategy is empty', () => {
    const model = new TemplateModel({ Resources: {} } as never);
    expect(serviceLaunch(model, { CapacityProviderStrategy: null })).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy is empty',
      unknown: 'CapacityProviderStrategy is empty',
    });
  });

  test('an unresolvable strategy is unknown, with the reason', () => {
    expect(launchOf(service({ CapacityProviderStrategy: { 'Fn::ImportValue': 'strategy' } }))).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy is <ImportValue:strategy>',
      unknown: 'CapacityProviderStrategy is <ImportValue:strategy> (imported from another stack (export strategy))',
    });
  });

  test('a strategy that is not a list is unknown', () => {
    expect(launchOf(service({ CapacityProviderStrategy: 'FARGATE' }))).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy is "FARGATE"',
      unknown: 'CapacityProviderStrategy is "FARGATE" (expected a list, found "FARGATE")',
    });
  });

  test('an entry that is not an object is unknown, even after a good one', () => {
    expect(launchOf(service({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }, 'FARGATE_SPOT'] }))).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy has an entry FARGATE_SPOT',
      unknown: 'CapacityProviderStrategy has an entry FARGATE_SPOT',
    });
  });

  test('a null or opaque entry is unknown', () => {
    const model = new TemplateModel({ Resources: {} } as never);
    expect(serviceLaunch(model, { CapacityProviderStrategy: [null] })).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy has an entry null',
      unknown: 'CapacityProviderStrategy has an entry null',
    });
    const entry = new Opaque('import', '<ImportValue:e>', { reason: 'imported' });
    expect(serviceLaunch(model, { CapacityProviderStrategy: [entry] })).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy has an entry <ImportValue:e>',
      unknown: 'CapacityProviderStrategy has an entry <ImportValue:e>',
    });
  });

  test('an entry without CapacityProvider is unknown', () => {
    expect(launchOf(service({ CapacityProviderStrategy: [{ Weight: 1 }] }))).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy names capacity provider (absent)',
      unknown: 'CapacityProviderStrategy names capacity provider (absent) (a strategy entry without CapacityProvider)',
    });
  });

  test('an unresolvable capacity provider is unknown, with the reason', () => {
    expect(launchOf(service({ CapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Launch' } }] }))).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy names capacity provider <Launch>',
      unknown: 'CapacityProviderStrategy names capacity provider <Launch> (parameter Launch has no default)',
    });
  });

  test('a reference to something other than a capacity provider is unknown', () => {
    expect(
      launchOf({
        ...service({ CapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Asg' } }] }),
        Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: {} },
      }),
    ).toStrictEqual({
      launchTypes: [],
      basis: 'CapacityProviderStrategy names capacity provider <Asg>',
      unknown: 'CapacityProviderStrategy names capacity provider <Asg> (reference to resource Asg)',
    });
  });
});

describe('serviceLaunch: cluster default', () => {
  test('without a visible cluster the launch type is unknown', () => {
    expect(launchOf(service({}))).toStrictEqual({
      launchTypes: [],
      basis:
        "no LaunchType or CapacityProviderStrategy, and the cluster default cannot be seen: no Cluster is set, so the account's 'default' cluster is used, which is not in this template",
      unknown:
        "no LaunchType or CapacityProviderStrategy, and the cluster default cannot be seen: no Cluster is set, so the account's 'default' cluster is used, which is not in this template",
    });
  });

  test('an in-template cluster without a default strategy means EC2', () => {
    expect(launchOf({ ...service({ Cluster: { Ref: 'Cluster' } }), Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} } })).toStrictEqual({
      launchTypes: ['EC2'],
      basis: 'no LaunchType, CapacityProviderStrategy or default strategy on cluster Cluster, so ECS uses EC2',
    });
  });

  test('an empty default strategy on the cluster means EC2', () => {
    expect(
      launchOf({ ...service({ Cluster: { Ref: 'Cluster' } }), Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: [] } } }),
    ).toStrictEqual({
      launchTypes: ['EC2'],
      basis: 'no LaunchType, CapacityProviderStrategy or default strategy on cluster Cluster, so ECS uses EC2',
    });
  });

  test('an association referring to the cluster provides the default strategy before the cluster property', () => {
    expect(
      launchOf({
        ...service({ Cluster: { 'Fn::GetAtt': ['Cluster', 'Arn'] } }),
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'asg' }] } },
        Assoc: {
          Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
          Properties: { Cluster: { Ref: 'Cluster' }, DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }] },
        },
      }),
    ).toStrictEqual({ launchTypes: ['FARGATE'], basis: 'the default capacity provider strategy of cluster Cluster (Assoc) uses FARGATE_SPOT' });
  });

  test('an association naming the cluster by its literal name counts', () => {
    expect(
      launchOf({
        ...service({ Cluster: 'prod' }),
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
        Assoc: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: 'prod', DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] } },
      }),
    ).toStrictEqual({ launchTypes: ['FARGATE'], basis: 'the default capacity provider strategy of cluster Cluster (Assoc) uses FARGATE' });
  });

  test('associations of other clusters, or without a cluster, are ignored', () => {
    expect(
      launchOf({
        ...service({ Cluster: { Ref: 'Cluster' } }),
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
        Other: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'other' } },
        ByRef: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Other' }, DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] } },
        ByName: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: 'other', DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] } },
        NoCluster: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] } },
      }),
    ).toStrictEqual({ launchTypes: ['EC2'], basis: 'no LaunchType, CapacityProviderStrategy or default strategy on cluster Cluster, so ECS uses EC2' });
  });

  test('an association with an empty default strategy is skipped for the next one, then for the cluster property', () => {
    const resources = {
      ...service({ Cluster: { Ref: 'Cluster' } }),
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'asg' }] } },
      Empty: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Cluster' }, DefaultCapacityProviderStrategy: [] } },
      Absent: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Cluster' } } },
    };
    expect(launchOf(resources)).toStrictEqual({
      launchTypes: ['EC2'],
      basis: 'the default capacity provider strategy of cluster Cluster (DefaultCapacityProviderStrategy) uses asg',
    });
    expect(
      launchOf({
        ...resources,
        Full: {
          Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
          Properties: { Cluster: { Ref: 'Cluster' }, DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }] },
        },
      }),
    ).toStrictEqual({ launchTypes: ['FARGATE'], basis: 'the default capacity provider strategy of cluster Cluster (Full) uses FARGATE' });
  });

  test('an unresolvable default strategy is unknown, naming where it comes from', () => {
    expect(
      launchOf({
        ...service({ Cluster: { Ref: 'Cluster' } }),
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: { 'Fn::ImportValue': 'strategy' } } },
      }),
    ).toStrictEqual({
      launchTypes: [],
      basis: 'the default capacity provider strategy of cluster Cluster (DefaultCapacityProviderStrategy) is <ImportValue:strategy>',
      unknown:
        'the default capacity provider strategy of cluster Cluster (DefaultCapacityProviderStrategy) is <ImportValue:strategy> (imported from another stack (export strategy))',
    });
  });
});
