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
    // An Arabic keyboard types ١–٤ on the digit keys: the physical key (event.code)
    // still says which one was pressed.
    var code = /^(?:Digit|Numpad)([1-4])$/.exec(event.code || "");
    var key = code ? code[1] : event.key;
    var button = document.querySelector('.ratings button[data-key="' + key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
