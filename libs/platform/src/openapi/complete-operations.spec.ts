import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { completeOperations, PUBLIC_OPERATION_EXTENSION } from './complete-operations.js';

function documentWith(operations: Record<string, OperationObject>): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: { title: 'test', version: '1' },
    paths: Object.fromEntries(Object.entries(operations).map(([path, operation]) => [path, { post: operation }])),
  };
}

const problemOf = (operation: OperationObject, status: number) => operation.responses[status] as object | undefined;

describe('completeOperations', () => {
  it('turns the public mark into an empty security list and adds no 401', () => {
    const marked = { responses: { 200: { description: '' } }, [PUBLIC_OPERATION_EXTENSION]: true };
    const login: OperationObject = marked;
    completeOperations(documentWith({ '/login': login }));
    expect(login.security).toEqual([]);
    expect(PUBLIC_OPERATION_EXTENSION in login).toBe(false);
    expect(problemOf(login, 401)).toBeUndefined();
    expect(login.responses[200]).toEqual({ description: 'OK' });
  });

  it('leaves secured operations to the document-wide requirement, with 401 and 503 as problem+json', () => {
    const secured: OperationObject = { responses: {}, security: [{ bearer: [] }, { bearer: [] }] };
    completeOperations(documentWith({ '/secured': secured }));
    expect(secured.security).toBeUndefined();
    expect(problemOf(secured, 401)).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(problemOf(secured, 503)).toBeDefined();
    expect(problemOf(secured, 400)).toBeUndefined();
  });

  it('adds 400 for parameters, and 413 and 415 for a body, keeping what the route declared', () => {
    const withBody: OperationObject = {
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { 400: { description: 'The definition is invalid' } },
    };
    const withParameters: OperationObject = {
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
      responses: {},
    };
    completeOperations(documentWith({ '/body': withBody, '/parameters': withParameters }));
    expect(withBody.responses[400]).toEqual({ description: 'The definition is invalid' });
    expect([problemOf(withBody, 413), problemOf(withBody, 415)]).not.toContain(undefined);
    expect(problemOf(withParameters, 400)).toBeDefined();
    expect(problemOf(withParameters, 413)).toBeUndefined();
  });
});
