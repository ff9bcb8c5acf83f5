import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { albFargateService, fargateService, serviceTemplate, taskSetTemplate } from './fixtures';
import { sgNoOpenIngress } from '../../../../../lib/checks/rules/ecs/service/sg-no-open-ingress';
import { describeRule } from '../../harness';

const withGroups = (groups: unknown) => ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: groups } } });

function group(ingress: object[]): object {
  return { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'tasks', VpcId: 'vpc-1', SecurityGroupIngress: ingress } };
}

const tcp = (port: number, cidr: unknown, to = port) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: to, CidrIp: cidr });

describeRule(sgNoOpenIngress, {
  passing: [
    { name: 'port 8080 from the VPC only', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(8080, '10.0.0.0/16')]) }) },
    { name: 'HTTPS from anywhere is not a sensitive port', template: serviceTemplate(withGroups([{ 'Fn::GetAtt': ['Sg', 'GroupId'] }]), { Sg: group([tcp(443, '0.0.0.0/0')]) }) },
    { name: 'ICMP from anywhere exposes no port', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: '0.0.0.0/0' }]) }) },
    {
      name: 'CIDR from Fn::Join over literals',
      template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(22, { 'Fn::Join': ['/', ['10.0.0.0', '8']] })]) }),
    },
    { name: 'the ephemeral range 32768-65535 from anywhere holds no sensitive port', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(32768, '0.0.0.0/0', 65535)]) }) },
    { name: 'ICMPv6 by protocol number 58 from ::/0', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: '58', FromPort: -1, ToPort: -1, CidrIpv6: '::/0' }]) }) },
    { name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService (tasks admit the ALB only)', cdk: (stack) => albFargateService(stack) },
  ],
  failing: [
    { name: 'SSH from anywhere', key: 'Ingress::0.0.0.0/0:22', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(22, '0.0.0.0/0')]) }) },
    { name: 'all traffic from ::/0', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: '-1', CidrIpv6: '::/0' }]) }) },
    { name: 'a range that includes PostgreSQL', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(5000, '0.0.0.0/0', 6000)]) }) },
    {
      name: 'standalone AWS::EC2::SecurityGroupIngress opening every port',
      template: serviceTemplate(withGroups([{ 'Fn::GetAtt': ['Sg', 'GroupId'] }]), {
        Sg: group([]),
        Open: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, CidrIp: '0.0.0.0/0' } },
      }),
    },
    {
      name: 'task set with RDP open (capital-V key)',
      template: taskSetTemplate({ NetworkConfiguration: { AwsVpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: [{ Ref: 'Sg' }] } } }, { Sg: group([tcp(3389, '0.0.0.0/0')]) }),
    },
    { name: 'IpProtocol "all" from anywhere', key: 'Ingress::0.0.0.0/0:all', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: 'all', CidrIp: '0.0.0.0/0' }]) }) },
    { name: 'an ingress rule without IpProtocol counts as all traffic', key: 'Ingress::0.0.0.0/0:all', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ CidrIp: '0.0.0.0/0' }]) }) },
    { name: 'tcp without ports from anywhere is every port', key: 'Ingress::0.0.0.0/0:0-65535', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: 'tcp', CidrIp: '0.0.0.0/0' }]) }) },
    { name: 'udp ports -1 to -1 from anywhere is every port', key: 'Ingress::0.0.0.0/0:0-65535', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: 'udp', FromPort: -1, ToPort: -1, CidrIp: '0.0.0.0/0' }]) }) },
    { name: 'ports 1-65535 from anywhere is every port', key: 'Ingress::0.0.0.0/0:1-65535', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(1, '0.0.0.0/0', 65535)]) }) },
    { name: 'the privileged ports 0-1024 from anywhere', key: 'Ingress::0.0.0.0/0:0-1024', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(0, '0.0.0.0/0', 1024)]) }) },
    {
      name: 'a world CIDR with stray whitespace from a parameter default',
      key: 'Ingress::0.0.0.0/0:22',
      template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(22, { Ref: 'Cidr' })]) }, { Cidr: { Type: 'String', Default: '0.0.0.0/0 ' } }),
    },
    {
      name: 'cdk: FargateService whose connections allow SSH from any IPv4',
      cdk: (stack) => fargateService(stack).connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcp(22)),
    },
  ],
  unresolvable: [
    { name: 'imported security group', key: 'SecurityGroup::<ImportValue:TaskSg>', template: serviceTemplate(withGroups([{ 'Fn::ImportValue': 'TaskSg' }])) },
    { name: 'literal security group id from another stack', template: serviceTemplate(withGroups(['sg-0123456789abcdef0'])) },
    { name: 'no security groups: the VPC default group applies', template: serviceTemplate({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } } }) },
    { name: 'CIDR from Fn::Sub over a parameter without a default', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([tcp(22, { 'Fn::Sub': '${NoDefault}' })]) }) },
    { name: 'an empty SecurityGroups list: the VPC default group applies', template: serviceTemplate(withGroups([])) },
    {
      name: 'the VPC default security group (GetAtt DefaultSecurityGroup)',
      key: 'SecurityGroup::<Vpc.DefaultSecurityGroup>',
      template: serviceTemplate(withGroups([{ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }]), { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } }),
    },
    { name: 'SecurityGroups split from an imported list', template: serviceTemplate(withGroups({ 'Fn::Split': [',', { 'Fn::ImportValue': 'TaskSgs' }] })) },
    {
      name: 'awsvpc configuration from a custom resource',
      template: serviceTemplate({ NetworkConfiguration: { AwsvpcConfiguration: { 'Fn::GetAtt': ['Network', 'Awsvpc'] } } }, { Network: { Type: 'Custom::Network', Properties: {} } }),
    },
    {
      name: 'inline ingress rules from a custom resource',
      key: 'SecurityGroup::Sg',
      template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), {
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'tasks', VpcId: 'vpc-1', SecurityGroupIngress: { 'Fn::GetAtt': ['Rules', 'Ingress'] } } },
        Rules: { Type: 'Custom::Rules', Properties: {} },
      }),
    },
    { name: 'IpProtocol from a parameter without a default', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: { Ref: 'NoDefault' }, FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }]) }) },
    { name: 'FromPort from a parameter without a default', template: serviceTemplate(withGroups([{ Ref: 'Sg' }]), { Sg: group([{ IpProtocol: 'tcp', FromPort: { Ref: 'NoDefault' }, ToPort: 22, CidrIp: '0.0.0.0/0' }]) }) },
  ],
  notApplicable: [
    { name: 'bridge mode service without awsvpc configuration', template: serviceTemplate({}) },
  ],
});
