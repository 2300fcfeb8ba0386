package dev.rebal.examples;

/**
 * The report's inline script (no network, no library): sorts a table of class {@code sortable} when
 * a heading's button is pressed (numbers by their {@code data-v} value, text by its content; again
 * to reverse, with {@code aria-sort} set), filters a table's rows by the text typed in its {@code
 * data-filter} input (any cell, case-insensitive, with the count shown), and opens a household's
 * section when a link or the address points at it. The address may carry the state to open the
 * report in, e.g. {@code report.html?sort=households-table:tax:desc&filter=
 * households-table:review#household-list} (several {@code sort} and {@code filter} parameters
 * allowed), so that a sorted or filtered view can be linked and bookmarked. Without the script the
 * report reads the same, unsorted.
 */
final class ReportScript {
  private ReportScript() {}

  static final String SCRIPT =
      String.join(
          "\n",
          "(function () {",
          "  'use strict';",
          "  function value(cell) {",
          "    var v = cell.getAttribute('data-v');",
          "    return v !== null ? v : cell.textContent.trim();",
          "  }",
          "  function sortTable(table, key, dir) {",
          "    var heads = table.tHead.rows[0].cells, col = -1, i;",
          "    for (i = 0; i < heads.length; i++) {",
          "      if (heads[i].getAttribute('data-key') === key) { col = i; }",
          "      heads[i].removeAttribute('aria-sort');",
          "    }",
          "    if (col < 0) { return; }",
          "    var numeric = heads[col].getAttribute('data-type') === 'num';",
          "    var body = table.tBodies[0];",
          "    var rows = Array.prototype.slice.call(body.rows);",
          "    rows.sort(function (a, b) {",
          "      var x = value(a.cells[col]), y = value(b.cells[col]);",
          "      var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);",
          "      return dir === 'desc' ? -c : c;",
          "    });",
          "    rows.forEach(function (r) { body.appendChild(r); });",
          "    heads[col].setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');",
          "  }",
          "  function filterTable(table, text) {",
          "    var t = text.toLowerCase(), shown = 0, rows = table.tBodies[0].rows, i;",
          "    for (i = 0; i < rows.length; i++) {",
          "      var hit = t === '' || rows[i].textContent.toLowerCase().indexOf(t) >= 0;",
          "      rows[i].hidden = !hit;",
          "      if (hit) { shown++; }",
          "    }",
          "    var count = document.querySelector('[data-count=\"' + table.id + '\"]');",
          "    if (count) { count.textContent = t === '' ? '' : shown + ' of ' + rows.length"
              + " + ' rows shown'; }",
          "  }",
          "  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),"
              + " function (table) {",
          "    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {",
          "      var button = th.querySelector('button');",
          "      if (!button) { return; }",
          "      button.addEventListener('click', function () {",
          "        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc';",
          "        sortTable(table, th.getAttribute('data-key'), dir);",
          "      });",
          "    });",
          "  });",
          "  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'),"
              + " function (input) {",
          "    var table = document.getElementById(input.getAttribute('data-filter'));",
          "    if (!table) { return; }",
          "    input.addEventListener('input', function () { filterTable(table, input.value); });",
          "  });",
          "  function openTarget() {",
          "    var id = decodeURIComponent(location.hash.slice(1));",
          "    var target = id ? document.getElementById(id) : null;",
          "    if (target && target.tagName === 'DETAILS') {",
          "      target.open = true;",
          "      target.scrollIntoView();",
          "    }",
          "  }",
          "  window.addEventListener('hashchange', openTarget);",
          "  var params = new URLSearchParams(location.search);",
          "  params.getAll('sort').forEach(function (p) {",
          "    var f = p.split(':'), table = document.getElementById(f[0]);",
          "    if (table && f.length > 1) { sortTable(table, f[1], f[2] === 'desc' ? 'desc' : 'asc'); }",
          "  });",
          "  params.getAll('filter').forEach(function (p) {",
          "    var at = p.indexOf(':'), table = document.getElementById(p.slice(0, at));",
          "    var input = document.querySelector('input[data-filter=\"' + p.slice(0, at) + '\"]');",
          "    if (at > 0 && table) {",
          "      if (input) { input.value = p.slice(at + 1); }",
          "      filterTable(table, p.slice(at + 1));",
          "    }",
          "  });",
          "  openTarget();",
          "})();",
          "");
}
