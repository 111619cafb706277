import type { ChecklistItemWrite } from './inspections.repository.js';

/**
 * The default checklist of minimum standards for shelters (ordnungsrechtliche Unterbringung), used
 * until an agency saves its own and seeded for the demo agencies. The norms are the ones courts and
 * state guidelines commonly cite (e.g. about 9 m² of living space per person); an agency adapts them.
 */
export const DEFAULT_ROUTINE_MONTHS = 12;

export const DEFAULT_CHECKLIST: readonly ChecklistItemWrite[] = [
  { key: 'floor_space', title: 'Wohnfläche je Person', category: 'Raum und Belegung', norm: '≥ 9 m² Wohnfläche je Person' },
  {
    key: 'persons_per_room',
    title: 'Personen je Zimmer',
    category: 'Raum und Belegung',
    norm: 'höchstens 2 Personen je Zimmer (außer Familien)',
  },
  {
    key: 'privacy',
    title: 'Abschließbare Zimmer und Schränke',
    category: 'Raum und Belegung',
    norm: 'Zimmer und ein Schrank je Person abschließbar',
  },
  {
    key: 'sanitary',
    title: 'Sanitäranlagen je Person',
    category: 'Sanitär und Hygiene',
    norm: '1 WC und 1 Dusche je 8 Personen, nach Geschlechtern getrennt',
  },
  {
    key: 'hygiene',
    title: 'Sauberkeit, Schädlingsfreiheit, Reinigung',
    category: 'Sanitär und Hygiene',
    norm: 'Reinigungsplan, kein Schädlingsbefall, kein Schimmel',
  },
  {
    key: 'kitchen',
    title: 'Kochgelegenheit',
    category: 'Versorgung',
    norm: '1 Kochstelle und Kühlschrankfach je Haushalt oder Vollverpflegung',
  },
  { key: 'heating', title: 'Heizung und Warmwasser', category: 'Versorgung', norm: 'mindestens 20 °C in Wohnräumen, Warmwasser jederzeit' },
  { key: 'wlan', title: 'WLAN', category: 'Versorgung', norm: 'kostenfreies WLAN in allen Wohnbereichen' },
  {
    key: 'fire_safety',
    title: 'Brandschutz',
    category: 'Sicherheit',
    norm: 'Rauchmelder in jedem Zimmer, Feuerlöscher, freie Fluchtwege, Brandschutzordnung',
  },
  {
    key: 'child_safety',
    title: 'Kinderschutz',
    category: 'Sicherheit',
    norm: 'Steckdosen- und Fenstersicherungen, Kinderschutzkonzept, Spielbereich',
  },
  {
    key: 'protection_concept',
    title: 'Gewaltschutzkonzept für Frauen',
    category: 'Sicherheit',
    norm: 'schriftliches Konzept, getrennte Bereiche, Ansprechperson',
  },
  { key: 'social_work', title: 'Soziale Betreuung', category: 'Betreuung', norm: 'Sozialarbeit vor Ort, Sprechzeiten ausgehängt' },
  {
    key: 'accessibility',
    title: 'Barrierefreiheit',
    category: 'Betreuung',
    norm: 'stufenloser Zugang und mindestens ein rollstuhlgerechtes Zimmer mit Bad',
  },
];
