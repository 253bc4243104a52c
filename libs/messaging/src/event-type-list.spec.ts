import { describe, expect, it } from '@jest/globals';
import { eventTypesOf } from './event-type-list.js';

interface ShopEvents {
  'shop.order.placed.v1': { readonly orderId: string };
  'shop.order.shipped.v1': { readonly orderId: string };
}

describe('eventTypesOf', () => {
  it('keeps a list naming every type of the map, as written', () => {
    expect(eventTypesOf<ShopEvents>()(['shop.order.placed.v1', 'shop.order.shipped.v1'])).toEqual([
      'shop.order.placed.v1',
      'shop.order.shipped.v1',
    ]);
  });

  it('does not compile a list that leaves a type out or names one the map lacks', () => {
    // @ts-expect-error shop.order.shipped.v1 is not listed
    const missing = eventTypesOf<ShopEvents>()(['shop.order.placed.v1']);
    // @ts-expect-error shop.order.lost.v1 is no type of the map
    const unknown = eventTypesOf<ShopEvents>()(['shop.order.placed.v1', 'shop.order.shipped.v1', 'shop.order.lost.v1']);
    expect([missing, unknown]).toHaveLength(2);
  });
});
