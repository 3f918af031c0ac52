/*
 * Frame-busting for a static host that cannot send X-Frame-Options or CSP frame-ancestors (a meta
 * CSP cannot carry frame-ancestors): a page framed by another site hides itself and asks the top
 * window to load it instead. A file, not inline, because the page's CSP forbids inline scripts.
 */
(function () {
  if (window.top === window.self) return;
  try {
    if (window.top.location.origin === window.location.origin) return;
  } catch {
    // Another origin's window: reading its location throws.
  }
  document.documentElement.style.setProperty('display', 'none', 'important');
  try {
    window.top.location.replace(window.location.href);
  } catch {
    // A sandbox without top navigation: the page stays hidden.
  }
})();
