// wagtail-localize's translation editor (1.14) heads its segments with "English to Arabic
// translation" built in English whatever the admin language; the site's own translation of that
// label, in the admin's language, is given by the script tag (translation/wagtail_hooks.py).
(function () {
  "use strict";

  const script = document.currentScript;
  const editor = document.querySelector(".js-translation-editor[data-props]");
  const format = script && script.dataset.translationLabel;
  if (!editor || !format) {
    return;
  }
  const props = JSON.parse(editor.dataset.props);
  const source = props.sourceLocale.displayName;
  const target = props.locale.displayName;
  const english = `${source} to ${target} translation`;
  const label = format.replace("%(source)s", source).replace("%(target)s", target);

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
})();
