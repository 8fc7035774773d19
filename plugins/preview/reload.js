// Served by the preview only (`invoke serve`), never published: reloads the
// page once the preview has built the site again, or when a build failed or
// got fixed. A file of the preview's own origin, which the page's
// Content-Security-Policy (script-src 'self', connect-src 'self') allows.
(function () {
  "use strict";
  var shown = document.currentScript.dataset.generation;
  function check() {
    fetch("/__preview__/generation", { cache: "no-store" })
      .then(function (reply) { return reply.text(); })
      .then(function (generation) {
        if (generation !== shown) {
          window.location.reload();
        } else {
          window.setTimeout(check, 250);
        }
      }, function () {
        // The preview is restarting, or was stopped: ask again a bit later.
        window.setTimeout(check, 1000);
      });
  }
  window.setTimeout(check, 250);
})();
