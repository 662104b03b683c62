// One-click sign-in: <dashboard>/signin#key=<secret>. A fragment never leaves the browser, so the key reaches the
// dashboard only in this form's POST body; the fragment is removed from the address bar and history first.
(function () {
  "use strict";
  var form = document.querySelector("form[data-signin-form]");
  var match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  if (!form || !match) {
    return;
  }

  var key;
  try {
    key = decodeURIComponent(match[1]);
  } catch (e) {
    key = match[1];
  }

  history.replaceState(null, "", window.location.pathname + window.location.search);
  var field = form.querySelector("input[name='Input.Key']");
  field.value = key;
  form.submit();
})();
