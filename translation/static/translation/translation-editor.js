// wagtail-localize's translation editor (1.14) heads its segments with "English to Arabic
// translation" built in English whatever the admin language; the site's own translation of that
// label, in the admin's language, is given by the script tag (translation/wagtail_hooks.py).
(function () {
  "use strict";

  // Read while this script runs; the editor's element comes later in the page.
  const script = document.currentScript;
  const format = script && script.dataset.translationLabel;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(format));
  } else {
    start(format);
  }

  function start(format) {
    const editor = document.querySelector(".js-translation-editor[data-props]");
    if (!editor || !format) {
      return;
    }
    const props = JSON.parse(editor.dataset.props);
    const source = props.sourceLocale.displayName;
    const target = props.locale.displayName;
    const english = `${source} to ${target} translation`;
    const label = format.replace("%(source)s", source).replace("%(target)s", target);
    if (label === english) {
      return; // an English admin: nothing to change (and relabelling would observe itself forever)
    }

    function relabel() {
      editor.querySelectorAll("h3").forEach((heading) => {
        if (heading.textContent === english) {
          heading.textContent = label;
        }
      });
    }

    // The editor is drawn by React after this script runs, and again when a tab opens.
    new MutationObserver(relabel).observe(editor, { childList: true, subtree: true });
    relabel();
  }
})();
