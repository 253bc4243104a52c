/** A definition as a reader of the API reference would write one: an external training task, then a registration. */
export const WORKFLOW_DEFINITION_EXAMPLE = {
  name: 'train-churn',
  description: 'Train the churn model every night and register it',
  params: { type: 'object', properties: { epochs: { type: 'integer', default: 3 } } },
  schedule: { cron: '0 3 * * *', timezone: 'Europe/Paris', catchUp: 'latest' },
  tasks: [
    { id: 'train', type: 'external', params: { queue: 'training', epochs: '${{ params.epochs }}' } },
    {
      id: 'register',
      type: 'model.register-version',
      dependsOn: ['train'],
      params: { model: 'churn', artifactUri: '${{ tasks.train.outputs.modelUri }}', framework: 'onnx' },
    },
  ],
};
