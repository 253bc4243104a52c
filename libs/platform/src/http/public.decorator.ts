import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_ROUTE = 'platform:public-route';

/** Marks a route that needs no authentication (health, metrics, docs, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_ROUTE, true);
