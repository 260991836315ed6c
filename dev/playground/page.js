// The playground page: the workbook's tabs as tables, the add-on menu as buttons, and the real
// dist/Sidebar.html in a 300-px frame (its google.script.run calls go to the emulator via /rpc).
(function () {
  'use strict';
  var state = { workbook: null, selected: null, sidebarIndex: null };
  var grid = document.getElementById('grid');
  var tabs = document.getElementById('tabs');

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function api(path, body) {
    return fetch(
      path,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    ).then(function (response) {
      return response.json();
    });
  }

  /** A SPARKLINE cell as Sheets draws it: a line over the cell's data (its value is blank). */
  function sparkline(values) {
    var ns = 'http://www.w3.org/2000/svg';
    var w = 90;
    var h = 16;
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var points = values.map(function (v, i) {
      var x = values.length > 1 ? (i * (w - 2)) / (values.length - 1) + 1 : w / 2;
      var y = max === min ? h / 2 : h - 1 - ((v - min) * (h - 2)) / (max - min);
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    var line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', points.join(' '));
    svg.appendChild(line);
    return svg;
  }

  function columnLetters(n) {
    var s = '';
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function renderTabs() {
    tabs.textContent = '';
    state.workbook.sheets.forEach(function (sheet) {
      var button = el(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(sheet.name === state.selected),
          'data-sheet': sheet.name,
        },
        sheet.name,
      );
      button.addEventListener('click', function () {
        state.selected = sheet.name;
        api('/api/activate', { sheet: sheet.name });
        render();
      });
      tabs.appendChild(button);
    });
  }

  function renderSheet() {
    grid.textContent = '';
    var sheet = state.workbook.sheets.find(function (s) {
      return s.name === state.selected;
    });
    if (!sheet) return;
    if (!sheet.cells.length) {
      grid.appendChild(el('p', { class: 'empty-sheet' }, 'This tab is empty.'));
      return;
    }
    var table = el('table', { class: 'sheet', 'data-sheet': sheet.name });
    var head = el('thead');
    var headRow = el('tr');
    headRow.appendChild(el('th', { class: 'rowhead' }, ''));
    var hiddenColumns = sheet.hiddenColumns || [];
    var shown = function (column) {
      return hiddenColumns.indexOf(column) < 0;
    };
    for (var c = 1; c <= sheet.numCols; c++)
      if (shown(c)) headRow.appendChild(el('th', {}, columnLetters(c)));
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el('tbody');
    sheet.cells.forEach(function (row, r) {
      var tr = el('tr');
      tr.appendChild(el('th', { class: 'rowhead' }, r + 1));
      for (var c = 0; c < sheet.numCols; c++) {
        if (!shown(c + 1)) continue;
        var cell = row[c] || { d: '' };
        var classes = [];
        if (cell.n) classes.push('num');
        if (cell.b) classes.push('bold');
        if (cell.f && cell.native) classes.push('native');
        else if (cell.f) classes.push('formula');
        if (cell.e) classes.push('error');
        var td = el(
          'td',
          {
            class: classes.join(' ') || null,
            title: cell.f
              ? cell.native
                ? (/^=\s*CLIENT_/i.test(cell.f)
                    ? 'Computed once Google Sheets computes its input (' + (cell.why || '') + '): '
                    : 'Computed by Google Sheets: ') + cell.f
                : cell.f
              : cell.d && cell.d.length > 30
                ? cell.d
                : null,
            'data-a1': columnLetters(c + 1) + (r + 1),
          },
          cell.f && cell.native ? cell.f : cell.d,
        );
        if (cell.spark) td.appendChild(sparkline(cell.spark));
        if (state.cell === sheet.name + '!' + columnLetters(c + 1) + (r + 1)) td.classList.add('selected');
        td.addEventListener('click', selectCell.bind(null, sheet.name, td));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    grid.appendChild(table);
  }

  /** A click selects the cell, as in Sheets: menu items that read the selection see it. */
  function selectCell(sheetName, td) {
    var previous = grid.querySelector('td.selected');
    if (previous) previous.classList.remove('selected');
    td.classList.add('selected');
    state.cell = sheetName + '!' + td.getAttribute('data-a1');
    api('/api/activate', { sheet: sheetName, a1: td.getAttribute('data-a1') });
  }

  function render() {
    renderTabs();
    renderSheet();
  }

  function refresh() {
    return api('/api/workbook').then(function (workbook) {
      state.workbook = workbook;
      document.getElementById('doc-title').textContent = workbook.name;
      document.getElementById('doc-sub').textContent =
        'Local playground · today ' + workbook.today + ' · the real dist/Code.js on the Apps Script emulator';
      var names = workbook.sheets.map(function (s) {
        return s.name;
      });
      if (!state.selected || names.indexOf(state.selected) < 0) state.selected = workbook.active || names[0];
      render();
    });
  }

  function notice(text, kind) {
    var box = el(
      'div',
      { class: 'notice ' + (kind || ''), role: kind === 'error' ? 'alert' : 'status' },
      text,
    );
    document.getElementById('notices').appendChild(box);
    setTimeout(
      function () {
        box.remove();
      },
      kind === 'error' ? 12000 : 6000,
    );
  }

  function showSidebar(index, title) {
    state.sidebarIndex = index;
    document.getElementById('sidebar-title').textContent = title || 'ClientTabs';
    document.getElementById('sidebar-frame').src = '/sidebar/' + index;
    document.getElementById('sidebar-panel').hidden = false;
  }

  function closeSidebar() {
    document.getElementById('sidebar-panel').hidden = true;
    document.getElementById('sidebar-frame').src = 'about:blank';
  }

  function showDialog(index, dialog) {
    document.getElementById('modal-title').textContent = dialog.title;
    var body = document.getElementById('modal-body');
    body.textContent = '';
    var frame = el('iframe', {
      src: '/dialog/' + index,
      width: dialog.width || 400,
      height: dialog.height || 300,
      title: dialog.title,
    });
    body.appendChild(frame);
    document.getElementById('modal').hidden = false;
  }

  function runMenu(functionName) {
    return api('/api/menu', { functionName: functionName }).then(function (answer) {
      if (!answer.ok) notice(answer.error, 'error');
      (answer.alerts || []).forEach(function (a) {
        notice((a.title ? a.title + '\n' : '') + a.prompt, 'alert');
      });
      (answer.toasts || []).forEach(function (t) {
        notice((t.title ? t.title + ': ' : '') + t.message);
      });
      if (answer.dialog) showDialog(answer.dialog.index, answer.dialog);
      if (answer.sidebar) showSidebar(answer.sidebar.index, answer.sidebar.title);
      return refresh();
    });
  }

  function renderMenu(menus) {
    var box = document.getElementById('menu-items');
    box.textContent = '';
    var menu = menus[menus.length - 1];
    if (!menu) return;
    document.getElementById('menu-title').textContent = 'Extensions › ' + menu.title;
    (function add(items) {
      items.forEach(function (item) {
        if (item.separator) return box.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }));
        if (item.items) return add(item.items);
        var button = el('button', { type: 'button', 'data-function': item.functionName }, item.label);
        button.addEventListener('click', function () {
          runMenu(item.functionName);
        });
        box.appendChild(button);
      });
    })(menu.items);
  }

  // Like Sheets, an opened sidebar takes the keyboard focus, so a VA can start typing right away.
  document.getElementById('sidebar-frame').addEventListener('load', function (event) {
    if (event.target.src.indexOf('/sidebar/') >= 0) event.target.contentWindow.focus();
  });
  document.getElementById('sidebar-close').addEventListener('click', closeSidebar);
  document.getElementById('modal-close').addEventListener('click', function () {
    document.getElementById('modal').hidden = true;
  });
  var pending = null;
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data || !event.data.clienttabs) return;
    if (event.data.clienttabs === 'close') {
      closeSidebar();
      document.getElementById('modal').hidden = true;
    }
    // Re-read the workbook after the sidebar's calls (debounced: a check-in is several calls).
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });

  api('/api/menus')
    .then(function (menus) {
      renderMenu(menus);
      return refresh();
    })
    .then(function () {
      document.body.setAttribute('data-ready', 'true');
    });
})();
