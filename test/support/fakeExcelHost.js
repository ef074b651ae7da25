/*
 * A stand-in office.js for the task pane in Chromium: Office reports Excel, and `Excel.run` hands the
 * pane's REAL reader and writers (src/excel/, in the production bundle) a small in-memory workbook.
 * Served in place of the Office CDN's office.js by test/excelPane.browser.test.ts, after a line that
 * sets `window.__fakeExcelSetup = { sheets: [{ name, rows, table }], active: { sheet, row, col },
 * latencyMs }` (rows from A1; `table`: the rows are an Excel table).
 *
 * What it models: sheets of cell values (a written formula is kept as its text), the used range,
 * Excel tables, the active cell, `Range.select` / `Worksheet.activate`, `context.sync()` as a round
 * trip of `latencyMs`, and Workbook.onSelectionChanged (raised at every change of the active cell;
 * a handler's `remove()` takes effect at the next sync of its context). Formatting, page layout and
 * the like are accepted and ignored: any property or method the model lacks answers with an inert
 * object that accepts everything, so a writer's formatting calls go through.
 *
 * The test drives it through `window.__workbook`: `select(sheet, "A3")`, `setRow(sheet, row, values)`,
 * `selectRange(sheet, "A2:C3")`, `grid(sheet)`, `sheetNames()`, `reads()` (active-cell reads so far),
 * `handlers()` and `roundTrips()` (Excel.run batches and context.sync calls so far).
 */
(function () {
  "use strict";
  var setup = window.__fakeExcelSetup || { sheets: [], active: null, latencyMs: 5 };
  var MAX_ROW = 1048575;
  var MAX_COL = 16383;

  /** Accepts any property read, write or call, and answers with itself. */
  var sink = new Proxy(function () {}, {
    get: function (_, prop) {
      return prop === "then" || typeof prop === "symbol" ? undefined : sink;
    },
    set: function () {
      return true;
    },
    apply: function () {
      return sink;
    },
  });

  /** An object whose unknown members are the sink (known ones behave as written). */
  function wrap(target) {
    return new Proxy(target, {
      get: function (t, prop) {
        if (prop in t) return Reflect.get(t, prop, t);
        return prop === "then" || typeof prop === "symbol" ? undefined : sink;
      },
      set: function (t, prop, value) {
        if (prop in t) Reflect.set(t, prop, value, t);
        return true;
      },
    });
  }

  function letters(col) {
    var text = "";
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
      text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    return text;
  }
  function columnOf(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) n = n * 26 + (text.charCodeAt(i) - 64);
    return n - 1;
  }
  function reference(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  /** "A1", "A1:C3", "A:D", "7:12" (sheet prefix and $ ignored) → inclusive 0-based box. */
  function parseAddress(address) {
    var local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
    var parts = local.split(":");
    var ends = parts.map(function (part) {
      var m = /^([A-Z]*)(\d*)$/.exec(part.toUpperCase());
      if (!m) throw new Error("fake Excel: cannot read the address " + address);
      return { col: m[1] ? columnOf(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
    });
    var a = ends[0];
    var b = ends[1] || ends[0];
    return {
      r0: a.row === null ? 0 : a.row,
      c0: a.col === null ? 0 : a.col,
      r1: b.row === null ? MAX_ROW : b.row,
      c1: b.col === null ? MAX_COL : b.col,
    };
  }
  function a1(box) {
    var first = letters(box.c0) + (box.r0 + 1);
    if (box.r0 === box.r1 && box.c0 === box.c1) return first;
    return first + ":" + letters(box.c1) + (box.r1 + 1);
  }

  var book = {
    sheets: [],
    active: null,
    selection: null,
    handlers: [],
    reads: 0,
    syncs: 0,
    batches: 0,
  };

  function findSheet(name) {
    var key = String(name).toLowerCase();
    return (
      book.sheets.find(function (s) {
        return s.name.toLowerCase() === key;
      }) || null
    );
  }
  function newSheet(name) {
    var sheet = { name: name, cells: new Map(), tables: [] };
    book.sheets.push(sheet);
    return sheet;
  }
  function cellAt(sheet, r, c) {
    var value = sheet.cells.get(r + "," + c);
    return value === undefined ? "" : value;
  }
  function setCell(sheet, r, c, value) {
    if (typeof value === "string" && value.charAt(0) === "'") value = value.slice(1);
    if (value === "" || value === null || value === undefined) sheet.cells.delete(r + "," + c);
    else sheet.cells.set(r + "," + c, value);
  }
  function usedBox(sheet) {
    var box = null;
    sheet.cells.forEach(function (_, key) {
      var rc = key.split(",").map(Number);
      if (box === null) box = { r0: rc[0], c0: rc[1], r1: rc[0], c1: rc[1] };
      else {
        box.r0 = Math.min(box.r0, rc[0]);
        box.c0 = Math.min(box.c0, rc[1]);
        box.r1 = Math.max(box.r1, rc[0]);
        box.c1 = Math.max(box.c1, rc[1]);
      }
    });
    return box;
  }
  function intersect(a, b) {
    var box = {
      r0: Math.max(a.r0, b.r0),
      c0: Math.max(a.c0, b.c0),
      r1: Math.min(a.r1, b.r1),
      c1: Math.min(a.c1, b.c1),
    };
    return box.r0 <= box.r1 && box.c0 <= box.c1 ? box : null;
  }
  function overlaps(a, b) {
    return intersect(a, b) !== null;
  }

  function fire() {
    book.handlers.forEach(function (entry) {
      if (!entry.removed)
        Promise.resolve().then(function () {
          return entry.handler({ type: "WorkbookSelectionChanged" });
        });
    });
  }
  function setActive(sheet, row, col) {
    book.active = { sheet: sheet.name, row: row, col: col };
    book.selection = null;
    fire();
  }

  var nullObject = wrap({
    isNullObject: true,
    load: function () {
      return nullObject;
    },
  });

  function grid(sheet, box) {
    var rows = [];
    for (var r = box.r0; r <= box.r1; r++) {
      var row = [];
      for (var c = box.c0; c <= box.c1; c++) row.push(cellAt(sheet, r, c));
      rows.push(row);
    }
    return rows;
  }
  function write(sheet, box, rows) {
    rows.forEach(function (row, i) {
      row.forEach(function (value, j) {
        setCell(sheet, box.r0 + i, box.c0 + j, value);
      });
    });
  }

  function rangeOf(sheet, box) {
    var self = wrap({
      isNullObject: false,
      load: function () {
        return self;
      },
      get address() {
        return reference(sheet.name) + "!" + a1(box);
      },
      rowIndex: box.r0,
      columnIndex: box.c0,
      rowCount: box.r1 - box.r0 + 1,
      columnCount: box.c1 - box.c0 + 1,
      get values() {
        return grid(sheet, box);
      },
      set values(rows) {
        write(sheet, box, rows);
      },
      get formulas() {
        return grid(sheet, box);
      },
      set formulas(rows) {
        write(sheet, box, rows);
      },
      get valueTypes() {
        return grid(sheet, box).map(function (row) {
          return row.map(function (v) {
            return v === "" ? "Empty" : typeof v === "number" ? "Double" : "String";
          });
        });
      },
      numberFormat: null,
      rowHidden: false,
      get worksheet() {
        return sheetObject(sheet);
      },
      getRow: function (i) {
        return rangeOf(sheet, { r0: box.r0 + i, c0: box.c0, r1: box.r0 + i, c1: box.c1 });
      },
      getEntireRow: function () {
        return rangeOf(sheet, { r0: box.r0, c0: 0, r1: box.r1, c1: MAX_COL });
      },
      getIntersection: function (other) {
        var found = intersect(box, other.__box);
        if (found === null) throw new Error("fake Excel: the ranges do not intersect");
        return rangeOf(sheet, found);
      },
      getIntersectionOrNullObject: function (address) {
        var found = intersect(box, parseAddress(address));
        return found === null ? nullObject : rangeOf(sheet, found);
      },
      getTables: function () {
        return collection(
          sheet.tables
            .filter(function (t) {
              return overlaps(t.box, box);
            })
            .map(function (t) {
              return tableObject(sheet, t);
            }),
        );
      },
      getUsedRangeOrNullObject: function () {
        var used = usedBox(sheet);
        var found = used === null ? null : intersect(used, box);
        return found === null ? nullObject : rangeOf(sheet, found);
      },
      select: function () {
        setActive(sheet, box.r0, box.c0);
      },
      __box: box,
    });
    return self;
  }

  function tableObject(sheet, table) {
    var b = table.box;
    return wrap({
      name: table.name,
      getHeaderRowRange: function () {
        return rangeOf(sheet, { r0: b.r0, c0: b.c0, r1: b.r0, c1: b.c1 });
      },
      getDataBodyRange: function () {
        return rangeOf(sheet, { r0: b.r0 + 1, c0: b.c0, r1: b.r1, c1: b.c1 });
      },
      getRange: function () {
        return rangeOf(sheet, b);
      },
    });
  }

  function collection(items) {
    return wrap({
      items: items,
      load: function () {},
    });
  }

  var tableCount = 0;
  function sheetObject(sheet) {
    return wrap({
      get name() {
        return sheet.name;
      },
      load: function () {},
      getRange: function (address) {
        return rangeOf(sheet, parseAddress(address));
      },
      getUsedRangeOrNullObject: function () {
        var used = usedBox(sheet);
        return used === null ? nullObject : rangeOf(sheet, used);
      },
      activate: function () {
        setActive(sheet, 0, 0);
      },
      tables: wrap({
        add: function (address) {
          sheet.tables.push({ name: "Tabell" + ++tableCount, box: parseAddress(address) });
          return sink;
        },
      }),
    });
  }

  function makeContext() {
    var pending = [];
    var context = {
      workbook: wrap({
        worksheets: wrap({
          get items() {
            return book.sheets.map(sheetObject);
          },
          load: function () {},
          getItem: function (name) {
            var sheet = findSheet(name);
            if (sheet === null) throw new Error("fake Excel: no sheet " + name);
            return sheetObject(sheet);
          },
          add: function (name) {
            if (findSheet(name)) throw new Error("fake Excel: the sheet " + name + " exists");
            return sheetObject(newSheet(name));
          },
        }),
        getActiveCell: function () {
          book.reads++;
          var a = book.active;
          return rangeOf(findSheet(a.sheet), { r0: a.row, c0: a.col, r1: a.row, c1: a.col });
        },
        getSelectedRanges: function () {
          // One area: the range set by __workbook.selectRange, else the active cell.
          var a = book.active;
          var sheet = findSheet(a.sheet);
          var box = book.selection || { r0: a.row, c0: a.col, r1: a.row, c1: a.col };
          var area = rangeOf(sheet, box);
          return wrap({
            load: function () {},
            get address() {
              return area.address;
            },
            areas: collection([area]),
            worksheet: sheetObject(sheet),
            getTables: function () {
              return area.getTables();
            },
          });
        },
        onSelectionChanged: {
          add: function (handler) {
            var entry = { handler: handler, removed: false };
            book.handlers.push(entry);
            return {
              context: context,
              remove: function () {
                pending.push(entry);
              },
            };
          },
        },
      }),
      sync: function () {
        book.syncs++;
        return new Promise(function (resolve) {
          setTimeout(function () {
            pending.splice(0).forEach(function (entry) {
              entry.removed = true;
            });
            resolve();
          }, setup.latencyMs || 0);
        });
      },
    };
    return context;
  }

  (setup.sheets || []).forEach(function (s) {
    var sheet = newSheet(s.name);
    write(sheet, { r0: 0, c0: 0 }, s.rows || []);
    if (s.table && (s.rows || []).length > 0) {
      var width = s.rows[0].length;
      sheet.tables.push({
        name: "Tabell" + ++tableCount,
        box: { r0: 0, c0: 0, r1: s.rows.length - 1, c1: width - 1 },
      });
    }
  });
  book.active = setup.active || { sheet: book.sheets[0].name, row: 0, col: 0 };

  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function () {
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
  };
  window.CustomFunctions = { associate: function () {} };
  window.Excel = {
    run: function (first, second) {
      var batch = typeof first === "function" ? first : second;
      var context = first && first.workbook && first.sync ? first : makeContext();
      book.batches++;
      return Promise.resolve().then(function () {
        return batch(context);
      });
    },
  };
  window.__workbook = {
    select: function (name, address) {
      var box = parseAddress(address);
      book.selection = null;
      setActive(findSheet(name), box.r0, box.c0);
    },
    /** Selects a whole range (its first cell active), e.g. `selectRange("Kontrakt", "A2:C3")`. */
    selectRange: function (name, address) {
      var box = parseAddress(address);
      setActive(findSheet(name), box.r0, box.c0);
      book.selection = box;
    },
    /** The `Excel.run` batches and `context.sync()` calls so far. */
    roundTrips: function () {
      return { batches: book.batches, syncs: book.syncs };
    },
    setRow: function (name, row, values) {
      write(findSheet(name), { r0: row, c0: 0 }, [values]);
    },
    grid: function (name) {
      var sheet = findSheet(name);
      var used = usedBox(sheet);
      return used === null ? [] : grid(sheet, { r0: 0, c0: 0, r1: used.r1, c1: used.c1 });
    },
    sheetNames: function () {
      return book.sheets.map(function (s) {
        return s.name;
      });
    },
    active: function () {
      return book.active;
    },
    reads: function () {
      return book.reads;
    },
    handlers: function () {
      return book.handlers.filter(function (entry) {
        return !entry.removed;
      }).length;
    },
  };
})();
