// A filter over a long list of choices: typing "sle" leaves Kabupaten Sleman (and the choices
// already made). Without JavaScript the list works as it is; the filter input stays hidden.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function connect(input) {
    var select = document.getElementById(input.getAttribute("data-ksd-filters"));
    if (!select) {
      return;
    }
    input.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = wanted !== "" && !option.selected && fold(option.text).indexOf(wanted) < 0;
      });
    });
  }
  document.querySelectorAll("input[data-ksd-filters]").forEach(connect);
})();
