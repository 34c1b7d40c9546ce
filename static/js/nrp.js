/* NRP's only script (the CSP allows no inline JavaScript). Progressive enhancement: without it every page works,
   the header's menu simply stays open and wide tables scroll sideways inside their box.
   1. The phone header: the "Menu" button folds the navigation away and opens it again.
   2. Tables become cards below 600 px (nrp.css): each cell is named after its column header (data-label),
      so "Důvody", "Příznaky" or "Čeká dnů" stay readable on a phone. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function menu() {
    var button = document.querySelector(".menu-toggle");
    var target = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      target.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        target.classList.remove("is-open");
        button.focus();
      }
    });
  }

  function tableCards() {
    var tables = document.querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.classList.contains("no-cards")) return;
      var headerRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!headerRow) return;
      var labels = [];
      Array.prototype.forEach.call(headerRow.cells, function (cell) {
        var span = cell.colSpan || 1;
        for (var i = 0; i < span; i++) labels.push(cell.textContent.replace(/\s+/g, " ").trim());
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            var label = labels[column];
            if (label && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", label);
            column += cell.colSpan || 1;
          });
        });
      });
      table.classList.add("cards-on-phone");
    });
  }

  function ready() {
    menu();
    tableCards();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
