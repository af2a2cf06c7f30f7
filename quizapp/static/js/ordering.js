// Ordering questions: drag and drop, and Move up / Move down buttons for the keyboard,
// over the numbered selects that work without JavaScript. Moving an item renumbers
// every select to the list's order; a tie typed into the selects is flagged at once
// and stops the form from being sent (the server also grades tied items wrong).
(function () {
  if (window.orderingEnhanced) return;  // the partial may appear more than once a page
  window.orderingEnhanced = true;

  function items(list) {
    return Array.prototype.filter.call(list.children, function (el) {
      return el.tagName === "LI";
    });
  }

  function renumber(list) {
    items(list).forEach(function (item, index) {
      item.querySelector("select").value = String(index + 1);
    });
    checkTies(list);
  }

  function warningFor(list) {
    var next = list.nextElementSibling;
    return next && next.classList.contains("ordering-warning") ? next : null;
  }

  function checkTies(list) {
    var seen = {}, tied = [];
    items(list).forEach(function (item) {
      var select = item.querySelector("select");
      select.removeAttribute("aria-invalid");
      if (!select.value) return;
      if (seen[select.value]) tied.push(seen[select.value], select);
      else seen[select.value] = select;
    });
    tied.forEach(function (select) { select.setAttribute("aria-invalid", "true"); });
    var warning = warningFor(list);
    if (warning) {
      warning.textContent = tied.length ? list.dataset.tie : "";
      warning.hidden = !tied.length;
    }
    return tied;
  }

  function move(list, item, step) {
    var all = items(list), index = all.indexOf(item), target = all[index + step];
    if (!target) return;
    list.insertBefore(item, step < 0 ? target : target.nextSibling);
    renumber(list);
  }

  function button(label, text, name, onClick) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = "button small ordering-move " + name;
    el.textContent = text;
    el.setAttribute("aria-label", label);
    el.addEventListener("click", onClick);
    return el;
  }

  function enhance(list) {
    list.classList.add("is-enhanced");
    var hint = document.createElement("p");
    hint.className = "help";
    hint.textContent = list.dataset.hint;
    list.parentNode.insertBefore(hint, list);
    var dragged = null;
    items(list).forEach(function (item) {
      var name = item.querySelector("label").textContent.trim();
      var controls = document.createElement("span");
      controls.className = "ordering-controls";
      var up = button(list.dataset.moveUp + ": " + name, "↑", "move-up", function () {
        move(list, item, -1); up.focus();
      });
      var down = button(list.dataset.moveDown + ": " + name, "↓", "move-down", function () {
        move(list, item, 1); down.focus();
      });
      controls.appendChild(up);
      controls.appendChild(down);
      item.appendChild(controls);
      item.draggable = true;
      item.addEventListener("dragstart", function (event) {
        dragged = item;
        item.classList.add("is-dragged");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", name);
      });
      item.addEventListener("dragend", function () {
        item.classList.remove("is-dragged");
        dragged = null;
      });
      item.addEventListener("dragover", function (event) {
        if (!dragged || dragged === item) return;
        event.preventDefault();
        var box = item.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener("drop", function (event) {
        event.preventDefault();
        renumber(list);
      });
      item.querySelector("select").addEventListener("change", function () {
        checkTies(list);
      });
    });
    var form = list.closest("form");
    if (form) {
      form.addEventListener("submit", function (event) {
        var tied = checkTies(list);
        if (tied.length) {
          event.preventDefault();
          tied[0].focus();
        }
      });
    }
  }

  function start() {
    document.querySelectorAll("ol[data-ordering]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
