// The quote of a drafted question, picked by selecting text in the document under the
// form: the button copies the selection into the quote field (the server still checks
// that it is in the document word for word). Without JavaScript the teacher pastes it.
(function () {
  "use strict";
  var button = document.querySelector("[data-quote-picker]");
  var field = document.getElementById("quote");
  var source = document.getElementById("document-text");
  if (!button || !field || !source) return;
  button.hidden = false;
  var picked = "";
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    var range = selection.getRangeAt(0);
    if (source.contains(range.commonAncestorContainer)) {
      picked = selection.toString().replace(/\s*\n\s*/g, " ").trim();
    }
  });
  button.addEventListener("click", function () {
    if (!picked) return;
    field.value = picked;
    field.focus();
  });
})();
