/** What is wrong with the table for the chosen columns (errors first), each with the remedies that fix it. */
import { useT } from '../../client/useT.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { CsvIssue, CsvRemedy } from '../../tasks/csv/validate.ts';
import { csvText, type FlowMessage } from './csvFlow.ts';

const REMEDY_LABEL: Record<CsvRemedy, MessageKey> = {
  dropRows: 'csv.remedy.dropRows',
  interpolate: 'csv.remedy.interpolate',
  sortByDate: 'csv.remedy.sortByDate',
};

export function CsvIssues(props: { issues: readonly CsvIssue[]; notes: readonly FlowMessage[]; canSort: boolean; onRemedy: (r: CsvRemedy) => void }) {
  const t = useT();
  if (props.issues.length === 0 && props.notes.length === 0) {
    return (
      <p className="csv-ok" data-testid="csv-ok">
        ✓ {t('csvUi.allGood')}
      </p>
    );
  }
  return (
    <div className="csv-issues">
      {props.notes.length > 0 ? (
        <ul className="csv-notes" data-testid="csv-notes">
          {props.notes.map((n, k) => (
            <li key={k}>✓ {t(n.key, n.params)}</li>
          ))}
        </ul>
      ) : null}
      {props.issues.length > 0 ? (
        <ul className="csv-issue-list" data-testid="csv-issues">
          {props.issues.map((issue, k) => (
            <li key={k} className={`csv-issue csv-issue-${issue.severity}`} data-testid="csv-issue" data-key={issue.key} data-severity={issue.severity}>
              <span className="csv-issue-icon" aria-hidden="true">
                {issue.severity === 'error' ? '✕' : 'ⓘ'}
              </span>
              <span className="visually-hidden">{t(issue.severity === 'error' ? 'csvUi.error' : 'csvUi.warning')}: </span>
              <span className="csv-issue-text">{t(csvText(issue).key, issue.params)}</span>
              {issue.remedies
                .filter((r) => r !== 'sortByDate' || props.canSort)
                .map((r) => (
                  <button key={r} type="button" className="btn btn-small" data-testid={`csv-remedy-${r}`} onClick={() => props.onRemedy(r)}>
                    {t(REMEDY_LABEL[r])}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
