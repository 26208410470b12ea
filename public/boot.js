// Starts the Praxis WebAssembly app. It is a file rather than Trunk's
// usual inline script so that the Content-Security-Policy in index.html
// can forbid inline script outright. Trunk fills in the hashed file names
// through Trunk.toml's `pattern_script`.
const boot = document.getElementById('praxis-boot');
try {
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: boot.dataset.wasm });
} catch (error) {
  document.getElementById('boot-error').hidden = false;
  throw error;
}
