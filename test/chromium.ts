// The Chromium every browser test drives: Debian's, started the way this closed network needs
// (DESIGN §6) — without the background-networking flags it keeps dialling Google's hosts.
export const CHROMIUM = process.env.MUHARRIR_E2E_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
