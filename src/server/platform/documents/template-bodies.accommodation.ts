/**
 * Default bodies (German) of the accommodation letters: the order-law decision to the household
 * (Einweisungsverfügung) and the cost-coverage note to the operator (Kostenübernahme).
 */
const signature = `Mit freundlichen Grüßen

{{staff.name}}
{{agency.name}}`;

export const ACCOMMODATION_ORDER = `{{household.names}}

{{agency.city}}, den {{today}}
Aktenzeichen: {{reference}}

# Einweisung in eine Unterkunft

Guten Tag,

Sie sind ohne Unterkunft. Zur Beseitigung der Gefahr für Leib und Leben, die mit unfreiwilliger Obdachlosigkeit verbunden ist, weisen wir Sie auf Grundlage von {{stay.legalBasis}} ab dem {{stay.from}} in folgende Unterkunft ein:

**{{facility.name}}**
{{facility.address}}
Betreiber: {{operator.name}}

Eingewiesen werden:
- {{stay.persons}}

Die Einweisung ist vorläufig; sie ersetzt keine eigene Wohnung. Bitte melden Sie sich am Tag des Einzugs bei der Unterkunft. Die Kosten der Unterbringung übernimmt {{costs.payer}}. {{costs.contribution}}

Bitte bemühen Sie sich weiter um eigenen Wohnraum; wir unterstützen Sie dabei.

Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch bei der oben genannten Dienststelle erhoben werden.

${signature}`;

export const ACCOMMODATION_COST_NOTE = `{{operator.name}}
{{operator.address}}

{{agency.city}}, den {{today}}
Aktenzeichen: {{reference}}

# Kostenübernahme für die Unterbringung

Guten Tag,

für die Unterbringung der folgenden Personen in Ihrer Unterkunft **{{facility.name}}** ab dem {{stay.from}}:
- {{stay.persons}}

übernimmt {{costs.payer}} die Kosten zum vereinbarten Tagessatz ({{costs.basis}}). Abgerechnet wird je Nacht; der Tag der Ankunft zählt, der Tag der Abreise nicht. Bitte bestätigen Sie uns den Einzug und teilen Sie uns einen Auszug unverzüglich mit.

{{costs.contribution}}

Bitte geben Sie bei der Rechnung das Aktenzeichen an.

${signature}`;
