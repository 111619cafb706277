import { describe, expect, it } from 'vitest';
import { providerContacts } from './people';

const ev = (actor: { id: string; displayName: string } | null) => ({
  id: '1',
  at: '2026-01-01T00:00:00Z',
  kind: 'created',
  text: '',
  actor,
  candidateId: null,
});

describe('provider contacts from the timeline', () => {
  it('lists each non-staff actor once and ignores staff and system events', () => {
    const events = [
      ev({ id: 'p1', displayName: 'Frau Wohnbau' }),
      ev({ id: 's1', displayName: 'Sachbearbeitung' }),
      ev(null),
      ev({ id: 'p1', displayName: 'Frau Wohnbau' }),
    ];
    expect(providerContacts(events, new Set(['s1']))).toEqual([{ id: 'p1', displayName: 'Frau Wohnbau', group: 'provider' }]);
  });
});
