import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ZDocumentTemplateUpdate } from '../../contracts/documents';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextAreaField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Modal } from '../components/Modal';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { can } from '../auth/can';
import { PlaceholderList } from './PlaceholderList';
import { previewTemplate, resetTemplate, saveTemplate, templateKeys, useTemplate, type Template } from './queries';
import './templates.css';

const FORM = 'template';

/** Editor of one document template: text, placeholders, save with version, PDF preview, reset. */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const { kind = '' } = useParams();
  const template = useTemplate(kind);
  const [generation, setGeneration] = useState(0);
  const title = template.data
    ? t('documentTemplates.editorTitle', { title: t(`documentTemplates.kind.${template.data.kind}`) })
    : t('documentTemplates.title');
  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to="/admin/templates">
          {t('documentTemplates.back')}
        </Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {template.isPending ? (
        <Loading />
      ) : template.isError ? (
        <ErrorAlert message={errorMessage(template.error, t)} />
      ) : (
        <TemplateForm
          key={generation}
          template={template.data}
          onReload={() => void template.refetch().then(() => setGeneration((g) => g + 1))}
        />
      )}
    </>
  );
}

function TemplateForm({ template, onReload }: { template: Template; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const readOnly = !can(me, 'template.update');
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [baseVersion, setBaseVersion] = useState(template.version);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const errors = useFormErrors(new Set(['title', 'body']));

  // The form keeps its own state; the cache follows what the server answered.
  const stored = (updated: Template) => {
    queryClient.setQueryData(templateKeys.one(template.kind), updated);
    void queryClient.invalidateQueries({ queryKey: templateKeys.all, exact: true });
  };

  const save = useMutation({
    mutationFn: () => saveTemplate(template.kind, { title, body, version: baseVersion }),
    onSuccess: (updated) => {
      setBaseVersion(updated.version);
      setNotice(t('documentTemplates.saved', { version: updated.version }));
      stored(updated);
    },
    onError: (err) => errors.showError(err),
  });

  const reset = useMutation({
    mutationFn: () => resetTemplate(template.kind, baseVersion),
    onSuccess: (fresh) => {
      setConfirmReset(false);
      setTitle(fresh.title);
      setBody(fresh.body);
      setBaseVersion(fresh.version);
      setNotice(t('documentTemplates.resetDone'));
      errors.clear();
      stored(fresh);
    },
    onError: (err) => {
      setConfirmReset(false);
      errors.showError(err);
    },
  });

  const [previewNotice, setPreviewNotice] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: () => previewTemplate(template.kind, { title: title.trim() || undefined, body }),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const win = window.open(url, '_blank');
      if (win) {
        win.opener = null;
        setPreviewNotice(null);
      } else {
        const a = document.createElement('a');
        a.href = url;
        a.download = `vorschau-${template.kind}.pdf`;
        a.click();
        setPreviewNotice(t('documentTemplates.previewDownloaded'));
      }
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    onError: (err) => errors.showError(err),
  });

  const insert = (text: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + text + body.slice(end));
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const checked = validate(ZDocumentTemplateUpdate, { title, body, version: baseVersion });
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    save.mutate();
  };

  const labels: Record<string, string> = { title: t('documentTemplates.fieldTitle'), body: t('documentTemplates.fieldBody') };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {errors.isConflict ? (
        <Alert variant="danger" ref={errors.summaryRef} focusable>
          <p className="kern-body">{t('documentTemplates.conflict')}</p>
          <Button variant="secondary" icon="autorenew" onClick={onReload}>
            {t('documentTemplates.reload')}
          </Button>
        </Alert>
      ) : (
        <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
      )}
      {readOnly && <p className="kern-body">{t('documentTemplates.readOnly')}</p>}
      <div className="template-editor">
        <fieldset className="plain-fieldset stack" disabled={readOnly}>
          <TextField
            id={fieldId(FORM, 'title')}
            label={t('documentTemplates.fieldTitle')}
            hint={t('documentTemplates.titleHint', { title: template.defaultTitle })}
            value={title}
            maxLength={200}
            error={errors.error('title')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextAreaField
            ref={textarea}
            id={fieldId(FORM, 'body')}
            label={t('documentTemplates.fieldBody')}
            hint={t('documentTemplates.bodyHint', { example: '{{provider.name}}', bold: '**wichtig**' })}
            className="template-editor__field"
            rows={28}
            spellCheck
            lang="de"
            value={body}
            error={errors.error('body')}
            onChange={(e) => setBody(e.target.value)}
          />
        </fieldset>
        <PlaceholderList placeholders={template.placeholders} onInsert={insert} disabled={readOnly} />
      </div>
      <p className="kern-hint">{t('documentTemplates.previewHint')}</p>
      {previewNotice && (
        <Alert variant="info">
          <p className="kern-body">{previewNotice}</p>
        </Alert>
      )}
      <div className="form-actions">
        {!readOnly && (
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{save.isPending ? t('common.saving') : t('documentTemplates.save')}</span>
          </button>
        )}
        <Button variant="secondary" icon="visibility" onClick={() => preview.mutate()} disabled={preview.isPending}>
          {preview.isPending ? t('documentTemplates.previewing') : t('documentTemplates.preview')}
        </Button>
        {!readOnly && baseVersion > 0 && (
          <Button variant="tertiary" onClick={() => setConfirmReset(true)}>
            {t('documentTemplates.reset')}
          </Button>
        )}
      </div>
      <Modal isOpen={confirmReset} onClose={() => setConfirmReset(false)} title={t('documentTemplates.resetTitle')}>
        <div className="stack">
          <p className="kern-body">{t('documentTemplates.resetText')}</p>
          <div className="form-actions">
            <Button variant="primary" onClick={() => reset.mutate()} disabled={reset.isPending}>
              {t('documentTemplates.resetConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      </Modal>
    </form>
  );
}
