/* global localStorage, window, document */
// Sets the theme before the app loads, so a dark-mode user never sees a white flash. Mirrors Mantine's
// localStorage colour-scheme manager (key `tandem.color-scheme`: light, dark or auto).
(function () {
  var value = 'auto';
  try {
    value = localStorage.getItem('tandem.color-scheme') || 'auto';
  } catch {
    // storage blocked: follow the system
  }
  if (value !== 'light' && value !== 'dark') {
    value = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', value);
})();
