import type { Messages } from '../de';

/** English texts of the document templates admin pages (merged into en.ts). */
export const documentsEn: Pick<Messages, 'documentTemplates'> = {
  documentTemplates: {
    nav: 'Document templates',
    title: 'Document templates',
    intro:
      'wohnhilfe creates letters and contracts as PDF from these templates. Adapt the texts to your office; placeholders are filled with the case data when a document is created.',
    readOnly: 'You can view the templates and open previews, but not change them.',
    caption: 'Document kinds',
    kind: {
      guarantee_contract: 'Guarantee contract',
      allocation_notice: 'Notice of flat allocation',
      assignment_declaration: 'Assignment declaration',
      contact_letter: 'Contact letter offering help',
      commitment_letter: 'Declaration of commitment (cost coverage)',
      aftercare_refusal: 'Refusal of aftercare (housing integration help)',
    },
    colPdfTitle: 'Title in the PDF',
    colDocument: 'Document',
    colStatus: 'Status',
    colUpdated: 'Last changed',
    statusDefault: 'Default template',
    statusCustom: 'Customised (version {{version}})',
    editorTitle: 'Template “{{title}}”',
    back: 'Back to document templates',
    fieldTitle: 'Document title',
    titleHint: 'Shown in the PDF properties. Default: {{title}}',
    fieldBody: 'Template text',
    bodyHint:
      'Lines starting with “# ” are headings, “## ” sub-headings, “- ” bullet points. A blank line starts a new paragraph. Text between two pairs of asterisks is printed bold: {{bold}}. A line of underscores only is a signature line. Placeholders such as {{example}} are replaced when a document is created; a missing value is shown as “—”.',
    placeholders: 'Placeholders',
    placeholdersHint: 'Click a placeholder to insert it at the cursor. No other placeholders are allowed.',
    insert: 'insert',
    type_date: 'date, DD.MM.YYYY',
    type_money: 'amount in euros',
    type_list: 'list',
    save: 'Save template',
    saved: 'The template was saved (version {{version}}).',
    preview: 'Preview (PDF)',
    previewing: 'Creating preview …',
    previewHint: 'The preview shows the text in the editor – even unsaved – with sample data.',
    previewDownloaded: 'The preview was downloaded because the browser did not allow a new window.',
    reset: 'Reset to default',
    resetTitle: 'Reset the template to the default?',
    resetText: 'The customised template is deleted and the default text applies again. Documents already created stay unchanged.',
    resetConfirm: 'Reset',
    resetDone: 'The template was reset to the default.',
    conflict:
      'The template was changed in the meantime. Your input is still here. Save your text elsewhere if needed, load the current version and apply your changes again.',
    reload: 'Load current version (your input will be lost)',
  },
};
