// Submits the "continue" form of an import in progress, so the next chunk runs without a click.
// Without JavaScript the button does the same.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("ksd-import-continue");
  if (form) { window.setTimeout(function () { form.submit(); }, 200); }
});
