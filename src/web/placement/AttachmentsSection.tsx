import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorAlert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { useOfferPage } from './context';
import { attachmentUrl, type Offer } from './queries';
import { uploadOfferAttachment } from './upload';

type Attachment = Offer['attachments'][number];
const MAX_BYTES = 10 * 1024 * 1024;

/** Photos as thumbnails, other files as links; upload and removal while the offer allows it. */
export function AttachmentsSection() {
  const { t } = useTranslation();
  const { offer, refresh, notify } = useOfferPage();
  const canAttach = offer.actions.includes('attach');
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const remove = useMutation({
    mutationFn: (a: Attachment) => ok(api.DELETE('/offers/{id}/attachments/{subId}', { params: { path: { id: offer.id, subId: a.id } } })),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
      notify(t('placement.attachments.removed'));
    },
  });

  return (
    <Section id="offer-attachments" title={t('placement.attachments.title')}>
      {offer.attachments.length === 0 ? (
        <p className="kern-body">{t('placement.attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {offer.attachments.map((a) => (
            <li key={a.id} className="attachment">
              <a className="kern-link attachment__link" href={attachmentUrl(offer.id, a.id)} target="_blank" rel="noreferrer">
                {a.contentType.startsWith('image/') ? (
                  <img
                    className="attachment__thumb"
                    src={attachmentUrl(offer.id, a.id)}
                    alt={t('placement.attachments.photo', { name: a.filename })}
                    loading="lazy"
                  />
                ) : (
                  <span className="kern-icon kern-icon--draft kern-icon--large" aria-hidden="true" />
                )}
                <span className="attachment__name">{a.filename}</span>
              </a>
              {canAttach && (
                <button type="button" className="kern-btn kern-btn--tertiary attachment__remove" onClick={() => setRemoving(a)}>
                  <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                  <span className="visually-hidden">{t('placement.attachments.remove', { name: a.filename })}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAttach && <UploadForm />}
      <Modal isOpen={!!removing} onClose={() => setRemoving(null)} title={t('placement.attachments.removeTitle')}>
        <div className="stack">
          <p className="kern-body">{t('placement.attachments.removeConfirm', { name: removing?.filename ?? '' })}</p>
          {remove.error ? <ErrorAlert message={errorMessage(remove.error, t)} /> : null}
          <div className="form-actions">
            <Button icon="delete" onClick={() => removing && remove.mutate(removing)} disabled={remove.isPending}>
              {t('placement.attachments.removeTitle')}
            </Button>
            <Button variant="tertiary" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      </Modal>
    </Section>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const { offer, refresh, notify } = useOfferPage();
  const input = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadOfferAttachment(offer.id, file),
    onSuccess: async () => {
      if (input.current) input.current.value = '';
      await refresh();
      notify(t('placement.attachments.uploaded'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setFieldError(!file ? t('placement.attachments.noFile') : file.size > MAX_BYTES ? t('placement.attachments.tooBig') : null);
    if (file && file.size <= MAX_BYTES) upload.mutate(file);
  };
  const serverError = upload.error ? errorMessage(upload.error, t) : null;
  const error = fieldError ?? serverError;
  return (
    <form className="upload-form" onSubmit={submit} noValidate>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="offer-attachment-file">
          {t('placement.attachments.file')}
        </label>
        {error && (
          <p className="kern-error" id="offer-attachment-file-error">
            <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
            <span className="kern-body">{error}</span>
          </p>
        )}
        <input
          ref={input}
          id="offer-attachment-file"
          type="file"
          className="kern-form-input__input"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'offer-attachment-file-error' : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" icon="drive-folder-upload" disabled={upload.isPending}>
        {upload.isPending ? t('placement.attachments.uploading') : t('placement.attachments.upload')}
      </Button>
    </form>
  );
}
