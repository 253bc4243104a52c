import { Injectable } from '@nestjs/common';
import { Dataset } from '../../domain/dataset/dataset.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetSchema } from '../../domain/schema/dataset-schema.js';
import type { CreateDatasetCommand } from './create-dataset.command.js';

/** Declares a dataset in a project: a name of its own there, and the schema its versions must have. */
@Injectable()
export class CreateDatasetHandler {
  constructor(private readonly datasets: DatasetRepository) {}

  async execute(command: CreateDatasetCommand): Promise<Dataset> {
    const dataset = Dataset.create({
      projectId: command.projectId,
      name: command.name,
      description: command.description,
      schema: DatasetSchema.of(command.schema),
      createdBy: command.actorId,
      at: new Date(),
    });
    await this.datasets.add(dataset);
    return dataset;
  }
}
