// Pre-select the browser's time zone on the registration form (the form works without it).
(function () {
  var select = document.getElementById("timezone");
  if (!select || select.value !== "UTC") return;
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
  } catch (e) { /* keep the default */ }
})();
