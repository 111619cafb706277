import type { HelpContent } from './types';

/** Hilfe und Glossar (Deutsch). Kurz, in der Sprache der Fachstelle; Rechtsbegriffe stehen im Glossar. */
export const helpDe: HelpContent = {
  title: 'Hilfe',
  intro:
    'Kurze Anleitungen zu jedem Bereich von wohnhilfe und ein Glossar der Rechtsbegriffe. Der Link „Hilfe“ oben auf jeder Seite führt zum Abschnitt des Bereichs, in dem Sie gerade arbeiten.',
  contents: 'Inhalt',
  glossaryTitle: 'Glossar',
  glossaryIntro:
    'Die Begriffe, die in Fristen, Schreiben und Entscheidungen vorkommen. Die Erläuterungen ersetzen keine Rechtsberatung; maßgeblich ist der Gesetzestext.',
  toTop: 'Zum Inhalt der Hilfe',
  sections: [
    {
      id: 'home',
      title: 'Übersicht und Arbeitsweise',
      paragraphs: [
        'Die Übersicht zeigt, was für Sie ansteht: fällige und überfällige Fristen, neue Meldungen, Angebote und Vorfälle sowie ungelesene Benachrichtigungen. Die Glocke oben zeigt die Zahl der ungelesenen Benachrichtigungen; ein Klick führt zur Liste.',
        'Jeder Vorgang hat einen Ablauf mit festen Schritten. Auf der Seite eines Falls sehen Sie nur die Schritte, die jetzt möglich sind; jeder Schritt öffnet ein kurzes Formular. Fehlt eine Angabe, steht die Meldung direkt am Feld.',
        'Alles, was Sie lesen oder ändern, wird protokolliert (Audit). Hat jemand anderes einen Datensatz inzwischen geändert, werden Sie gebeten, neu zu laden – so geht keine Änderung verloren.',
      ],
    },
    {
      id: 'households',
      title: 'Haushalte',
      paragraphs: [
        'Ein Haushalt ist die gemeinsame Akte aller Programme: Mitglieder, Wohnsituation, Einwilligungen, Journal und die Fälle in Prävention, Vermittlung, Mietsicherung und Nachsorge.',
        'Die Suche findet Namen, Aktenzeichen und Adressen auch über Teilwörter. Filter (z. B. „wohnungssuchend“) und Sortierung bleiben in der Adresse der Seite erhalten und lassen sich als Lesezeichen speichern.',
      ],
      steps: [
        'Haushalt anlegen: Mitglieder mit Geburtsdatum, die Wohnsituation und die zuständigen Personen erfassen.',
        'Einwilligungen erfassen, bevor Daten an ein Wohnungsunternehmen oder einen Träger gehen (Zweck, Empfänger, Form).',
        'Kontakte und Absprachen im Journal festhalten; Einträge mit Beteiligung des Haushalts kennzeichnen.',
      ],
      terms: ['sgb1-35', 'sgb10-67b'],
    },
    {
      id: 'deadlines',
      title: 'Fristen',
      paragraphs: [
        'Fristen sind eigene Einträge mit Fälligkeit, zuständiger Person und Erinnerung. Sie entstehen aus den Schritten der Fälle (z. B. die Schonfrist nach Zustellung einer Räumungsklage, der nächste Hausbesuch, das Ende einer Bewilligung) und werden beim Erledigen des Schritts geschlossen.',
        'Arbeitstage werden mit den gesetzlichen Feiertagen des Landes der Dienststelle berechnet. Überfällige Fristen werden der Leitung gemeldet, wo das vorgesehen ist.',
      ],
      terms: ['bgb-569', 'zpo-885'],
    },
    {
      id: 'prevention',
      title: 'Prävention (Wohnungssicherung)',
      paragraphs: [
        'Hier beginnen Fälle drohenden Wohnungsverlusts: Mitteilungen des Amtsgerichts über Räumungsklagen, Meldungen von Vermietern, des Jobcenters oder anderer Stellen, Vorsprachen in der offenen Sprechstunde. Listen (CSV oder Excel) lassen sich importieren; jede Zeile wird vor dem Anlegen geprüft und einem bekannten Haushalt zugeordnet, wo das sicher ist.',
        'Die Zeit bis zum ersten Kontaktversuch ist die wichtigste Kennzahl. Das Kontaktverfahren läuft in festen Stufen: Schreiben, Anruf, unangekündigter Hausbesuch – jeder Versuch mit Zeit und Weg.',
      ],
      steps: [
        'Meldung erfassen oder importieren; das Zustelldatum der Klage setzt die Schonfrist.',
        'Kontakt aufnehmen (Schreiben, Telefon, Hausbesuch) und jeden Versuch dokumentieren.',
        'Clearing: Wie ernst ist die Lage, was wurde versucht, welche Leistungen fehlen?',
        'Maßnahmen: Mietschuldenübernahme (Darlehen oder Beihilfe), Vermittlung in Beratung, Begleitung.',
        'Abschluss mit Ergebnis; „Wohnung erhalten“ kann an die Nachsorge übergeben werden.',
      ],
      terms: ['bgb-543', 'bgb-569', 'bgb-573', 'sgb2-22-8', 'sgb2-22-9', 'sgb12-36', 'zpo-885', 'clearing'],
    },
    {
      id: 'placement',
      title: 'Vermittlung (WohnenPlus)',
      paragraphs: [
        'Wohnungsunternehmen melden Angebote mit den genauen Daten der Wohnung. Die Fachstelle prüft sie gegen die Programmbedingungen (z. B. Mietobergrenze nach Haushaltsgröße) und antwortet bei Ablehnung mit dem Grund.',
        'Die Rangfolge schlägt passende Haushalte vor und erklärt jede Platzierung und jeden Ausschluss. Entscheiden tun Menschen: Vorauswahl, runder Tisch, Besichtigungen, Entscheidung des Haushalts, Vetorecht des Unternehmens.',
      ],
      steps: [
        'Angebot prüfen (Programmbedingungen).',
        'Rangfolge erstellen und eine Vorauswahl treffen; nur Haushalte mit Einwilligung werden dem Unternehmen vorgestellt.',
        'Runden Tisch und Besichtigungen planen (Einladungen als Kalendereintrag).',
        'Zusage oder Absage des Haushalts mit Frist; bei Absage die Gründe festhalten.',
        'Garantievertrag und Mietvertrag erfassen – damit beginnt die Mietsicherung.',
      ],
      terms: ['belegungsrecht', 'garantievertrag', 'sgb10-67b', 'sgb10-78'],
    },
    {
      id: 'sustainment',
      title: 'Mietsicherung',
      paragraphs: [
        'Während der fünf Garantiejahre hat jedes Mietverhältnis eine feste Ansprechperson. Das Unternehmen meldet Mietausfall oder Konflikte; die Fachstelle klärt mit dem Haushalt und dokumentiert jeden Schritt.',
        'Bei Mietausfall entscheidet das Unternehmen, ob es wartet oder die Garantieleistung abruft. Nach der Zahlung wird die Forderung an die Stadt abgetreten; Rückzahlungen des Haushalts werden als Raten verbucht.',
      ],
      steps: [
        'Vorfall aufnehmen (Mietausfall oder Konflikt) und den Haushalt kontaktieren.',
        'Ursachen klären, Absprachen treffen, Rückmeldung an das Unternehmen.',
        'Bei Bedarf Garantieleistung auszahlen und die Abtretung erfassen.',
        'Rückforderung mit Ratenplan verfolgen; Vorfall abschließen.',
      ],
      terms: ['garantievertrag', 'abtretung', 'bgb-543'],
    },
    {
      id: 'aftercare',
      title: 'Nachsorge (Wohnintegrationshilfe)',
      paragraphs: [
        'Freiwillige, befristete Hilfe durch einen freien Träger: regelmäßige Hausbesuche, ein Hilfeplan in den Worten des Haushalts, Vermittlung zu Vermietern und Ämtern. Die Fachstelle wählt die Fälle aus und bewilligt; der Träger führt die Hilfe durch.',
        'Der Träger sieht einen Fall erst nach Bewilligung und Einwilligung des Haushalts und nur die für die Hilfe nötigen Angaben; jede Übermittlung wird protokolliert. Ein Widerruf der Einwilligung beendet die Hilfe sofort.',
      ],
      steps: [
        'Meldung erfassen (Zugangsweg, Zielgruppe).',
        'Prüfen, ob schon eine vergleichbare Hilfe besteht (§ 67 SGB XII, Eingliederungshilfe, SGB VIII); sonst ablehnen mit Schreiben.',
        'Einwilligung des Haushalts erfassen und bewilligen (befristet, Verlängerung mit Begründung).',
        'Träger: Fachkraft zuweisen, Besuchsrhythmus festlegen, Hausbesuche dokumentieren, Hilfeplan fortschreiben.',
        'Beenden mit Grund; die Fachstelle prüft nach 6 und 12 Monaten, ob die Wohnung gehalten wurde.',
      ],
      terms: ['wih', 'sgb12-67', 'sgb10-67b', 'sgb10-78'],
    },
    {
      id: 'portal',
      title: 'Portal für Wohnungsunternehmen',
      paragraphs: [
        'Im Portal melden Sie Wohnungsangebote, sehen den Stand Ihrer Angebote, nehmen am runden Tisch teil und melden während der Garantiezeit Mietausfall oder Konflikte.',
        'Angaben zu Haushalten sehen Sie nur, soweit der Haushalt in die Übermittlung an Ihr Unternehmen eingewilligt hat; jede Übermittlung wird protokolliert. Die Daten dürfen nur für diesen Zweck verwendet werden.',
      ],
      terms: ['belegungsrecht', 'garantievertrag', 'abtretung', 'sgb10-78'],
    },
    {
      id: 'admin',
      title: 'Administration',
      paragraphs: [
        'Benutzerinnen und Benutzer mit Rolle anlegen, sperren oder zurücksetzen; die Zwei-Faktor-Anmeldung kann je Rolle verlangt werden. Die Administration sieht keine Falldaten.',
        'Einstellungen der Dienststelle (Fristen, Programmbedingungen, Nachsorge), Organisationen (Wohnungsunternehmen, Träger), Vorlagen für Schreiben und der Postausgang der E-Mails.',
      ],
    },
    {
      id: 'audit',
      title: 'Audit und Datenschutz',
      paragraphs: [
        'Das Audit zeigt, wer wann welchen Datensatz gelesen oder geändert hat, auch verweigerte Zugriffe. Die Einträge sind in einer verketteten, signierten Folge gesichert; eine nachträgliche Änderung fiele bei der Prüfung auf.',
        'Filtern Sie nach Person, Aktion und Zeitraum. Die Rolle Datenschutz/Revision liest nur und ändert keine Falldaten.',
      ],
      terms: ['sgb1-35', 'dsgvo-15'],
    },
    {
      id: 'security',
      title: 'Sicherheit und Anmeldung',
      paragraphs: [
        'Schützen Sie Ihr Konto mit einem zweiten Faktor (Authenticator-App). Für manche Rollen ist er vorgeschrieben; dann werden Sie nach der ersten Anmeldung zur Einrichtung geführt.',
        'Melden Sie sich ab, wenn Sie den Arbeitsplatz verlassen. Nach längerer Untätigkeit endet die Sitzung von selbst.',
        'Unter „Sicherheit“ können Sie außerdem die tägliche Zusammenfassung per E-Mail einschalten: an Werktagen um 6 Uhr Ihre ungelesenen Benachrichtigungen und Ihre heute fälligen oder überschrittenen Fristen, mit Links. Gibt es nichts Neues, kommt keine E-Mail.',
      ],
    },
  ],
  glossary: [
    {
      id: 'bgb-543',
      term: '§ 543 BGB – fristlose Kündigung wegen Zahlungsverzugs',
      definition:
        'Der Vermieter kann fristlos kündigen, wenn der Mieter für zwei aufeinander folgende Termine mit der Miete oder einem nicht unerheblichen Teil davon in Verzug ist, oder über einen längeren Zeitraum mit einem Betrag in Höhe von zwei Monatsmieten.',
    },
    {
      id: 'bgb-569',
      term: '§ 569 Abs. 3 BGB – Schonfrist',
      definition:
        'Die fristlose Kündigung wegen Mietrückständen wird unwirksam, wenn der Vermieter spätestens zwei Monate nach Zustellung der Räumungsklage befriedigt wird oder sich eine öffentliche Stelle (Jobcenter, Sozialamt) zur Zahlung verpflichtet – nicht, wenn das schon in den zwei Jahren davor geschehen ist. wohnhilfe setzt diese Frist aus dem Zustelldatum und erinnert vorher.',
    },
    {
      id: 'bgb-573',
      term: '§ 573 BGB – ordentliche Kündigung',
      definition:
        'Kündigung mit Frist bei berechtigtem Interesse des Vermieters, z. B. erheblicher Pflichtverletzung. Eine Schonfristzahlung heilt nach der Rechtsprechung des Bundesgerichtshofs nur die fristlose, nicht eine zugleich ausgesprochene ordentliche Kündigung.',
    },
    {
      id: 'sgb2-22-8',
      term: '§ 22 Abs. 8 SGB II – Übernahme von Mietschulden durch das Jobcenter',
      definition:
        'Mietschulden können übernommen werden, wenn das zur Sicherung der Unterkunft gerechtfertigt und notwendig ist und sonst Wohnungslosigkeit droht; sie sollen als Darlehen erbracht werden.',
    },
    {
      id: 'sgb2-22-9',
      term: '§ 22 Abs. 9 SGB II – Mitteilung in Zivilsachen',
      definition:
        'Geht bei Gericht eine Räumungsklage wegen Mietrückständen ein, teilt das Gericht dies dem zuständigen Träger mit. Diese Mitteilungen sind eine Hauptquelle der Prävention.',
    },
    {
      id: 'sgb12-36',
      term: '§ 36 SGB XII – Sonstige Hilfen zur Sicherung der Unterkunft',
      definition:
        'Die entsprechende Regelung für Menschen, die Leistungen nach dem SGB XII erhalten: Übernahme von Schulden zur Sicherung der Unterkunft, als Beihilfe oder Darlehen.',
    },
    {
      id: 'sgb12-67',
      term: '§ 67 SGB XII – Hilfe zur Überwindung besonderer sozialer Schwierigkeiten',
      definition:
        'Hilfe für Menschen, bei denen besondere Lebensverhältnisse mit sozialen Schwierigkeiten verbunden sind, z. B. drohender oder eingetretener Wohnungsverlust. Besteht sie schon, ist Nachsorge nicht zusätzlich vorgesehen.',
    },
    {
      id: 'sgb1-35',
      term: '§ 35 SGB I – Sozialgeheimnis',
      definition:
        'Sozialdaten dürfen nur von den befugten Stellen und nur für die Aufgabe verarbeitet werden, für die sie erhoben wurden. Deshalb sieht jede Rolle nur, was sie braucht, und jeder Zugriff wird protokolliert.',
    },
    {
      id: 'sgb10-67b',
      term: '§ 67b SGB X – Einwilligung',
      definition:
        'Die Übermittlung von Sozialdaten an Dritte (z. B. ein Wohnungsunternehmen oder einen freien Träger) braucht eine Rechtsgrundlage oder die Einwilligung der betroffenen Person: mit Zweck, Empfänger und Form, jederzeit widerruflich. wohnhilfe übermittelt nichts ohne erfasste Einwilligung.',
    },
    {
      id: 'sgb10-78',
      term: '§ 78 SGB X – Zweckbindung beim Empfänger',
      definition:
        'Wer Sozialdaten erhält, darf sie nur für den Zweck verarbeiten, für den sie übermittelt wurden, und muss sie ebenso geheim halten.',
    },
    {
      id: 'dsgvo-15',
      term: 'Art. 15 DSGVO / § 83 SGB X – Auskunftsrecht',
      definition:
        'Jede Person kann Auskunft darüber verlangen, welche Daten über sie gespeichert sind, woher sie stammen und an wen sie übermittelt wurden.',
    },
    {
      id: 'zpo-885',
      term: 'Räumungstermin (§ 885 ZPO)',
      definition:
        'Der Termin, zu dem die Gerichtsvollzieherin oder der Gerichtsvollzieher die Wohnung aufgrund eines Räumungstitels räumt. Er muss für alle am Fall Beteiligten sichtbar sein.',
    },
    {
      id: 'clearing',
      term: 'Clearing',
      definition:
        'Die Klärungsphase eines Präventionsfalls: wie ernst die Bedrohung ist (Mahnung, Kündigung, Klage, Räumungstermin), was schon versucht wurde, eigene Mittel, nicht beantragte Leistungen und die Wünsche des Haushalts.',
    },
    {
      id: 'belegungsrecht',
      term: 'Belegungsrecht und Vetorecht',
      definition:
        'Bei WohnenPlus schlägt die Stadt den Haushalt für eine angebotene Wohnung vor (Belegungsrecht); das Wohnungsunternehmen kann widersprechen (Vetorecht).',
    },
    {
      id: 'garantievertrag',
      term: 'Garantievertrag',
      definition:
        'Vertrag zwischen Stadt und Wohnungsunternehmen über fünf Jahre: Die Stadt steht z. B. für Mietausfälle ein. Der Mietvertrag zwischen Unternehmen und Haushalt ist davon getrennt und unbefristet.',
    },
    {
      id: 'abtretung',
      term: 'Garantieleistung und Forderungsabtretung',
      definition:
        'Zahlt die Stadt aus der Garantie, tritt das Unternehmen seine Forderung gegen den Haushalt an die Stadt ab. Die Stadt fordert den Betrag dann, meist in Raten, vom Haushalt zurück.',
    },
    {
      id: 'wih',
      term: 'Wohnintegrationshilfe',
      definition:
        'Das Kölner Modell der Nachsorge: freiwillige, befristete Begleitung durch einen freien Träger mit turnusmäßigen Hausbesuchen, damit ein gesichertes oder neues Mietverhältnis hält.',
    },
  ],
};
