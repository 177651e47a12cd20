// Sortable tables and a rendering marker; no network access, no libraries.
(function () {
  "use strict";
  function cellValue(td) {
    var v = td.getAttribute("data-v");
    if (v !== null) return parseFloat(v);
    var t = td.textContent.trim();
    var n = parseFloat(t);
    return isNaN(n) || !/^[-+0-9.eE]+$/.test(t) ? t.toLowerCase() : n;
  }
  function sortBy(table, col, asc) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a.cells[col]), y = cellValue(b.cells[col]);
      if (x === y) return 0;
      return (x < y ? -1 : 1) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      var asc = true;
      th.title = "sort";
      th.addEventListener("click", function () { sortBy(table, i, asc); asc = !asc; });
    });
  });
  var svgs = document.querySelectorAll("svg").length;
  document.body.setAttribute("data-rendered", "ok");
  document.body.setAttribute("data-plots", String(svgs));
  console.log("rareset-report-rendered plots=" + svgs);
})();
