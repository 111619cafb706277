import type { TBreakdownDimension } from '../../../contracts/steeringReports.js';
import type { TText } from '../../../contracts/steering.js';

/* The breakdowns' words (German first, English complete): dimension titles, definitions and keys. */

interface Dimension {
  title: TText;
  definition: TText;
  keys: readonly { key: string; label: TText }[];
}

export const DIMENSIONS: Record<TBreakdownDimension, Dimension> = {
  gender: {
    title: { de: 'Geschlecht der Hauptperson', en: 'Gender of the main person' },
    definition: {
      de: 'Geschlecht der Hauptperson des Haushalts (das als Haushaltsvorstand erfasste Mitglied, sonst das erste Mitglied), wie erfasst.',
      en: 'Gender of the household’s main person (the member recorded as head, else the first member), as recorded.',
    },
    keys: [
      { key: 'female', label: { de: 'weiblich', en: 'female' } },
      { key: 'male', label: { de: 'männlich', en: 'male' } },
      { key: 'diverse', label: { de: 'divers', en: 'diverse' } },
      { key: 'unspecified', label: { de: 'ohne Angabe', en: 'not stated' } },
    ],
  },
  age: {
    title: { de: 'Altersgruppe der Hauptperson', en: 'Age band of the main person' },
    definition: {
      de: 'Alter der Hauptperson in vollendeten Jahren am Tag, an dem der Haushalt im Zeitraum erreicht wurde; ohne Geburtsdatum „unbekannt“.',
      en: 'Age of the main person in completed years on the day the household was reached in the period; without a birth date “unknown”.',
    },
    keys: [
      { key: 'u25', label: { de: 'unter 25', en: 'under 25' } },
      { key: '25_34', label: { de: '25 bis 34', en: '25 to 34' } },
      { key: '35_49', label: { de: '35 bis 49', en: '35 to 49' } },
      { key: '50_64', label: { de: '50 bis 64', en: '50 to 64' } },
      { key: '65plus', label: { de: '65 und älter', en: '65 and over' } },
      { key: 'unknown', label: { de: 'unbekannt', en: 'unknown' } },
    ],
  },
  household: {
    title: { de: 'Haushaltstyp', en: 'Household type' },
    definition: {
      de: 'Aus den erfassten Mitgliedern: alleinstehend (eine Person); Paar ohne Kinder (Hauptperson und Partner); Paar mit Kindern (Hauptperson, Partner, minderjährige Kinder, sonst niemand); alleinerziehend (Hauptperson und minderjährige Kinder, sonst niemand); sonstiger Mehrpersonenhaushalt (alle anderen). Kinder: Mitglieder mit der Beziehung „Kind“, unter 18 oder ohne Geburtsdatum.',
      en: 'From the recorded members: single (one person); couple without children (main person and partner); couple with children (main person, partner, minor children, nobody else); single parent (main person and minor children, nobody else); other multi-person household (all others). Children: members with the relationship “child”, under 18 or without a birth date.',
    },
    keys: [
      { key: 'single', label: { de: 'alleinstehend', en: 'single' } },
      { key: 'couple', label: { de: 'Paar ohne Kinder', en: 'couple without children' } },
      { key: 'couple_children', label: { de: 'Paar mit Kindern', en: 'couple with children' } },
      { key: 'single_parent', label: { de: 'alleinerziehend', en: 'single parent' } },
      { key: 'other', label: { de: 'sonstiger Mehrpersonenhaushalt', en: 'other multi-person household' } },
    ],
  },
  children: {
    title: { de: 'Mit oder ohne Kinder', en: 'With or without children' },
    definition: {
      de: 'Ob im Haushalt am Tag, an dem er erreicht wurde, mindestens ein minderjähriges Kind lebt (Beziehung „Kind“, unter 18 oder ohne Geburtsdatum).',
      en: 'Whether at least one minor child lives in the household on the day it was reached (relationship “child”, under 18 or without a birth date).',
    },
    keys: [
      { key: 'with', label: { de: 'mit Kindern', en: 'with children' } },
      { key: 'without', label: { de: 'ohne Kinder', en: 'without children' } },
    ],
  },
  nationality: {
    title: { de: 'Staatsangehörigkeit der Hauptperson', en: 'Nationality of the main person' },
    definition: {
      de: 'Staatsangehörigkeit der Hauptperson, gruppiert: deutsch; anderer EU-Staat; Drittstaat (alle übrigen Angaben, auch staatenlos); ohne Angabe.',
      en: 'Nationality of the main person, grouped: German; other EU state; third country (all other entries, stateless too); not stated.',
    },
    keys: [
      { key: 'german', label: { de: 'deutsch', en: 'German' } },
      { key: 'eu', label: { de: 'anderer EU-Staat', en: 'other EU state' } },
      { key: 'non_eu', label: { de: 'Drittstaat', en: 'third country' } },
      { key: 'unknown', label: { de: 'ohne Angabe', en: 'not stated' } },
    ],
  },
};

export const WOMEN_SHARE_DEFINITION: TText = {
  de: 'Anteil der im Monat (Quartal) erreichten Haushalte, deren Hauptperson als weiblich erfasst ist, an allen in diesem Monat (Quartal) erreichten Haushalten des Programms. Ein Haushalt zählt in dem Monat, in dem er im Zeitraum zuerst erreicht wurde (Drucksache Hannover 0619/2023: Frauen sind öfter verdeckt wohnungslos und sollen früher erreicht werden).',
  en: 'Share of the households reached in the month (quarter) whose main person is recorded as female, of all households the programme reached in that month (quarter). A household counts in the month it was first reached in the period (Hanover paper 0619/2023: women are more often hidden homeless and are to be reached earlier).',
};

export const OVERDUE_DEFINITION: TText = {
  de: 'Offene Fristen, deren Fälligkeit vor dem Zeitpunkt der Abfrage liegt, bei der Person, der sie zugeordnet sind; dem Programm nach dem Gegenstand der Frist zugeordnet.',
  en: 'Open deadlines due before the time of the query, for the person they are assigned to; assigned to a programme by the deadline’s subject.',
};
