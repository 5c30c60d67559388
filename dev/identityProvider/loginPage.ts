// The stand-in provider's sign-in form, Chinese first.
export function loginPage(uid: string, failed = false): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>登录 Sign in · 绿色审批通道 Greenlane</title></head>
<body>
<h1>登录 Sign in</h1>
${failed ? '<p role="alert">用户名或密码错误 Wrong username or password</p>' : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
  <label>用户名 Username <input name="username" autocomplete="username" required autofocus></label>
  <label>密码 Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">登录 Sign in</button>
</form>
</body></html>`;
}
