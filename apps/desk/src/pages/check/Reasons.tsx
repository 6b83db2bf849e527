import { useTranslation } from 'react-i18next';
import type { Reason } from '../../api/types.js';
import { showDate } from '../../format.js';
import { fixFor, type CheckForm } from './check-form.js';

type Fix = ReturnType<typeof fixFor>;
const APPLICABLE = ['drop-variables', 'drop-years', 'subjects', 'wait', 'access'];

/** What would make the release pass, in words, with the values the fix names. */
function useFixText() {
  const { t, i18n } = useTranslation();
  return (fix: Fix) =>
    t(`fixes.${fix.kind}`, {
      variables: 'variables' in fix ? fix.variables.join(', ') : '',
      years: 'years' in fix ? fix.years.join(', ') : '',
      max: 'max' in fix ? fix.max.toLocaleString(i18n.language) : '',
      date: 'until' in fix ? showDate(fix.until) : '',
      access: 'access' in fix ? t(`access.${fix.access}`) : '',
      missing:
        'missing' in fix
          ? fix.missing.map((m) => `${m.party} (${t(`commitmentKinds.${m.kind}`, { defaultValue: m.kind })})`).join(', ')
          : '',
    });
}

/** Every reason of a refusal: what, its clause, the server's message, and a button that applies the fix. */
export function Reasons({ reasons, onFix }: { reasons: Reason[]; onFix: (fix: Fix) => void }) {
  const { t } = useTranslation();
  const fixText = useFixText();
  return (
    <ol className="reasons">
      {reasons.map((reason, i) => {
        const fix = fixFor(reason);
        return (
          <li key={i}>
            <strong>{t(`reasons.${reason.code}`, { defaultValue: reason.code })}</strong>{' '}
            <span className="clause">{reason.clause ? t('check.clause', { clause: reason.clause }) : ''}</span>
            <p>{reason.message}</p>
            <p className="fix">
              {fixText(fix)}
              {APPLICABLE.includes(fix.kind) && (
                <button type="button" className="small" onClick={() => onFix(fix)}>
                  {t(`fixButtons.${fix.kind}`)}
                </button>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

export type { CheckForm, Fix };
