// Starts the Praxis WebAssembly app. It is a file rather than Trunk's
// usual inline script so that the Content-Security-Policy in index.html
// can forbid inline script outright. Trunk fills in the hashed file names
// through Trunk.toml's `pattern_script`; release builds also name the
// service worker (scripts/service-worker.mjs).
const boot = document.getElementById('praxis-boot');

// A bug that stops the app after it has started (a Rust panic, or any
// WebAssembly trap) leaves a page that looks alive but no longer saves.
// Say so plainly: every save that was reported is already on disk.
const stopped = (error) => error instanceof WebAssembly.RuntimeError || /unreachable|panicked at/.test(String(error?.message ?? error));
// A banner with a sentence and one button: the update offer and the
// stopped-app notice are both built here.
const showBanner = ({ id, role, message, label, onClick, where }) => {
  if (document.getElementById(id)) return null;
  const banner = document.createElement('div');
  banner.id = id;
  banner.className = id;
  banner.setAttribute('role', role);
  const text = document.createElement('p');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  banner.append(text, button);
  document.body[where](banner);
  return button;
};
const showStopped = () => showBanner({
  id: 'stopped-banner',
  role: 'alert',
  message: 'Praxis stopped working because of a fault in the app. Reload the page to carry on: nothing that Praxis said was saved has been lost. Anything you were typing and had not saved may be lost, so copy it first.',
  label: 'Reload Praxis',
  onClick: () => window.location.reload(),
  where: 'prepend',
})?.focus();
window.addEventListener('error', (event) => { if (stopped(event.error ?? event.message)) showStopped(); });
window.addEventListener('unhandledrejection', (event) => { if (stopped(event.reason)) showStopped(); });

try {
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: boot.dataset.wasm });
} catch (error) {
  document.getElementById('boot-error').hidden = false;
  throw error;
}

if (boot.dataset.sw && 'serviceWorker' in navigator) {
  let reloadChosen = false;
  // A new version takes over only when the learner says so, so nothing
  // they are typing is thrown away by an update.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadChosen) window.location.reload();
  });
  const offerUpdate = (worker) => showBanner({
    id: 'update-banner',
    role: 'status',
    message: 'A new version of Praxis is ready. Save anything you are writing, then reload when you are ready.',
    label: 'Reload with the new version',
    onClick: () => {
      reloadChosen = true;
      worker.postMessage('skip-waiting');
    },
    where: 'append',
  });
  // Where service workers are refused (private windows in some browsers) or
  // blocked (some privacy settings and test browsers give back nothing), the
  // app still works; it is only not kept for offline use.
  navigator.serviceWorker.register(boot.dataset.sw).then((registration) => {
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
  }, () => {});
}
