/**
 * Where the task pane page runs, decided before office.js is requested (issue 9 item 15, issue 10
 * item 8; src/taskpane/boot.ts): from the marks office.js itself reads to find its host
 * (office.debug.js `_retrieveHostInfo`). And the wait without a time limit used inside Office.
 */
import {
  HostProbe,
  PageSurroundings,
  PageWindow,
  officePlacement,
  readSurroundings,
  waitForHost,
} from "../src/taskpane/boot";

const plainTab: PageSurroundings = {
  search: "",
  windowName: "",
  storedHostInfo: false,
  externalHostInfo: false,
  agaveHostInfo: false,
  framed: false,
};

describe("officePlacement", () => {
  test.each`
    scenario                                                          | page                                                                     | placement
    ${"a plain browser tab"}                                          | ${{}}                                                                    | ${"standalone"}
    ${"a plain tab with the pane's own parameters"}                   | ${{ search: "?example=1" }}                                              | ${"standalone"}
    ${"Excel on Windows: ?_host_Info=Excel$Win32$…"}                  | ${{ search: "?_host_Info=Excel$Win32$16.01$sv-SE$$$$0" }}                | ${"office"}
    ${"Excel on the web, framed, _host_Info after another parameter"} | ${{ search: "?et=&_host_Info=Excel|Web|16.00|sv-SE|x|0", framed: true }} | ${"office"}
    ${"Excel on Mac"}                                                 | ${{ search: "?_host_Info=Excel$Mac$16.01$sv-SE$$$$0" }}                  | ${"office"}
    ${"the Windows bridge window.external.GetHostInfo"}               | ${{ externalHostInfo: true }}                                            | ${"office"}
    ${"a host bridge only as agaveHost.GetHostInfo"}                  | ${{ agaveHostInfo: true }}                                               | ${"office"}
    ${"host info kept in sessionStorage after a navigation"}          | ${{ storedHostInfo: true }}                                              | ${"office"}
    ${"window.name with hostInfo (Office's dialogs)"}                 | ${{ windowName: '{"hostInfo":"Excel|Win32|16.01|sv-SE"}' }}              | ${"office"}
    ${"an ordinary window name"}                                      | ${{ windowName: "results" }}                                             | ${"standalone"}
    ${"window.name JSON without hostInfo"}                            | ${{ windowName: '{"other":1}' }}                                         | ${"standalone"}
    ${"a frame with no sign of Office"}                               | ${{ framed: true }}                                                      | ${"framed"}
  `("$scenario → $placement", ({ page, placement }) => {
    expect(officePlacement({ ...plainTab, ...page })).toBe(placement);
  });
});

describe("readSurroundings: a stand-in host window giving one signal only", () => {
  /** A plain tab's window: no query, no name, empty storage, not framed, no bridge. */
  const plainWindow = (): PageWindow => {
    const win: PageWindow = {
      location: { search: "" },
      name: "",
      sessionStorage: { getItem: () => null },
      top: null,
      self: null,
      external: {},
    };
    win.top = win.self = win;
    return win;
  };

  test("a plain tab is standalone", () => {
    expect(officePlacement(readSurroundings(plainWindow()))).toBe("standalone");
  });

  test("only agaveHost.GetHostInfo (office.debug.js _retrieveHostInfo reads it first) → office", () => {
    const win = { ...plainWindow(), agaveHost: { GetHostInfo: () => "Excel|Win32|16.01|sv-SE" } };
    win.top = win.self = win;
    expect(readSurroundings(win)).toEqual({ ...plainTab, agaveHostInfo: true });
    expect(officePlacement(readSurroundings(win))).toBe("office");
  });

  test("only window.external.GetHostInfo → office", () => {
    const win = { ...plainWindow(), external: { GetHostInfo: () => "Excel|Win32|16.01|sv-SE" } };
    win.top = win.self = win;
    expect(officePlacement(readSurroundings(win))).toBe("office");
  });

  test("blocked storage, a throwing host object and a cross-origin top are read as no signal / framed", () => {
    const win = plainWindow();
    win.sessionStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    win.agaveHost = new Proxy(
      {},
      {
        get: () => {
          throw new Error("host object");
        },
      },
    );
    Object.defineProperty(win, "top", {
      get: () => {
        throw new Error("cross-origin");
      },
    });
    expect(readSurroundings(win)).toEqual({ ...plainTab, framed: true });
  });
});

describe("waitForHost without a time limit (inside Office)", () => {
  const info = { host: "Excel" };

  test("waits past any bound until office.js has loaded and Office answers", async () => {
    const script = new EventTarget();
    let loaded = false;
    const probe: HostProbe = { script, ready: () => (loaded ? Promise.resolve(info) : null) };
    let settled = false;
    const waiting = waitForHost(probe, null).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    loaded = true;
    script.dispatchEvent(new Event("load"));
    await expect(waiting).resolves.toEqual({ info, late: null });
  });

  test("answers null when office.js fails to load (then the pane starts standalone)", async () => {
    const script = new EventTarget();
    const waiting = waitForHost({ script, ready: () => null }, null);
    script.dispatchEvent(new Event("error"));
    await expect(waiting).resolves.toEqual({ info: null, late: null });
  });
});
