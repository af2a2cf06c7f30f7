// Copy buttons beside the class code and the invite link. Without JavaScript the buttons
// stay hidden and the text is selected by hand (the code selects whole in one click).
(function () {
  function textOf(target) {
    return target.value !== undefined ? target.value : target.textContent.trim();
  }

  function selectText(target) {
    if (target.select) { target.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied(button) {
    var status = button.nextElementSibling;
    if (status && status.classList.contains("copy-status")) {
      status.textContent = button.dataset.copied;
      clearTimeout(button.copyTimer);
      button.copyTimer = setTimeout(function () { status.textContent = ""; }, 4000);
    }
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.dataset.copy);
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = textOf(target);
      // The clipboard API needs a secure context (HTTPS or this machine); otherwise the
      // text is selected and copied the old way.
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); },
          function () { selectText(target); if (document.execCommand("copy")) copied(button); });
      } else {
        selectText(target);
        if (document.execCommand("copy")) copied(button);
      }
    });
  });
})();
