import type { OrgKind } from './providers.repository.js';

/** Request and response bodies of the provider and carrier routes; they live in src/contracts/admin.ts, shared with the UI. */
export { ZOrg, ZOrgInput, ZOrgList, ZOrgUpdate } from '../../../contracts/admin.js';

/** Path, OpenAPI tag and permissions of each kind of organisation. */
export const ORG_ROUTES = {
  provider: {
    path: '/api/v1/providers',
    tag: 'Wohnungsunternehmen',
    perm: { list: 'provider.list', create: 'provider.create', update: 'provider.update' },
  },
  carrier: {
    path: '/api/v1/carriers',
    tag: 'Freie Träger',
    perm: { list: 'carrier.list', create: 'carrier.create', update: 'carrier.update' },
  },
} as const satisfies Record<OrgKind, unknown>;
