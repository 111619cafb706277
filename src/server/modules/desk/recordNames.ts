import type { RecordNamer } from '../../platform/audit/audit.service.js';
import { deskClock, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';

/**
 * Names records for the audit view the way the start page names recently opened ones: each module
 * answers for its own record types, only for records the caller may see (permission and scope), so
 * an auditor reads names of prevention cases but of no household.
 */
export function recordNamer(contributions: readonly DeskContribution[]): RecordNamer {
  return async (tx, ctx, refs) => {
    const req: DeskRequest = { tx, ctx, clock: deskClock(), limit: refs.length };
    const names = new Map<string, { title: string; link: string | null }>();
    for (const c of contributions) {
      for (const [type, describe] of Object.entries(c.recent ?? {})) {
        const ids = [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
        if (ids.length === 0) continue;
        for (const [id, r] of await describe(req, ids)) names.set(`${type}:${id}`, { title: r.title, link: r.link });
      }
    }
    return names;
  };
}
