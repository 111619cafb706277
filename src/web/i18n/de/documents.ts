/** German texts of the document templates admin pages (merged into de.ts). */
export const documentsDe = {
  documentTemplates: {
    nav: 'Dokumentvorlagen',
    title: 'Dokumentvorlagen',
    intro:
      'Aus diesen Vorlagen erstellt wohnhilfe Briefe und Verträge als PDF. Passen Sie die Texte an Ihre Dienststelle an; die Platzhalter werden beim Erstellen mit den Daten des Falls gefüllt.',
    readOnly: 'Sie können die Vorlagen ansehen und als Vorschau öffnen, aber nicht ändern.',
    caption: 'Dokumentarten',
    /** The document kinds by code (the stored template title is the German title of the PDF itself). */
    kind: {
      guarantee_contract: 'Garantievertrag',
      allocation_notice: 'Mitteilung über die Wohnungsvergabe',
      assignment_declaration: 'Abtretungserklärung',
      contact_letter: 'Anschreiben mit Hilfeangebot',
      commitment_letter: 'Verpflichtungserklärung (Kostenübernahme)',
      aftercare_refusal: 'Ablehnung der Wohnintegrationshilfe',
    },
    colPdfTitle: 'Titel im PDF',
    colDocument: 'Dokument',
    colStatus: 'Stand',
    colUpdated: 'Zuletzt geändert',
    statusDefault: 'Standardvorlage',
    statusCustom: 'Angepasst (Version {{version}})',
    editorTitle: 'Vorlage „{{title}}“',
    back: 'Zurück zu den Dokumentvorlagen',
    fieldTitle: 'Titel des Dokuments',
    titleHint: 'Erscheint in den PDF-Eigenschaften. Standard: {{title}}',
    fieldBody: 'Text der Vorlage',
    bodyHint:
      'Zeilen mit „# “ sind Überschriften, mit „## “ Zwischenüberschriften, mit „- “ Aufzählungspunkte. Eine Leerzeile beginnt einen neuen Absatz. Text zwischen zwei Sternchenpaaren wird fett gedruckt: {{bold}}. Eine Zeile nur aus Unterstrichen ist eine Unterschriftszeile. Platzhalter wie {{example}} werden beim Erstellen ersetzt; fehlt ein Wert, erscheint „—“.',
    placeholders: 'Platzhalter',
    placeholdersHint: 'Ein Klick fügt den Platzhalter an der Cursorposition in den Text ein. Andere Platzhalter sind nicht erlaubt.',
    insert: 'einfügen',
    type_date: 'Datum, TT.MM.JJJJ',
    type_money: 'Betrag in Euro',
    type_list: 'Liste',
    save: 'Vorlage speichern',
    saved: 'Die Vorlage wurde gespeichert (Version {{version}}).',
    preview: 'Vorschau (PDF)',
    previewing: 'Vorschau wird erstellt …',
    previewHint: 'Die Vorschau zeigt den Text im Editor – auch ungespeichert – mit Beispieldaten.',
    previewDownloaded: 'Die Vorschau wurde heruntergeladen, weil der Browser kein neues Fenster öffnen durfte.',
    reset: 'Auf Standard zurücksetzen',
    resetTitle: 'Vorlage auf den Standard zurücksetzen?',
    resetText:
      'Die angepasste Vorlage wird gelöscht; danach gilt wieder der Standardtext. Bereits erstellte Dokumente bleiben unverändert.',
    resetConfirm: 'Zurücksetzen',
    resetDone: 'Die Vorlage wurde auf den Standard zurückgesetzt.',
    conflict:
      'Die Vorlage wurde inzwischen geändert. Ihre Eingaben sind noch erhalten. Sichern Sie Ihren Text bei Bedarf, laden Sie den aktuellen Stand und übertragen Sie Ihre Änderungen erneut.',
    reload: 'Aktuellen Stand laden (Ihre Eingaben gehen verloren)',
  },
};
