/* Small page actions, wired by data attributes: no inline handlers (the Content-Security-Policy
   allows no inline script).
   data-print: prints the page. data-select-on-focus: selects a field's text when focused.
   data-copy="#id": copies that field's value to the clipboard and says so on the button. */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-select-on-focus]").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });

  function copied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute("data-copied-label") || label;
    window.setTimeout(function () { button.textContent = label; }, 2000);
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { copied(button); });
        return;
      }
      // Plain http (e.g. the laptop demo): the older way, from the selected field.
      field.focus();
      field.select();
      if (document.execCommand("copy")) { copied(button); }
    });
  });
}());
