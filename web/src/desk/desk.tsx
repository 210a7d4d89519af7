/**
 * The officials' and the Agency's desk (a chunk of its own): sign-in, the queue, a complaint with
 * the actions the API allows its reader, paper filing, and the Agency's statistics.
 */

import { useEffect, useState } from 'preact/hooks';
import { lazy, Route, Router, useLocation } from 'preact-iso';
import { bodies, type Body } from '../bodies.js';
import { Alert, problemText } from '../components.js';
import { useI18n } from '../i18n/index.js';
import { completeSignIn, currentSession, signIn, signOut, type Session } from './auth.js';
import { ComplaintPage } from './complaint-page.js';
import { PaperPage } from './paper.js';
import { QueuePage } from './queue.js';
import { SessionContext } from './session.js';

const StatisticsPage = lazy(() =>
  import('./statistics.js').then((module) => module.StatisticsPage),
);

function Callback() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    completeSignIn().then(
      (next) => {
        route(next, true);
      },
      (error: unknown) => {
        setFailure(error instanceof Error ? error.message : problemText(error, t));
      },
    );
  }, []);
  return failure ? <Alert>{failure}</Alert> : <p role="status">{t('app.loading')}</p>;
}

/** Whose desk this is: the signed-in official's body, by name. */
function SignedInBody({ bodyId }: { bodyId: string }) {
  const { language } = useI18n();
  const [body, setBody] = useState<Body | undefined>();
  useEffect(() => {
    void bodies().then((all) => {
      setBody(all.find((candidate) => candidate.id === bodyId));
    });
  }, [bodyId]);
  return <strong>{body ? body.name[language] : bodyId}</strong>;
}

function SignIn() {
  const { t } = useI18n();
  const { url } = useLocation();
  return (
    <>
      <h1>{t('app.desk')}</h1>
      <p>{t('desk.signInText')}</p>
      <button
        type="button"
        class="primary desk-sign-in"
        onClick={() => {
          void signIn(url);
        }}
      >
        {t('desk.signIn')}
      </button>
    </>
  );
}

export function DeskRoutes() {
  const { t } = useI18n();
  const { path } = useLocation();
  // Read on every render: the callback stores it, then routes here.
  const session: Session | undefined = currentSession();
  if (path === '/desk/callback') return <Callback />;
  if (!session) return <SignIn />;
  return (
    <>
      <nav class="desk-nav no-print" aria-label={t('app.desk')}>
        <a href="/desk">{t('desk.queue')}</a>
        <a href="/desk/paper">{t('desk.paper')}</a>
        <a href="/desk/statistics">{t('desk.statistics')}</a>
        <span class="signed-in">
          {t('desk.signedInAs')} <SignedInBody bodyId={session.bodyId} />
        </span>
        <button
          type="button"
          onClick={() => {
            void signOut();
          }}
        >
          {t('app.signOut')}
        </button>
      </nav>
      <SessionContext.Provider value={session}>
        <Router>
          <Route path="/" component={QueuePage} />
          <Route path="/complaints/:id" component={ComplaintPage} />
          <Route path="/paper" component={PaperPage} />
          <Route path="/statistics" component={StatisticsPage} />
        </Router>
      </SessionContext.Provider>
    </>
  );
}
