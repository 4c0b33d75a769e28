// When a related entity's alert has already told a channel of the same crisis.
import { describe, expect, it } from 'vitest';
import { coveringAlert, type RelatedAlert } from '../../../src/notify/crisis-cover.js';

const brand: RelatedAlert = { id: 'b', entityId: 'kelio', severity: 'high', toldChannels: new Map([['cm', 'high']]) };
const product: RelatedAlert = { id: 'p', entityId: 'aura', severity: 'critical', toldChannels: new Map([['cm', 'critical'], ['product', 'critical']]) };
const linked = new Map([['kelio', 3], ['aura', 1]]);

describe('coveringAlert', () => {
  it('is the related alert told on the channel, as severe or more, whose entity holds half the evidence or more', () => {
    expect(coveringAlert({ severity: 'high', evidenceCount: 6 }, [brand, product], linked, 'cm')).toBe(brand);
    expect(coveringAlert({ severity: 'medium', evidenceCount: 7 }, [brand, product], linked, 'cm')).toBeUndefined();
    expect(coveringAlert({ severity: 'medium', evidenceCount: 2 }, [brand, product], linked, 'cm')).toBe(brand);
  });

  it('is none on a channel that was not told, or when this alert is more severe', () => {
    expect(coveringAlert({ severity: 'high', evidenceCount: 4 }, [brand], linked, 'product')).toBeUndefined();
    expect(coveringAlert({ severity: 'critical', evidenceCount: 4 }, [brand], linked, 'cm')).toBeUndefined();
  });

  it("counts the severity told on the channel, not the related alert's current one (an escalation not yet told)", () => {
    // The brand escalated to critical at the same moment as this product alert, but cm was told of it at high only.
    const escalating: RelatedAlert = { ...brand, severity: 'critical' };
    expect(coveringAlert({ severity: 'critical', evidenceCount: 4 }, [escalating], linked, 'cm')).toBeUndefined();
    expect(coveringAlert({ severity: 'high', evidenceCount: 4 }, [escalating], linked, 'cm')).toBe(escalating);
  });

  it('is none for an alert without evidence', () => {
    expect(coveringAlert({ severity: 'low', evidenceCount: 0 }, [brand, product], linked, 'cm')).toBeUndefined();
  });
});
