import { resourceLines } from '../../../lib/checks/input/resource-lines';

const lines = (...text: string[]) => text.join('\n');

describe('resourceLines', () => {
  test('YAML: each logical id at the indentation of the first resource; nested keys and later sections do not count', () => {
    const text = lines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Queue: not-a-resource',
      '      Topic: not-a-resource',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '  Unwanted:',
      '    Type: AWS::SNS::Topic',
      'Outputs:',
      '  Topic:',
      '    Value: x',
    );
    expect(resourceLines(text, ['Bucket', 'Queue', 'Topic'])).toEqual(new Map([['Bucket', 3], ['Queue', 8], ['Topic', 1]]));
  });

  test('keys before Resources are ignored, even when they look like logical ids', () => {
    const text = lines('Parameters:', '  Bucket:', '    Type: String', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket');
    expect(resourceLines(text, ['Bucket'])).toEqual(new Map([['Bucket', 5]]));
  });

  test('double-quoted, single-quoted and bare keys, with space before the colon', () => {
    const text = lines(
      'Resources:',
      "  'Single.Quoted':",
      '    Type: AWS::S3::Bucket',
      '  "Double Quoted" :',
      '    Type: AWS::S3::Bucket',
      '  Bare-Key_1 :',
      '    Type: AWS::S3::Bucket',
    );
    expect(resourceLines(text, ['Single.Quoted', 'Double Quoted', 'Bare-Key_1'])).toEqual(new Map([['Single.Quoted', 2], ['Double Quoted', 4], ['Bare-Key_1', 6]]));
  });

  test('the first declaration of a logical id wins', () => {
    const text = lines('Resources:', '  Bucket:', '    Type: A', '  Bucket:', '    Type: B', '  Queue:', '    Type: C');
    expect(resourceLines(text, ['Bucket', 'Queue'])).toEqual(new Map([['Bucket', 2], ['Queue', 6]]));
  });

  test('JSON whose objects open on the line of their first key', () => {
    const text = lines(
      '{"Resources": {',
      '  "Bucket": {"Type": "AWS::S3::Bucket"},',
      '  "Queue": {"Type": "AWS::SQS::Queue"}',
      '},',
      '"Outputs":',
      '    {"Out": {"Value": 1},',
      '     "Topic": {"Value": 2}}',
      '}',
    );
    expect(resourceLines(text, ['Bucket', 'Queue', 'Topic'])).toEqual(new Map([['Bucket', 2], ['Queue', 3], ['Topic', 1]]));
  });

  test('a resource mapping that opens on the line of its first logical id keeps that id at its column', () => {
    const text = lines(
      '{',
      '  "Resources":',
      '    {"Bucket": {"Type": "AWS::S3::Bucket"},',
      '     "Queue": {"Type": "AWS::SQS::Queue"}}',
      '}',
    );
    expect(resourceLines(text, ['Bucket', 'Queue'])).toEqual(new Map([['Bucket', 3], ['Queue', 4]]));
  });

  test('minified JSON, and ids the text does not declare, point at line 1', () => {
    expect(resourceLines('{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket"}}}', ['Bucket', 'Ghost'])).toEqual(new Map([['Bucket', 1], ['Ghost', 1]]));
  });

  test('no ids, no lines', () => {
    expect(resourceLines('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', [])).toEqual(new Map());
  });
});
