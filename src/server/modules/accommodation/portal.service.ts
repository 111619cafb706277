import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TIncident, TPortal, TPortalArrival, ZIncidentInput } from '../../../contracts/accommodationPortal.js';
import type { ZMoveInInput, ZMoveOutInput } from '../../../contracts/accommodationStays.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { audit } from '../../platform/audit/audit.js';
import { section, type DeskContribution, type DeskRequest } from '../../platform/desk/desk.contribution.js';
import { stepEffects } from '../../platform/effects/effects.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { ASSIGNMENT_STEPS, stepsFor } from './accommodation.machine.js';
import { portalRepository } from './portal.repository.js';
import type { StaysService } from './stays.service.js';
import { staysRepository } from './stays.repository.js';

type Out<T extends z.ZodTypeAny> = z.output<T>;
type State = TPortalArrival['state'];

export const PORTAL_LINK = '/accommodation/portal';
const assignmentLink = (id: string) => `/accommodation/assignments/${id}`;
const scopeOf = (ctx: Ctx) => access.operatorScope(ctx.actor, 'f.operator_id');

/**
 * The operator portal: a shelter operator's user sees its own facilities' occupancy today and the
 * minimum data to receive each household placed there; it confirms move-in and move-out through the
 * stays' own steps (same machine, same checks, audited with the operator's user as actor) and
 * reports incidents, which reach the accommodation team and show on the assignment for the staff.
 */
export function portalService(db: Kysely<DB>, stays: StaysService) {
  async function view(tx: Tx, ctx: Ctx): Promise<TPortal> {
    const repo = portalRepository(tx, ctx.actor.agencyId);
    const date = todayInBerlin();
    const operator = await repo.operatorName(access.operatorScope(ctx.actor, 'o.id'));
    const facilities = await repo.facilities(scopeOf(ctx));
    const ids = facilities.map((f) => f.id);
    const [counts, running] = await Promise.all([repo.occupancy(ids, date), repo.running(scopeOf(ctx))]);
    const persons = await repo.persons(running.map((r) => r.id));
    return {
      date,
      operatorName: operator?.name ?? '',
      facilities: facilities.map((f) => {
        const c = counts.find((x) => x.facility_id === f.id) ?? { places: 0, occupied: 0, blocked: 0 };
        return {
          id: f.id,
          name: f.name,
          address: [f.street, [f.postal_code, f.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
          places: c.places,
          occupied: c.occupied,
          blocked: c.blocked,
          free: c.places - c.occupied - c.blocked,
          households: running
            .filter((r) => r.facility_id === f.id)
            .map((r) => {
              const own = persons.filter((p) => p.assignment_id === r.id);
              return {
                assignmentId: r.id,
                state: r.state as State,
                name: r.head_name,
                persons: own.map((p) => ({ name: `${p.first_name} ${p.last_name}`, placeLabel: p.place_label, roomLabel: p.room_label })),
                personCount: own.length,
                arrivalDate: r.from_date,
                movedInOn: r.moved_in_on,
                needs: {
                  children: r.children,
                  wheelchair: r.wheelchair,
                  pets: r.pets,
                  womenProtection: own.length > 0 && own.every((p) => p.gender === 'female'),
                },
                version: r.version,
                actions: [
                  ...stepsFor(ASSIGNMENT_STEPS, r.state as State, ctx.actor.role).filter((s) => s === 'moveIn' || s === 'moveOut'),
                  ...(roleHas(ctx.actor.role, 'accommodation.portalIncident') ? ['incident'] : []),
                ],
              };
            }),
        };
      }),
    };
  }

  const read = (tx: Tx, ctx: Ctx, what: string) =>
    view(tx, ctx).then((v) => {
      audit(tx, ctx, {
        action: 'accommodation.portal_read',
        details: { facilities: v.facilities.length, households: v.facilities.reduce((s, f) => s + f.households.length, 0), after: what },
      });
      return v;
    });

  return {
    /** "Meine Unterkünfte": the operator's facilities with today's occupancy and the households expected or living there. */
    portal: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.portal');
        return read(tx, ctx, 'view');
      }),

    moveIn: (ctx: Ctx, id: string, input: Out<typeof ZMoveInInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.portalMove', { type: 'accommodation_assignment', id });
        await stays.confirmMoveIn(tx, ctx, id, input);
        return read(tx, ctx, 'move_in');
      }),

    moveOut: (ctx: Ctx, id: string, input: Out<typeof ZMoveOutInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.portalMove', { type: 'accommodation_assignment', id });
        await stays.confirmMoveOut(tx, ctx, id, input);
        return read(tx, ctx, 'move_out');
      }),

    /** An incident about a household placed with the operator; the accommodation team is told at once. */
    reportIncident: (ctx: Ctx, id: string, input: Out<typeof ZIncidentInput>): Promise<TIncident> =>
      actorTx(db, ctx, async (tx) => {
        const entity = { type: 'accommodation_assignment', id };
        access.require(ctx.actor, 'accommodation.portalIncident', entity);
        const repo = portalRepository(tx, ctx.actor.agencyId);
        const [a] = await repo.running(scopeOf(ctx), id);
        const row = access.requireVisible(ctx.actor, 'accommodation.portalIncident', a, entity);
        if (input.occurredOn > todayInBerlin() || input.occurredOn < row.from_date)
          throw new AppError('validation_failed', 'Die Eingaben sind ungültig.', {
            errors: [{ field: 'occurredOn', code: 'range', message: 'Der Tag muss zwischen der Zuweisung und heute liegen.' }],
          });
        const incidentId = await repo.insertIncident({
          assignment_id: id,
          household_id: row.household_id,
          facility_id: row.facility_id,
          kind: input.kind,
          occurred_on: input.occurredOn,
          text: input.text,
          reported_by: ctx.actor.userId,
        });
        audit(tx, ctx, { action: 'accommodation.incident_report', entityId: id, details: { incident: incidentId, kind: input.kind } });
        const fx = stepEffects(tx, ctx);
        await fx.inform(
          await fx.usersWithRoles(['accommodation_worker']),
          'accommodation.incident',
          `Vorkommnis gemeldet: ${row.facility_name}`,
          `Der Betreiber meldet ein Vorkommnis vom ${input.occurredOn.split('-').reverse().join('.')}. Bitte auf der Zuweisung ansehen.`,
          assignmentLink(id),
          {
            text: {
              key: 'notice.accommodationIncident',
              params: { facility: row.facility_name, kind: input.kind, occurredOn: input.occurredOn },
            },
          },
        );
        const [created] = (await repo.incidents(id)).filter((i) => i.id === incidentId);
        return present(created!);
      }),

    /** The incidents the operators reported on one assignment, for the staff who see it. */
    incidents: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const entity = { type: 'accommodation_assignment', id };
        access.require(ctx.actor, 'accommodation.incidents', entity);
        const a = await staysRepository(tx, ctx.actor.agencyId).assignment(id, access.householdScope(ctx.actor));
        access.requireVisible(ctx.actor, 'accommodation.incidents', a, entity);
        const items = (await portalRepository(tx, ctx.actor.agencyId).incidents(id)).map(present);
        audit(tx, ctx, { action: 'accommodation.incident_list', entityId: id, details: { results: items.length } });
        return { items };
      }),
  };
}
export type PortalService = ReturnType<typeof portalService>;

const present = (r: Awaited<ReturnType<ReturnType<typeof portalRepository>['incidents']>>[number]): TIncident => ({
  id: r.id,
  assignmentId: r.assignment_id,
  facilityName: r.facility_name,
  kind: r.kind as TIncident['kind'],
  occurredOn: r.occurred_on,
  text: r.text,
  reportedBy: r.reported_by,
  reportedAt: new Date(r.created_at).toISOString(),
});

/** The operator's start page: the arrivals expected at its facilities. */
async function arrivals(req: DeskRequest) {
  const { ctx } = req;
  if (!roleHas(ctx.actor.role, 'accommodation.portal')) return [];
  const rows = await portalRepository(req.tx, ctx.actor.agencyId).arrivalsExpected(scopeOf(ctx), req.limit);
  if (rows.length === 0) return [];
  return [
    section(
      'accommodation',
      'arrival_expected',
      rows[0]!.total,
      rows.map((r) => ({ id: r.id, title: r.head_name, detail: r.facility_name, due: r.from_date, link: PORTAL_LINK })),
      req.clock,
      PORTAL_LINK,
    ),
  ];
}

export const accommodationDesk: DeskContribution = { module: 'accommodation', sections: arrivals };
