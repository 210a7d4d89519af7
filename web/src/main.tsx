import { render } from 'preact';
import { App } from './app.js';
import { loadConfig } from './config.js';
import { initialLanguage, startI18n } from './i18n/index.js';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  const language = initialLanguage();
  await Promise.all([loadConfig(), startI18n(language)]);
  render(<App initialLanguage={language} />, root);
}
