/** A template with one AWS::ECR::Repository (logical id `Repo`) and a customer key (`Key`). */
export function repositoryTemplate(properties: object, extra: object = {}, parameters: object = {}): object {
  return {
    Parameters: { NoDefault: { Type: 'String' }, ...parameters },
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Settings: { Type: 'Custom::Settings', Properties: {} },
      Repo: { Type: 'AWS::ECR::Repository', Properties: properties },
      ...extra,
    },
  };
}
