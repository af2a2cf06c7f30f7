// Follows a running job: swaps in its status every few seconds until it has finished.
// Without JavaScript the page reloads itself instead (a <noscript> refresh).
(function () {
  "use strict";
  var box = document.getElementById("job-status");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");
  var every = 1000 * (parseInt(box.getAttribute("data-refresh"), 10) || 2);
  function finished() {
    var status = box.querySelector("[data-state]");
    var state = status && status.getAttribute("data-state");
    return state === "done" || state === "failed";
  }
  function look() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) { box.innerHTML = html; }
        if (!finished()) { setTimeout(look, every); }
      })
      .catch(function () { setTimeout(look, every * 2); });
  }
  if (!finished()) { setTimeout(look, every); }
})();
