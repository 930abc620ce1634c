// A refused step comes back from its POST address; the address bar shows the cooperation's page
// at the step instead, so reloading reads the page again rather than posting the step twice.
(function () {
  "use strict";
  var marker = document.querySelector("[data-ksd-page-url]");
  if (marker && window.history && window.history.replaceState) {
    window.history.replaceState(null, "", marker.getAttribute("data-ksd-page-url"));
  }
})();
