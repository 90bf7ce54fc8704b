/**
 * The few HTML pages of the sandbox's "www.dropbox.com": consent, the code to
 * paste, and errors. Plain, labelled forms so screen readers and Playwright
 * find controls by their accessible names.
 */

export interface AdminChoice {
  teamMemberId: string;
  label: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Dropbox sandbox</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #1e1919; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
select, input { font: inherit; width: 100%; padding: .4rem; }
button { font: inherit; padding: .5rem 1.2rem; margin: 1.2rem .5rem 0 0; }
ul { padding-left: 1.2rem; }
.note { color: #5f5b57; font-size: .9rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function consentPage(opts: { appName: string; teamName: string; requestKey: string; admins: AdminChoice[]; scopes: string[]; problem?: string }): string {
  const options = opts.admins.map((a) => `<option value="${escapeHtml(a.teamMemberId)}">${escapeHtml(a.label)}</option>`).join('\n');
  const scopes = opts.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('\n');
  const problem = opts.problem ? `<p role="alert">${escapeHtml(opts.problem)}</p>\n` : '';
  return layout(
    'Allow access',
    `<h1>${escapeHtml(opts.appName)} wants to access ${escapeHtml(opts.teamName)}</h1>
${problem}<form method="post" action="/oauth2/authorize/decide">
<input type="hidden" name="request" value="${escapeHtml(opts.requestKey)}">
<label for="admin">Sign in as</label>
<select id="admin" name="admin" required>
${options}
</select>
<h2>The app will be able to</h2>
<ul aria-label="Requested permissions">
${scopes}
</ul>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
<p class="note">This is the local Dropbox sandbox. No real account is involved.</p>`,
  );
}

export function codePage(code: string): string {
  return layout(
    'Authorization code',
    `<h1>Copy this code into the app</h1>
<label for="code">Authorization code</label>
<input id="code" readonly value="${escapeHtml(code)}">
<p class="note">The code works once, within 10 minutes.</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
