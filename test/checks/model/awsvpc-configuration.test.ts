import { awsvpcConfiguration } from '../../../lib/checks/model/awsvpc-configuration';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

describe('awsvpcConfiguration', () => {
  test('no NetworkConfiguration means no awsvpc settings', () => {
    expect(awsvpcConfiguration({})).toBeUndefined();
    expect(awsvpcConfiguration({ NetworkConfiguration: null })).toBeUndefined();
  });

  test('a NetworkConfiguration without awsvpc settings has none', () => {
    expect(awsvpcConfiguration({ NetworkConfiguration: {} })).toBeUndefined();
  });

  test('the service spelling AwsvpcConfiguration is read', () => {
    const awsvpc = { AssignPublicIp: 'DISABLED', Subnets: ['subnet-1'] };
    expect(awsvpcConfiguration({ NetworkConfiguration: { AwsvpcConfiguration: awsvpc } })).toBe(awsvpc);
  });

  test('the task set spelling AwsVpcConfiguration and other casings are read', () => {
    const awsvpc = { AssignPublicIp: 'ENABLED' };
    expect(awsvpcConfiguration({ NetworkConfiguration: { AwsVpcConfiguration: awsvpc } })).toBe(awsvpc);
    expect(awsvpcConfiguration({ networkConfiguration: { awsvpcconfiguration: awsvpc } })).toBe(awsvpc);
  });

  test('an unresolvable NetworkConfiguration is returned as is', () => {
    const network = new Opaque('unsupported', '<If:Public>', { reason: 'depends on condition Public' });
    expect(awsvpcConfiguration({ NetworkConfiguration: network })).toBe(network);
  });

  test('an unresolvable AwsvpcConfiguration is returned as is', () => {
    const awsvpc = new Opaque('import', '<ImportValue:net>');
    expect(awsvpcConfiguration({ NetworkConfiguration: { AwsvpcConfiguration: awsvpc } })).toBe(awsvpc);
  });

  test('a scalar NetworkConfiguration or AwsvpcConfiguration is malformed and opaque', () => {
    const network = awsvpcConfiguration({ NetworkConfiguration: 'awsvpc' });
    expect(network).toEqual(new Opaque('unsupported', '"awsvpc"', { reason: 'expected an object, found "awsvpc"' }));
    const awsvpc = awsvpcConfiguration({ NetworkConfiguration: { AwsvpcConfiguration: ['subnet-1'] } });
    expect(awsvpc).toEqual(new Opaque('unsupported', '["subnet-1"]', { reason: 'expected an object, found ["subnet-1"]' }));
  });

  test('works on resolved service properties', () => {
    const m = new TemplateModel({
      Resources: {
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: { NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', SecurityGroups: [{ Ref: 'Sg' }] } } },
        },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      },
    });
    expect(awsvpcConfiguration(m.properties(m.resource('Service')!))).toEqual({
      AssignPublicIp: 'DISABLED',
      SecurityGroups: [new Opaque('ref', '<Sg>', { target: 'Sg', reason: 'reference to resource Sg' })],
    });
  });
});
