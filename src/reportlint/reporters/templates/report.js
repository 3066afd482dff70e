"use strict";
(function () {
  var data = JSON.parse(document.getElementById("matrix-data").textContent);
  var body = document.getElementById("grid-body");
  var info = document.getElementById("page-info");
  var onlyNotReady = document.getElementById("only-not-ready");
  var ruleFilter = document.getElementById("rule-filter");
  var textFilter = document.getElementById("text-filter");
  var state = { key: null, descending: false, page: 0, all: false };

  function value(row, key) {
    if (key === null) return null;
    if (key.charAt(0) === "c" && key !== "cells") return row.cells[Number(key.slice(1))];
    if (key === "ready") return row.ready ? 1 : 0;
    if (key === "level") return row.levelOrder;
    return row[key];
  }
  function compare(a, b) {
    if (a < b) return -1;
    if (a > b) return 1;
    return 0;
  }
  // Default order groups the rows: level, then issuer, then year.
  function grouped(a, b) {
    return compare(a.levelOrder, b.levelOrder) || compare(a.issuer, b.issuer) ||
      compare(String(a.year), String(b.year)) || compare(a.title, b.title);
  }
  function visible() {
    var text = textFilter.value.trim().toLowerCase();
    var rule = ruleFilter.value;
    var rows = data.rows.filter(function (row) {
      if (onlyNotReady.checked && row.ready) return false;
      if (rule && row.rules.indexOf(rule) < 0) return false;
      if (text && (row.issuer + " " + row.title).toLowerCase().indexOf(text) < 0) return false;
      return true;
    });
    if (state.key === null) return rows.sort(grouped);
    var sign = state.descending ? -1 : 1;
    return rows.sort(function (a, b) {
      var x = value(a, state.key), y = value(b, state.key);
      if (typeof x === "string" || typeof y === "string") { x = String(x); y = String(y); }
      return sign * compare(x, y) || grouped(a, b);
    });
  }
  function cell(tr, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function render() {
    var rows = visible();
    var size = data.pageSize;
    var pages = Math.max(1, Math.ceil(rows.length / size));
    state.page = Math.min(state.page, pages - 1);
    var shown = state.all ? rows : rows.slice(state.page * size, (state.page + 1) * size);
    var fragment = document.createDocumentFragment();
    var group = null;
    shown.forEach(function (row) {
      var key = row.level;
      if (state.key === null && key !== group) {
        group = key;
        var head = document.createElement("tr");
        head.className = "group";
        var td = cell(head, key, "");
        td.colSpan = 7 + data.columns.length;
        fragment.appendChild(head);
      }
      var tr = document.createElement("tr");
      tr.className = "row";
      var first = document.createElement("td");
      var link = document.createElement("a");
      link.href = "#" + row.id;
      link.textContent = row.title;
      first.appendChild(link);
      tr.appendChild(first);
      cell(tr, row.issuer, "nowrap");
      cell(tr, String(row.year), "nowrap");
      cell(tr, row.level, "nowrap");
      cell(tr, row.ready ? "✓ " + data.text.ready : "✗ " + data.text.not_ready,
        "nowrap " + (row.ready ? "ready" : "not-ready"));
      row.cells.forEach(function (count, i) {
        var status = count < 0 ? "skip" : count === 0 ? "pass" : row.failed[i] ? "fail" : "warn";
        var td = cell(tr, count < 0 ? "–" : count === 0 ? "✓" : (row.failed[i] ? "✗ " : "! ") + count,
          "cell " + status);
        td.title = data.columns[i];
      });
      cell(tr, String(row.errors));
      cell(tr, String(row.warnings));
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    info.textContent = data.text.page.replace("{page}", String(state.page + 1))
      .replace("{pages}", String(pages)).replace("{rows}", String(rows.length));
  }
  document.querySelectorAll("#grid th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      state.descending = state.key === key ? !state.descending : false;
      state.key = key;
      document.querySelectorAll("#grid th button").forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      button.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      render();
    });
  });
  [onlyNotReady, ruleFilter].forEach(function (input) {
    input.addEventListener("change", function () { state.page = 0; render(); });
  });
  textFilter.addEventListener("input", function () { state.page = 0; render(); });
  document.getElementById("filters").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  document.getElementById("prev").addEventListener("click", function () {
    state.page = Math.max(0, state.page - 1); render();
  });
  document.getElementById("next").addEventListener("click", function () {
    state.page += 1; render();
  });
  // Printed, the matrix shows every row that the filters leave.
  window.addEventListener("beforeprint", function () { state.all = true; render(); });
  window.addEventListener("afterprint", function () { state.all = false; render(); });
  render();
})();
