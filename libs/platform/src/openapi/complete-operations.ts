import { STATUS_CODES } from 'node:http';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { problemResponse, type ProblemStatus } from './problem-responses.js';

/** Set by `Public()`; turned into `security: []` here, since decorators cannot emit an empty list. */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Gives every operation what follows from its shape alone, so controllers only declare what is
 * particular to them: public ones opt out of the document-wide security requirement; secured ones
 * may answer 401 and, as authentication reads the session store, 503; parameters and bodies are
 * validated (400), and bodies are limited in size (413) and media type (415). A response declared
 * without a description gets its status text, as the specification requires one.
 */
export function completeOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation !== undefined) completeOperation(operation);
    }
  }
}

function completeOperation(operation: OperationObject): void {
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response !== undefined && 'description' in response && response.description === '') {
      response.description = STATUS_CODES[status] ?? status;
    }
  }
  const extensions = operation as unknown as Record<string, unknown>;
  const isPublic = extensions[PUBLIC_OPERATION_EXTENSION] === true;
  delete extensions[PUBLIC_OPERATION_EXTENSION];
  if (isPublic) {
    operation.security = [];
  } else {
    // The document-wide requirement (a bearer token or an API key) applies; a copy here would only repeat it.
    delete operation.security;
    addProblem(operation, 401);
    addProblem(operation, 503);
  }
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined) addProblem(operation, 400);
  if (operation.requestBody !== undefined) {
    addProblem(operation, 413);
    addProblem(operation, 415);
  }
}

function addProblem(operation: OperationObject, status: ProblemStatus): void {
  operation.responses[status] ??= problemResponse(status);
}
