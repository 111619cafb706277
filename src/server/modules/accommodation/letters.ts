import { formatEuro } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { generateDocument } from '../../platform/documents/documents.js';
import type { FederalState } from '../../platform/deadlines/workdays.js';
import { placesRepository } from './places.repository.js';

/* The two letters of an assignment: the order-law decision to the household and the cost-coverage note to the operator. */

/** The order-law basis of an accommodation by the agency's federal state (the agency may type its own). */
export function legalBasisFor(state: FederalState): string {
  switch (state) {
    case 'BE':
      return '§ 17 Abs. 1 des Allgemeinen Sicherheits- und Ordnungsgesetzes Berlin (ASOG Bln)';
    case 'BW':
      return '§§ 1, 3 des Polizeigesetzes Baden-Württemberg (PolG BW)';
    case 'NW':
      return '§ 14 des Ordnungsbehördengesetzes Nordrhein-Westfalen (OBG NRW)';
    case 'NI':
      return '§ 11 des Niedersächsischen Polizei- und Ordnungsbehördengesetzes (NPOG)';
    default:
      return 'dem Polizei- und Ordnungsrecht des Landes';
  }
}

export interface LetterInput {
  assignmentId: string;
  reference: string;
  householdNames: string;
  persons: string[];
  from: string;
  legalBasis: string;
  payer: 'agency' | 'jobcenter';
  ownContributionCents: number;
  facility: { name: string; street: string; postal_code: string; city: string; operator_id: string; contract_id: string | null };
  createdBy: string;
}

/** Renders and stores both letters as documents of the assignment; returns their ids. */
export async function assignmentLetters(tx: Tx, agencyId: string, i: LetterInput): Promise<{ order: string; costNote: string }> {
  const repo = placesRepository(tx, agencyId);
  const operator = await repo.operator(i.facility.operator_id);
  const contract = i.facility.contract_id ? await repo.contract(i.facility.contract_id) : undefined;
  const payer = i.payer === 'agency' ? 'die Fachstelle' : 'das Jobcenter (Leistungen nach dem SGB II; Überleitung durch die Fachstelle)';
  const contribution =
    i.ownContributionCents > 0 ? `Der Haushalt trägt einen Eigenanteil von ${formatEuro(i.ownContributionCents)} monatlich.` : '';
  const basis = contract
    ? `${contract.kind === 'contract' ? 'Vertrag' : 'vereinbarter Satz ohne Vertrag'}${contract.reference ? ` ${contract.reference}` : ''}, Tagessatz je ${contract.rate_basis === 'person' ? 'Person' : 'Platz'}`
    : 'vereinbarter Tagessatz';
  const data = {
    reference: i.reference,
    household: { names: i.householdNames },
    facility: { name: i.facility.name, address: `${i.facility.street}, ${i.facility.postal_code} ${i.facility.city}` },
    operator: {
      name: operator?.name ?? '',
      address: [operator?.street, [operator?.postal_code, operator?.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'),
    },
    stay: { from: i.from, persons: i.persons, legalBasis: i.legalBasis },
    costs: { payer, basis, contribution },
  };
  const order = await generateDocument(tx, agencyId, {
    ownerType: 'accommodation_assignment',
    ownerId: i.assignmentId,
    kind: 'accommodation_order',
    filename: `einweisung-${i.reference}`,
    createdBy: i.createdBy,
    data,
  });
  const costNote = await generateDocument(tx, agencyId, {
    ownerType: 'accommodation_assignment',
    ownerId: i.assignmentId,
    kind: 'accommodation_cost_note',
    filename: `kostenuebernahme-${i.reference}`,
    createdBy: i.createdBy,
    data,
  });
  return { order: order.id, costNote: costNote.id };
}
