import { Injectable } from '@nestjs/common';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import { ModelRegistration } from '../services/model-registration.js';
import type { RegisterModelCommand } from './register-model.command.js';

/** Registers a model in a project; its name is unique there. */
@Injectable()
export class RegisterModelHandler {
  constructor(private readonly registration: ModelRegistration) {}

  execute(command: RegisterModelCommand): Promise<RegisteredModel> {
    return this.registration.register(command);
  }
}
