import { PATH_METADATA } from '@nestjs/common/constants';
import {
  decodeFacadeValue,
  encodeFacadeValue,
  FACADE_ROUTE_PREFIX,
  FacadeTransport,
  type FacadeCall,
} from '@libs/platform';

type Operation = (...args: unknown[]) => unknown;

/**
 * A FacadeTransport that hands each call to the owner's internal facade controller in this process,
 * through the same JSON both ways: a spec of a facade's HTTP binding then fails when the binding
 * and the controller disagree on an operation's name, its arguments or what survives the wire.
 */
export class LoopbackFacadeTransport extends FacadeTransport {
  readonly calls: FacadeCall[] = [];

  constructor(private readonly controllers: readonly object[]) {
    super();
  }

  async call<T>(call: FacadeCall): Promise<T | undefined> {
    this.calls.push(call);
    const operation = this.operationOf(call);
    const args = decodeFacadeValue<unknown[]>(encodeFacadeValue(call.args));
    const result = await operation(...args);
    return result === undefined ? undefined : decodeFacadeValue<T>(encodeFacadeValue(result));
  }

  private operationOf(call: FacadeCall): Operation {
    const base = `${FACADE_ROUTE_PREFIX}/${call.context}`;
    for (const controller of this.controllers) {
      if (Reflect.getMetadata(PATH_METADATA, controller.constructor) !== base) continue;
      const prototype = Object.getPrototypeOf(controller) as Record<string, Operation>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[name];
        // A controller method's parameter is the list of arguments (@FacadeArguments), so it takes them as one.
        if (Reflect.getMetadata(PATH_METADATA, method) === call.operation)
          return (...args: unknown[]) => method.call(controller, args);
      }
    }
    throw new Error(`no internal facade route ${base}/${call.operation}`);
  }
}
