import { Injectable, type PipeTransform } from '@nestjs/common';
import { Ajv, type ErrorObject } from 'ajv';
import { ValidationError, type FieldProblem } from '@libs/ddd';
import { INFER_REQUEST_SCHEMA, type InferRequestBody } from './dto/inference-request.schema.js';

/**
 * Checks an inference request's body with one schema compiled at start (ajv), in place of the
 * global ValidationPipe, which the route's body type (an interface) lets through. Same answer to a
 * bad body: 400 problem+json listing every field at fault.
 */
@Injectable()
export class InferRequestPipe implements PipeTransform<unknown, InferRequestBody> {
  private static readonly validate = new Ajv({ allErrors: true, strict: true }).compile(INFER_REQUEST_SCHEMA);

  transform(body: unknown): InferRequestBody {
    if (InferRequestPipe.validate(body)) return body;
    throw new ValidationError('The request has invalid fields', fieldProblems(InferRequestPipe.validate.errors ?? []));
  }
}

function fieldProblems(errors: readonly ErrorObject[]): FieldProblem[] {
  return errors.map((error) => {
    const path = error.instancePath.split('/').slice(1);
    if (error.keyword === 'additionalProperties') {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      return { field: [...path, property].join('.'), message: `property ${property} should not exist` };
    }
    if (error.keyword === 'required') {
      const property = (error.params as { missingProperty: string }).missingProperty;
      return { field: [...path, property].join('.'), message: 'is required' };
    }
    return { field: path.join('.') || 'body', message: error.message ?? 'is invalid' };
  });
}
