/** How a global search query is read (pure; no database). */
export interface SearchTerms {
  /** The query, lowercased, for the modules' LIKE patterns; null when the query is a birth date. */
  text: string | null;
  /** An ISO date when the query is a date (German `TT.MM.JJJJ`, also `T.M.JJJJ` and ISO `JJJJ-MM-TT`). */
  birthDate: string | null;
  reading: 'birthDate' | 'reference' | 'text';
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A file number or a part of one: optional letter groups, then digits and dashes (`S-2026-00042`, `P-2026`, `00042`). */
const FILE_NUMBER = /^(?:[a-z]{1,3}-)*\d[\d-]*$/i;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads the (trimmed) query: a valid date is a birth date, a file-number shape a reference, anything else free text. */
export function readQuery(q: string): SearchTerms {
  const german = GERMAN_DATE.exec(q);
  const iso = ISO_DATE.exec(q);
  const date = german
    ? isoDate(Number(german[3]), Number(german[2]), Number(german[1]))
    : iso
      ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : null;
  if (date) return { text: null, birthDate: date, reading: 'birthDate' };
  return { text: q.toLowerCase(), birthDate: null, reading: FILE_NUMBER.test(q) ? 'reference' : 'text' };
}
