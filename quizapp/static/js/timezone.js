// Pre-select the browser's time zone on the registration form (the form works without it).
// A browser may report an old name of the zone ("Asia/Calcutta"); the list has the
// current one, found through the select's data-aliases.
(function () {
  var select = document.getElementById("timezone");
  if (!select || select.value !== "UTC") return;
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var aliases = JSON.parse(select.getAttribute("data-aliases") || "{}");
    var has = function (name) {
      return name && select.querySelector('option[value="' + name + '"]');
    };
    if (!has(zone)) zone = aliases[zone];
    if (has(zone)) select.value = zone;
  } catch (e) { /* keep the default */ }
})();
