import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { VersionRegistration } from '../services/version-registration.js';
import type { CreateModelVersionCommand } from './create-model-version.command.js';

/** Registers the next numbered version of a model; its artifact comes in a later upload. */
@Injectable()
export class CreateModelVersionHandler {
  constructor(private readonly registration: VersionRegistration) {}

  execute(command: CreateModelVersionCommand): Promise<ModelVersion> {
    return this.registration.register(command);
  }
}
