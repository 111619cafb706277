import type { Kysely } from 'kysely';
import { ZFederalState, ZDate } from '../contracts/common.js';
import type { Config } from '../server/config.js';
import type { DB } from '../server/db/types.js';
import { bodiesRepository } from '../server/modules/steering/bodies.repository.js';
import { FIGURE_CONTRIBUTIONS } from '../server/modules/steering/contributions.js';
import { withDb } from './commands.js';

/*
 * The platform's management of steering bodies (issue 17): a body with its own tenant for its users
 * (`wohnhilfe user create --agency <its AGS> --role steering`), and its target agreements with the
 * member agencies and the figures they cover. The app only reads these.
 */

const say = (m: string) => console.log(m);

export async function createBody(owner: Kysely<DB>, o: { name: string; ags: string; state: string }): Promise<string> {
  if (!/^[0-9]{8}$/.test(o.ags)) throw new Error('Der AGS hat 8 Ziffern.');
  const state = ZFederalState.parse(o.state);
  if (await bodiesRepository(owner).bodyByAgs(o.ags)) throw new Error(`Es gibt schon ein Steuerungsgremium mit AGS ${o.ags}.`);
  return bodiesRepository(owner).createBody({ name: o.name.trim(), ags: o.ags, federalState: state });
}

export interface AgreementOptions {
  body: string;
  name: string;
  from: string;
  to?: string;
  figures: string;
  members: string;
  joined?: string;
}

export async function createAgreement(owner: Kysely<DB>, o: AgreementOptions): Promise<{ id: string; members: number; figures: number }> {
  const repo = bodiesRepository(owner);
  const body = await repo.bodyByAgs(o.body);
  if (!body) throw new Error(`Kein Steuerungsgremium mit AGS ${o.body}.`);
  const from = ZDate.parse(o.from);
  const to = o.to ? ZDate.parse(o.to) : null;
  if (to && to < from) throw new Error('Das Ende liegt vor dem Beginn.');
  const declared = new Set(FIGURE_CONTRIBUTIONS.flatMap((c) => c.families.flatMap((f) => f.figures.map((x) => x.id))));
  const figureIds = [
    ...new Set(
      o.figures
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = figureIds.filter((id) => !declared.has(id));
  if (figureIds.length === 0 || unknown.length) throw new Error(`Unbekannte Kennzahlen: ${unknown.join(', ') || '(keine angegeben)'}.`);
  const ags = [
    ...new Set(
      o.members
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const agencies = await repo.memberAgenciesByAgs(ags);
  const missing = ags.filter((a) => !agencies.some((x) => x.ags === a));
  if (missing.length) throw new Error(`Keine Fachstelle mit AGS ${missing.join(', ')}.`);
  const joinedOn = o.joined ? ZDate.parse(o.joined) : from;
  const id = await repo.createAgreement({
    bodyAgencyId: body.agency_id,
    name: o.name.trim(),
    validFrom: from,
    validTo: to,
    figureIds,
    members: agencies.map((a) => ({ agencyId: a.id, joinedOn })),
  });
  return { id, members: agencies.length, figures: figureIds.length };
}

export const steeringBodyCreateCmd = (config: Config, o: { name: string; ags: string; state: string }) =>
  withDb(config, async ({ owner }) => {
    await createBody(owner, o);
    say(`Steuerungsgremium "${o.name}" angelegt. Konten: wohnhilfe user create --agency ${o.ags} --role steering …`);
  });

export const steeringAgreementCreateCmd = (config: Config, o: AgreementOptions) =>
  withDb(config, async ({ owner }) => {
    const r = await createAgreement(owner, o);
    say(`Zielvereinbarung "${o.name}" angelegt: ${r.members} Fachstellen, ${r.figures} Kennzahlen.`);
  });
