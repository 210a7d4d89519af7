import { render } from 'preact';
import { App } from './app.js';
import { loadConfig } from './config.js';
import { initialLanguage, startI18n } from './i18n/index.js';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  const language = initialLanguage();
  // The texts are in the bundle: the page renders at once; API calls wait for the config.
  startI18n(language);
  void loadConfig();
  render(<App initialLanguage={language} />, root);
}
