/* Saved settings to <html> before first paint; see src/scripts/settings.ts */
(function (d) {
  d.setAttribute('data-font-size', 3);
  try {
    var t = localStorage.getItem('xf-theme'), n = parseInt(localStorage.getItem('xf-font-size'), 10);
    if (t == 'light' || t == 'dark') d.setAttribute('data-theme', t);
    if (n == n) d.setAttribute('data-font-size', Math.min(5, Math.max(1, n)));
  } catch (e) {}
})(document.documentElement);
