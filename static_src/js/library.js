// The resource library without full reloads: the filter form and the page links fetch the same
// address the browser would load, and the filters and results are replaced by the answer's.
// The address bar keeps the whole state (Back and Forward work), focus moves to the results'
// heading and the number of results is announced. Without JavaScript, the form and links work
// as they are.
(function () {
  "use strict";
  var root = document.querySelector("[data-library]");
  if (!root || !window.fetch || !window.history.pushState || !window.DOMParser) {
    return;
  }
  var pending = null;

  function formAddress(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function replaceFrom(html) {
    var found = new DOMParser().parseFromString(html, "text/html");
    var fresh = found.querySelector("[data-library]");
    if (!fresh) {
      return false;
    }
    root.innerHTML = fresh.innerHTML;
    document.title = found.title;
    var heading = root.querySelector("#library-results-heading");
    var status = root.querySelector("[data-library-status]");
    if (heading) {
      heading.focus();
      if (status) {
        status.textContent = heading.textContent;
      }
    }
    return true;
  }

  function load(address, push) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var results = root.querySelector("[data-library-results]");
    if (results) {
      results.setAttribute("aria-busy", "true");
    }
    fetch(address, { signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        if (push) {
          window.history.pushState({ library: true }, "", address);
        }
        if (!replaceFrom(html)) {
          window.location.assign(address);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(address);
        }
      });
  }

  root.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-library-form]");
    if (form) {
      event.preventDefault();
      load(formAddress(form), true);
    }
  });
  root.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a, [data-library-link]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    load(link.href, true);
  });
  window.addEventListener("popstate", function () {
    load(window.location.href, false);
  });
  // The entry the page was loaded with, so that coming Back to it restores it too.
  window.history.replaceState({ library: true }, "", window.location.href);
})();
