import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  withSecurityHeaders,
} from '../../../electron/main/security/content-security-policy';
import {
  applySessionPolicy,
  isAllowedRequestUrl,
  isPermissionAllowed,
  type PolicySession,
} from '../../../electron/main/security/session-policy';
import { guardWebContents, type GuardedContents } from '../../../electron/main/security/web-contents-guards';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/main/security/window-options';

describe('window options', () => {
  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.js', true).devTools).toBe(true);
  });

  it('builds the window with those preferences and the remembered size', () => {
    const options = mainWindowOptions('/p.js', { x: 10, y: 20, width: 1200, height: 800 });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      show: false,
      title: 'Review Desk',
    });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.js'));
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows only the desk itself: no remote origin, no eval, no plugin, no framing', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|wss?:|\*/);
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('replaces a CSP a response brought, whatever its case, and keeps other headers', () => {
    const headers = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: vi.fn((name: string, listener: (event: { preventDefault(): void }) => void) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
  };
  const emit = (name: string) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event;
  };
  return {
    contents: contents as unknown as GuardedContents,
    emit,
    open: (url: string) => openHandler!({ url }),
  };
}

describe('webContents guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'blocks %s',
    (name) => {
      const fake = fakeContents();
      guardWebContents(fake.contents);
      expect(fake.emit(name).preventDefault).toHaveBeenCalledOnce();
    },
  );

  it('denies every window.open', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    for (const url of ['https://evil.example/', 'app://review-desk/index.html', 'file:///etc/passwd']) {
      expect(fake.open(url)).toEqual({ action: 'deny' });
    }
  });
});

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const record = (name: string) => (handler: (...args: never[]) => unknown) => {
    handlers[name] = handler;
  };
  const session = {
    setPermissionRequestHandler: record('request'),
    setPermissionCheckHandler: record('check'),
    setDevicePermissionHandler: record('device'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    setSpellCheckerEnabled: (enabled: boolean) => {
      handlers.spellChecker = () => enabled;
    },
    on: (name: string, handler: (...args: never[]) => unknown) => record(name)(handler),
    webRequest: { onBeforeRequest: record('beforeRequest'), onHeadersReceived: record('headersReceived') },
  };
  applySessionPolicy(session as unknown as PolicySession);
  return handlers as Record<string, (...args: unknown[]) => unknown>;
}

describe('session policy', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fileSystem'])(
    'denies the %s permission request and check, even from the desk',
    (permission) => {
      const handlers = fakeSession();
      const callback = vi.fn();
      handlers.request!({}, permission, callback, { requestingUrl: 'app://review-desk/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!({}, permission, 'app://review-desk', {})).toBe(false);
    },
  );

  it('lets only the desk itself write text to the clipboard (the copy-key buttons)', () => {
    const handlers = fakeSession();
    expect(handlers.check!({}, 'clipboard-sanitized-write', 'app://review-desk', {})).toBe(true);
    expect(handlers.check!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    const callback = vi.fn();
    handlers.request!({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://other')).toBe(false);
  });

  it('turns the spellchecker off, so no dictionary is fetched', () => {
    expect(fakeSession().spellChecker!()).toBe(false);
  });

  it('denies devices and screen capture', () => {
    const handlers = fakeSession();
    expect(handlers.device!({ deviceType: 'usb', origin: 'app://review-desk' })).toBe(false);
    const callback = vi.fn();
    handlers.displayMedia!({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it.each([
    ['app://review-desk/assets/app.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://review-desk/0d4c-11', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['app://elsewhere/x.js', false],
    ['https://cdn.example/lib.js', false],
    ['http://127.0.0.1:5173/', false],
    ['ws://localhost:24678/', false],
    ['file:///etc/passwd', false],
    ['ftp://example/', false],
    ['chrome://settings', false],
    ['not a url', false],
  ])('web request to %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url)).toBe(allowed);
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: !allowed });
  });

  it("puts the desk's CSP on every response but the dev tools' own", () => {
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.headersReceived!({ url: 'app://review-desk/index.html', responseHeaders: {} }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
    const devtools = vi.fn();
    const own = { 'content-security-policy': ['devtools policy'] };
    handlers.headersReceived!({ url: 'devtools://devtools/x', responseHeaders: own }, devtools);
    expect(devtools).toHaveBeenCalledWith({ responseHeaders: own });
  });

  it('refuses downloads started by page content', () => {
    const handlers = fakeSession();
    const event = { preventDefault: vi.fn() };
    handlers['will-download']!(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
