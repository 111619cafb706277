import { Fragment } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HouseholdMatch } from './queries';

export type MatchChoice = { kind: 'link'; householdId: string; newCase?: boolean } | { kind: 'new' } | null;

interface Props {
  matches: HouseholdMatch[];
  choice: MatchChoice;
  error?: string;
  onChoose: (choice: MatchChoice) => void;
}

/**
 * The household matching step: every possible match with why it matched, and "create a new
 * household" as an explicit alternative – nothing is linked or created without the user's choice.
 */
export function HouseholdMatchStep({ matches, choice, error, onChoose }: Props) {
  const { t } = useTranslation();
  const errorId = 'notice-householdId-error';
  return (
    <fieldset
      className={`kern-fieldset match-step${error ? ' kern-fieldset--error' : ''}`}
      id="notice-householdId"
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="kern-label match-step__legend">{t('prevention.match.legend')}</legend>
      <p className="kern-body">
        {matches.length > 0 ? t('prevention.match.intro', { count: matches.length }) : t('prevention.match.none')}
      </p>
      {error && (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
      <div className="kern-fieldset__body match-list">
        {matches.map((m) => {
          const inputId = `match-${m.householdId}`;
          const chosen = choice?.kind === 'link' && choice.householdId === m.householdId;
          return (
            <Fragment key={m.householdId}>
              <div className="kern-form-check match-option">
                <input
                  type="radio"
                  className="kern-form-check__radio"
                  id={inputId}
                  name="household-choice"
                  checked={chosen}
                  aria-describedby={`${inputId}-hint`}
                  onChange={() => onChoose({ kind: 'link', householdId: m.householdId })}
                />
                <label className="kern-label" htmlFor={inputId}>
                  {t('prevention.match.link', { name: m.name, reference: m.reference })}
                </label>
                <div className="kern-hint checkbox-hint" id={`${inputId}-hint`}>
                  {[
                    t('prevention.match.persons', { count: m.persons }),
                    t(`situation.${m.situation as 'at_risk'}`, { defaultValue: m.situation }),
                    m.reasons.map((r) => t(`prevention.match.reason.${r}`)).join(', '),
                  ].join(' · ')}
                  {m.openCaseId && (
                    <>
                      {' · '}
                      <Link className="kern-link" to={`/prevention/cases/${m.openCaseId}`}>
                        {t('prevention.match.openCase')}
                      </Link>
                    </>
                  )}
                </div>
              </div>
              {chosen && m.openCaseId && (
                <div className="match-open-case">
                  <p className="kern-body" id={`${inputId}-open`}>
                    {t('prevention.match.joinsOpenCase')}
                  </p>
                  <div className="kern-form-check">
                    <input
                      type="checkbox"
                      className="kern-form-check__checkbox"
                      id={`${inputId}-newcase`}
                      checked={!!choice.newCase}
                      onChange={(e) => onChoose({ kind: 'link', householdId: m.householdId, newCase: e.target.checked })}
                    />
                    <label className="kern-label" htmlFor={`${inputId}-newcase`}>
                      {t('prevention.match.newCase')}
                    </label>
                  </div>
                </div>
              )}
            </Fragment>
          );
        })}
        <div className="kern-form-check match-option">
          <input
            type="radio"
            className="kern-form-check__radio"
            id="match-new"
            name="household-choice"
            checked={choice?.kind === 'new'}
            onChange={() => onChoose({ kind: 'new' })}
          />
          <label className="kern-label" htmlFor="match-new">
            {matches.length > 0 ? t('prevention.match.newAnyway') : t('prevention.match.new')}
          </label>
        </div>
      </div>
    </fieldset>
  );
}
