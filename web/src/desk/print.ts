import { send } from '../api.js';

/**
 * Opens the API's printable letter or coupon (its own A4/A5 page styles) in a window of its own
 * and prints it. The document is fetched with the official's token, so it travels in a header,
 * never in an address.
 */
export async function printDocument(path: string, bearer: string): Promise<void> {
  const response = await send(path, { bearer, accept: 'text/html' });
  const html = await response.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const view = window.open(url, '_blank');
  if (!view) return;
  view.addEventListener('load', () => {
    view.print();
    URL.revokeObjectURL(url);
  });
}
