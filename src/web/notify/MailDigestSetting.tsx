import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { ErrorAlert } from '../components/Alert';
import { SwitchField } from '../components/SwitchField';
import { errorMessage } from '../i18n/errors';

const KEY = ['me-settings'] as const;

/** The user's own choice of the daily mail digest (off by default); saved as soon as it is switched. */
export function MailDigestSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<boolean | null>(null);
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => ok(api.GET('/me/settings', { signal })) });
  const save = useMutation({
    mutationFn: (mailDigest: boolean) => ok(api.PUT('/me/settings', { body: { mailDigest } })),
    onSuccess: (res) => {
      queryClient.setQueryData(KEY, res);
      setSaved(res.mailDigest);
    },
  });

  return (
    <section className="stack" aria-labelledby="digest-title">
      <h2 id="digest-title" className="kern-heading-medium">
        {t('digest.title')}
      </h2>
      {settings.isError && <ErrorAlert message={errorMessage(settings.error, t)} />}
      {save.isError && <ErrorAlert message={errorMessage(save.error, t)} />}
      {settings.data && (
        <>
          <SwitchField
            label={t('digest.label')}
            isSelected={save.isPending ? (save.variables ?? settings.data.mailDigest) : settings.data.mailDigest}
            onChange={(v) => save.mutate(v)}
          />
          <p className="kern-body kern-body--small">{t('digest.hint')}</p>
        </>
      )}
      <p className="kern-body" role="status">
        {saved === null ? '' : saved ? t('digest.savedOn') : t('digest.savedOff')}
      </p>
    </section>
  );
}
