/**
 * The default bodies of the registered document kinds (German), in the template language described
 * in template-language.ts. Agencies adapt them on the admin page; these stay the fallback and the
 * target of "Auf Standard zurücksetzen".
 */

const signature = `Mit freundlichen Grüßen

{{staff.name}}
{{agency.name}}`;

const contactLine = 'Sie erreichen {{staff.name}} unter Telefon {{staff.phone}} oder per E-Mail an {{staff.email}}.';

export const GUARANTEE_CONTRACT = `# Garantievertrag

zwischen

**{{agency.name}}**
{{agency.address}}
– nachfolgend „Stadt“ –

und

**{{provider.name}}**
{{provider.address}}
– nachfolgend „Vermieter“ –

Aktenzeichen: {{reference}}

## § 1 Gegenstand
Der Vermieter hat mit {{household.names}} (nachfolgend „Mieterhaushalt“) einen Mietvertrag über die Wohnung {{object.address}} geschlossen. Das Mietverhältnis beginnt am {{lease.start}}. Die monatliche Kaltmiete beträgt {{lease.coldRent}}, die Gesamtmiete einschließlich Betriebs- und Heizkosten {{lease.totalRent}}.

## § 2 Garantie
Die Stadt steht gegenüber dem Vermieter für Forderungen aus diesem Mietverhältnis ein, soweit der Mieterhaushalt sie nicht erfüllt. Die Garantie ist auf einen Höchstbetrag von insgesamt **{{guarantee.max}}** begrenzt.

## § 3 Laufzeit
Die Garantie gilt für fünf Jahre ab Mietbeginn, vom **{{guarantee.start}}** bis zum **{{guarantee.end}}**. Forderungen, die nach dem Ende der Laufzeit fällig werden, sind nicht erfasst.

## § 4 Abgesicherte Forderungen
Die Garantie umfasst:
- {{guarantee.items}}

## § 5 Inanspruchnahme
Der Vermieter teilt der Stadt Zahlungsrückstände und andere Pflichtverletzungen unverzüglich, spätestens einen Monat nach Fälligkeit, schriftlich mit und weist die Forderung nach. Die Stadt zahlt nach Prüfung innerhalb von vier Wochen. In Höhe der Zahlung tritt der Vermieter seine Ansprüche gegen den Mieterhaushalt an die Stadt ab.

## § 6 Zusammenarbeit
Der Vermieter informiert die Stadt frühzeitig über Schwierigkeiten im Mietverhältnis, damit die Stadt dem Mieterhaushalt Hilfe anbieten kann, bevor eine Kündigung ausgesprochen wird. Vor einer Kündigung gibt der Vermieter der Stadt Gelegenheit zur Stellungnahme.

## § 7 Schlussbestimmungen
Änderungen und Ergänzungen dieses Vertrags bedürfen der Schriftform. Sollte eine Bestimmung unwirksam sein, bleibt der Vertrag im Übrigen wirksam.

{{agency.city}}, den {{today}}

________________________________________
Für die Stadt: {{staff.name}}, {{agency.name}}

________________________________________
Für den Vermieter: {{provider.name}}`;

export const ALLOCATION_NOTICE = `{{recipient.name}}
{{recipient.address}}

{{agency.city}}, den {{today}}
Aktenzeichen: {{reference}}

# Mitteilung über die Wohnungsvergabe

Sehr geehrte Damen und Herren,

wir freuen uns, Ihnen mitzuteilen, dass die folgende Wohnung des Wohnungsunternehmens {{provider.name}} vergeben wird:

**{{object.address}}**
{{object.rooms}} Zimmer, {{object.livingSpace}} m²

Die Wohnung erhält der Haushalt {{household.names}}. Das Mietverhältnis soll am **{{lease.start}}** beginnen. Die monatliche Kaltmiete beträgt {{lease.coldRent}}, die Gesamtmiete einschließlich Betriebs- und Heizkosten {{lease.totalRent}}.

Die nächsten Schritte:
- Das Wohnungsunternehmen setzt sich zur Unterzeichnung des Mietvertrags mit dem Haushalt in Verbindung.
- Die Stadt schließt mit dem Wohnungsunternehmen den Garantievertrag für die ersten fünf Jahre des Mietverhältnisses.
- Eine Ansprechperson der Stadt begleitet den Haushalt beim Einzug und danach.

${contactLine}

${signature}`;

export const ASSIGNMENT_DECLARATION = `# Abtretungserklärung

**Abtretender (Vermieter):**
{{provider.name}}
{{provider.address}}

**Abtretungsempfänger:**
{{agency.name}}
{{agency.address}}

Aktenzeichen: {{reference}}

## 1. Forderung
Dem Vermieter steht gegen {{household.names}} aus dem Mietverhältnis über die Wohnung {{object.address}} eine Forderung auf Zahlung der Miete für folgende Monate zu:
- {{assignment.months}}

Die Forderung beträgt insgesamt **{{assignment.amount}}**.

## 2. Abtretung
Der Vermieter tritt diese Forderung einschließlich aller Neben- und Vorzugsrechte an {{agency.name}} ab. {{agency.name}} nimmt die Abtretung an. Die Abtretung erfolgt, weil {{agency.name}} die Forderung aus dem Garantievertrag vom {{guarantee.signedOn}} beglichen hat.

## 3. Zusicherungen des Vermieters
Der Vermieter versichert, dass die Forderung in der genannten Höhe besteht, nicht bereits an Dritte abgetreten ist und weder durch Zahlung noch durch Aufrechnung erloschen ist. Er erteilt die zur Geltendmachung nötigen Auskünfte und übergibt die Unterlagen, die die Forderung belegen (§ 402 BGB).

{{agency.city}}, den {{today}}

________________________________________
Vermieter: {{provider.name}}

________________________________________
Annahme für {{agency.name}}: {{staff.name}}`;

export const CONTACT_LETTER = `{{household.names}}
{{household.address}}

{{agency.city}}, den {{today}}
Aktenzeichen: {{reference}}

# Unterstützung beim Erhalt Ihrer Wohnung

Guten Tag,

uns ist bekannt geworden, dass Ihr Mietverhältnis gefährdet sein könnte. Wir möchten Ihnen helfen, Ihre Wohnung zu behalten. Unsere Beratung ist kostenlos und vertraulich.

Wir haben für Sie einen Gesprächstermin vorgesehen:
- **Datum:** {{appointment.date}}
- **Uhrzeit:** {{appointment.time}}
- **Ort:** {{appointment.place}}

Bitte bringen Sie, wenn möglich, mit:
- Mietvertrag und alle Schreiben Ihres Vermieters (zum Beispiel Mahnung, Kündigung, Räumungsklage)
- Nachweise über Ihr Einkommen (Lohn, Rente, Bürgergeld, Wohngeld, Kindergeld)
- Kontoauszüge der letzten drei Monate
- Personalausweis oder Reisepass

Wenn Sie den Termin nicht wahrnehmen können, melden Sie sich bitte – wir vereinbaren gern einen anderen. Je früher wir gemeinsam handeln, desto eher lassen sich eine Kündigung oder eine Räumung abwenden. Mietschulden können unter bestimmten Voraussetzungen übernommen werden.

${contactLine}

${signature}`;

export const COMMITMENT_LETTER = `{{recipient.name}}
{{recipient.address}}

{{agency.city}}, den {{today}}
Unser Zeichen: {{reference}}
Ihr Zeichen: {{recipient.reference}}

# Verpflichtungserklärung zur Übernahme von Mietrückständen

Mietverhältnis: {{household.names}}, {{object.address}}
Vermieter: {{landlord.name}}

Sehr geehrte Damen und Herren,

hiermit verpflichtet sich {{agency.name}}, die Rückstände aus dem oben genannten Mietverhältnis in Höhe von **{{commitment.amount}}** zu übernehmen. Die Übernahme umfasst:
- {{commitment.items}}

Rechtsgrundlage: {{commitment.basis}}

Der Betrag wird nach Eingang dieser Erklärung beim Vermieter und Angabe der Bankverbindung innerhalb von zwei Wochen überwiesen. Diese Erklärung gilt bis zum {{commitment.validUntil}}.

Wir weisen darauf hin, dass eine fristlose Kündigung wegen Zahlungsverzugs unwirksam wird, wenn sich eine öffentliche Stelle spätestens zwei Monate nach Rechtshängigkeit des Räumungsanspruchs zur Befriedigung des Vermieters verpflichtet (§ 569 Abs. 3 Nr. 2 BGB). Wir bitten daher, das Mietverhältnis fortzusetzen und eine erhobene Räumungsklage in der Hauptsache für erledigt zu erklären.

${contactLine}

${signature}`;

export const AFTERCARE_REFUSAL = `{{household.names}}
{{household.address}}

{{agency.city}}, den {{today}}
Aktenzeichen: {{reference}}

# Ihre Anfrage nach Wohnintegrationshilfe (Nachsorge)

Guten Tag,

vielen Dank für Ihr Interesse an der Wohnintegrationshilfe. Wir haben geprüft, ob die Hilfe für Sie in Frage kommt.

Die Wohnintegrationshilfe kann nur gewährt werden, wenn keine Hilfe mit vergleichbarer Zielrichtung bereits installiert ist. Für Ihren Haushalt besteht bereits folgende Hilfe:
- {{refusal.existingHelp}}

{{refusal.reason}}

Wir können die Wohnintegrationshilfe deshalb derzeit nicht gewähren. Die bestehende Hilfe unterstützt Sie weiterhin. Wenn sich an Ihrer Situation etwas ändert oder die bestehende Hilfe endet, melden Sie sich bitte gern erneut bei uns.

${contactLine}

${signature}`;
