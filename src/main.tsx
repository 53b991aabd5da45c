import { render } from 'preact';
import { App } from './app/App';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  await initI18n();
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

void boot();
