import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from '../openapi/complete-operations.js';

export const IS_PUBLIC_ROUTE = 'platform:public-route';

/** Marks a route that needs no authentication (health, metrics, docs, login); its operation gets `security: []`. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
