import { useI18n } from '../i18n/index.js';

export function HomePage() {
  const { t } = useI18n();
  const cards = [
    ['/file', t('app.file'), t('home.fileText')],
    ['/follow', t('app.follow'), t('home.followText')],
    ['/desk', t('app.desk'), t('home.deskText')],
  ] as const;
  return (
    <>
      <h1>{t('app.title')}</h1>
      <ul class="cards">
        {cards.map(([href, title, text]) => (
          <li key={href} class="card">
            <h2>
              <a href={href}>{title}</a>
            </h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
