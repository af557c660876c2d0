import { DEMO_TOKENS } from "./constants.js";

/** localStorage key where the browser auth page leaves approved codes for the demo to claim (see `storage`). */
export const DEMO_APPROVALS_KEY = "plex-demo.approved-codes";

export interface DemoAuthPageOptions {
  /**
   * How Allow reaches the demo. `"fetch"` (default): `PUT /api/v2/pins/link` on the page's own origin, as
   * app.plex.tv does (the node demo server answers it). `"storage"`: the code is added to localStorage under
   * {@link DEMO_APPROVALS_KEY}, for a demo that runs inside the browser (an msw service worker does not answer
   * a popup's requests, and a redirect unloads the page that holds the demo).
   */
  approveVia?: "fetch" | "storage";
}

/**
 * The demo's app.plex.tv/auth: a self-contained page that reads `#?clientID=…&code=…&context[device][product]=…
 * &forwardUrl=…`, shows the product and the code, and offers "Allow" and "Deny". Allow claims the PIN for the
 * demo account; Deny leaves it unclaimed. Both then go to `forwardUrl` when there is one (the redirect flow),
 * else close the window (the popup flow). Text goes in with `textContent` only: the hash is attacker-controlled.
 */
export function renderDemoAuthPage(options: DemoAuthPageOptions = {}): string {
  const config = JSON.stringify({
    approveVia: options.approveVia ?? "fetch",
    approvalsKey: DEMO_APPROVALS_KEY,
    token: DEMO_TOKENS.account,
  }).replaceAll("<", "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo Plex: approve sign-in</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#1f1f1f;color:#eee}
main{background:#2b2b2b;padding:2rem;border-radius:12px;max-width:28rem;width:calc(100% - 4rem)}
h1{font-size:1.3rem;margin-top:0}.code{font:600 1.1rem ui-monospace,monospace;letter-spacing:.08em;word-break:break-all}
button{font:inherit;padding:.6rem 1.4rem;border-radius:8px;border:0;margin-right:.6rem;cursor:pointer}
#allow{background:#e5a00d;color:#1f1f1f}#deny{background:#444;color:#eee}.muted{color:#aaa;font-size:.9rem}
</style>
</head>
<body>
<main>
<h1>Demo Plex</h1>
<p><strong id="product">An app</strong> wants to sign in to your Plex account (demo account).</p>
<p>Code: <span class="code" id="code">?</span></p>
<p><button id="allow" type="button">Allow</button><button id="deny" type="button">Deny</button></p>
<p id="status" role="status" class="muted">This is the demo's stand-in for app.plex.tv. Nothing leaves this machine.</p>
</main>
<script>
(() => {
  const config = ${config};
  const raw = location.hash.replace(/^#!?\\??/, "");
  const params = new URLSearchParams(raw.replace(/\\+/g, "%2B"));
  const code = params.get("code") || "";
  const product = params.get("context[device][product]") || "An app";
  const forwardUrl = params.get("forwardUrl") || "";
  const status = document.getElementById("status");
  document.getElementById("product").textContent = product;
  document.getElementById("code").textContent = code || "(none)";
  const buttons = [document.getElementById("allow"), document.getElementById("deny")];
  function finish(message) {
    status.textContent = message;
    for (const button of buttons) button.disabled = true;
    // Only http(s) targets: a javascript: forwardUrl must not run here.
    if (/^https?:\\/\\//i.test(forwardUrl)) setTimeout(() => location.assign(forwardUrl), 300);
    else setTimeout(() => window.close(), 300);
  }
  async function approve() {
    if (config.approveVia === "storage") {
      const list = JSON.parse(localStorage.getItem(config.approvalsKey) || "[]");
      list.push(code);
      localStorage.setItem(config.approvalsKey, JSON.stringify(list));
      return true;
    }
    const response = await fetch("/api/v2/pins/link", {
      method: "PUT",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Plex-Client-Identifier": "demo-auth-page",
        "X-Plex-Product": "Demo Plex Web",
        "X-Plex-Token": config.token,
      },
      body: new URLSearchParams({ code }).toString(),
    });
    return response.status === 204;
  }
  buttons[0].addEventListener("click", () => {
    approve().then(
      (ok) => (ok ? finish("Approved. You can go back to " + product + ".") : (status.textContent = "This code is unknown or has expired.")),
      () => (status.textContent = "The demo Plex could not be reached."),
    );
  });
  buttons[1].addEventListener("click", () => finish("Denied. " + product + " was not signed in."));
})();
</script>
</body>
</html>
`;
}
