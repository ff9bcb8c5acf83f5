import { clusterOf, resourcesInCluster } from '../../../lib/checks/model/ecs-cluster-reference';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

function modelWith(resources: Record<string, unknown>): TemplateModel {
  return new TemplateModel({ Parameters: { Name: { Type: 'String' } }, Resources: resources } as never);
}

/** `clusterOf` for a service whose `Cluster` is `cluster` (omitted when undefined), next to two in-template clusters. */
function clusterFor(cluster: unknown): { model: TemplateModel; result: ReturnType<typeof clusterOf> } {
  const model = modelWith({
    Alpha: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'alpha' } },
    Nameless: { Type: 'AWS::ECS::Cluster', Properties: {} },
    Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
    Service: { Type: 'AWS::ECS::Service', Properties: cluster === undefined ? {} : { Cluster: cluster } },
  });
  return { model, result: clusterOf(model, model.properties(model.resource('Service')!)) };
}

describe('clusterOf', () => {
  test('no Cluster means the default cluster, outside the template', () => {
    const { result } = clusterFor(undefined);
    expect(result).toStrictEqual({ description: "no Cluster is set, so the account's 'default' cluster is used, which is not in this template" });
  });

  test('Ref to an in-template cluster', () => {
    const { model, result } = clusterFor({ Ref: 'Prod' });
    expect(result).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
  });

  test('Fn::GetAtt Arn of an in-template cluster', () => {
    const { model, result } = clusterFor({ 'Fn::GetAtt': ['Alpha', 'Arn'] });
    expect(result).toStrictEqual({ resource: model.resource('Alpha'), description: 'cluster Alpha' });
  });

  test('a composite ARN naming one cluster', () => {
    const { model, result } = clusterFor({ 'Fn::Sub': 'arn:aws:ecs:${AWS::Region}:1:cluster/${Prod}' });
    expect(result).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
  });

  test('a reference to another kind of resource is named with its type', () => {
    const { result } = clusterFor({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(result).toStrictEqual({ description: 'Cluster points at Role, which is a AWS::IAM::Role, not an AWS::ECS::Cluster' });
  });

  test('the literal ClusterName of an in-template cluster finds it, not the first named cluster', () => {
    const { model, result } = clusterFor('prod');
    expect(result).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
  });

  test('a literal cluster ARN finds the cluster by the name after cluster/', () => {
    const { model, result } = clusterFor('arn:aws:ecs:us-east-1:123456789012:cluster/prod');
    expect(result).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
  });

  test('a slash without :cluster/ is part of the name', () => {
    const { result } = clusterFor('team/prod');
    expect(result).toStrictEqual({ description: "cluster 'team/prod' is not defined in this template" });
  });

  test('a literal name of no in-template cluster is from another stack', () => {
    const { result } = clusterFor('other');
    expect(result).toStrictEqual({ description: "cluster 'other' is not defined in this template" });
  });

  test('a cluster ARN of a cluster not in the template', () => {
    const { result } = clusterFor('arn:aws:ecs:us-east-1:1:cluster/other');
    expect(result).toStrictEqual({ description: "cluster 'arn:aws:ecs:us-east-1:1:cluster/other' is not defined in this template" });
  });

  test('a cluster whose ClusterName cannot be resolved is not matched by name', () => {
    const model = modelWith({
      Dynamic: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: { Ref: 'Name' } } },
      Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
    });
    expect(clusterOf(model, { Cluster: 'prod' })).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
    expect(clusterOf(model, { Cluster: '<Name>' })).toStrictEqual({ description: "cluster '<Name>' is not defined in this template" });
  });

  test('an import is not in the template, with the reason', () => {
    const { result } = clusterFor({ 'Fn::ImportValue': 'shared-cluster' });
    expect(result).toStrictEqual({ description: 'cluster <ImportValue:shared-cluster> is not defined in this template (imported from another stack (export shared-cluster))' });
  });

  test('an opaque value without a reason has no parenthesis', () => {
    const model = modelWith({});
    expect(clusterOf(model, { Cluster: new Opaque('unsupported', '<X>') })).toStrictEqual({ description: 'cluster <X> is not defined in this template' });
  });

  test('a malformed value is shown with why it is not a name', () => {
    const model = modelWith({});
    expect(clusterOf(model, { Cluster: { a: 1 } })).toStrictEqual({
      description: 'cluster {"a":1} is not defined in this template (expected a string, found {"a":1})',
    });
  });

  test('a Cluster key is read case-insensitively', () => {
    const model = modelWith({ Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } } });
    expect(clusterOf(model, { cluster: 'prod' })).toStrictEqual({ resource: model.resource('Prod'), description: 'cluster Prod' });
  });
});

describe('resourcesInCluster', () => {
  function ids(resources: Array<{ logicalId: string }>): string[] {
    return resources.map((r) => r.logicalId);
  }

  test('finds services by Ref, Fn::GetAtt or a composite under Cluster, and by literal name', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
      Other: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'other' } },
      ByRef: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Prod' } } },
      ByArn: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::GetAtt': ['Prod', 'Arn'] } } },
      ByJoin: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::Join': ['', ['x', { Ref: 'Prod' }]] } } },
      ByName: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'prod' } },
      Elsewhere: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Other' } } },
      ElsewhereByName: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'other' } },
      Default: { Type: 'AWS::ECS::Service', Properties: {} },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::Service'))).toEqual(['ByRef', 'ByArn', 'ByJoin', 'ByName']);
  });

  test('ignores references from other resource types and from other properties', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
      TaskSet: { Type: 'AWS::ECS::TaskSet', Properties: { Cluster: { Ref: 'Prod' } } },
      TaskSetByName: { Type: 'AWS::ECS::TaskSet', Properties: { Cluster: 'prod' } },
      Tagged: { Type: 'AWS::ECS::Service', Properties: { Tags: [{ Key: 'c', Value: { Ref: 'Prod' } }] } },
      ClusterArnProp: { Type: 'AWS::ECS::Service', Properties: { ClusterArn: { Ref: 'Prod' } } },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::Service'))).toEqual([]);
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::TaskSet'))).toEqual(['TaskSet', 'TaskSetByName']);
  });

  test('the property path is matched case-insensitively', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: {} },
      Lower: { Type: 'AWS::ECS::Service', Properties: { cluster: { Ref: 'Prod' } } },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::Service'))).toEqual(['Lower']);
  });

  test('a custom property name is followed instead of Cluster', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
      Assoc: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Target: { Ref: 'Prod' } } },
      AssocByName: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Target: 'prod' } },
      WrongProperty: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Prod' } } },
      WrongPropertyByName: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: 'prod' } },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::ClusterCapacityProviderAssociations', 'Target'))).toEqual([
      'Assoc',
      'AssocByName',
    ]);
  });

  test('a cluster without a literal name matches by reference only, not services without Cluster', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: {} },
      Dynamic: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: { Ref: 'Name' } } },
      Default: { Type: 'AWS::ECS::Service', Properties: {} },
      ByParam: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Name' } } },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::Service'))).toEqual([]);
    expect(ids(resourcesInCluster(model, model.resource('Dynamic')!, 'AWS::ECS::Service'))).toEqual([]);
  });

  test('a service found both by reference and by name is listed once', () => {
    const model = modelWith({
      Prod: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
      Both: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::Select': [0, ['prod', { Ref: 'Prod' }]] } } },
    });
    expect(ids(resourcesInCluster(model, model.resource('Prod')!, 'AWS::ECS::Service'))).toEqual(['Both']);
  });
});
