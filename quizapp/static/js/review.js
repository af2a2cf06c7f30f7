// Keyboard shortcuts for review: Space reveals a flashcard, 1–4 rate, Enter takes the
// suggested rating. The page works without this script; it only adds the keys.
(function () {
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (event.key === " " || event.code === "Space") {
      var reveal = document.querySelector('[data-key="Space"]');
      if (reveal) { event.preventDefault(); reveal.click(); }
      return;
    }
    var button = document.querySelector('.ratings button[data-key="' + event.key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
