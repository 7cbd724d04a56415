/** The header's Lessons button and the list it opens: one card per lesson, saying what it teaches and how long it takes. */
import { HeaderButton } from '../controls/HeaderButton.tsx';
import { Modal } from '../controls/Modal.tsx';
import { useT } from '../client/useT.ts';
import { LESSONS } from './catalog.ts';
import { dispatchLesson, lessonStore, useLessonUi } from './lessonStore.ts';
import { usePick } from './usePick.ts';

function LessonListDialog() {
  const t = useT();
  const pick = usePick();
  return (
    <Modal title={t('lessons.listTitle')} testId="lesson-list" className="lesson-list-modal" onClose={() => lessonStore.setState({ listOpen: false })}>
      <p className="lesson-list-intro">{t('lessons.listIntro')}</p>
      <ol className="lesson-cards">
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id}>
            <button
              type="button"
              className="lesson-card"
              data-testid={`lesson-card-${lesson.id}`}
              data-autofocus={i === 0 ? true : undefined}
              onClick={() => dispatchLesson({ type: 'open', lessonId: lesson.id })}
            >
              <span className="lesson-card-title">
                {i + 1}. {pick(lesson.title)}
              </span>
              <span className="lesson-card-summary">{pick(lesson.summary)}</span>
              <span className="lesson-card-meta">
                {t('lessons.minutes', { n: lesson.minutes })} · {t('lessons.steps', { n: lesson.steps.length })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </Modal>
  );
}

export function LessonsButton() {
  const t = useT();
  const open = useLessonUi((s) => s.listOpen);
  return (
    <>
      <HeaderButton className="btn btn-primary" data-testid="btn-lessons" title={t('lessons.buttonTitle')} onClick={() => lessonStore.setState({ listOpen: true })}>
        {t('lessons.button')}
      </HeaderButton>
      {open ? <LessonListDialog /> : null}
    </>
  );
}
