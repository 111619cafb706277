import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { CandidateCard, type CandidateDialog } from './CandidateCard';
import { useOfferPage } from './context';
import { DecisionDialog } from './DecisionDialog';
import { isPortalCandidate, useCandidates, type Candidate } from './queries';
import { ReasonDialog } from './ReasonDialog';
import { TalkDialog } from './TalkDialog';
import { TextDialog } from './TextDialog';
import { ViewingDialog } from './ViewingDialog';

/** The office's shortlist of the current round with every candidate step the user may take. */
export function ShortlistSection() {
  const { t } = useTranslation();
  const { offer } = useOfferPage();
  const list = useCandidates(offer.id);
  const [dialog, setDialog] = useState<CandidateDialog | null>(null);
  const candidates = (list.data?.items ?? []).filter((c): c is Candidate => !isPortalCandidate(c));

  return (
    <Section id="offer-shortlist" title={t('placement.shortlist.title', { round: offer.round })}>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : candidates.length === 0 ? (
        <p className="kern-body">{t('placement.shortlist.empty')}</p>
      ) : (
        <ul className="candidate-list">
          {candidates.map((c) => (
            <li key={c.id}>
              <CandidateCard candidate={c} onDialog={setDialog} />
            </li>
          ))}
        </ul>
      )}
      {dialog && <CandidateDialogs dialog={dialog} onClose={() => setDialog(null)} />}
    </Section>
  );
}

function CandidateDialogs({ dialog, onClose }: { dialog: CandidateDialog; onClose: () => void }) {
  const { t } = useTranslation();
  const { notify } = useOfferPage();
  const c = dialog.candidate;
  const pseudonym = c.pseudonym;
  const done = (message: string) => () => {
    onClose();
    notify(message);
  };
  switch (dialog.kind) {
    case 'scheduleViewing':
      return <ViewingDialog candidateId={c.id} pseudonym={pseudonym} onClose={onClose} />;
    case 'updateViewing':
      return <ViewingDialog candidateId={c.id} pseudonym={pseudonym} viewing={dialog.viewing} onClose={onClose} />;
    case 'cancelViewing':
      return (
        <TextDialog
          formId="viewing-cancel"
          noField
          title={t('placement.shortlist.cancelViewingTitle')}
          intro={t('placement.shortlist.cancelViewingConfirm', { start: formatDateTime(dialog.viewing.startsAt) })}
          label=""
          submitLabel={t('placement.shortlist.actions.cancelViewing')}
          run={() =>
            ok(
              api.POST('/viewings/{id}/cancel', { params: { path: { id: dialog.viewing.id } }, body: { version: dialog.viewing.version } }),
            )
          }
          onDone={done(t('placement.viewing.saved'))}
          onClose={onClose}
        />
      );
    case 'recordViewing':
      return (
        <TextDialog
          formId="viewing-outcome"
          title={t('placement.viewing.outcomeTitle')}
          label={t('placement.viewing.outcome')}
          hint={t('placement.viewing.outcomeHint')}
          submitLabel={t('placement.shortlist.actions.recordViewing')}
          run={(outcome) =>
            ok(
              api.POST('/viewings/{id}/outcome', {
                params: { path: { id: dialog.viewing.id } },
                body: { outcome, version: dialog.viewing.version },
              }),
            )
          }
          onDone={done(t('placement.viewing.saved'))}
          onClose={onClose}
        />
      );
    case 'accept':
    case 'refuse':
      return <DecisionDialog candidateId={c.id} pseudonym={pseudonym} decision={dialog.kind} onClose={onClose} />;
    case 'talk':
      return <TalkDialog candidateId={c.id} pseudonym={pseudonym} onClose={onClose} />;
    case 'withdraw':
      return (
        <ReasonDialog
          isOpen
          onClose={onClose}
          formId="candidate-withdraw"
          title={t('placement.shortlist.withdrawTitle', { pseudonym })}
          label={t('placement.shortlist.reason')}
          submitLabel={t('placement.shortlist.actions.withdraw')}
          run={(reason) => ok(api.POST('/candidates/{id}/withdraw', { params: { path: { id: c.id } }, body: { reason } }))}
          onDone={done(t('placement.detail.done'))}
        />
      );
    case 'allocate':
      return (
        <TextDialog
          formId="candidate-allocate"
          optional
          title={t('placement.shortlist.allocateTitle', { pseudonym })}
          intro={t('placement.shortlist.allocateConfirm', { pseudonym })}
          label={t('placement.shortlist.allocateNote')}
          maxLength={2000}
          submitLabel={t('placement.shortlist.actions.allocate')}
          run={(note) => ok(api.POST('/candidates/{id}/allocate', { params: { path: { id: c.id } }, body: { note: note || null } }))}
          onDone={done(t('placement.shortlist.allocated'))}
          onClose={onClose}
        />
      );
  }
}
