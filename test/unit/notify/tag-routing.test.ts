import { describe, expect, it } from 'vitest';
import { routeAlert, type Route } from '../../../src/notify/routing.js';

describe('routing on custom tags', () => {
  const routes: Route[] = [
    { channels: ['cm'], minSeverity: 'low' },
    { channels: ['quality'], minSeverity: 'medium', tags: ['product-defect'] },
  ];
  it('sends an alert to a tag route only when its evidence carries that tag', () => {
    expect(routeAlert({ entityId: 'acme', severity: 'high', tags: ['product-defect', 'delivery'] }, routes, ['cm', 'quality'], undefined, 0).channels).toEqual(['cm', 'quality']);
    expect(routeAlert({ entityId: 'acme', severity: 'high', tags: ['delivery'] }, routes, ['cm', 'quality'], undefined, 0).channels).toEqual(['cm']);
    expect(routeAlert({ entityId: 'acme', severity: 'high' }, routes, ['cm', 'quality'], undefined, 0).channels).toEqual(['cm']);
    expect(routeAlert({ entityId: 'acme', severity: 'low', tags: ['product-defect'] }, routes, ['cm', 'quality'], undefined, 0).channels).toEqual(['cm']);
  });
});
