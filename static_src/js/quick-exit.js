// Quick exit: leave the site at once for a neutral page, and take this page out of the
// browser's history so that Back does not bring it back. Without JavaScript the control is a
// plain link to the same neutral page.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var ESCAPE_PRESSES_WITHIN_MS = 1000;
  var lastEscape = 0;

  function exit(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", exit);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < ESCAPE_PRESSES_WITHIN_MS) {
      exit(event);
    }
    lastEscape = now;
  });
})();
